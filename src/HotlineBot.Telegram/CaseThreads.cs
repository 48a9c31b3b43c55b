using System.Text.Json;
using HotlineBot.Conversations;
using HotlineBot.Safety;
using HotlineBot.Settings;
using HotlineBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace HotlineBot.Telegram;

/// <summary>
/// The edge's half of "each case is a topic": which chats have topics (a configured staff forum group; a worker's
/// private chat when getMe says <c>has_topics_enabled</c>), the case ↔ message_thread_id map, opening, renaming,
/// closing and reopening topics, and opening again, with its card, a topic someone deleted. A chat without topics
/// gets everything in the chat itself, as before topics existed.
/// </summary>
public sealed partial class CaseThreads(
    ITelegramBotClient bot,
    ITransactions db,
    ICaseThreadStore store,
    ISentMessageStore sent,
    IOptions<HotlineOptions> hotline,
    ILogger<CaseThreads> logger)
{
    // The colour is fixed when a topic is created (Telegram allows no change): red for a case that was urgent then.
    private const int Blue = 0x6FB9F0;
    private const int Red = 0xFB6F5F;

    private readonly HotlineOptions _hotline = hotline.Value;
    private bool? _privateTopics;

    /// <summary>Whether the bot has topics in private chats (BotFather's threaded mode), as far as known yet.</summary>
    public bool? PrivateTopics => _privateTopics;

    /// <summary>Whether this chat shows each case in a topic of its own.</summary>
    public async ValueTask<bool> HasTopicsAsync(long chatId, CancellationToken ct) =>
        chatId < 0 ? _hotline.StaffGroups.Contains(chatId) : await PrivateTopicsAsync(ct).ConfigureAwait(false);

    /// <summary>
    /// True when the outbound would change nothing in Telegram, so it is neither sent nor counted against the chat's pace
    /// (a staff group has room for only 20 a minute): a thread already named and open or closed as asked, a card
    /// shown as it is, a line meant only for a thread where the chat has none. Not yet knowing whether private chats
    /// have topics, it says false and lets the delivery find out.
    /// </summary>
    public bool ChangesNothing(Outbound outbound)
    {
        ArgumentNullException.ThrowIfNull(outbound);
        var topics = outbound.ChatId < 0 ? _hotline.StaffGroups.Contains(outbound.ChatId) : _privateTopics;
        if (topics is null || (outbound.Kind != OutboundKind.Thread && !outbound.ThreadOnly && !outbound.Pin) || outbound.CaseId is not { } caseId)
        {
            return false;
        }

        var thread = topics == true ? store.Find(outbound.ChatId, caseId) : null;
        if (outbound.Kind == OutboundKind.Thread)
        {
            return topics == false || (thread is null
                ? outbound.ThreadClosed
                : thread.Name == outbound.Text && (outbound.ChatId > 0 || thread.Closed == outbound.ThreadClosed));
        }

        if (outbound.ThreadOnly)
        {
            return thread is null;
        }

        // The card: unchanged when the one last shown has the same words and buttons.
        return outbound.Kind == OutboundKind.Edit && thread?.Card is { } card && JsonSerializer.Deserialize<Outbound>(card) is { } shown
            && shown.Text == outbound.Text && JsonSerializer.Serialize(shown.Buttons) == JsonSerializer.Serialize(outbound.Buttons);
    }

    /// <summary>Asked once; a failure is not remembered, so the next case asks again.</summary>
    public async ValueTask<bool> PrivateTopicsAsync(CancellationToken ct)
    {
        if (_privateTopics is { } known)
        {
            return known;
        }

        try
        {
            var me = await bot.GetMe(ct).ConfigureAwait(false);
            _privateTopics = me.HasTopicsEnabled;
            LogMode(me.HasTopicsEnabled ? "a topic per case in each worker's chat" : "one chat per worker (#N prefixes)");
            return me.HasTopicsEnabled;
        }
        catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether two outbounds for the same chat show in the same thread, without asking Telegram: in a chat without
    /// topics every case's thread is the chat itself (so the five people a worker talks with can share one joined
    /// message); with topics, or while that is not yet known, only the same case's.
    /// </summary>
    public bool SharesThread(Outbound a, Outbound b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var topics = a.ChatId < 0 ? _hotline.StaffGroups.Contains(a.ChatId) : _privateTopics;
        return topics == false || JoinedTexts.SameCaseThread(a, b);
    }

    /// <summary>The thread an outbound about a case goes to, or null: the chat itself.</summary>
    public async Task<int?> ThreadForAsync(Outbound outbound, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outbound);
        if (!outbound.InCaseThread || outbound.CaseId is not { } caseId || outbound.Kind == OutboundKind.Thread
            || !await HasTopicsAsync(outbound.ChatId, ct).ConfigureAwait(false))
        {
            return null;
        }

        return store.Find(outbound.ChatId, caseId)?.ThreadId;
    }

    /// <summary>
    /// Brings the case's topic to what <see cref="OutboundKind.Thread"/> asks: opened when missing (not for a closed
    /// one), renamed, closed or reopened (closing exists in forum groups only; a private chat's topic shows it in its name).
    /// </summary>
    public async Task ApplyAsync(Outbound outbound, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outbound);
        if (outbound.CaseId is not { } caseId || !await HasTopicsAsync(outbound.ChatId, ct).ConfigureAwait(false))
        {
            return;
        }

        var name = outbound.Text ?? "#" + caseId;
        var thread = store.Find(outbound.ChatId, caseId);
        if (thread is null)
        {
            if (!outbound.ThreadClosed)
            {
                await OpenAsync(outbound.ChatId, caseId, name, null, ct).ConfigureAwait(false);
            }

            return;
        }

        try
        {
            if (thread.Name != name)
            {
                await IgnoringNotModified(bot.EditForumTopic(outbound.ChatId, thread.ThreadId, name, cancellationToken: ct)).ConfigureAwait(false);
            }

            if (outbound.ChatId < 0 && thread.Closed != outbound.ThreadClosed)
            {
                await IgnoringNotModified(outbound.ThreadClosed
                    ? bot.CloseForumTopic(outbound.ChatId, thread.ThreadId, ct)
                    : bot.ReopenForumTopic(outbound.ChatId, thread.ThreadId, ct)).ConfigureAwait(false);
            }
        }
        catch (ApiRequestException e) when (IsThreadGone(e))
        {
            // Deleted by someone: a case still open gets its topic back (with its card); a closed one is let go.
            if (outbound.ThreadClosed)
            {
                db.InTransaction(() => store.Remove(outbound.ChatId, caseId));
            }
            else
            {
                await OpenAsync(outbound.ChatId, caseId, name, thread.Card, ct).ConfigureAwait(false);
            }

            return;
        }

        thread.Name = name;
        thread.Closed = outbound.ThreadClosed;
        if (thread.Closed)
        {
            // The card carries the person's first words: kept only while the case may need its topic back, so that
            // Hotline:RetentionDays, which clears closed cases' texts, does not miss a copy here.
            thread.Card = null;
        }

        db.InTransaction(() => store.Save(thread));
    }

    /// <summary>
    /// A send into the case's topic answered "message thread not found": someone deleted the topic. It is opened again
    /// with the same name, its card is shown and pinned there again, and the sender then sends the message into it.
    /// </summary>
    public async Task ReopenDeletedAsync(Outbound outbound, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outbound);
        var caseId = outbound.CaseId!.Value;
        var old = store.Find(outbound.ChatId, caseId);
        LogRecreated(caseId);
        // The card itself being what failed: it is sent next anyway, so it is not shown twice.
        await OpenAsync(outbound.ChatId, caseId, old?.Name ?? "#" + caseId, outbound.Pin ? null : old?.Card, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The case card was shown: kept for a recreated topic, and pinned when it was sent (not when an existing card was
    /// edited). A pin that fails costs only the pin.
    /// </summary>
    public async Task CardShownAsync(Outbound card, int? messageId, bool sentNew, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.CaseId is not { } caseId || store.Find(card.ChatId, caseId) is not { } thread)
        {
            return;
        }

        if (!thread.Closed)
        {
            thread.Card = JsonSerializer.Serialize(card with { Kind = OutboundKind.Send, EditTag = null, EditMessageId = null });
            db.InTransaction(() => store.Save(thread));
        }
        if (sentNew && messageId is { } id)
        {
            try
            {
                await bot.PinChatMessage(card.ChatId, id, disableNotification: true, cancellationToken: ct).ConfigureAwait(false);
            }
            catch (ApiRequestException e)
            {
                LogPinFailed(caseId, SecretRedactor.Redact(e.Message));
            }
        }
    }

    public static bool IsThreadGone(ApiRequestException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.ErrorCode == 400 && e.Message.Contains("thread not found", StringComparison.OrdinalIgnoreCase);
    }

    private async Task OpenAsync(long chatId, int caseId, string name, string? card, CancellationToken ct)
    {
        var urgent = name.StartsWith("🔴", StringComparison.Ordinal);
        var topic = await bot.CreateForumTopic(chatId, name, urgent ? Red : Blue, cancellationToken: ct).ConfigureAwait(false);
        var thread = new CaseThread { ChatId = chatId, CaseId = caseId, ThreadId = topic.MessageThreadId, Name = name, Card = card };
        db.InTransaction(() => store.Save(thread));
        if (card is not null && JsonSerializer.Deserialize<Outbound>(card) is { } shown)
        {
            var message = await bot.SendMessage(chatId, shown.Text ?? "…", messageThreadId: topic.MessageThreadId,
                replyMarkup: TelegramGateway.Inline(shown), cancellationToken: ct).ConfigureAwait(false);
            db.InTransaction(() =>
            {
                if (shown.Tag is { } tag)
                {
                    sent.Remember(chatId, tag, message.MessageId);
                }
            });
            await CardShownAsync(shown, message.MessageId, sentNew: true, ct).ConfigureAwait(false);
        }
    }

    private static async Task IgnoringNotModified(Task call)
    {
        try
        {
            await call.ConfigureAwait(false);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400 && e.Message.Contains("NOT_MODIFIED", StringComparison.OrdinalIgnoreCase))
        {
            // Already as asked (a retry after the first try did reach Telegram).
        }
    }

    [LoggerMessage(LogLevel.Debug, "Cases for workers: {Mode}")]
    private partial void LogMode(string mode);

    [LoggerMessage(LogLevel.Warning, "The topic of case {CaseId} was deleted; opened again with its card")]
    private partial void LogRecreated(int caseId);

    [LoggerMessage(LogLevel.Warning, "Pinning the card of case {CaseId} failed: {Reason}")]
    private partial void LogPinFailed(int caseId, string reason);
}
