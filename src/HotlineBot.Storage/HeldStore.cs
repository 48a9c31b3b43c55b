using System.Text.Json;
using HotlineBot.Conversations;

namespace HotlineBot.Storage;

internal sealed class HeldStore(HotlineDatabase db) : IHeldStore
{
    private readonly LiteDB.ILiteCollection<HeldItem> _items = db.Collection<HeldItem>(Collections.Held);

    public void Hold(Outbound outbound, DateTimeOffset now) => _items.Insert(new HeldItem
    {
        ChatId = outbound.ChatId,
        Payload = JsonSerializer.Serialize(outbound, StorageJson.Options),
        HeldAt = now,
    });

    public IReadOnlyList<Outbound> Release(long chatId)
    {
        var held = _items.Find(LiteDB.Query.EQ(nameof(HeldItem.ChatId), chatId)).OrderBy(i => i.Id).ToList();
        foreach (var item in held)
        {
            _items.Delete(item.Id);
        }

        return [.. held.Select(i => JsonSerializer.Deserialize<Outbound>(i.Payload, StorageJson.Options)!)];
    }

    public int RemoveHeldBefore(DateTimeOffset before) => _items.DeleteMany(i => i.HeldAt < before);
}
