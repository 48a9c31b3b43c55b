using HotlineBot.Conversations;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace HotlineBot.Telegram;

/// <summary>Carries one <see cref="Outbound"/> to Telegram. Knows the Bot API, nothing of retries or order.</summary>
public sealed class TelegramGateway(ITelegramBotClient bot)
{
    public const int MaxText = 4096;
    public const int MaxDeleteBatch = 100;

    /// <summary>How many messages the outbound puts in the chat: a long text goes in pieces.</summary>
    public static int MessagesIn(Outbound o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return o.Kind == OutboundKind.Send && o.Text is { Length: > MaxText } text ? (text.Length + MaxText - 1) / MaxText : 1;
    }

    /// <summary>
    /// Returns the id of the message that now shows the outbound, when there is one. <paramref name="shown"/>, when given,
    /// receives the id of every message the delivery put in the chat (a long text is several), for safe exit, as each
    /// goes: after a failure it holds the pieces that did arrive. <paramref name="fromPiece"/> resumes a long text there.
    /// <paramref name="threadId"/>: the topic of the chat it goes into (message_thread_id), null for the chat itself.
    /// </summary>
    public async Task<int?> DeliverAsync(Outbound o, int? editMessageId, CancellationToken ct, ICollection<int>? shown = null, int fromPiece = 0, int? threadId = null)
    {
        var id = await DeliverOneAsync(o, editMessageId, shown, fromPiece, threadId, ct).ConfigureAwait(false);
        if (id is { } messageId && shown is not null && o.Kind is not OutboundKind.Send)
        {
            shown.Add(messageId);
        }

        return id;
    }

    private async Task<int?> DeliverOneAsync(Outbound o, int? editMessageId, ICollection<int>? shown, int fromPiece, int? threadId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(o);
        switch (o.Kind)
        {
            case OutboundKind.AnswerButton:
                await bot.AnswerCallbackQuery(o.CallbackId!, o.Text, cancellationToken: ct).ConfigureAwait(false);
                return null;
            case OutboundKind.Edit when editMessageId is { } id:
                var edited = await bot.EditMessageText(o.ChatId, id, Clip(o.Text), replyMarkup: Inline(o), cancellationToken: ct).ConfigureAwait(false);
                return edited.MessageId;
            case OutboundKind.Copy:
                var copy = await bot.CopyMessage(o.ChatId, o.CopyFromChatId!.Value, o.CopyMessageId!.Value, replyMarkup: Inline(o), messageThreadId: threadId, cancellationToken: ct).ConfigureAwait(false);
                return copy.Id;
            case OutboundKind.Document:
                using (var stream = new MemoryStream(o.FileContent ?? []))
                {
                    var document = await bot.SendDocument(o.ChatId, InputFile.FromStream(stream, o.FileName), caption: o.Text, messageThreadId: threadId, cancellationToken: ct).ConfigureAwait(false);
                    return document.MessageId;
                }

            case OutboundKind.Photo:
                using (var stream = new MemoryStream(o.FileContent ?? []))
                {
                    var photo = await bot.SendPhoto(o.ChatId, InputFile.FromStream(stream, o.FileName ?? "chart.png"), caption: o.Text, messageThreadId: threadId, cancellationToken: ct).ConfigureAwait(false);
                    return photo.MessageId;
                }

            case OutboundKind.Delete:
                // Telegram takes 1-100 ids a call; more are sent in batches.
                foreach (var batch in (o.DeleteMessageIds ?? []).Chunk(MaxDeleteBatch))
                {
                    await bot.DeleteMessages(o.ChatId, batch, ct).ConfigureAwait(false);
                }

                return null;
            default:
                return await SendTextAsync(o, shown, fromPiece, threadId, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Long texts (a person's 10,000-character letter relayed to a worker) go out in pieces, buttons on the last.</summary>
    private async Task<int?> SendTextAsync(Outbound o, ICollection<int>? shown, int fromPiece, int? threadId, CancellationToken ct)
    {
        var text = string.IsNullOrEmpty(o.Text) ? "…" : o.Text;
        Message? last = null;
        // After a partial failure, the pieces already in the chat are not sent again.
        for (var start = Math.Max(0, fromPiece) * MaxText; start < text.Length; start += MaxText)
        {
            var piece = text.Substring(start, Math.Min(MaxText, text.Length - start));
            var isLast = start + MaxText >= text.Length;
            last = await bot.SendMessage(o.ChatId, piece, replyMarkup: isLast ? Markup(o) : null, messageThreadId: threadId, cancellationToken: ct).ConfigureAwait(false);
            shown?.Add(last.MessageId);
        }

        return last?.MessageId;
    }

    private static string Clip(string? text) => string.IsNullOrEmpty(text) ? "…" : text.Length <= MaxText ? text : text[..(MaxText - 1)] + "…";

    private static ReplyMarkup? Markup(Outbound o)
    {
        if (o.RequestContactLabel is { } label)
        {
            return new ReplyKeyboardMarkup(KeyboardButton.WithRequestContact(label)) { ResizeKeyboard = true, OneTimeKeyboard = true };
        }

        if (o.RemoveKeyboard)
        {
            return new ReplyKeyboardRemove();
        }

        return Inline(o);
    }

    public static InlineKeyboardMarkup? Inline(Outbound o) => o.Buttons is { Count: > 0 } rows
        ? new InlineKeyboardMarkup(rows.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.Data))))
        : null;
}
