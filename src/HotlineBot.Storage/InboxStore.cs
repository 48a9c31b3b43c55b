using System.Text.Json;
using HotlineBot.Conversations;

namespace HotlineBot.Storage;

/// <summary>
/// The durable inbox. Which updates are crisis messages is kept beside it, in a small collection of its own
/// (<see cref="CrisisMark"/>): an index on the inbox's <c>Crisis</c> flag, false for nearly every update, cost a
/// skip-list insert on every update taken in and an unlink on every update handled, for a question that only the
/// crisis messages answer.
/// </summary>
internal sealed class InboxStore : IInboxStore
{
    private static readonly LiteDB.BsonExpression OldestFirst = "_id";

    private readonly LiteDB.ILiteCollection<InboxItem> _items;
    private readonly LiteDB.ILiteCollection<CrisisMark> _crisis;

    public InboxStore(HotlineDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        _items = db.Collection<InboxItem>(Collections.Inbox);
        _crisis = db.Collection<CrisisMark>(Collections.InboxCrisis);
        // Files made by earlier versions have the index: their waiting crisis messages get their marks as it goes.
        db.InTransaction(() =>
        {
            if (_items.DropIndex(nameof(InboxItem.Crisis)))
            {
                foreach (var item in _items.Find(LiteDB.Query.EQ(nameof(InboxItem.Crisis), true)))
                {
                    _crisis.Upsert(new CrisisMark { Id = item.Id, ChatId = item.ChatId });
                }
            }
        });
    }

    public void Add(Inbound inbound, bool crisis, DateTimeOffset now)
    {
        var item = Prepare(inbound, crisis, now);
        _items.Upsert(item);
        if (crisis)
        {
            _crisis.Upsert(new CrisisMark { Id = item.Id, ChatId = item.ChatId });
        }
    }

    /// <summary>Serialising happens here, outside any transaction, so the commit that takes updates in stays short.</summary>
    public InboxItem Prepare(Inbound inbound, bool crisis, DateTimeOffset now) => new()
    {
        Id = inbound.UpdateId,
        ChatId = inbound.ChatId,
        Crisis = crisis,
        Payload = JsonSerializer.Serialize(inbound, StorageJson.Options),
        ReceivedAt = now,
    };

    public void AddRange(IReadOnlyList<InboxItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items.InsertBulk(items);
        foreach (var item in items)
        {
            if (item.Crisis)
            {
                _crisis.Insert(new CrisisMark { Id = item.Id, ChatId = item.ChatId });
            }
        }
    }

    /// <summary>
    /// The oldest updates, and every crisis update however deep the backlog it sits in, together with the earlier
    /// updates of that crisis's chat: crisis-first applies across people, and one person's messages stay in order.
    /// For each chat, what is returned is the chat's oldest pending updates (a prefix), never a gap.
    /// </summary>
    public IReadOnlyList<InboxItem> Pending(int max)
    {
        var crisis = _crisis.FindAll().ToList();
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

    public void Remove(InboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _items.Delete(item.Id);
        if (item.Crisis)
        {
            _crisis.Delete(item.Id);
        }
    }

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

/// <summary>A crisis message waiting in the inbox: its update id and chat (see <see cref="InboxStore"/>).</summary>
public sealed class CrisisMark
{
    public long Id { get; set; }
    public long ChatId { get; set; }
}
