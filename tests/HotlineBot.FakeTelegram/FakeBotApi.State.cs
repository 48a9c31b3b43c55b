using System.Text.Json.Nodes;

namespace HotlineBot.FakeTelegram;

public sealed partial class FakeBotApi
{
    private sealed class ChatState
    {
        public required long Id { get; init; }
        public required JsonObject Json { get; set; }
        public int NextMessageId { get; set; } = 1;
        public List<StoredMessage> Messages { get; } = [];
        public IReadOnlyList<IReadOnlyList<string>>? ReplyKeyboard { get; set; }
    }

    private sealed class StoredMessage
    {
        public required long ChatId { get; init; }
        public required int MessageId { get; init; }
        public required bool FromBot { get; init; }
        public required long FromId { get; init; }
        public required JsonObject Json { get; set; }
        public required string Source { get; init; }
        public required long ReceivedAt { get; init; }
        public bool Edited { get; set; }
        public string? RawText { get; set; }
        public string? ParseMode { get; set; }
        public long? CopiedFromChatId { get; init; }
        public int? CopiedFromMessageId { get; init; }
        public IReadOnlyList<IReadOnlyList<string>>? ReplyKeyboard { get; set; }
        public bool RemovesReplyKeyboard { get; set; }

        public MessageKind Kind => KindOf(Json);

        public ChatMessage ToPublic()
        {
            var json = (JsonObject)Json.DeepClone();
            var (fileId, fileName, fileSize) = FileOf(json);
            return new ChatMessage
            {
                ChatId = ChatId,
                MessageId = MessageId,
                FromId = FromId,
                FromBot = FromBot,
                Kind = KindOf(json),
                Text = Str(json, "text"),
                Caption = Str(json, "caption"),
                RawText = RawText ?? Str(json, "text") ?? Str(json, "caption"),
                ParseMode = ParseMode,
                InlineKeyboard = InlineKeyboardOf(json["reply_markup"] as JsonObject),
                ReplyKeyboard = ReplyKeyboard,
                RemovesReplyKeyboard = RemovesReplyKeyboard,
                FileId = fileId,
                FileName = fileName,
                FileSize = fileSize,
                Edited = Edited,
                Source = Source,
                CopiedFromChatId = CopiedFromChatId,
                CopiedFromMessageId = CopiedFromMessageId,
                ReceivedAt = ReceivedAt,
                Date = DateTimeOffset.FromUnixTimeSeconds(Long(json, "date") ?? 0),
                Json = json,
            };
        }
    }

    private sealed class PendingUpdate
    {
        public required int UpdateId { get; init; }
        public required JsonObject Json { get; init; }
    }

    private sealed class UpdateTraceBuilder
    {
        public required int UpdateId { get; init; }
        public required string Type { get; init; }
        public long? ChatId { get; init; }
        public int? MessageId { get; init; }
        public required long EnqueuedAt { get; init; }
        public long? DeliveredAt { get; set; }
        public long? ConfirmedAt { get; set; }
        public UpdateTrace Build() => new(UpdateId, Type, ChatId, MessageId, EnqueuedAt, DeliveredAt, ConfirmedAt);
    }

    private sealed record StoredFile(string FileId, string FileUniqueId, string? FileName, string? MimeType, byte[] Content, string FilePath);

    // ---------------- JSON helpers ----------------

    private static readonly (string Key, MessageKind Kind)[] KindKeys =
    [
        ("text", MessageKind.Text), ("photo", MessageKind.Photo), ("voice", MessageKind.Voice), ("video_note", MessageKind.VideoNote),
        ("video", MessageKind.Video), ("audio", MessageKind.Audio), ("animation", MessageKind.Animation),
        ("document", MessageKind.Document), ("sticker", MessageKind.Sticker), ("venue", MessageKind.Venue),
        ("location", MessageKind.Location), ("contact", MessageKind.Contact), ("poll", MessageKind.Poll), ("dice", MessageKind.Dice),
    ];

