using HotlineBot.Dialogs;
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
/// entry actions set the facts that go with each state, write the move's log lines and say what must be told to whom
/// (<see cref="CaseNotice"/>: the desks hand them to <see cref="CaseNotices"/>). A move the rules do not allow throws
/// <see cref="InvalidOperationException"/>; where refusing is an ordinary outcome (a second worker's Take) the caller
/// asks first (<see cref="CanTake"/>). The state is <see cref="Status"/>, stored with the case; the machine is built
/// lazily in a private field, which the storage mapper (public properties only) never sees.
/// </summary>
public sealed partial class Case
{
    private StateMachine<CaseStatus, CaseTrigger>? _machine;
    private StateMachine<CaseStatus, CaseTrigger>.TriggerWithParameters<long, DateTimeOffset>? _take;
    private StateMachine<CaseStatus, CaseTrigger>.TriggerWithParameters<long, Handover>? _transferToWorker;
    private StateMachine<CaseStatus, CaseTrigger>.TriggerWithParameters<Actor, string, DateTimeOffset>? _close;
    private StateMachine<CaseStatus, CaseTrigger>.TriggerWithParameters<Case?, long, DateTimeOffset>? _reopen;
    private StateMachine<CaseStatus, CaseTrigger>.TriggerWithParameters<Handover>? _toQueue;

    // The case log lines its own moves wrote, kept until the store saves the case (an aggregate and its new events
    // are saved together), and what its moves must say, kept until the desk hands it to CaseNotices. Private fields,
    // so the storage mapper never sees them.
    private readonly List<CaseEvent> _raised = [];
    private readonly List<CaseNotice> _notices = [];

    /// <summary>Who did it, for the case log: a role and, for staff, their id.</summary>
    public readonly record struct Actor(ActorRole Role, long? Id = null);

    /// <summary>A case handed on: by whom, with what note for whoever has it next, and when.</summary>
    private readonly record struct Handover(Actor By, string? Note, DateTimeOffset At);

    /// <summary>The log lines this case's moves wrote since it was last saved; the store appends them with the case.</summary>
    public IReadOnlyList<CaseEvent> TakeRaisedEvents() => Drain(_raised);

    /// <summary>What this case's moves must say since they were last told; <see cref="CaseNotices"/> says it.</summary>
    public IReadOnlyList<CaseNotice> TakeRaisedNotices() => Drain(_notices);

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
    /// Handed by the worker who holds it to a named colleague, who reads <paramref name="note"/> first; the previous
    /// worker is remembered. The log line keeps both ids: the names are the configuration's, given where it is read.
    /// </summary>
    public void TransferTo(long workerId, DateTimeOffset now, string? note = null) =>
        Machine.Fire(_transferToWorker!, workerId, new Handover(new Actor(ActorRole.Worker, WorkerId), note, now));

    /// <summary>A supervisor takes the case over from the worker who holds it: logged as theirs, and that worker is told.</summary>
    public void TakeOver(long supervisorId, DateTimeOffset now) =>
        Machine.Fire(_transferToWorker!, supervisorId, new Handover(new Actor(ActorRole.Supervisor, supervisorId), null, now));

    /// <summary>Back to the queue from its worker, for whoever takes it next (who reads <paramref name="note"/> first).</summary>
    public void ReturnToQueue(long byWorker, DateTimeOffset now, string? note = null) =>
        Machine.Fire(_toQueue!, new Handover(new Actor(ActorRole.Worker, byWorker), note, now));

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
        _transferToWorker = m.SetTriggerParameters<long, Handover>(CaseTrigger.TransferToWorker);
        _close = m.SetTriggerParameters<Actor, string, DateTimeOffset>(CaseTrigger.Close);
        _reopen = m.SetTriggerParameters<Case?, long, DateTimeOffset>(CaseTrigger.Reopen);
        _toQueue = m.SetTriggerParameters<Handover>(CaseTrigger.TransferToQueue);

        m.Configure(CaseStatus.Queued)
            .Permit(CaseTrigger.Take, CaseStatus.Assigned)
            .Permit(CaseTrigger.TransferToWorker, CaseStatus.Assigned)
            .Permit(CaseTrigger.Close, CaseStatus.Closed)
            .OnEntryFrom(_toQueue, Requeued, "the worker is remembered, none holds it; logged; the person and that worker told")
            .OnEntryFrom(_reopen, (_, by, now) => Reopened(by, now), "the close is undone, the worker remembered; logged; the person told");

        m.Configure(CaseStatus.Assigned)
            .Permit(CaseTrigger.TransferToQueue, CaseStatus.Queued)
            .PermitReentry(CaseTrigger.TransferToWorker)
            .Permit(CaseTrigger.Close, CaseStatus.Closed)
            .OnEntryFrom(_take, Taken, "the worker holds it; first take time; logged; the worker and the person told")
            .OnEntryFrom(_transferToWorker, Transferred, "the next worker holds it, the previous one is remembered; logged; all three told");

