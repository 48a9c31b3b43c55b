using System.Diagnostics;
using System.Diagnostics.Metrics;
using HotlineBot.Cases;
using HotlineBot.Crisis;
using HotlineBot.Storage;

namespace HotlineBot.Metrics;

/// <summary>
/// The bot's one <see cref="Meter"/> ("HotlineBot"): what an operator watches from outside. Every instrument is
/// named hotline.*, exported as hotline_* by Prometheus. Labels are only small fixed sets (a kind of reply, a
/// reason, a crisis kind): never a person's id, a chat id or anything anyone wrote. It also remembers when the
/// processor and the sender last made progress, which the health checks read.
/// </summary>
public sealed class HotlineMetrics
{
    public const string MeterName = "HotlineBot";

    private readonly Counter<long> _received;
    private readonly Counter<long> _handled;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _tooMany;
    private readonly Histogram<double> _retryAfter;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _opened;
    private readonly Counter<long> _taken;
    private readonly Counter<long> _closed;
    private readonly Histogram<double> _pickup;
    private readonly Counter<long> _crisis;
    private long _lastHandled = Stopwatch.GetTimestamp();
    private long _lastSent = Stopwatch.GetTimestamp();

    public HotlineMetrics(IMeterFactory meters, IInboxStore inbox, IOutboxStore outbox, ICaseStore cases, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _received = meter.CreateCounter<long>("hotline.updates.received", "{update}", "Updates taken in from Telegram");
        _handled = meter.CreateCounter<long>("hotline.updates.handled", "{update}", "Updates handled and committed");
        _sent = meter.CreateCounter<long>("hotline.replies.sent", "{message}", "Replies Telegram accepted, by kind");
        _tooMany = meter.CreateCounter<long>("hotline.telegram.too_many_requests", "{response}", "429 answers from Telegram");
        _retryAfter = meter.CreateHistogram<double>("hotline.telegram.retry_after", "s", "retry_after of Telegram's 429 answers");
        _failed = meter.CreateCounter<long>("hotline.delivery.failures", "{message}", "Replies that could not be delivered, by reason");
        _opened = meter.CreateCounter<long>("hotline.cases.opened", "{case}", "Cases opened, urgent or not");
        _taken = meter.CreateCounter<long>("hotline.cases.taken", "{case}", "Cases taken by a worker");
        _closed = meter.CreateCounter<long>("hotline.cases.closed", "{case}", "Cases closed");
        _pickup = meter.CreateHistogram<double>("hotline.cases.pickup", "s", "Time from a case opening to a worker taking it",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [30, 60, 120, 300, 600, 900, 1800, 3600, 7200] });
        _crisis = meter.CreateCounter<long>("hotline.crisis.alarms", "{alarm}", "Crisis words detected, by kind");

        // Read when scraped; a failed read (the database closing) reports nothing rather than breaking the scrape.
        meter.CreateObservableGauge("hotline.inbox.depth", () => Safely(() => (long)inbox.Count()), "{update}", "Updates waiting to be handled");
        meter.CreateObservableGauge("hotline.inbox.oldest_age", () => Safely(() => AgeOf(inbox.OldestReceivedAt(), time)), "s", "Age of the oldest update waiting");
        meter.CreateObservableGauge("hotline.outbox.depth", () => Safely(() => (long)outbox.Count()), "{message}", "Replies waiting to be delivered");
        meter.CreateObservableGauge("hotline.outbox.oldest_age", () => Safely(() => AgeOf(outbox.OldestCreatedAt(), time)), "s", "Age of the oldest reply waiting");
        meter.CreateObservableGauge("hotline.cases.waiting", () => Safely(() => (long)cases.WaitingCount()), "{case}", "Cases waiting for a worker");
    }

    /// <summary>Since the processor last committed handled updates (on the wall clock).</summary>
    public TimeSpan SinceHandled => Stopwatch.GetElapsedTime(Volatile.Read(ref _lastHandled));

    /// <summary>Since Telegram last accepted a reply (on the wall clock).</summary>
    public TimeSpan SinceSent => Stopwatch.GetElapsedTime(Volatile.Read(ref _lastSent));

    public void Received(int count) => _received.Add(count);

    public void Handled(int count = 1)
    {
        _handled.Add(count);
        Volatile.Write(ref _lastHandled, Stopwatch.GetTimestamp());
    }

    public void Sent(string kind)
    {
        _sent.Add(1, new KeyValuePair<string, object?>("kind", kind));
        Volatile.Write(ref _lastSent, Stopwatch.GetTimestamp());
    }

    public void TooManyRequests(TimeSpan retryAfter)
    {
        _tooMany.Add(1);
        _retryAfter.Record(retryAfter.TotalSeconds);
    }

    public void DeliveryFailed(DeliveryProblem reason) => _failed.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString().ToLowerInvariant()));

    /// <summary>A case opens; one opened by crisis words is also a crisis alarm.</summary>
    public void CaseOpened(CrisisKind crisis)
    {
        _opened.Add(1, new KeyValuePair<string, object?>("urgent", crisis != CrisisKind.None));
        if (crisis != CrisisKind.None)
        {
            CrisisAlarm(crisis);
        }
    }

    /// <summary>A worker takes a case; <paramref name="firstPickup"/> is the wait, when nobody had taken it before.</summary>
    public void CaseTaken(TimeSpan? firstPickup)
    {
        _taken.Add(1);
        if (firstPickup is { } waited)
        {
            _pickup.Record(Math.Max(0, waited.TotalSeconds));
        }
    }

    public void CaseClosed(ActorRole by) => _closed.Add(1, new KeyValuePair<string, object?>("by", by.ToString().ToLowerInvariant()));

    public void CrisisAlarm(CrisisKind kind) => _crisis.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString().ToLowerInvariant()));

    private static double AgeOf(DateTimeOffset? oldest, TimeProvider time) =>
        oldest is { } at ? Math.Max(0, (time.GetUtcNow() - at).TotalSeconds) : 0;

    private static IEnumerable<Measurement<T>> Safely<T>(Func<T> read)
        where T : struct
    {
        T value;
        try
        {
            value = read();
        }
        catch (Exception)
        {
            return [];
        }

        return [new Measurement<T>(value)];
    }
}
