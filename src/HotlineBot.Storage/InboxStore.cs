using System.Text.Json;
using HotlineBot.Conversations;

namespace HotlineBot.Storage;

internal sealed class InboxStore(HotlineDatabase db) : IInboxStore
{
    private static readonly LiteDB.BsonExpression OldestFirst = "_id";

    private readonly LiteDB.ILiteCollection<InboxItem> _items = db.Collection<InboxItem>(Collections.Inbox);

    public void Add(Inbound inbound, bool crisis, DateTimeOffset now) => _items.Upsert(Prepare(inbound, crisis, now));

    /// <summary>Serialising happens here, outside any transaction, so the commit that takes updates in stays short.</summary>
    public InboxItem Prepare(Inbound inbound, bool crisis, DateTimeOffset now) => new()
    {
        Id = inbound.UpdateId,
        ChatId = inbound.ChatId,
        Crisis = crisis,
        Payload = JsonSerializer.Serialize(inbound, StorageJson.Options),
        ReceivedAt = now,
    };

    public void AddRange(IReadOnlyList<InboxItem> items) => _items.InsertBulk(items);

    /// <summary>
    /// The oldest updates, and every crisis update however deep the backlog it sits in, together with the earlier
    /// updates of that crisis's chat: crisis-first applies across people, and one person's messages stay in order.
    /// For each chat, what is returned is the chat's oldest pending updates (a prefix), never a gap.
    /// </summary>
    public IReadOnlyList<InboxItem> Pending(int max)
    {
        var crisis = _items.Find(i => i.Crisis).ToList();
        // The oldest by walking the id index, which reads only what it returns. Filtering on Crisis in the query
        // instead would seek that index and sort every waiting update: ~30 ms a call behind a 5,000-update backlog.
        var oldest = _items.Query().OrderBy(OldestFirst).Limit(max).ToList();
        if (crisis.Count == 0)
        {
            return oldest;
        }

        var picked = oldest.Take(Math.Max(0, max - crisis.Count)).ToDictionary(i => i.Id);
        foreach (var chat in crisis.GroupBy(i => i.ChatId))
        {
            var (chatId, upTo) = (chat.Key, chat.Max(i => i.Id));
            // The ChatId index: only this chat's updates are read.
            foreach (var earlier in _items.Find(i => i.ChatId == chatId && i.Id <= upTo))
            {
                picked.TryAdd(earlier.Id, earlier);
            }
        }

        return [.. picked.Values.OrderBy(i => i.Id)];
    }

    public void Remove(long updateId) => _items.Delete(updateId);

    public void CountAttempt(long updateId)
    {
        if (_items.FindById(updateId) is { } item)
        {
            item.Attempts++;
            _items.Update(item);
        }
    }

    public int Count() => _items.Count();

    public bool Contains(long updateId) => _items.FindById(updateId) is not null;

    public DateTimeOffset? OldestReceivedAt() => _items.Query().OrderBy(OldestFirst).Limit(1).FirstOrDefault()?.ReceivedAt;

}
