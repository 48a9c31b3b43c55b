using HotlineBot.Conversations;
using HotlineBot.Crisis;

namespace HotlineBot.Cases;

public enum CaseStatus
{
    Queued,
    Assigned,
    Closed,
}

/// <summary>
/// One request for a human: opened when a person asks for a specialist or writes words of crisis.
/// <see cref="PersonChatId"/> is how the bot reaches the person; it is never put in front of a worker.
/// Its lifecycle (take, transfer, close, reopen) is in Case.Lifecycle.cs; these properties are what is stored.
/// </summary>
public sealed partial class Case
{
    public int Id { get; set; }
    public long PersonChatId { get; set; }
    public Language Language { get; set; }
    public CaseStatus Status { get; set; } = CaseStatus.Queued;
    public bool Urgent { get; set; }
    public CrisisKind Crisis { get; set; }

    /// <summary>The queue is ordered by this; set from the person's words or by a worker with /risk.</summary>
    public RiskLevel Risk { get; set; }

    /// <summary>What raised the risk: the pattern and the words it matched, or who set it. Shown to workers.</summary>
    public string? RiskReason { get; set; }

    /// <summary>When the case became urgent; an urgent case nobody takes for a few minutes alerts the supervisors.</summary>
    public DateTimeOffset? UrgentSince { get; set; }

    /// <summary>Set once supervisors were alerted, workers reminded and the person told, for an urgent case left waiting.</summary>
    public DateTimeOffset? UrgentEscalatedAt { get; set; }
    public List<string> Topics { get; set; } = [];
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? TakenAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public long? WorkerId { get; set; }
    /// <summary>Workers who had the case before; a transfer back to the queue keeps them out of "taken by" confusion.</summary>
    public List<long> PreviousWorkers { get; set; } = [];
    public string? Outcome { get; set; }

    /// <summary>The wrap-up form filled in when a worker closed the case (null: closed by the person, or before the form existed).</summary>
    public WrapUpRecord? WrapUp { get; set; }

    /// <summary>Who closed it: a case the person closed before anyone took it is a missed contact.</summary>
    public ActorRole? ClosedBy { get; set; }

    /// <summary>A note from the worker who handed the case over; the next worker sees it first.</summary>
    public string? HandoverNote { get; set; }
    public long? HandoverFrom { get; set; }

    /// <summary>
    /// Staff who were sent this case's notice; only their notices are later edited to say who took it.
    /// Null for cases stored before shifts existed, whose notice went to all staff.
    /// </summary>
    public List<long>? NotifiedStaff { get; set; }
    public int? Rating { get; set; }
    public string? RatingComment { get; set; }
    public int? PreviousCaseId { get; set; }
    public bool PickupTimeoutSent { get; set; }
    /// <summary>When the person was last told the case is still open while they waited for a reply (once per silence).</summary>
    public DateTimeOffset? NudgedAt { get; set; }

    /// <summary>
    /// The person's first message since a worker last wrote to them (null when answered): the reply nudge reads this
    /// instead of walking every assigned case's log every 20 seconds. Kept by <see cref="PersonWrote"/> and
    /// <see cref="WorkerWrote"/>; a case stored before it existed starts counting at the person's next message.
    /// </summary>
    public DateTimeOffset? UnansweredSince { get; set; }

    public bool TextRemoved { get; set; }

    public bool IsOpen => Status != CaseStatus.Closed;

    public void PersonWrote(DateTimeOffset at) => UnansweredSince ??= at;

    public void WorkerWrote() => UnansweredSince = null;

    /// <summary>
    /// Since when the person has waited for their worker's words: their first unanswered message, counted from the
    /// moment the case was taken at the earliest (before that nobody could have answered).
    /// </summary>
    public DateTimeOffset? WaitingForWorkerSince() =>
        UnansweredSince is { } since && TakenAt is { } taken && taken > since ? taken : UnansweredSince;
}
