using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using HotlineBot.Conversations;

namespace HotlineBot.Storage;

/// <summary>How stored payloads (inbox updates, outbox messages) are written as JSON, the same everywhere.</summary>
internal static class StorageJson
{
    // Kazakh and Russian stored as they are, not as \uXXXX escapes (six bytes a letter): a payload is read back only by
    // this code and never embedded in HTML, and every reply and update is written at least once, so this is a third
    // of the bytes LiteDB writes for them. Payloads stored escaped by earlier versions read back the same.
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Inbound ReadInbound(InboxItem item) => JsonSerializer.Deserialize<Inbound>(item.Payload, Options)!;

    // The replies a commit just wrote, by the item handed to the sender: reading each one back from its JSON cost the
    // saturated bot about 2 % of its processor time. Weak, so an item forgotten by the sender takes its entry with it.
    private static readonly ConditionalWeakTable<OutboxItem, Outbound> Written = [];

    public static Outbound ReadOutbound(OutboxItem item) =>
        Written.TryGetValue(item, out var outbound) ? outbound : JsonSerializer.Deserialize<Outbound>(item.Payload, Options)!;

    /// <summary>The outbound an item was just written from, so that <see cref="ReadOutbound"/> need not parse it again.</summary>
    public static OutboxItem Remember(OutboxItem item, Outbound outbound)
    {
        Written.AddOrUpdate(item, outbound);
        return item;
    }
}
