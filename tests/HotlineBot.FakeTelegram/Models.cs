using System.Diagnostics;
using System.Text.Json.Nodes;

namespace HotlineBot.FakeTelegram;

/// <summary>What a person sees a message as.</summary>
public enum MessageKind
{
    Text,
    Photo,
    Voice,
    Video,
    VideoNote,
    Audio,
    Animation,
    Document,
    Sticker,
    Location,
    Venue,
    Contact,
    Poll,
    Dice,
    Other,
}

/// <summary>One button of an inline keyboard.</summary>
public sealed record InlineButton(string Text, string? CallbackData, string? Url);

/// <summary>A file part of a multipart request.</summary>
/// <param name="FieldName">The multipart part name ("0", "document", ...).</param>
/// <param name="ParameterName">The API parameter that referenced it ("document", "photo"), when known.</param>
public sealed record RecordedFile(string FieldName, string? ParameterName, string FileName, string? ContentType, long Length, byte[] Content);

/// <summary>One Bot API request the fake received.</summary>
/// <param name="Method">Canonical method name (e.g. "sendMessage"), or as sent when unknown.</param>
/// <param name="ChatId">The numeric chat_id parameter, if any.</param>
/// <param name="Parameters">The parameters (JSON body, form fields or query), deep-copied.</param>
/// <param name="StatusCode">The HTTP status code answered (0 when the connection was dropped).</param>
/// <param name="Timestamp">Wall clock when the request arrived.</param>
/// <param name="StopwatchTimestamp"><see cref="Stopwatch.GetTimestamp"/> when the request arrived.</param>
/// <param name="Dropped">True when the fake aborted the connection instead of answering.</param>
/// <param name="Description">Error description when the answer was not ok.</param>
public sealed record RecordedRequest(
    string Method,
    long? ChatId,
    JsonObject Parameters,
    int StatusCode,
    DateTimeOffset Timestamp,
    long StopwatchTimestamp,
    bool Dropped,
    string? Description,
    IReadOnlyList<RecordedFile> Files)
{
    public bool Ok => StatusCode == 200;
}

/// <summary>A message as visible in a chat (snapshot; later edits produce new snapshots).</summary>
public sealed record ChatMessage
{
    public required long ChatId { get; init; }
    public required int MessageId { get; init; }
    /// <summary>User id, bot id, or the chat id for channel posts.</summary>
    public required long FromId { get; init; }
    public required bool FromBot { get; init; }
    public required MessageKind Kind { get; init; }
    /// <summary>Plain text as displayed (HTML/Markdown markup removed).</summary>
    public string? Text { get; init; }
    /// <summary>Plain caption as displayed.</summary>
    public string? Caption { get; init; }
    /// <summary>Text or caption exactly as the bot sent it (with markup), or as the user typed it.</summary>
    public string? RawText { get; init; }
    public string? ParseMode { get; init; }
    public IReadOnlyList<IReadOnlyList<InlineButton>> InlineKeyboard { get; init; } = [];
    /// <summary>The reply keyboard (button texts) this message installed, if it carried one.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? ReplyKeyboard { get; init; }
    /// <summary>True when this message carried a reply_markup {"remove_keyboard":true}.</summary>
    public bool RemovesReplyKeyboard { get; init; }
    public string? FileId { get; init; }
    public string? FileName { get; init; }
    public long? FileSize { get; init; }
    public bool Edited { get; init; }
    /// <summary>The method that produced it (sendMessage, copyMessage, ...) or "user".</summary>
    public required string Source { get; init; }
    /// <summary>For copies: the source chat and message.</summary>
    public long? CopiedFromChatId { get; init; }
    public int? CopiedFromMessageId { get; init; }
    /// <summary><see cref="Stopwatch.GetTimestamp"/> when the fake received it (bot) or it was enqueued (user).</summary>
    public required long ReceivedAt { get; init; }
    public DateTimeOffset Date { get; init; }
    /// <summary>The full Bot API JSON of the message as it stands.</summary>
    public required JsonObject Json { get; init; }

    /// <summary>Text or caption.</summary>
    public string? Display => Text ?? Caption;

    /// <summary>The topic the message belongs to (message_thread_id), null outside every topic.</summary>
    public int? ThreadId => Json["message_thread_id"] is JsonValue v && v.TryGetValue<int>(out var id) ? id : null;

    public IEnumerable<InlineButton> Buttons => InlineKeyboard.SelectMany(r => r);

    public override string ToString()
    {
        var who = FromBot ? "bot" : $"user {FromId}";
        var kb = InlineKeyboard.Count == 0 ? "" :
            " " + string.Join(" / ", InlineKeyboard.Select(r => string.Join(" | ", r.Select(b => $"[{b.Text}→{b.CallbackData ?? b.Url}]"))));
        var rk = ReplyKeyboard is null ? "" : " {" + string.Join(" / ", ReplyKeyboard.Select(r => string.Join(" | ", r))) + "}";
        var file = FileName is null ? "" : $" <{FileName}>";
        var thread = ThreadId is int t ? $" [topic {t}]" : "";
        return $"#{MessageId}{thread} {who} {Kind}{(Edited ? " (edited)" : "")}{file}: {Display}{kb}{rk}";
    }
}

/// <summary>The result of a simulated user action.</summary>
public readonly record struct EnqueuedUpdate(int UpdateId, long? ChatId, int? MessageId, long EnqueuedAt);

/// <summary>Timing trace of one update, for benchmarks (Stopwatch timestamps).</summary>
public sealed record UpdateTrace(int UpdateId, string Type, long? ChatId, int? MessageId, long EnqueuedAt, long? DeliveredAt, long? ConfirmedAt);

/// <summary>One bot output event (send, copy, edit, answerCallbackQuery, ...), never removed.</summary>
public sealed record BotOutputEvent(string Method, long? ChatId, int? MessageId, long ReceivedAt);

public sealed record BotCommandInfo(string Command, string Description);

/// <summary>A topic of a forum supergroup or of a private chat with the bot, as it stands (deleted ones are kept, marked).</summary>
/// <param name="IconColor">Set at creation only: the Bot API has no way to change it.</param>
/// <param name="PinnedMessageId">The latest message pinned in the topic, or null.</param>
/// <param name="Edits">How many times editForumTopic changed it.</param>
public sealed record ForumTopicView(
    long ChatId,
    int ThreadId,
    string Name,
    int IconColor,
    string? IconCustomEmojiId,
    bool Closed,
    bool Deleted,
    int? PinnedMessageId,
    IReadOnlyList<int> PinnedMessageIds,
    int Edits);
