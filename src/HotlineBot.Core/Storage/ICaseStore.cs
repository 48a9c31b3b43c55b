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
    IReadOnlyList<Case> All(DateTimeOffset? since = null);
    void Append(CaseEvent caseEvent);
    IReadOnlyList<CaseEvent> Log(int caseId);
    /// <summary>The newest events of one kind across all cases, newest first.</summary>
    IReadOnlyList<CaseEvent> Recent(CaseEventKind kind, int max);
    int RemoveTextClosedBetween(DateTimeOffset from, DateTimeOffset to);
}
