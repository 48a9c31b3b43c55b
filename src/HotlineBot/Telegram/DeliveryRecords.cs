using HotlineBot.Cases;
using HotlineBot.Conversations;
using HotlineBot.Operations;
using HotlineBot.Storage;

namespace HotlineBot.Telegram;

/// <summary>
/// What the sender writes down once Telegram has answered: the reply leaves the outbox, a tagged message's id is kept
/// for later edits, the chat's message ids are kept for safe exit, a failure goes into the case log and may mark the
/// person unreachable, and status notes for workers are queued. Records from all sending slots share commits.
/// Each method returns the outbox items it added (status notes), for the sender to deliver.
/// </summary>
public sealed class DeliveryRecords(
    HotlineDatabase db,
    IOutboxStore outbox,
    ISentMessageStore sent,
    IChatMessageLog chatLog,
    IPersonStore people,
    ICaseStore cases,
    DeliveryReports reports,
    HotlineMetrics metrics,
    TimeProvider time)
{
    private readonly CommitBatcher _batcher = new(db);

    /// <summary>The committing loop; runs for the life of the sender.</summary>
    public Task RunAsync(CancellationToken ct) => _batcher.RunAsync(ct);

    public Task<IReadOnlyList<OutboxItem>> DeliveredAsync(OutboxItem item, Outbound outbound, int? messageId, bool afterRetry, CancellationToken ct, IReadOnlyList<int>? shown = null, IReadOnlyList<int>? cleared = null) =>
        _batcher.RunAsync(() =>
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
            return outbox.Add(reports.OnDelivered(outbound, afterRetry, time.GetUtcNow()), time.GetUtcNow());
        }, ct);

    /// <summary>
    /// Relayed texts that went as one message: each part leaves the outbox and has its delivery reported as its own, and
    /// the message's id (each piece of it) is kept once for safe exit.
    /// </summary>
    public Task<IReadOnlyList<OutboxItem>> DeliveredJoinedAsync(IReadOnlyList<(OutboxItem Item, Outbound Outbound)> parts, bool afterRetry, IReadOnlyList<int> shown, CancellationToken ct) =>
        _batcher.RunAsync<IReadOnlyList<OutboxItem>>(() =>
        {
            ArgumentNullException.ThrowIfNull(parts);
            var chatId = parts[0].Outbound.ChatId;
            if (shown.Count > 0 && chatId > 0)
            {
                chatLog.Remember(chatId, shown, time.GetUtcNow());
            }

            var notes = new List<OutboxItem>();
            foreach (var (item, outbound) in parts)
            {
                metrics.Sent(outbound.Kind.ToString().ToLowerInvariant());
                outbox.Remove(item.Id);
                notes.AddRange(outbox.Add(reports.OnDelivered(outbound, afterRetry, time.GetUtcNow()), time.GetUtcNow()));
            }

            return notes;
        }, ct);

    /// <summary>A bot-made notice that will never be sent (superseded by a newer one, or correcting one never shown).</summary>
    public Task<IReadOnlyList<OutboxItem>> DroppedAsync(OutboxItem item, CancellationToken ct) =>
        _batcher.RunAsync<IReadOnlyList<OutboxItem>>(() =>
        {
            ArgumentNullException.ThrowIfNull(item);
            outbox.Remove(item.Id);
            return [];
        }, ct);

    public Task<IReadOnlyList<OutboxItem>> FailedAsync(OutboxItem item, Outbound outbound, DeliveryProblem problem, CancellationToken ct, string detail = "") =>
        _batcher.RunAsync(() =>
        {
            if (DeliveryReports.Unreaches(problem) && people.Find(outbound.ChatId) is { } person && !person.Unreachable)
            {
                person.Unreachable = true;
                person.UnreachableReason = problem;
                people.Save(person);
            }

            if (outbound.CaseId is { } caseId)
            {
                cases.Append(new CaseEvent
                {
                    CaseId = caseId, At = time.GetUtcNow(), Actor = ActorRole.System, Kind = CaseEventKind.Delivery, WorkerId = outbound.ReportTo,
                    Text = $"{outbound.Kind.ToString().ToLowerInvariant()} not delivered: {problem.ToString().ToLowerInvariant()}{detail}",
                });
            }

            metrics.DeliveryFailed(problem);
            outbox.Remove(item.Id);
            return outbox.Add(reports.OnFailed(outbound, problem), time.GetUtcNow());
        }, ct);

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
