using System.Text.Json;
using HotlineBot.Conversations;

namespace HotlineBot.Storage;

public interface IOutboxStore
{
    /// <summary>Adds replies inside the caller's transaction; returns them with their ids for the sender.</summary>
    IReadOnlyList<OutboxItem> Add(IEnumerable<Outbound> outbounds, DateTimeOffset now);
    void Remove(long id);
    IReadOnlyList<OutboxItem> Pending();
    int Count();
    DateTimeOffset? OldestCreatedAt();
}
