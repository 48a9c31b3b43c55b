namespace HotlineBot.Conversations;

/// <summary>What kind of thing arrived from a person, independent of the messenger it came through.</summary>
public enum InboundKind
{
    Text,
    Button,
    Media,
    Contact,
    Edited,
    Unsupported,
    /// <summary>Not from a person: the sender's report that a reply arrived or failed (<see cref="Inbound.Delivery"/>).</summary>
    Delivery,
}

/// <summary>A piece of media the person sent; relayed by reference, never downloaded.</summary>
public sealed record InboundMedia(string Kind, string? Caption, long FromChatId, int MessageId);

/// <summary>
/// One thing a person (or worker) did, as the core sees it. The Telegram edge and the terminal both produce these;
/// the core never sees a Telegram type.
/// </summary>
public sealed record Inbound
{
    public required long UpdateId { get; init; }
    public required long ChatId { get; init; }
    public required long UserId { get; init; }
    public required InboundKind Kind { get; init; }
    public string? Text { get; init; }
    public string? ButtonData { get; init; }
    public string? CallbackId { get; init; }
    /// <summary>The message the button was on (to edit in place), or the person's own message id.</summary>
    public int? MessageId { get; init; }
    public InboundMedia? Media { get; init; }
    public string? ContactPhone { get; init; }
    /// <summary>The shared contact is the sender's own (not someone from their address book).</summary>
    public bool ContactIsOwn { get; init; }
    public string? LanguageHint { get; init; }
    public bool IsPrivateChat { get; init; } = true;
    /// <summary>
    /// Written in the thread of this case (a topic of the worker's chat or of a staff group): the edge knows which thread
    /// is which case, the core only hears the case. Null outside every case's thread.
    /// </summary>
    public int? ThreadCaseId { get; init; }
    public DateTimeOffset SentAt { get; init; }
    public Cases.DeliveryFact? Delivery { get; init; }
}
