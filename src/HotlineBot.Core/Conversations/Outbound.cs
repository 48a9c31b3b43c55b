namespace HotlineBot.Conversations;

/// <summary>Crisis replies overtake everything; bulk is what the bot sends on its own (alerts, nudges) and is throttled globally.</summary>
public enum OutboundPriority
{
    Crisis = 0,
    Reply = 1,
    Bulk = 2,
}

public enum OutboundKind
{
    Send,
    Edit,
    AnswerButton,
    Copy,
    Document,
    Delete,
    /// <summary>A picture (FileContent, PNG) with an optional caption (Text).</summary>
    Photo,
    /// <summary>
    /// Safe exit: delete every message of this chat the bot can still delete. The ids are looked up when it is
    /// delivered, so messages sent just before it go too.
    /// </summary>
    ClearChat,

    /// <summary>
    /// The thread of <see cref="Outbound.CaseId"/> in this chat: named <see cref="Outbound.Text"/> (its status shows in the
    /// name), open or <see cref="Outbound.ThreadClosed"/>. The edge opens it when it does not exist yet (unless closed),
    /// renames, closes or reopens it; where the chat has no threads it does nothing.
    /// </summary>
    Thread,
}

public sealed record OutButton(string Label, string Data);

/// <summary>
/// One thing the bot wants shown in a chat. Stored in the outbox in the same commit as the state change that caused it,
/// then delivered by the edge. <see cref="Tag"/> names a sent message so later effects can edit it
/// (e.g. a worker's case notification changing to "taken by …").
/// </summary>
public sealed record Outbound
{
    public required long ChatId { get; init; }
    public OutboundKind Kind { get; init; } = OutboundKind.Send;
    public OutboundPriority Priority { get; init; } = OutboundPriority.Reply;
    public string? Text { get; init; }
    public IReadOnlyList<IReadOnlyList<OutButton>>? Buttons { get; init; }
    /// <summary>Edit this message id (a menu the person pressed a button on).</summary>
    public int? EditMessageId { get; init; }
    /// <summary>Edit the message previously sent with this tag.</summary>
    public string? EditTag { get; init; }
    public string? Tag { get; init; }
    public string? CallbackId { get; init; }
    public long? CopyFromChatId { get; init; }
    public int? CopyMessageId { get; init; }
    public string? FileName { get; init; }
    public byte[]? FileContent { get; init; }
    public IReadOnlyList<int>? DeleteMessageIds { get; init; }
    /// <summary>Ask Telegram for a one-tap phone-sharing keyboard instead of inline buttons.</summary>
    public string? RequestContactLabel { get; init; }
    public bool RemoveKeyboard { get; init; }
    /// <summary>Case this message belongs to, so delivery status can be shown on it.</summary>
    public int? CaseId { get; init; }
    /// <summary>
    /// Show it in the thread of <see cref="CaseId"/> in this chat: the core only says "the case's thread"; the Telegram
    /// edge decides whether that is a forum topic (a worker's private chat with topics, a staff group) or the chat itself.
    /// </summary>
    public bool InCaseThread { get; init; }
    /// <summary>With <see cref="OutboundKind.Thread"/>: the case's thread is closed (the case closed, or moved to another worker).</summary>
    public bool ThreadClosed { get; init; }
    /// <summary>Pin the message once sent (a staff group's case card): the edge also shows it again if the thread is recreated.</summary>
    public bool Pin { get; init; }
    /// <summary>Worth showing only inside the case's thread (e.g. "this topic is closed"): a chat without threads does not get it.</summary>
    public bool ThreadOnly { get; init; }
    /// <summary>A worker's message to a person: that worker is told whether it arrived (see DeliveryReports).</summary>
    public long? ReportTo { get; init; }

    /// <summary>
    /// A notice the bot makes about something that changes (a case's alert, a worker's queue board): while it waits to be
    /// sent, a newer outbound for the same chat with the same key takes its place, so a worker never gets a stale one.
    /// Never set on anything a person or worker wrote: their words are never superseded.
    /// </summary>
    public string? ReplaceKey { get; init; }

    /// <summary>
    /// An edit that only corrects a notice already shown (a case's alert saying who took it): when that notice was never
    /// sent (it was superseded while it waited), there is nothing to correct and nothing is sent.
    /// </summary>
    public bool OnlyIfShown { get; init; }

    /// <summary>
    /// A relayed text (a person's words at the worker, already marked with the case) that may be sent joined with other
    /// such texts waiting for the same chat and thread: one message instead of one each behind the chat's pace. The
    /// words are never changed, only joined, each part marked with its time.
    /// </summary>
    public bool MayJoin { get; init; }

    /// <summary>When the relayed words were written: the time mark of a joined part, even if it was held (a hidden chat) and sent later.</summary>
    public DateTimeOffset? WrittenAt { get; init; }
}
