using HotlineBot.Cases;
using LiteDB;

namespace HotlineBot.Storage;

internal sealed class CaseStore : ICaseStore
{
    private const string LegacyCommentPrefix = "comment: ";

    /// <summary>How many cases the cache of committed state holds.</summary>
    public const int Kept = 4096;

    private readonly LiteDB.ILiteCollection<Case> _cases;
    private readonly LiteDB.ILiteCollection<CaseEvent> _events;
    private readonly WaitingLine _line;
    private readonly AssignedCases _assigned;
    private readonly UnitOfWork<int, Case> _unit;
    private readonly List<CaseEvent> _pendingEvents = [];
    private readonly HotlineDatabase _db;

    public CaseStore(HotlineDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        _cases = db.Collection<Case>(Collections.Cases);
        _events = db.Collection<CaseEvent>(Collections.CaseEvents);
        _line = new WaitingLine(() => Queued());
        db.RolledBack += _line.Forget;
        _assigned = new AssignedCases(() => _cases.Find(Status(CaseStatus.Assigned)).Select(c => c.Id));
        db.RolledBack += _assigned.Forget;
        // Open cases are written on most of their person's turns: kept between turns, like the people.
        _unit = new UnitOfWork<int, Case>(db, c => c.Id, c => _cases.Update(c), Kept);
        _db = db;
        // A turn's events go in with one bulk insert at the commit, after the cases they belong to.
        db.Flushing += WriteEvents;
        db.UnitEnded += _ => _pendingEvents.Clear();
    }

    internal int KeptCount => _unit.KeptCount;

    public Case? Find(int id) => _unit.Find(id, key => _cases.FindById(key));

    public int Insert(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        @case.Id = _cases.Insert(@case).AsInt32;
        // Saved again at the commit (its pages are already in it), so the new case is kept for the next turns: the
        // queue board looks up the first waiting cases on every change of the queue.
        if (_unit.Active)
        {
            _unit.Save(@case);
        }

        _line.Track(@case);
        _assigned.Track(@case);
        AppendRaised(@case);
        return @case.Id;
    }

    public void Update(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        _unit.Save(@case);
        _line.Track(@case);
        _assigned.Track(@case);
        AppendRaised(@case);
    }

    /// <summary>The case and the log lines its own moves wrote are saved together.</summary>
    private void AppendRaised(Case @case)
    {
        foreach (var raised in @case.TakeRaisedEvents())
        {
            raised.CaseId = @case.Id;
            Append(raised);
        }
    }

    // From memory (see AssignedCases); each case as this turn holds it, or as committed.
    public IReadOnlyList<Case> Assigned() => [.. _assigned.Ids().Select(Find).OfType<Case>().Where(c => c.Status == CaseStatus.Assigned)];

    // Equality on the indexed status seeks straight to the few open cases among the many closed ones.
    public IReadOnlyList<Case> Queued() => Query(() => _cases.Find(Status(CaseStatus.Queued)));

    public int QueuePosition(Case @case) => _line.PositionOf(@case);

    public IReadOnlyList<(int Rank, int Id)> WaitingInOrder(int max = int.MaxValue) => _line.InOrder(max);

    public int WaitingCount() => _line.Count;

    public IReadOnlyList<Case> All(DateTimeOffset? since = null) =>
        Query(() => (since is { } from ? _cases.Find(c => c.OpenedAt >= from) : _cases.FindAll()).OrderBy(c => c.Id));

    public void Append(CaseEvent caseEvent)
    {
        if (_db.InUnitOfWork)
        {
            _pendingEvents.Add(caseEvent);
        }
        else
        {
            _events.Insert(caseEvent);
        }
    }

    public IReadOnlyList<CaseEvent> Log(int caseId)
    {
        WriteEvents();
        return _events.Find(LiteDB.Query.EQ(nameof(CaseEvent.CaseId), caseId)).OrderBy(e => e.Id).ToList();
    }

    public IReadOnlyList<CaseEvent> Recent(CaseEventKind kind, int max)
    {
        WriteEvents();
        return _events.Query().Where(LiteDB.Query.EQ(nameof(CaseEvent.Kind), kind.ToString())).OrderByDescending(e => e.Id).Limit(max).ToList();
    }

    /// <summary>A query sees this turn's changes (written first) and hands back the turn's own objects where it has them.</summary>
    private List<Case> Query(Func<IEnumerable<Case>> query)
    {
        _unit.Flush();
        return [.. query().Select(_unit.Adopt)];
    }

    private void WriteEvents()
    {
        if (_db.InUnitOfWork && _pendingEvents.Count > 0)
        {
            _events.InsertBulk(_pendingEvents);
            _pendingEvents.Clear();
        }
    }

    // Queries are built with LiteDB's Query API, not lambdas: LiteDB compiles a lambda's captured values into a
    // new dynamic method on every call, which showed up in the profile as finalizer and GC work under load.
    private static BsonExpression Status(CaseStatus status) => LiteDB.Query.EQ(nameof(Case.Status), status.ToString());

    /// <summary>Retention: the words go, the facts needed for statistics (times, topics, ratings) stay.</summary>
    public int RemoveTextClosedBetween(DateTimeOffset from, DateTimeOffset to)
    {
        WriteEvents();
        var old = Query(() => _cases.Find(c => c.ClosedAt >= from && c.ClosedAt < to)).Where(c => c.Status == CaseStatus.Closed && !c.TextRemoved).ToList();
        // Only closed cases change here, so the waiting line is untouched.
        foreach (var @case in old)
        {
            _events.DeleteMany(e => e.CaseId == @case.Id && (e.Kind == CaseEventKind.PersonMessage || e.Kind == CaseEventKind.WorkerMessage || e.Kind == CaseEventKind.Note || e.Kind == CaseEventKind.Consent || e.Kind == CaseEventKind.RatingComment
                || e.Kind == CaseEventKind.WrapUp));
            // Logs written before comments had their own kind carry them in a Rating line: "comment: …". The stars stay.
            _events.DeleteMany(e => e.CaseId == @case.Id && e.Kind == CaseEventKind.Rating && e.Text!.StartsWith(LegacyCommentPrefix));
            // The form's summary and a handover note are words too; its category, actions and repeat mark stay for the reports.
            if (@case.WrapUp is { } form)
            {
                form.Summary = null;
            }

            @case.HandoverNote = null;
            @case.RatingComment = null;
            @case.TextRemoved = true;
            Update(@case);
        }

        return old.Count;
    }
}
