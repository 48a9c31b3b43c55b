namespace HotlineBot.Telegram;

/// <summary>
/// Telegram's per-chat flood limit, kept with the generic cell rate algorithm: each chat has a theoretical arrival
/// time (TAT); a message may go when now ≥ TAT − (burst − 1) intervals, and each message moves the TAT one interval on.
/// <para>
/// Why not a token bucket from System.Threading.RateLimiting (which still paces bulk notices): Telegram counts a
/// message when it arrives, a bucket counts it when we send it, and under load one request can spend longer on the way
/// than the gap to the next, so two arrive closer together than the bucket allowed (the benchmark's surge provoked
/// 429s that way). Here the TAT is also pushed on from the moment Telegram answered, which is after the message
/// arrived, whatever the transit took: what Telegram sees is never closer together than what we allowed.
/// </para>
/// </summary>
public sealed class ChatPacing
{
    private const int SweepAbove = 4096;
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time;
    private readonly long _interval;
    private readonly long _tolerance;
    private readonly int _burst;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, long> _tat = [];
    private long _nextSweep;

    /// <param name="interval">The sustained gap between two messages to one chat.</param>
    /// <param name="burst">How many may go at once to a chat that has been quiet.</param>
    public ChatPacing(TimeSpan interval, int burst, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        _time = time;
        _interval = Ticks(interval);
        _tolerance = (burst - 1) * _interval;
        _burst = burst;
    }

    /// <summary>How long until <paramref name="messages"/> may go to the chat (zero: now). Reserves nothing.</summary>
    public TimeSpan WaitFor(long chatId, int messages = 1)
    {
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            var earliest = Math.Max(Tat(chatId, now), now) + ((Math.Clamp(messages, 1, _burst) - 1) * _interval) - _tolerance;
            return earliest > now ? _time.GetElapsedTime(now, earliest) : TimeSpan.Zero;
        }
    }

    /// <summary>The messages are being sent now.</summary>
    public void Sending(long chatId, int messages = 1)
    {
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            _tat[chatId] = Math.Max(Tat(chatId, now), now) + (Math.Max(1, messages) * _interval);
            Sweep(now);
        }
    }

    /// <summary>Telegram answered: the messages had arrived by now, so the room for the next is counted from here at the earliest.</summary>
    public void Answered(long chatId, int messages = 1)
    {
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            _tat[chatId] = Math.Max(Tat(chatId, now), now + (Math.Max(1, messages) * _interval));
        }
    }

    /// <summary>Chats with a TAT still kept (for tests: a surge must not leave them all behind).</summary>
    internal int Tracked
    {
        get
        {
            lock (_gate)
            {
                return _tat.Count;
            }
        }
    }

    private long Tat(long chatId, long now) => _tat.TryGetValue(chatId, out var tat) ? tat : now;

    /// <summary>A chat whose TAT has passed is as good as unknown: forget it, so a surge of people leaves nothing behind.</summary>
    private void Sweep(long now)
    {
        if (_tat.Count <= SweepAbove || now < _nextSweep)
        {
            return;
        }

        foreach (var rested in _tat.Where(e => e.Value <= now).Select(e => e.Key).ToList())
        {
            _tat.Remove(rested);
        }

        _nextSweep = now + Ticks(SweepEvery);
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);
}
