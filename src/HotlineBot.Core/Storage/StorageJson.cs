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

    public static Outbound ReadOutbound(OutboxItem item) => JsonSerializer.Deserialize<Outbound>(item.Payload, Options)!;
}
