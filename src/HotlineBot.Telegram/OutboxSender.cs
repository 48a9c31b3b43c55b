using HotlineBot.Cases;
using HotlineBot.Conversations;
using HotlineBot.Metrics;
using HotlineBot.Safety;
using HotlineBot.Settings;
using HotlineBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;

namespace HotlineBot.Telegram;

/// <summary>
/// Drains the outbox to Telegram: one message at a time per chat (so order holds), many chats at once,
/// crisis first, within Telegram's limits. 429 pauses that chat for retry_after (and the whole sender when many
/// chats hit it at once); 5xx and broken connections retry with backoff and jitter; 403 marks the person unreachable;
/// other 400s are logged with the method and dropped. An item leaves the outbox only once Telegram has it.
/// </summary>
public sealed partial class OutboxSender(
    TelegramGateway gateway,
    IOutboxStore outbox,
    ISentMessageStore sent,
    IChatMessageLog chatLog,
    DeliveryLimits limits,
    DeliveryRecords records,
    CaseThreads threads,
    HotlineMetrics metrics,
    TimeProvider time,
    IOptions<HotlineOptions> options,
    ILogger<OutboxSender> logger) : BackgroundService, IReplySink
{
    // Sending slots. A slot also waits for its delivery's record to be committed before that chat's next message may go
    // (so a crash repeats at most one message per chat), and under load that wait is longer than Telegram's answer:
    // with 16 slots, at 6,000 people the replies queued here for seconds (11,000 in the outbox) while the processor
    // had an empty inbox. Requests in flight stay capped by the HTTP client's connections (64).
    private const int Concurrency = 256;

    /// <summary>A topic deleted again and again while one message waits: after this many it goes as a plain failure.</summary>
    private const int MaxThreadRecreations = 3;

    // Waiting on the network (flood budgets, retry_after, backoff) runs on the wall clock, like the rate limiters
    // themselves; the injected TimeProvider is the hotline's clock for what it records.
    private static readonly TimeProvider Network = TimeProvider.System;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly Dictionary<long, ChatLane> _lanes = [];
    private readonly LaneQueue _ready = new();
    private readonly UrgentInFlight _urgent = new();
    private readonly Queue<DateTimeOffset> _recent429 = new();
    private readonly HashSet<long> _known = [];
    private readonly JoinedTexts _joined = new(TimeSpan.FromHours(options.Value.WorkingHours.UtcOffsetHours), threads.SharesThread);
    private DateTimeOffset _globalPauseUntil;

    /// <summary>Called after each commit with the items it added, so delivery starts without a database poll.</summary>
    public void Enqueue(IEnumerable<OutboxItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        // Read outside the lock: the runners take it for every message they send.
        var entries = items.Select(item => new LaneEntry(item, StorageJson.ReadOutbound(item))).ToList();
        foreach (var entry in entries)
        {
            // The lane sends the message as read; its JSON is in the outbox file already, and kept here too it doubled
            // what waits in memory behind a saturated sender (thousands of replies).
            entry.Item.Payload = string.Empty;
        }

        lock (_gate)
        {
            foreach (var entry in entries)
            {
                var item = entry.Item;
                // The start-up load and a fresh commit may both hand over the same item: deliver it once.
                if (!_known.Add(item.Id))
                {
                    continue;
                }

                if (!_lanes.TryGetValue(item.ChatId, out var lane))
                {
                    _lanes[item.ChatId] = lane = new ChatLane(item.ChatId);
                }

                if (lane.Items.Enqueue(entry) is { } superseded)
                {
                    // A newer version of the same notice took its place in line: the old one is never sent.
                    _ = DropAsync(superseded);
                }

                if (!lane.Scheduled)
                {
                    lane.Scheduled = true;
                    _ready.Schedule(lane.ChatId, urgent: item.Priority == (int)OutboundPriority.Crisis);
                }
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Whatever was committed but not delivered before a crash or restart goes out first.
        var leftover = outbox.Pending();
        Enqueue(leftover);
        if (leftover.Count > 0)
        {
            LogResumed(leftover.Count);
        }

        // Delivery records from all runners share commits: one per message would cost more than the sending.
        var bookkeeping = records.RunAsync(stoppingToken);
        var runners = Enumerable.Range(0, Concurrency).Select(_ => RunAsync(stoppingToken)).ToArray();
        await Task.WhenAll([.. runners, bookkeeping]).ConfigureAwait(false);
    }

    private async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            long chatId;
            try
            {
                chatId = await NextLaneAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await DrainLaneAsync(chatId, ct).ConfigureAwait(false);
        }
    }

    private Task<long> NextLaneAsync(CancellationToken ct) => _ready.NextAsync(ct);

    /// <summary>
    /// Sends the lane's items in order while they may go now. When a chat must wait (its flood budget, a 429 pause,
    /// a retry backoff) the lane is parked and the runner moves on to other chats: one slow chat never holds up the rest.
    /// </summary>
    private async Task DrainLaneAsync(long chatId, CancellationToken ct)
    {
        ChatLane lane;
        lock (_gate)
        {
            lane = _lanes[chatId];
        }

        while (!ct.IsCancellationRequested)
        {
            // A correction of a notice never shown is dropped without a message: it must not cost the chat a turn of its
            // pace. Looked up outside the lock (it reads the database); checked again below that it is still the head.
            var dropped = NothingToCorrect(lane);
            TimeSpan wait;
            lock (_gate)
            {
                // A group already under way stays at the head; otherwise an urgent item that arrived meanwhile goes first,
                // and relayed texts waiting one behind the other go together. Room is taken in the same step, so nothing
                // can supersede what is about to be sent.
                var underWay = lane.Items.Begun is not null;
                if (!lane.Items.TryPeek(_joined.Joins, out var group))
                {
                    lane.Scheduled = false;
                    _lanes.Remove(chatId);
                    return;
                }

                var outbound = underWay ? lane.Current! : _joined.Build(group);
                wait = !underWay && dropped is not null && group[0] == dropped ? TimeSpan.Zero : TimeToWait(lane, outbound);
                if (wait <= TimeSpan.Zero && !underWay)
                {
                    lane.Items.Begin(group);
                    lane.Current = outbound;
                }
            }

            if (wait > TimeSpan.Zero)
            {
                _ = ResumeLaterAsync(lane, wait, ct);
                return;
            }

            bool done;
            try
            {
                done = await AttemptAsync(lane, lane.Items.Begun!, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Our own bookkeeping failed (e.g. the database): the item stays in the outbox and is tried again later;
                // the sender itself must never stop.
                lane.Attempt++;
                LogBookkeepingFailed(e);
                lane.NotBefore = Network.GetUtcNow() + Backoff(lane.Attempt);
                done = false;
            }

            if (!done)
            {
                lock (_gate)
                {
                    // Only after a pause Telegram asked for or a broken connection: an edit turned into a send must stay so.
                    if (lane.Transient && lane.Shown.Count == 0 && lane.Items.ReleaseIfNotice())
                    {
                        lane.Current = null;
                    }

                    lane.Transient = false;
                }
            }
            else
            {
                lock (_gate)
                {
                    foreach (var entry in lane.Items.Begun ?? [])
                    {
                        _known.Remove(entry.Item.Id);
                    }

                    lane.Items.Finish();
                    lane.Current = null;
                    lane.Attempt = 0;
                    lane.Shown.Clear();
                    lane.ShownRecorded = 0;
                }
            }
        }
    }

    /// <summary>The lane's head when it is an edit that only corrects a notice, and that notice was never shown.</summary>
    private LaneEntry? NothingToCorrect(ChatLane lane)
    {
        LaneEntry? head;
        lock (_gate)
        {
            head = lane.Items.Begun is null && lane.Items.TryPeek(null, out var group) ? group[0] : null;
        }

        return head?.Outbound is { Kind: OutboundKind.Edit, OnlyIfShown: true, EditMessageId: null, EditTag: { } tag } && sent.Find(lane.ChatId, tag) is null
            ? head
            : null;
    }

    /// <summary>A superseded notice leaves the outbox, so a restart does not send it either.</summary>
    private async Task DropAsync(LaneEntry superseded)
    {
        try
        {
            await records.DroppedAsync(superseded.Item, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Left in the outbox, it is superseded again when a restart loads it behind its newer version.
            LogBookkeepingFailed(e);
        }

        // Known until it has left the outbox: handed over again meanwhile (the start-up load), it is not taken back in.
        lock (_gate)
        {
            _known.Remove(superseded.Item.Id);
        }
    }

    private TimeSpan TimeToWait(ChatLane lane, Outbound outbound)
    {
        var until = lane.NotBefore > _globalPauseUntil ? lane.NotBefore : _globalPauseUntil;
        var paused = until - Network.GetUtcNow();
        if (paused > TimeSpan.Zero)
        {
            return paused;
        }

        return Counts(outbound)
            ? limits.TryAcquire(lane.ChatId, outbound.Priority == OutboundPriority.Bulk, TelegramGateway.MessagesIn(outbound))
            : TimeSpan.Zero;
    }

    // Answering a button press and deleting are not messages; Telegram's flood limits are about messages. A topic opened
    // or renamed posts a service message into the chat, so it counts where the chat has topics (elsewhere it does nothing).
    private bool Counts(Outbound outbound) =>
        outbound.Kind is not (OutboundKind.AnswerButton or OutboundKind.Delete or OutboundKind.ClearChat) && !threads.ChangesNothing(outbound);

    private async Task ResumeLaterAsync(ChatLane lane, TimeSpan wait, CancellationToken ct)
    {
        try
        {
            await Task.Delay(wait, Network, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        bool urgent;
        lock (_gate)
        {
            urgent = lane.Items.HasUrgent;
        }

        _ready.Schedule(lane.ChatId, urgent);
    }

    /// <summary>
    /// One try at delivering the lane's head group (one item, or relayed texts joined into one message); true when it is
    /// finished with (delivered or given up). Each joined part is recorded as its own reply: it leaves the outbox, its
    /// delivery status is reported, and a failure goes into its case's log.
    /// </summary>
    private async Task<bool> AttemptAsync(ChatLane lane, IReadOnlyList<LaneEntry> group, CancellationToken ct)
    {
        var item = group[0].Item;
        var outbound = lane.Current!;
        try
        {
            var editId = outbound.EditMessageId ?? (outbound.EditTag is { } tag ? sent.Find(outbound.ChatId, tag) : null);
            if (outbound.Kind == OutboundKind.Edit && editId is null)
            {
                if (outbound.OnlyIfShown)
                {
                    // The notice it would correct was never shown (it was superseded while it waited): nothing to say.
                    await records.DroppedAsync(item, ct).ConfigureAwait(false);
                    return true;
                }

                outbound = lane.Current = outbound with { Kind = OutboundKind.Send };
            }

            if (outbound.Kind == OutboundKind.ClearChat)
            {
                // The ids are read now, not when the hide was asked for, so messages sent in between go too.
                var ids = chatLog.Since(outbound.ChatId, time.GetUtcNow() - IChatMessageLog.DeletableFor);
                if (ids.Count > 0)
                {
                    await gateway.DeliverAsync(outbound with { Kind = OutboundKind.Delete, DeleteMessageIds = ids }, null, ct).ConfigureAwait(false);
                }

                Enqueue(await records.DeliveredAsync(item, outbound, null, afterRetry: false, ct, cleared: ids).ConfigureAwait(false));
                return true;
            }

            if (threads.ChangesNothing(outbound))
            {
                Enqueue(await records.DeliveredAsync(item, outbound, null, afterRetry: false, ct).ConfigureAwait(false));
                return true;
            }

            // Decided before the delivery: afterwards a renamed thread already looks unchanged.
            var counts = Counts(outbound);
            int? messageId = null;
            var urgent = outbound.Priority == OutboundPriority.Crisis;
            if (urgent)
            {
                _urgent.Begin();
            }
            else
            {
                await _urgent.WaitAsync(Network, ct).ConfigureAwait(false);
            }

            try
            {
                if (outbound.Kind == OutboundKind.Thread)
                {
                    await threads.ApplyAsync(outbound, ct).ConfigureAwait(false);
                }
                else
                {
                    // A long text resumes after the pieces that already went (each piece's id is in lane.Shown).
                    var fromPiece = outbound.Kind == OutboundKind.Send ? lane.Shown.Count : 0;
                    var thread = await threads.ThreadForAsync(outbound, ct).ConfigureAwait(false);
                    if (thread is not null || !outbound.ThreadOnly)
                    {
                        messageId = await gateway.DeliverAsync(outbound, editId, ct, lane.Shown, fromPiece, thread).ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                if (urgent)
                {
                    _urgent.End();
                }

                if (counts)
                {
                    // Answered or failed, whatever was sent had reached Telegram by now, or never will.
                    limits.Answered(outbound.ChatId, TelegramGateway.MessagesIn(outbound));
                }
            }

            Enqueue(group.Count == 1
                ? await records.DeliveredAsync(item, outbound, messageId, afterRetry: lane.Attempt > 0, ct, NotYetRecorded(lane)).ConfigureAwait(false)
                : await records.DeliveredJoinedAsync([.. group.Select(e => (e.Item, e.Outbound))], afterRetry: lane.Attempt > 0, NotYetRecorded(lane), ct).ConfigureAwait(false));
            if (outbound.Pin)
            {
                await threads.CardShownAsync(outbound, messageId, sentNew: outbound.Kind == OutboundKind.Send, ct).ConfigureAwait(false);
            }

            return true;
        }
        catch (ApiRequestException e) when (CaseThreads.IsThreadGone(e) && outbound.InCaseThread && outbound.CaseId is not null && lane.Attempt < MaxThreadRecreations)
        {
            // Someone deleted the case's topic: it is opened again with its card, and this message goes there next.
            await RememberPiecesAsync(lane, ct).ConfigureAwait(false);
            lane.Attempt++;
            await threads.ReopenDeletedAsync(outbound, ct).ConfigureAwait(false);
            return false;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 429)
        {
            await RememberPiecesAsync(lane, ct).ConfigureAwait(false);
            lane.Transient = true;
            var wait = TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1));
            lane.NotBefore = Network.GetUtcNow() + wait;
            NoteTooManyRequests(wait);
            metrics.TooManyRequests(wait);
            LogTooMany(outbound.Kind.ToString(), wait.TotalSeconds);
            return false;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403 || IsChatGone(e))
        {
            await RememberPiecesAsync(lane, ct).ConfigureAwait(false);
            if (e.ErrorCode == 403)
            {
                LogUnreachable(outbound.Kind.ToString(), SecretRedactor.Redact(e.Message));
            }
            else
            {
                LogRejected(outbound.Kind.ToString(), e.ErrorCode, SecretRedactor.Redact(e.Message));
            }

            await FailedAsync(group, outbound, Problem(e), ct).ConfigureAwait(false);
            return true;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400 && outbound.Kind == OutboundKind.Edit)
        {
            if (e.Message.Contains("not modified", StringComparison.OrdinalIgnoreCase))
            {
                Enqueue(await records.DeliveredAsync(item, outbound, null, afterRetry: false, ct).ConfigureAwait(false));
                return true;
            }

            if (outbound.OnlyIfShown)
            {
                // The notice is gone from the chat: a correction of it has nothing to correct.
                await records.DroppedAsync(item, ct).ConfigureAwait(false);
                return true;
            }

            // The menu is gone or too old to edit: show it as a new message instead of losing it.
            lane.Current = outbound with { Kind = OutboundKind.Send, EditMessageId = null, EditTag = null };
            return false;
        }
        catch (ApiRequestException e) when (e.ErrorCode is >= 400 and < 500)
        {
            await RememberPiecesAsync(lane, ct).ConfigureAwait(false);
            LogRejected(outbound.Kind.ToString(), e.ErrorCode, SecretRedactor.Redact(e.Message));
            await FailedAsync(group, outbound, DeliveryProblem.Rejected, ct, $" ({e.ErrorCode})").ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is RequestException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            await RememberPiecesAsync(lane, ct).ConfigureAwait(false);
            lane.Transient = true;
            lane.Attempt++;
            var backoff = Backoff(lane.Attempt);
            LogRetry(outbound.Kind.ToString(), lane.Attempt, backoff.TotalMilliseconds, SecretRedactor.Describe(e));
            lane.NotBefore = Network.GetUtcNow() + backoff;
            if (lane.Attempt == 1)
            {
                foreach (var part in group.Count == 1 ? [outbound] : group.Select(e => e.Outbound))
                {
                    Enqueue(await records.RetryingAsync(part, ct).ConfigureAwait(false));
                }
            }

            return false;
        }
    }

    /// <summary>A failure of a joined message is each part's failure: every part's case log says so.</summary>
    private async Task FailedAsync(IReadOnlyList<LaneEntry> group, Outbound sentAs, DeliveryProblem problem, CancellationToken ct, string detail = "")
    {
        if (group.Count == 1)
        {
            Enqueue(await records.FailedAsync(group[0].Item, sentAs, problem, ct, detail).ConfigureAwait(false));
            return;
        }

        foreach (var part in group)
        {
            Enqueue(await records.FailedAsync(part.Item, part.Outbound, problem, ct, detail).ConfigureAwait(false));
        }
    }

    private static List<int> NotYetRecorded(ChatLane lane)
    {
        var fresh = lane.Shown.Skip(lane.ShownRecorded).ToList();
        lane.ShownRecorded = lane.Shown.Count;
        return fresh;
    }

    /// <summary>Pieces of a long text that went before a later one failed are kept for safe exit now, not only at the end.</summary>
    private async Task RememberPiecesAsync(ChatLane lane, CancellationToken ct)
    {
        if (lane.Shown.Count > lane.ShownRecorded)
        {
            await records.PiecesShownAsync(lane.ChatId, NotYetRecorded(lane), ct).ConfigureAwait(false);
        }
    }

    /// <summary>When many chats get 429 within a second, Telegram is telling the whole bot to slow down.</summary>
    private void NoteTooManyRequests(TimeSpan wait)
    {
        var now = Network.GetUtcNow();
        lock (_recent429)
        {
            _recent429.Enqueue(now);
            while (_recent429.Count > 0 && now - _recent429.Peek() > TimeSpan.FromSeconds(1))
            {
                _recent429.Dequeue();
            }

            if (_recent429.Count >= 5 && _globalPauseUntil < now + wait)
            {
                _globalPauseUntil = now + wait;
                LogGlobalPause(wait.TotalSeconds);
            }
        }
    }

    private static TimeSpan Backoff(int attempt)
    {
        var exponential = TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 200 * Math.Pow(2, Math.Min(attempt, 10))));
        return exponential * (0.5 + (Random.Shared.NextDouble() / 2));
    }

    private static bool IsChatGone(ApiRequestException e) =>
        e.ErrorCode == 400 && e.Message.Contains("chat not found", StringComparison.OrdinalIgnoreCase);

    private static DeliveryProblem Problem(ApiRequestException e) =>
        IsChatGone(e) ? DeliveryProblem.ChatGone
        : e.Message.Contains("deactivated", StringComparison.OrdinalIgnoreCase) ? DeliveryProblem.Deactivated
        : DeliveryProblem.Blocked;

    [LoggerMessage(LogLevel.Error, "Recording a delivery failed; the reply stays in the outbox and is tried again")]
    private partial void LogBookkeepingFailed(Exception error);

    [LoggerMessage(LogLevel.Information, "Resuming delivery of {Count} replies committed before the last stop")]
    private partial void LogResumed(int count);

    [LoggerMessage(LogLevel.Warning, "Telegram asked to slow down ({Method}); waiting {Seconds} s for that chat")]
    private partial void LogTooMany(string method, double seconds);

    [LoggerMessage(LogLevel.Warning, "Many chats hit the flood limit at once; pausing all sending for {Seconds} s")]
    private partial void LogGlobalPause(double seconds);

    [LoggerMessage(LogLevel.Warning, "Chat unreachable ({Method}): {Reason}")]
    private partial void LogUnreachable(string method, string reason);

    [LoggerMessage(LogLevel.Error, "Telegram rejected {Method} with {Code}: {Reason}; not retried")]
    private partial void LogRejected(string method, int code, string reason);

    [LoggerMessage(LogLevel.Warning, "Sending {Method} failed (attempt {Attempt}), retrying in {DelayMs:0} ms: {Error}")]
    private partial void LogRetry(string method, int attempt, double delayMs, string error);

    private sealed class ChatLane(long chatId)
    {
        public long ChatId { get; } = chatId;
        public LaneItems Items { get; } = new();
        public bool Scheduled { get; set; }
        public DateTimeOffset NotBefore { get; set; }

        /// <summary>The group under way as it is being sent (joined texts as one; an edit may have turned into a send).</summary>
        public Outbound? Current { get; set; }
        public int Attempt { get; set; }

        /// <summary>The last try failed only for now (a 429, a broken connection): a waiting notice may still be superseded.</summary>
        public bool Transient { get; set; }

        /// <summary>Ids of the head item's messages already in the chat (each piece of a long text), and how many are recorded.</summary>
        public List<int> Shown { get; } = [];
        public int ShownRecorded { get; set; }
    }
}
