using HotlineBot.Cases;

namespace HotlineBot.Storage;

public interface ICaseStore
{
    Case? Find(int id);
    int Insert(Case @case);
    void Update(Case @case);
    IReadOnlyList<Case> Open();
    IReadOnlyList<Case> Queued();
    int QueuePosition(Case @case);
    IReadOnlyList<Case> All(DateTimeOffset? since = null);
    void Append(CaseEvent caseEvent);
    IReadOnlyList<CaseEvent> Log(int caseId);
    /// <summary>The newest events of one kind across all cases, newest first.</summary>
    IReadOnlyList<CaseEvent> Recent(CaseEventKind kind, int max);
    int RemoveTextOlderThan(DateTimeOffset cutoff);
}

internal sealed class CaseStore(HotlineDatabase db) : ICaseStore
{
    private readonly LiteDB.ILiteCollection<Case> _cases = db.Collection<Case>(Collections.Cases);
    private readonly LiteDB.ILiteCollection<CaseEvent> _events = db.Collection<CaseEvent>(Collections.CaseEvents);

    public Case? Find(int id) => _cases.FindById(id);

    public int Insert(Case @case) => _cases.Insert(@case).AsInt32;

    public void Update(Case @case) => _cases.Update(@case);

    // Equality on the indexed status seeks straight to the few open cases among the many closed ones.
    public IReadOnlyList<Case> Open() => [.. Queued(), .. _cases.Find(c => c.Status == CaseStatus.Assigned)];

    public IReadOnlyList<Case> Queued() => _cases.Find(c => c.Status == CaseStatus.Queued).ToList();

    /// <summary>
    /// Urgent cases first, then by id, which grows with the time a case was opened. Counted in the database,
    /// without mapping every waiting case to an object.
    /// </summary>
    public int QueuePosition(Case @case)
    {
        var id = @case.Id;
        var ahead = @case.Urgent
            ? _cases.Count(c => c.Status == CaseStatus.Queued && c.Urgent && c.Id < id)
            : _cases.Count(c => c.Status == CaseStatus.Queued && c.Urgent) + _cases.Count(c => c.Status == CaseStatus.Queued && !c.Urgent && c.Id < id);
        return ahead + 1;
    }

    public IReadOnlyList<Case> All(DateTimeOffset? since = null) =>
        (since is { } from ? _cases.Find(c => c.OpenedAt >= from) : _cases.FindAll()).OrderBy(c => c.Id).ToList();

    public void Append(CaseEvent caseEvent) => _events.Insert(caseEvent);

    public IReadOnlyList<CaseEvent> Log(int caseId) => _events.Find(e => e.CaseId == caseId).OrderBy(e => e.Id).ToList();

    public IReadOnlyList<CaseEvent> Recent(CaseEventKind kind, int max) =>
        _events.Query().Where(e => e.Kind == kind).OrderByDescending(e => e.Id).Limit(max).ToList();

    /// <summary>Retention: the words go, the facts needed for statistics (times, topics, ratings) stay.</summary>
    public int RemoveTextOlderThan(DateTimeOffset cutoff)
    {
        var old = _cases.Find(c => c.Status == CaseStatus.Closed && c.ClosedAt < cutoff && !c.TextRemoved).ToList();
        foreach (var @case in old)
        {
            _events.DeleteMany(e => e.CaseId == @case.Id && (e.Kind == CaseEventKind.PersonMessage || e.Kind == CaseEventKind.WorkerMessage || e.Kind == CaseEventKind.Note || e.Kind == CaseEventKind.Consent));
            @case.RatingComment = null;
            @case.TextRemoved = true;
            _cases.Update(@case);
        }

        return old.Count;
    }
}
