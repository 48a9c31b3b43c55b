using HotlineBot.Metrics;
using HotlineBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HotlineBot.Conversations;

/// <summary>
/// The one thread that handles updates: conversations and cases change here (the sender only records deliveries).
/// It handles the inbox (people with a crisis message first, each person's messages in order) and the timers,
/// committing each update's state, case events and replies together with the removal of that update from the inbox.
/// One thread means two workers tapping Take at the same moment are simply handled one after the other.
/// </summary>
public sealed partial class InboxProcessor(
    ConversationEngine engine,
    ITransactions db,
    InHandMarker inHand,
    IInboxStore inbox,
    IOutboxStore outbox,
    IReplySink replies,
    HotlineMetrics metrics,
    DeadLetters deadLetters,
    InboxBell bell,
    TestHooks hooks,
    TimeProvider time,
    ILogger<InboxProcessor> logger) : BackgroundService
{
    public const int MaxAttempts = 3;

    /// <summary>Updates that share one commit when they are waiting together; alone, an update commits alone.</summary>
    public const int CommitEvery = 16;
    private const int ReadAtOnce = 64;
    private static readonly TimeSpan TickEvery = TimeSpan.FromSeconds(20);

    private readonly SemaphoreSlim _signal = new(0);
    private readonly InHandMarker _inHand = inHand;
    private bool _keepingUp = true;
    private DateTimeOffset _nextTick;
    private long _lastTickTicks;

    /// <summary>The hotline time the timed duties last ran at: lets a test wait for them after moving a fake clock.</summary>
    public DateTimeOffset LastTickAt => new(Interlocked.Read(ref _lastTickTicks), TimeSpan.Zero);

    /// <summary>Set by the update pump during a surge: Telegram handed out a full batch and has not run nearly empty since.</summary>
    public bool IntakeBehind { get; set; }

    /// <summary>
    /// False while the inbox holds more than one read of updates (a backlog): after a surge, the update pump starts the
    /// next one only once this has been true again, so a backlog is not held back from the processor surge after surge.
    /// </summary>
    public bool KeepingUp { get => Volatile.Read(ref _keepingUp); private set => Volatile.Write(ref _keepingUp, value); }

    public void Signal()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    /// <summary>
    /// The loop runs on a thread of its own: it is busy for as long as a backlog lasts, and on a pool thread it took one
    /// of the few a small machine has (two on two cores) from the sender's runners, so a crisis reply committed in a
    /// surge waited about 100 ms for a runner while ordinary replies went out beside it.
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        // Before the first read of the inbox: whatever is rung in after this is read too.
        bell.Answer(Signal);
        CountCrashedAttempts();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The timers run between batches when due, so a long surge never starves the pickup timeout or the nudges.
                RunTimersIfDue();
                while (HandleBatch(stoppingToken) > 0)
                {
                    RunTimersIfDue();
                }
            }
            catch (Exception e)
            {
                // Reading the inbox itself failed; the updates are safe in it, so wait a moment and try again.
                LogInboxFailed(e);
            }

            try
            {
                _signal.Wait(TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Handles what is in the inbox now; returns how many updates it took. Public for the benchmark and tests.</summary>
    public int HandleBatch(CancellationToken ct = default)
    {
        // Small batches: a crisis message that arrives meanwhile waits for at most this many others.
        var pending = inbox.Pending(ReadAtOnce);
        KeepingUp = pending.Count < ReadAtOnce;
        // Updates that crashed the process on every try (counted at start-up) are parked without another try.
        foreach (var crashed in pending.Where(i => i.Attempts >= MaxAttempts))
        {
            Park(crashed, crashed.Attempts, new CrashedWhileHandlingException());
        }

        pending = [.. pending.Where(i => i.Attempts < MaxAttempts)];
        var crisisChats = pending.Where(i => i.Crisis).Select(i => i.ChatId).ToHashSet();
        if (IntakeBehind)
        {
            // A surge is still being taken in from Telegram: handle only the chats with a crisis message now (their
            // earlier messages first, so one person's words stay in order) and leave the machine to intake, so a
            // crisis further back in the surge reaches us sooner. The rest wait safely in the inbox.
            pending = [.. pending.Where(i => crisisChats.Contains(i.ChatId))];
        }
        if (pending.Count == 0)
        {
            return 0;
        }

        var ordered = new Queue<InboxItem>(pending.OrderByDescending(i => crisisChats.Contains(i.ChatId)).ThenBy(i => i.Id));
        // Graceful shutdown finishes the updates in hand; the rest stay safely in the inbox.
        while (ordered.Count > 0 && !ct.IsCancellationRequested)
        {
            HandleTogether(ordered);
        }

        return pending.Count;
    }

    /// <summary>
    /// Several updates in one transaction: a commit costs more than handling an update, so under load they share it.
    /// The group ends early when the update pump waits to commit what it took from Telegram, so intake never waits
    /// long behind handling. If any of them fails, all are rolled back and handled one by one, so only the bad one pays.
    /// </summary>
    private void HandleTogether(Queue<InboxItem> ordered)
    {
        // An update already tried (a failure, or in hand when the process crashed) goes alone, so that only it pays.
        if (ordered.Count == 1 || ordered.Peek().Attempts > 0)
        {
            HandleOne(ordered.Dequeue());
            return;
        }

        var group = new List<InboxItem>();
        var later = new List<Turn>();
        while (ordered.Count > 0 && group.Count < CommitEvery && ordered.Peek().Attempts == 0)
        {
            group.Add(ordered.Dequeue());
        }

        _inHand.Write(group.Select(i => i.Id));
        var taken = 0;
        List<OutboxItem> added;
        try
        {
            added = db.InTransaction(() =>
            {
                var all = new List<OutboxItem>();
                later.Clear();
                while (taken < group.Count && (taken == 0 || !db.PriorityWaiting))
                {
                    all.AddRange(Handle(group[taken], later));
                    taken++;
                }

                return all;
            });
        }
        catch (Exception)
        {
            _inHand.Clear();
            group.ForEach(HandleOne);
            return;
        }

        _inHand.Clear();
        replies.Enqueue(added);
        RunDeferred(later);
        metrics.Handled(taken);
        if (taken < group.Count)
        {
            // The group ended early for intake: the rest go back to the front, in order.
            var rest = group.Skip(taken).Concat(ordered).ToList();
            ordered.Clear();
            rest.ForEach(ordered.Enqueue);
        }
    }

    private void HandleOne(InboxItem item)
    {
        _inHand.Write([item.Id]);
        try
        {
            var later = new List<Turn>();
            var added = db.InTransaction(() =>
            {
                later.Clear();
                return Handle(item, later);
            });
            replies.Enqueue(added);
            RunDeferred(later);
            metrics.Handled();
        }
        catch (Exception e)
        {
            LogFailed(item.Id, item.Attempts + 1, e);
            if (item.Attempts + 1 >= MaxAttempts)
            {
                Park(item, item.Attempts + 1, e);
            }
            else
            {
                db.InTransaction(() => inbox.CountAttempt(item.Id));
            }
        }
        finally
        {
            _inHand.Clear();
        }
    }

    /// <summary>The updates in hand when the process last died count one try each (see <see cref="InHandMarker"/>).</summary>
    private void CountCrashedAttempts()
    {
        var left = _inHand.Left();
        if (left.Count > 0)
        {
            db.InTransaction(() =>
            {
                foreach (var id in left)
                {
                    inbox.CountAttempt(id);
                }
            });
            LogCrashedAttempts(left.Count);
        }

        _inHand.Clear();
    }

    /// <summary>
    /// A poison update never blocks the others and is never dropped: it is parked in the dead-letter store, noted in
    /// the person's case and the supervisors are told, in the same commit that takes it out of the inbox.
    /// </summary>
    private void Park(InboxItem item, int attempts, Exception error)
    {
        var added = db.InTransaction(() =>
        {
            var turn = deadLetters.Park(item, attempts, error, time.GetUtcNow());
            inbox.Remove(item);
            return outbox.Add(turn.Outbounds, turn.Now);
        });
        LogParked(item.Id, attempts);
        replies.Enqueue(added);
    }

    private IReadOnlyList<OutboxItem> Handle(InboxItem item, List<Turn> later)
    {
        var inbound = StorageJson.ReadInbound(item);
        hooks.BeforeHandling(inbound);
        var turn = engine.Handle(inbound, time.GetUtcNow());
        inbox.Remove(item);
        if (turn.Deferred.Count > 0)
        {
            later.Add(turn);
        }

        return outbox.Add(turn.Outbounds, turn.Now);
    }

    /// <summary>
    /// Slow work of committed turns, outside the writer's lock, so intake and deliveries go on meanwhile. Its update has
    /// already left the inbox: what it says is lost if the process dies right here, which only ever costs a supervisor
    /// asking for /stats again — never a person's words, which are all committed with their turn.
    /// </summary>
    private void RunDeferred(List<Turn> later)
    {
        foreach (var turn in later)
        {
            try
            {
                var said = turn.RunDeferred();
                replies.Enqueue(db.InTransaction(() => outbox.Add(said, time.GetUtcNow())));
            }
            catch (Exception e)
            {
                LogDeferredFailed(e);
            }
        }
    }

    private void RunTimersIfDue()
    {
        var now = time.GetUtcNow();
        if (now < _nextTick)
        {
            return;
        }

        _nextTick = now + TickEvery;
        try
        {
            var added = db.InTransaction(() =>
            {
                var turn = engine.Tick(now);
                return outbox.Add(turn.Outbounds, turn.Now);
            });
            replies.Enqueue(added);
            Interlocked.Exchange(ref _lastTickTicks, now.UtcTicks);
        }
        catch (Exception e)
        {
            LogTimersFailed(e);
        }
    }

    public override void Dispose()
    {
        _signal.Dispose();
        base.Dispose();
    }

    [LoggerMessage(LogLevel.Error, "Update {UpdateId} failed (attempt {Attempt})")]
    private partial void LogFailed(long updateId, int attempt, Exception error);

    [LoggerMessage(LogLevel.Error, "Update {UpdateId} parked in the dead-letter store after {Attempts} tries; supervisors told")]
    private partial void LogParked(long updateId, int attempts);

    [LoggerMessage(LogLevel.Warning, "The process stopped while handling {Count} updates; each counts one try")]
    private partial void LogCrashedAttempts(int count);

    [LoggerMessage(LogLevel.Error, "Reading the inbox failed; trying again")]
    private partial void LogInboxFailed(Exception error);

    [LoggerMessage(LogLevel.Error, "Work deferred past a commit failed")]
    private partial void LogDeferredFailed(Exception error);

    [LoggerMessage(LogLevel.Error, "Timed duties failed")]
    private partial void LogTimersFailed(Exception error);
}

/// <summary>What a dead letter records for an update that ended the process on each of its tries.</summary>
public sealed class CrashedWhileHandlingException()
    : Exception("the process stopped while handling this update, on each of its tries");
