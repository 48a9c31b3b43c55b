using Stateless;
using Stateless.Graph;

namespace HotlineBot.Cases;

public enum CaseTrigger
{
    Take,
    TransferToQueue,
    TransferToWorker,
    Close,
    Reopen,
}

/// <summary>
/// The lifecycle of a case (queued → assigned → closed, with transfers and reopening), as in Stateless's BugTracker
/// sample: the case owns its machine, callers say what they mean (<see cref="Take"/>, <see cref="Close"/>…), and the
/// entry actions set the facts that go with each state. A move the rules do not allow throws
/// <see cref="InvalidOperationException"/>; where refusing is an ordinary outcome (a second worker's Take) the caller
/// asks first (<see cref="CanTake"/>). The state is <see cref="Status"/>, stored with the case; the machine is built
/// lazily in a private field, which the storage mapper (public properties only) never sees.
/// </summary>
public sealed partial class Case
{
    private StateMachine<CaseStatus, CaseTrigger>? _machine;
    private StateMachine<CaseStatus, CaseTrigger>.TriggerWithParameters<long, DateTimeOffset>? _take;
    private StateMachine<CaseStatus, CaseTrigger>.TriggerWithParameters<long>? _transferToWorker;
    private StateMachine<CaseStatus, CaseTrigger>.TriggerWithParameters<Actor, string, DateTimeOffset>? _close;
    private StateMachine<CaseStatus, CaseTrigger>.TriggerWithParameters<Case?, long, DateTimeOffset>? _reopen;
    private StateMachine<CaseStatus, CaseTrigger>.TriggerWithParameters<long, DateTimeOffset>? _toQueue;

    // The case log lines its own moves write, kept until the store saves the case (an aggregate and its new events
    // are saved together); a private field, so the storage mapper never sees it.
    private readonly List<CaseEvent> _raised = [];

    /// <summary>Who did it, for the case log: a role and, for staff, their id.</summary>
    public readonly record struct Actor(ActorRole Role, long? Id = null);

    /// <summary>The log lines this case's moves wrote since it was last saved; the store appends them with the case.</summary>
    public IReadOnlyList<CaseEvent> TakeRaisedEvents()
    {
        var raised = _raised.ToList();
        _raised.Clear();
        return raised;
    }

    /// <summary>Whether a worker may take it now: only while it waits in the queue (the first Take wins).</summary>
    public bool CanTake() => Machine.CanFire(CaseTrigger.Take);

    /// <summary>
    /// A case closed too soon may go back to the queue, unless its person has another case open
    /// (<paramref name="personsOpenCase"/>): one person, one open case.
    /// </summary>
    public bool CanReopen(Case? personsOpenCase) => Machine.CanFire(_reopen!, personsOpenCase, 0, default);

    /// <summary>A worker takes the waiting case; the first take's time is kept for the pickup figures.</summary>
    public void Take(long workerId, DateTimeOffset now) => Machine.Fire(_take!, workerId, now);

    /// <summary>
    /// Handed to a named worker (or taken over by a supervisor); the previous worker is remembered. The desk writes
    /// this move's log line itself, because it names both workers as the hotline's configuration calls them.
    /// </summary>
    public void TransferTo(long workerId) => Machine.Fire(_transferToWorker!, workerId);

    /// <summary>Back to the queue from its worker, for whoever takes it next.</summary>
    public void ReturnToQueue(long byWorker, DateTimeOffset now) => Machine.Fire(_toQueue!, byWorker, now);

    public void Close(Actor by, string outcome, DateTimeOffset now) => Machine.Fire(_close!, by, outcome, now);

    /// <summary>Back to the queue after closing, its log intact; see <see cref="CanReopen"/>.</summary>
    public void Reopen(Case? personsOpenCase, long byWorker, DateTimeOffset now) => Machine.Fire(_reopen!, personsOpenCase, byWorker, now);

