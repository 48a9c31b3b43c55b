using HotlineBot.Conversations;
using HotlineBot.Metrics;
using HotlineBot.Safety;
using HotlineBot.Storage;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace HotlineBot.Telegram;

/// <summary>
/// Takes a batch of Telegram updates into the durable inbox, whichever way they came (long polling or the webhook):
/// each update is mapped and checked for crisis words outside the transaction, then all of them are committed in one
/// priority transaction together with what the caller must remember (the polling offset), and the processor is woken.
/// Only after this returns may Telegram be told the updates arrived, so none is ever lost.
/// </summary>
public sealed partial class UpdateIntake(
    ITransactions db,
    IInboxStore inbox,
    ICaseThreadStore threads,
    ConversationEngine engine,
    InboxProcessor processor,
    HotlineMetrics metrics,
    TimeProvider time,
    ILogger<UpdateIntake> logger)
{
    // Ids taken in lately, for the webhook: Telegram delivers an update again when our 200 did not reach it, and by
    // then the first copy may have been handled and left the inbox. (Polling needs none of this: its offset says it.)
    private const int RememberRecent = 4096;
    private readonly Lock _gate = new();
    private readonly HashSet<long> _recent = [];
    private readonly Queue<long> _recentOrder = new();

    /// <summary>
    /// Commits <paramref name="updates"/> and runs <paramref name="alsoInTransaction"/> (the polling offset) in the same
    /// commit, then wakes the processor. <paramref name="intakeBehind"/> tells it to handle only crisis messages for now
    /// (a polling surge). <paramref name="skipKnown"/> drops updates already in the inbox or taken in lately.
    /// </summary>
    public void Take(IReadOnlyList<Update> updates, Action? alsoInTransaction = null, bool intakeBehind = false, bool skipKnown = false)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var now = time.GetUtcNow();
        var items = updates.Select(u => Prepare(u, now)).OfType<InboxItem>().ToList();
        if (intakeBehind)
        {
            // Said before the commit, not only after it: a processor awake in between could take the surge's first batch
            // for ordinary work (the likely cause of a full test run where 28 of 400 people were answered before a crisis
            // behind them, though it was answered 305 ms after it was sent, well inside the surge's hold).
            processor.IntakeBehind = true;
        }

        if (items.Count > 0 || alsoInTransaction is not null)
        {
            lock (_gate)
            {
                db.InTransaction(() =>
                {
                    inbox.AddRange(skipKnown ? [.. items.Where(i => !_recent.Contains(i.Id) && !inbox.Contains(i.Id))] : items);
                    alsoInTransaction?.Invoke();
                }, priority: true);
                if (skipKnown)
                {
                    Remember(items);
                }
            }
        }

        metrics.Received(updates.Count);
        processor.IntakeBehind = intakeBehind;
        processor.Signal();
    }

    private void Remember(List<InboxItem> items)
    {
        foreach (var item in items.Where(i => _recent.Add(i.Id)))
        {
            _recentOrder.Enqueue(item.Id);
            if (_recentOrder.Count > RememberRecent)
            {
                _recent.Remove(_recentOrder.Dequeue());
            }
        }
    }

    private InboxItem? Prepare(Update update, DateTimeOffset now)
    {
        try
        {
            if (UpdateMapper.ToInbound(update, threads.CaseOf) is { } inbound)
            {
                return inbox.Prepare(inbound, engine.IsCrisis(inbound), now);
            }

            LogIgnored(update.Id, update.Type.ToString());
        }
        catch (Exception e)
        {
            // One malformed update must never hold up the others behind it.
            LogPoison(update.Id, SecretRedactor.Describe(e));
        }

        return null;
    }

    [LoggerMessage(LogLevel.Debug, "Update {UpdateId} of type {Type} needs no answer")]
    private partial void LogIgnored(long updateId, string type);

    [LoggerMessage(LogLevel.Error, "Update {UpdateId} could not be read and was skipped: {Error}")]
    private partial void LogPoison(long updateId, string error);
}
