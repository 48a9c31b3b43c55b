namespace HotlineBot.Storage;

/// <summary>One message id in a chat, with when it was sent.</summary>
public sealed class ChatMessageEntry
{
    public long Id { get; set; }
    public long ChatId { get; set; }
    public int MessageId { get; set; }
    public DateTimeOffset At { get; set; }
}
