using HotlineBot.Dialogs;

namespace HotlineBot.Cases;

/// <summary>
/// What happens in a case without moving it: the person hides the chat or comes back to it, shares their phone, a
/// worker's message waits for a hidden chat. Like the moves (Case.Lifecycle.cs), each writes its own log line and raises
/// what the worker must hear; the desk saves the case and has <see cref="CaseNotices"/> say it.
/// </summary>
public sealed partial class Case
{
    /// <summary>The person used safe exit: the case stays open, and its worker knows new messages would show on their screen.</summary>
    public void PersonHid(DateTimeOffset now)
    {
        Happened(ActorRole.Person, CaseEventKind.StateChange, "hid the chat (safe exit)", now);
        TellWorker(WorkerId, UiKeys.WorkerPersonHid);
    }

    /// <summary>The person who hid the chat wrote again, and what was held for them (<paramref name="delivered"/> messages) goes out now.</summary>
    public void PersonReturned(int delivered, DateTimeOffset now)
    {
        Happened(ActorRole.Person, CaseEventKind.StateChange, $"came back to the hidden chat; held messages delivered: {delivered}", now);
        TellWorker(WorkerId, UiKeys.WorkerPersonBack, ("count", delivered));
    }

    /// <summary>
    /// The person agreed, after being told who sees it and why, to share their phone: it goes in the log with the time and
    /// to the worker on the case. Nothing else ever carries who they are.
    /// </summary>
    public void PhoneShared(string phone, DateTimeOffset now)
    {
        Happened(ActorRole.Person, CaseEventKind.Consent, $"phone shared with consent for a call back: {phone}", now);
        TellWorker(WorkerId, UiKeys.WorkerPhoneShared, ("phone", phone));
    }

    /// <summary>A worker's message waits because the person's chat is hidden: that worker knows it has not gone yet.</summary>
    public void WorkerMessageHeld(long workerId, DateTimeOffset now)
    {
        Happened(ActorRole.System, CaseEventKind.StateChange, "worker's message held: the person's chat is hidden", now);
        TellWorker(workerId, UiKeys.WorkerMessageHeld);
    }

    /// <summary>The person rated the talk (1 to 5 stars, after the close): the worker who held the case hears how it went.</summary>
    public void Rate(int stars, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stars, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stars, 5);
        Rating = stars;
        Happened(ActorRole.Person, CaseEventKind.Rating, $"{stars}/5", now);
        TellWorker(WorkerId ?? (PreviousWorkers.Count > 0 ? PreviousWorkers[^1] : null), UiKeys.WorkerRated, ("stars", stars));
    }

    /// <summary>The words a person added to their rating: a log line of their own, so retention removes them like any message.</summary>
    public void Comment(string comment, DateTimeOffset now)
    {
        RatingComment = comment;
        Happened(ActorRole.Person, CaseEventKind.RatingComment, comment, now);
    }

    private void Happened(ActorRole by, CaseEventKind kind, string what, DateTimeOffset at) =>
        _raised.Add(new CaseEvent { CaseId = Id, At = at, Actor = by, Kind = kind, Text = what });

    // A queued case has nobody to tell: what happened is in its log for whoever takes it.
    private void TellWorker(long? worker, string key, params (string Placeholder, object Value)[] values)
    {
        if (worker is { } id)
        {
            Tell(new CaseNotice(CaseAudience.AssignedWorker, key) { WorkerId = id, Values = values });
        }
    }
}
