using System.Text.Json;
using HotlineBot.Conversations;

namespace HotlineBot.Storage;

/// <summary>How stored payloads (inbox updates, outbox messages) are written as JSON, the same everywhere.</summary>
internal static class StorageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    public static Inbound ReadInbound(InboxItem item) => JsonSerializer.Deserialize<Inbound>(item.Payload, Options)!;

    public static Outbound ReadOutbound(OutboxItem item) => JsonSerializer.Deserialize<Outbound>(item.Payload, Options)!;
}
