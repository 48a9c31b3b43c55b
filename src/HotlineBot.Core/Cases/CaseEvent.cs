namespace HotlineBot.Cases;

public enum ActorRole
{
    Person,
    Worker,
    Supervisor,
    System,
}

public enum CaseEventKind
{
    PersonMessage,
    WorkerMessage,
    Note,
    StateChange,
    Rating,
    Crisis,
    Delivery,
    Access,
    /// <summary>The person agreed to share something about themselves (e.g. their phone for a call back).</summary>
    Consent,
    /// <summary>The words a person added to their rating: text, so retention removes it like any message.</summary>
    RatingComment,

    /// <summary>The wrap-up form filled in at close, or an edit of it (who, what changed).</summary>
    WrapUp,
}

/// <summary>
/// One line of a case log, written the moment it happens. Worker ids stay on the server, for supervisors;
/// the person's identity is never in an event.
/// </summary>
public sealed class CaseEvent
{
    public long Id { get; set; }
    public int CaseId { get; set; }
    public DateTimeOffset At { get; set; }
    public ActorRole Actor { get; set; }
    public long? WorkerId { get; set; }
    public CaseEventKind Kind { get; set; }
    public string? Text { get; set; }
    public string? MediaKind { get; set; }

    /// <summary>Where the media can be copied from (Telegram keeps it); server-side only, never printed in a log a worker reads.</summary>
    public long? MediaChatId { get; set; }
    public int? MediaMessageId { get; set; }

    /// <summary>
    /// A transfer's workers, by id: <see cref="Text"/> says <c>{from}</c> and <c>{to}</c>, and <see cref="TextNaming"/>
    /// names them from the configuration wherever the log is read. Null on every other line, and on transfers logged
    /// before the ids were kept (their text already names the workers).
    /// </summary>
    public long? FromWorkerId { get; set; }

    public long? ToWorkerId { get; set; }

    /// <summary>The line's text as a reader sees it: the workers of a transfer named as <paramref name="workerName"/> calls them.</summary>
    public string? TextNaming(Func<long, string> workerName)
    {
        ArgumentNullException.ThrowIfNull(workerName);
        var text = Text;
        if (text is null || (FromWorkerId is null && ToWorkerId is null))
        {
            return text;
        }

        if (FromWorkerId is { } from)
        {
            text = text.Replace("{from}", workerName(from), StringComparison.Ordinal);
        }

        return ToWorkerId is { } to ? text.Replace("{to}", workerName(to), StringComparison.Ordinal) : text;
    }
}