        m.Configure(CaseStatus.Closed)
            .PermitIf(_reopen, CaseStatus.Queued, (other, _, _) => other is null || other.Id == Id, "the person has no other open case")
            .OnEntryFrom(_close, Closed, "who closed it, why and when; logged; the worker and the person told");
        return m;
    }

    private void Taken(long workerId, DateTimeOffset now)
    {
        WorkerId = workerId;
        TakenAt ??= now;
        Raise(new Actor(ActorRole.Worker, workerId), now, "taken");
        Tell(new CaseNotice(CaseAudience.AssignedWorker, UiKeys.WorkerYouTook, NoticeForm.Greeting) { WorkerId = workerId });
        Tell(new CaseNotice(CaseAudience.Person, UiKeys.CaseTaken, NoticeForm.Joined));
    }

    private void Requeued(Handover handover)
    {
        LeaveNote(handover);
        LeaveWorker();
        Raise(handover.By, handover.At, "returned to the queue");
        Tell(new CaseNotice(CaseAudience.Person, UiKeys.CaseTransferred));
        Tell(new CaseNotice(CaseAudience.PreviousWorker, UiKeys.WorkerTransferred, NoticeForm.Personal) { WorkerId = handover.By.Id });
    }

    private void Transferred(long workerId, Handover handover)
    {
        var from = WorkerId;
        LeaveNote(handover);
        LeaveWorker();
        WorkerId = workerId;
        var takenOver = handover.By.Role == ActorRole.Supervisor;
        // The ids, not the names: "{to}" and "{from}" are named from the configuration wherever the log is read.
        _raised.Add(new CaseEvent
        {
            CaseId = Id, At = handover.At, Actor = handover.By.Role, WorkerId = handover.By.Id, Kind = CaseEventKind.StateChange,
            Text = takenOver ? "taken over by supervisor {to} from {from}" : "transferred to {to}", FromWorkerId = from, ToWorkerId = workerId,
        });
        Tell(from is { } previous
            ? new CaseNotice(CaseAudience.AssignedWorker, UiKeys.WorkerTransferredToYou, NoticeForm.Greeting) { WorkerId = workerId, Staff = [("worker", previous)] }
            : new CaseNotice(CaseAudience.AssignedWorker, UiKeys.WorkerYouTook, NoticeForm.Greeting) { WorkerId = workerId });
        Tell(new CaseNotice(CaseAudience.Person, UiKeys.CaseTransferred, NoticeForm.Joined));
        if (from is { } left)
        {
            Tell(takenOver
                ? new CaseNotice(CaseAudience.PreviousWorker, UiKeys.WorkerTakenOver, NoticeForm.Personal) { WorkerId = left, Staff = [("supervisor", workerId)] }
                : new CaseNotice(CaseAudience.PreviousWorker, UiKeys.WorkerTransferred, NoticeForm.Personal) { WorkerId = left });
        }
    }

    private void Closed(Actor by, string outcome, DateTimeOffset now)
    {
        ClosedAt = now;
        ClosedBy = by.Role;
        Outcome = outcome;
        Raise(by, now, $"closed: {outcome}");
        if (WorkerId is { } holder)
        {
            Tell(new CaseNotice(CaseAudience.AssignedWorker, by.Role == ActorRole.Person ? UiKeys.WorkerPersonLeft : UiKeys.WorkerClosed) { WorkerId = holder });
            if (Risk == RiskLevel.High)
            {
                // Counsellors' wellbeing is part of the job: a heavy conversation is followed by a word for them.
                Tell(new CaseNotice(CaseAudience.AssignedWorker, UiKeys.WorkerCheckIn, NoticeForm.Personal) { WorkerId = holder });
            }
        }

        if (by.Role != ActorRole.Person)
        {
            // The person who closed it themselves is answered by their own confirmation, not told of it again.
            Tell(new CaseNotice(CaseAudience.Person, UiKeys.CaseClosed));
            Tell(new CaseNotice(CaseAudience.Person, UiKeys.RatePrompt, NoticeForm.AskRating));
        }
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
        Tell(new CaseNotice(CaseAudience.Person, UiKeys.CaseReopened));
    }

    /// <summary>A handover note is logged before the move it goes with, and the next worker sees it first.</summary>
    private void LeaveNote(Handover handover)
    {
        if (handover.Note is not { } note)
        {
            return;
        }

        HandoverNote = note;
        HandoverFrom = handover.By.Id;
        _raised.Add(new CaseEvent { CaseId = Id, At = handover.At, Actor = ActorRole.Worker, WorkerId = handover.By.Id, Kind = CaseEventKind.Note, Text = "handover note: " + note });
    }

    // The log's wording of a move is the same one the transcripts and exports have always shown.
    private void Raise(Actor by, DateTimeOffset at, string what) =>
        _raised.Add(new CaseEvent { CaseId = Id, At = at, Actor = by.Role, WorkerId = by.Id, Kind = CaseEventKind.StateChange, Text = what });

    private void Tell(CaseNotice notice) => _notices.Add(notice);

    private static List<T> Drain<T>(List<T> raised)
    {
        var taken = raised.ToList();
        raised.Clear();
        return taken;
    }

    private void LeaveWorker()
    {
        if (WorkerId is { } previous)
        {
            PreviousWorkers.Add(previous);
        }

        WorkerId = null;
    }
}
