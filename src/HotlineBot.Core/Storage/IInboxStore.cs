using System.Text.Json;
using HotlineBot.Conversations;

namespace HotlineBot.Storage;

public interface IInboxStore
{
    void Add(Inbound inbound, bool crisis, DateTimeOffset now);
    void AddRange(IReadOnlyList<InboxItem> items);
    InboxItem Prepare(Inbound inbound, bool crisis, DateTimeOffset now);
    IReadOnlyList<InboxItem> Pending(int max);
    /// <summary>The update leaves the inbox (and, if it is one, the crisis messages waiting).</summary>
    void Remove(InboxItem item);
    void CountAttempt(long updateId);
    int Count();
    bool Contains(long updateId);
    DateTimeOffset? OldestReceivedAt();
}