    /// <summary>The machine as a DOT graph, drawn from this configuration so the picture never drifts from the code.</summary>
    public static string Graph() => UmlDotGraph.Format(new Case().Machine.GetInfo());

    private StateMachine<CaseStatus, CaseTrigger> Machine => _machine ??= Configure();

    private StateMachine<CaseStatus, CaseTrigger> Configure()
    {
        var m = new StateMachine<CaseStatus, CaseTrigger>(() => Status, s => Status = s);
        _take = m.SetTriggerParameters<long, DateTimeOffset>(CaseTrigger.Take);
        _transferToWorker = m.SetTriggerParameters<long>(CaseTrigger.TransferToWorker);
        _close = m.SetTriggerParameters<Actor, string, DateTimeOffset>(CaseTrigger.Close);
        _reopen = m.SetTriggerParameters<Case?, long, DateTimeOffset>(CaseTrigger.Reopen);
        _toQueue = m.SetTriggerParameters<long, DateTimeOffset>(CaseTrigger.TransferToQueue);

        m.Configure(CaseStatus.Queued)
            .Permit(CaseTrigger.Take, CaseStatus.Assigned)
            .Permit(CaseTrigger.TransferToWorker, CaseStatus.Assigned)
            .Permit(CaseTrigger.Close, CaseStatus.Closed)
            .OnEntryFrom(_toQueue, Requeued, "the worker is remembered, none holds it; logged")
            .OnEntryFrom(_reopen, (_, by, now) => Reopened(by, now), "the close is undone, the worker remembered; logged");

        m.Configure(CaseStatus.Assigned)
            .Permit(CaseTrigger.TransferToQueue, CaseStatus.Queued)
            .PermitReentry(CaseTrigger.TransferToWorker)
            .Permit(CaseTrigger.Close, CaseStatus.Closed)
            .OnEntryFrom(_take, Taken, "the worker holds it; first take time; logged")
            .OnEntryFrom(_transferToWorker, Transferred, "the next worker holds it, the previous one is remembered");

        m.Configure(CaseStatus.Closed)
            .PermitIf(_reopen, CaseStatus.Queued, (other, _, _) => other is null || other.Id == Id, "the person has no other open case")
            .OnEntryFrom(_close, Closed, "who closed it, why and when; logged");
        return m;
    }

    private void Taken(long workerId, DateTimeOffset now)
    {
        WorkerId = workerId;
        TakenAt ??= now;
        Raise(new Actor(ActorRole.Worker, workerId), now, "taken");
    }

    private void Requeued(long byWorker, DateTimeOffset now)
    {
        LeaveWorker();
        Raise(new Actor(ActorRole.Worker, byWorker), now, "returned to the queue");
    }

    private void Transferred(long workerId)
    {
        LeaveWorker();
        WorkerId = workerId;
    }

    private void Closed(Actor by, string outcome, DateTimeOffset now)
    {
        ClosedAt = now;
        ClosedBy = by.Role;
        Outcome = outcome;
        Raise(by, now, $"closed: {outcome}");
    }

    private void Reopened(long byWorker, DateTimeOffset now)
    {
        Raise(new Actor(ActorRole.Worker, byWorker), now, "reopened");
        LeaveWorker();
        ClosedAt = null;
        Outcome = null;
        // The old form stays in the log; the next close fills in a new one.
        WrapUp = null;
        ClosedBy = null;
        PickupTimeoutSent = false;
    }

    // The log's wording of a move is the same one the transcripts and exports have always shown.
    private void Raise(Actor by, DateTimeOffset at, string what) =>
        _raised.Add(new CaseEvent { CaseId = Id, At = at, Actor = by.Role, WorkerId = by.Id, Kind = CaseEventKind.StateChange, Text = what });

    private void LeaveWorker()
    {
        if (WorkerId is { } previous)
        {
            PreviousWorkers.Add(previous);
        }

        WorkerId = null;
    }
}
