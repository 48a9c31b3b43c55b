using System.Text.Json;
using HotlineBot.Conversations;

namespace HotlineBot.Storage;

public interface IInboxStore
{
    void Add(Inbound inbound, bool crisis, DateTimeOffset now);
    void AddRange(IReadOnlyList<InboxItem> items);
    InboxItem Prepare(Inbound inbound, bool crisis, DateTimeOffset now);
    IReadOnlyList<InboxItem> Pending(int max);
    void Remove(long updateId);
    void CountAttempt(long updateId);
    int Count();
    bool Contains(long updateId);
    DateTimeOffset? OldestReceivedAt();
}

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

    /// <summary>Crisis updates first, however deep the backlog they sit in; then the oldest.</summary>
    public IReadOnlyList<InboxItem> Pending(int max)
    {
        var crisis = _items.Find(i => i.Crisis).OrderBy(i => i.Id).ToList();
        // The oldest by walking the id index, which reads only what it returns. Filtering on Crisis in the query
        // instead would seek that index and sort every waiting update: ~30 ms a call behind a 5,000-update backlog.
        var rest = _items.Query().OrderBy(OldestFirst).Limit(max).ToList().Where(i => !i.Crisis).Take(Math.Max(0, max - crisis.Count));
        return [.. crisis, .. rest];
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

    public static Inbound Read(InboxItem item) => JsonSerializer.Deserialize<Inbound>(item.Payload, StorageJson.Options)!;
}
