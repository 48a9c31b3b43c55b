namespace HotlineBot.Cases;

/// <summary>Who hears of a case's move.</summary>
public enum CaseAudience
{
    /// <summary>The person, in the case's language; a specialist is only ever the configured display name to them.</summary>
    Person,

    /// <summary>The worker who holds the case after the move (for a close: the one who held it).</summary>
    AssignedWorker,

    /// <summary>The worker who just handed the case on (to a colleague, a supervisor or the queue).</summary>
    PreviousWorker,
}

/// <summary>What a notice is, beyond its words: where it is shown and what comes with it.</summary>
public enum NoticeForm
{
    /// <summary>A message: to the person in their chat, to a worker in the case's room (its topic, or the staff group's).</summary>
    Plain,

    /// <summary>To the person: a specialist is with them now. The case's buttons come under it, ahead of other replies when the case is urgent.</summary>
    Joined,

    /// <summary>To the person: the stars to rate the talk with come under it.</summary>
    AskRating,

    /// <summary>To the worker who now has the case: the handover note, the story so far and the case's buttons come with it.</summary>
    Greeting,

    /// <summary>To a worker themselves, in their own chat rather than the case's room (a word for them, or a case no longer theirs).</summary>
    Personal,
}

/// <summary>
/// What one of a case's moves must say, and to whom: raised by the case's entry actions alongside its log lines, and
/// turned into messages by <see cref="CaseNotices"/>. <see cref="Key"/> is a key of dialogs/ui.yaml; the case's number
/// is always given to it (and, to the person, the specialist's display name as <c>{worker}</c>); staff who must be
/// named are given by id in <see cref="Staff"/>, so the names come from the configuration, never from the case.
/// </summary>
public sealed record CaseNotice(CaseAudience To, string Key, NoticeForm Form = NoticeForm.Plain)
{
    /// <summary>The worker it is for (null for the person).</summary>
    public long? WorkerId { get; init; }

    /// <summary>Placeholders that name a member of staff, by id (e.g. <c>{worker}</c> for the colleague who handed it over).</summary>
    public IReadOnlyList<(string Placeholder, long StaffId)> Staff { get; init; } = [];

    /// <summary>Other placeholders the key is given (e.g. <c>{count}</c> of messages delivered).</summary>
    public IReadOnlyList<(string Placeholder, object Value)> Values { get; init; } = [];
}
