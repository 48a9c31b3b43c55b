using System.Text.Json;
using HotlineBot.Conversations;

namespace HotlineBot.Storage;

internal sealed class OutboxStore(HotlineDatabase db) : IOutboxStore
{
    private static readonly LiteDB.BsonExpression OldestFirst = "_id";

    private readonly LiteDB.ILiteCollection<OutboxItem> _items = db.Collection<OutboxItem>(Collections.Outbox);

    public IReadOnlyList<OutboxItem> Add(IEnumerable<Outbound> outbounds, DateTimeOffset now)
    {
        var items = outbounds.Select(o => StorageJson.Remember(new OutboxItem
        {
            ChatId = o.ChatId,
            Priority = (int)o.Priority,
            Payload = JsonSerializer.Serialize(o, StorageJson.Options),
            CreatedAt = now,
        }, o)).ToList();
        foreach (var item in items)
        {
            _items.Insert(item);
        }

        return items;
    }

    public void Remove(long id) => _items.Delete(id);

    public IReadOnlyList<OutboxItem> Pending() => _items.FindAll().OrderBy(i => i.Id).ToList();

    public int Count() => _items.Count();

    public DateTimeOffset? OldestCreatedAt() => _items.Query().OrderBy(OldestFirst).Limit(1).FirstOrDefault()?.CreatedAt;

}