    /// <summary>Message content keys carried over by copyMessage.</summary>
    private static readonly string[] ContentKeys =
    [
        "text", "entities", "caption", "caption_entities", "photo", "voice", "video", "video_note", "audio", "animation",
        "document", "sticker", "venue", "location", "contact", "poll", "dice", "has_media_spoiler", "show_caption_above_media",
    ];

    private static MessageKind KindOf(JsonObject json)
    {
        foreach (var (key, kind) in KindKeys)
            if (json.ContainsKey(key)) return kind;
        return MessageKind.Other;
    }

    private static (string? FileId, string? FileName, long? FileSize) FileOf(JsonObject json)
    {
        foreach (var key in new[] { "document", "photo", "voice", "video", "video_note", "audio", "animation", "sticker" })
        {
            var node = json[key];
            if (node is JsonArray arr && arr.Count > 0) node = arr[^1];
            if (node is JsonObject o) return (Str(o, "file_id"), Str(o, "file_name"), Long(o, "file_size"));
        }
        return (null, null, null);
    }

    private static IReadOnlyList<IReadOnlyList<InlineButton>> InlineKeyboardOf(JsonObject? markup)
    {
        if (markup?["inline_keyboard"] is not JsonArray rows) return [];
        return rows.OfType<JsonArray>()
            .Select(r => (IReadOnlyList<InlineButton>)r.OfType<JsonObject>()
                .Select(b => new InlineButton(Str(b, "text") ?? "", Str(b, "callback_data"), Str(b, "url"))).ToArray())
            .ToArray();
    }

    private static IReadOnlyList<IReadOnlyList<string>>? ReplyKeyboardOf(JsonObject? markup)
    {
        if (markup?["keyboard"] is not JsonArray rows) return null;
        return rows.OfType<JsonArray>()
            .Select(r => (IReadOnlyList<string>)r.Select(b => b is JsonObject o ? Str(o, "text") ?? "" : b?.ToString() ?? "").ToArray())
            .ToArray();
    }

    internal static string? Str(JsonObject o, string name) => Str(o[name]);

    internal static string? Str(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => node.ToJsonString(),
    };

    internal static long? Long(JsonObject o, string name) => LongOf(o[name]);

    internal static long? LongOf(JsonNode? node)
    {
        if (node is not JsonValue v) return null;
        switch (v.GetValueKind())
        {
            case System.Text.Json.JsonValueKind.Number:
                var raw = v.ToJsonString();
                if (long.TryParse(raw, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var l)) return l;
                return double.TryParse(raw, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? (long)d : null;
            case System.Text.Json.JsonValueKind.String:
                return long.TryParse(v.GetValue<string>(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : null;
            default:
                return null;
        }
    }

    internal static int? Int(JsonObject o, string name) => Long(o, name) is long l ? (int)l : null;

    internal static bool? Bool(JsonObject o, string name)
    {
        if (o[name] is not JsonValue v) return null;
        return v.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.True => true,
            System.Text.Json.JsonValueKind.False => false,
            System.Text.Json.JsonValueKind.String when bool.TryParse(v.GetValue<string>(), out var b) => b,
            _ => null,
        };
    }

    internal static JsonObject? Obj(JsonObject o, string name) => o[name] switch
    {
        JsonObject obj => obj,
        JsonValue v when v.TryGetValue<string>(out var s) && s.TrimStart().StartsWith('{') => JsonNode.Parse(s) as JsonObject,
        _ => null,
    };

    internal static JsonArray? Arr(JsonObject o, string name) => o[name] switch
    {
        JsonArray a => a,
        JsonValue v when v.TryGetValue<string>(out var s) && s.TrimStart().StartsWith('[') => JsonNode.Parse(s) as JsonArray,
        _ => null,
    };

    private static long? GetChatId(JsonObject p, string name) => Long(p, name);
}
