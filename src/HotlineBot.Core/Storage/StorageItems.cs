namespace HotlineBot.Storage;

/// <summary>A reply waiting to be delivered; the outbound itself is kept as JSON so its shape can evolve freely.</summary>
public sealed class OutboxItem
{
    public long Id { get; set; }
    public long ChatId { get; set; }
    public int Priority { get; set; }
    public string Payload { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A message for a person whose chat is hidden (safe exit); delivered when they write again.</summary>
public sealed class HeldItem
{
    public long Id { get; set; }
    public long ChatId { get; set; }
    public string Payload { get; set; } = string.Empty;
    public DateTimeOffset HeldAt { get; set; }
}

/// <summary>An update taken from Telegram and committed before the offset moved past it; removed once handled.</summary>
public sealed class InboxItem
{
    public long Id { get; set; }
    public long ChatId { get; set; }
    public bool Crisis { get; set; }
    public int Attempts { get; set; }
    public string Payload { get; set; } = string.Empty;
    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>One number kept across restarts, e.g. the polling offset.</summary>
public sealed class MetaValue
{
    public string Id { get; set; } = string.Empty;
    public long Value { get; set; }
}

/// <summary>The Telegram message id of something the bot sent with a tag, so a later effect can edit it.</summary>
public sealed class SentMessage
{
    public string Id { get; set; } = string.Empty;
    public long ChatId { get; set; }
    public int MessageId { get; set; }
}
