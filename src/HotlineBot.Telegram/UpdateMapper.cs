using HotlineBot.Conversations;
using HotlineBot.Settings;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace HotlineBot.Telegram;

/// <summary>
/// Turns a Telegram update into the core's <see cref="Inbound"/>. Names, usernames and phone numbers are not copied:
/// what the core never receives, it can never show a worker.
/// </summary>
public static class UpdateMapper
{
    /// <param name="caseOfThread">The case whose thread (chat, message_thread_id) is, if any: the core hears the case, not the thread.</param>
    public static Inbound? ToInbound(Update update, Func<long, int, int?>? caseOfThread = null)
    {
        ArgumentNullException.ThrowIfNull(update);
        return update switch
        {
            { Message: { } m } => FromMessage(update.Id, m, edited: false, caseOfThread),
            { EditedMessage: { } m } => FromMessage(update.Id, m, edited: true, caseOfThread),
            { CallbackQuery: { } q } => new Inbound
            {
                UpdateId = update.Id,
                ChatId = q.Message?.Chat.Id ?? q.From.Id,
                UserId = q.From.Id,
                Kind = InboundKind.Button,
                ButtonData = q.Data,
                CallbackId = q.Id,
                MessageId = q.Message?.MessageId,
                LanguageHint = q.From.LanguageCode,
                IsPrivateChat = q.Message is null || q.Message.Chat.Type == ChatType.Private,
                ThreadCaseId = q.Message is { MessageThreadId: { } thread } under ? caseOfThread?.Invoke(under.Chat.Id, thread) : null,
                SentAt = DateTimeOffset.UtcNow,
            },
            // Channel posts, membership changes and the rest need no answer: nobody is waiting on the other side.
            _ => null,
        };
    }

    private static Inbound FromMessage(long updateId, Message m, bool edited, Func<long, int, int?>? caseOfThread)
    {
        var (kind, mediaKind) = Classify(m);
        return new Inbound
        {
            UpdateId = updateId,
            ChatId = m.Chat.Id,
            UserId = m.From?.Id ?? m.Chat.Id,
            Kind = edited ? InboundKind.Edited : kind,
            Text = m.Text ?? m.Caption,
            MessageId = m.MessageId,
            Media = mediaKind is null ? null : new InboundMedia(mediaKind, m.Caption, m.Chat.Id, m.MessageId),
            ContactPhone = m.Contact?.PhoneNumber,
            ContactIsOwn = m.Contact is { UserId: { } owner } && owner == m.From?.Id,
            LanguageHint = m.From?.LanguageCode,
            IsPrivateChat = m.Chat.Type == ChatType.Private,
            ThreadCaseId = m.MessageThreadId is { } thread ? caseOfThread?.Invoke(m.Chat.Id, thread) : null,
            SentAt = new DateTimeOffset(DateTime.SpecifyKind(m.Date, DateTimeKind.Utc)),
        };
    }

    private static (InboundKind Kind, string? MediaKind) Classify(Message m) => m.Type switch
    {
        MessageType.Text => (InboundKind.Text, null),
        MessageType.Photo => (InboundKind.Media, "photo"),
        MessageType.Voice => (InboundKind.Media, "voice"),
        MessageType.Video => (InboundKind.Media, "video"),
        MessageType.VideoNote => (InboundKind.Media, "video note"),
        MessageType.Audio => (InboundKind.Media, "audio"),
        MessageType.Document => (InboundKind.Media, "document"),
        MessageType.Animation => (InboundKind.Media, "animation"),
        MessageType.Sticker => (InboundKind.Media, "sticker"),
        MessageType.Contact => (InboundKind.Contact, null),
        _ => (InboundKind.Unsupported, null),
    };
}
