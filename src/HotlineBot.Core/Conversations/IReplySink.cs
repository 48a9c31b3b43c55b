using HotlineBot.Storage;

namespace HotlineBot.Conversations;

/// <summary>Where committed replies are handed for delivery (the Telegram sender, or the terminal).</summary>
public interface IReplySink
{
    void Enqueue(IEnumerable<OutboxItem> items);
}
