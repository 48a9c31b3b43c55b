using HotlineBot.Cases;

namespace HotlineBot.Storage;

public interface ICaseStore
{
    Case? Find(int id);
    int Insert(Case @case);
    void Update(Case @case);
    IReadOnlyList<Case> Assigned();
    IReadOnlyList<Case> Queued();
    int QueuePosition(Case @case);

    /// <summary>
    /// The first <paramref name="max"/> waiting cases' numbers in queue order (risk, then arrival) with their rank (0:
    /// urgent or high risk), from memory: whatever shows the queue on every change (the queue board) must not load every
    /// waiting case, nor copy a line of thousands to show its head.
    /// </summary>
    IReadOnlyList<(int Rank, int Id)> WaitingInOrder(int max = int.MaxValue);

    /// <summary>How many cases wait, from memory.</summary>
    int WaitingCount();
    IReadOnlyList<Case> All(DateTimeOffset? since = null);
    void Append(CaseEvent caseEvent);
    IReadOnlyList<CaseEvent> Log(int caseId);
    /// <summary>The newest events of one kind across all cases, newest first.</summary>
    IReadOnlyList<CaseEvent> Recent(CaseEventKind kind, int max);
    int RemoveTextClosedBetween(DateTimeOffset from, DateTimeOffset to);
}
