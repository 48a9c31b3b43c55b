using HotlineBot.Cases;
using HotlineBot.Conversations;
using HotlineBot.Metrics;
using HotlineBot.Storage;

namespace HotlineBot.Telegram;

/// <summary>
/// What the sender writes down once Telegram has answered: the reply leaves the outbox, a tagged message's id is kept
/// for later edits, the chat's message ids are kept for safe exit. What the answer means for a person or a case (a
/// failure in the case log, a person unreachable, a worker's note) is not decided here: it goes into the inbox as a
/// <see cref="DeliveryFact"/> in the same commit, and the processor, the one writer of the domain, applies it.
/// Records from all sending slots share commits. Each method returns the outbox items it added, for the sender to deliver.
/// </summary>
public sealed class DeliveryRecords(
    ITransactions db,
    IOutboxStore outbox,
    IInboxStore inbox,
    IMetaStore meta,
    ISentMessageStore sent,
    IChatMessageLog chatLog,
    DeliveryReports reports,
    InboxBell bell,
    HotlineMetrics metrics,
    TimeProvider time)
{
    // Facts get ids below every Telegram update id (which are positive), in the order they happen: the processor
    // takes the oldest first, so a worker hears about a failure without waiting behind a backlog of new messages.
    private const string LastFactId = "delivery.fact";
    private const long FirstFactId = long.MinValue / 2;

    // Records wait at most this long for the next shared commit, and only under load (see CommitBatcher). A chat's next
    // message waits for the record of the one before it, so this is also the most it adds between two of its messages.
    private static readonly TimeSpan CommitPace = TimeSpan.FromMilliseconds(20);

    private readonly CommitBatcher _batcher = new(db, CommitPace);

    /// <summary>The committing loop; runs for the life of the sender.</summary>
    public Task RunAsync(CancellationToken ct) => _batcher.RunAsync(ct);

    public Task<IReadOnlyList<OutboxItem>> DeliveredAsync(OutboxItem item, Outbound outbound, int? messageId, bool afterRetry, CancellationToken ct, IReadOnlyList<int>? shown = null, IReadOnlyList<int>? cleared = null) =>
        RecordAsync([new DeliveryFact(outbound, AfterRetry: afterRetry)], () =>
        {
            if (messageId is { } id && outbound.Tag is { } tag)
            {
                sent.Remember(outbound.ChatId, tag, id);
            }

            // Private chats only (positive ids): those are the ones a person may need to hide.
            if (shown is { Count: > 0 } && outbound.ChatId > 0)
            {
                chatLog.Remember(outbound.ChatId, shown, time.GetUtcNow());
            }

            if (cleared is { Count: > 0 })
            {
                chatLog.Forget(outbound.ChatId, cleared);
            }

            metrics.Sent(outbound.Kind.ToString().ToLowerInvariant());
            outbox.Remove(item.Id);
        }, ct);

    /// <summary>
    /// Relayed texts that went as one message: each part leaves the outbox and has its delivery reported as its own, and
    /// the message's id (each piece of it) is kept once for safe exit.
    /// </summary>
    /// <summary>Several waiting texts that went as one message: each part leaves the outbox and is reported on its own.</summary>
    public Task<IReadOnlyList<OutboxItem>> DeliveredJoinedAsync(IReadOnlyList<(OutboxItem Item, Outbound Outbound)> parts, bool afterRetry, IReadOnlyList<int> shown, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return RecordAsync([.. parts.Select(p => new DeliveryFact(p.Outbound, AfterRetry: afterRetry))], () =>
        {
            var chatId = parts[0].Outbound.ChatId;
            if (shown.Count > 0 && chatId > 0)
            {
                chatLog.Remember(chatId, shown, time.GetUtcNow());
            }

            foreach (var (item, outbound) in parts)
            {
                metrics.Sent(outbound.Kind.ToString().ToLowerInvariant());
                outbox.Remove(item.Id);
            }
        }, ct);
    }

    /// <summary>A bot-made notice that will never be sent (superseded by a newer one, or correcting one never shown).</summary>
    public Task<IReadOnlyList<OutboxItem>> DroppedAsync(OutboxItem item, CancellationToken ct) =>
        _batcher.RunAsync<IReadOnlyList<OutboxItem>>(() =>
        {
            ArgumentNullException.ThrowIfNull(item);
            outbox.Remove(item.Id);
            return [];
        }, ct);

    public Task<IReadOnlyList<OutboxItem>> FailedAsync(OutboxItem item, Outbound outbound, DeliveryProblem problem, CancellationToken ct, string detail = "") =>
        RecordAsync([new DeliveryFact(outbound, problem, Detail: detail)], () =>
        {
            metrics.DeliveryFailed(problem);
            outbox.Remove(item.Id);
        }, ct);

    /// <summary>The sender's bookkeeping and, when it matters to someone, the fact for the processor, in one commit.</summary>
    private async Task<IReadOnlyList<OutboxItem>> RecordAsync(IReadOnlyList<DeliveryFact> facts, Action bookkeeping, CancellationToken ct)
    {
        var reported = await _batcher.RunAsync(() =>
        {
            bookkeeping();
            var reporting = facts.Where(f => f.Matters).ToList();
            if (reporting.Count == 0)
            {
                return false;
            }

            var last = meta.Read(LastFactId);
            var id = last == 0 ? FirstFactId : last;
            var now = time.GetUtcNow();
            foreach (var fact in reporting)
            {
                // A picture's bytes are of no use to whoever applies the fact; the inbox keeps only what it needs.
                var kept = fact with { About = fact.About with { FileContent = null } };
                inbox.Add(new Inbound { UpdateId = ++id, ChatId = fact.About.ChatId, UserId = 0, Kind = InboundKind.Delivery, Delivery = kept, SentAt = now }, crisis: false, now);
            }

            meta.Write(LastFactId, id);
            return true;
        }, ct).ConfigureAwait(false);
        if (reported)
        {
            bell.Ring();
        }

        return [];
    }

    /// <summary>
    /// Pieces of a long text that reached the chat before a later piece failed: kept for safe exit at once, so a
    /// /hide deletes them even if the rest never arrives.
    /// </summary>
    public Task<IReadOnlyList<OutboxItem>> PiecesShownAsync(long chatId, IReadOnlyList<int> shown, CancellationToken ct) =>
        _batcher.RunAsync<IReadOnlyList<OutboxItem>>(() =>
        {
            if (chatId > 0)
            {
                chatLog.Remember(chatId, shown, time.GetUtcNow());
            }

            return [];
        }, ct);

    /// <summary>A status note for a worker, durable like any reply: committed first, then delivered on the worker's lane.</summary>
    public async Task<IReadOnlyList<OutboxItem>> RetryingAsync(Outbound outbound, CancellationToken ct)
    {
        var notes = reports.OnFirstRetry(outbound);
        return notes.Count == 0 ? [] : await _batcher.RunAsync(() => outbox.Add(notes, time.GetUtcNow()), ct).ConfigureAwait(false);
    }
}
