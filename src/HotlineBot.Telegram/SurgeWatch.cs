namespace HotlineBot.Telegram;

/// <summary>
/// Tells the update pump when a surge is on. It starts when Telegram hands out a full batch (more wait there), and
/// ends when the batches run nearly empty. Meanwhile only crisis messages are
/// handled, so a crisis far back in the surge is taken in sooner; everyone else waits safely in the inbox. The hold is
/// capped so a flood that never ends cannot starve them.
/// </summary>
/// <remarks>
/// After a surge, the next one needs the processor to have caught up first. Without that, under a load the bot cannot keep up with,
/// the batches ran nearly empty during each hold (the pump had the machine to itself) and full again soon after it,
/// so the holds followed one another (54 in 45 s at 6,000 people) and the processor stood idle through each while
/// the inbox grew: a backlog was held back from the one thread that could shrink it.
/// </remarks>
/// <param name="clock">The wall clock: a surge is about how busy this machine is, not about the hotline's time.</param>
internal sealed class SurgeWatch(TimeProvider clock)
{
    public const int NearlyDrained = 10;
    public static readonly TimeSpan Hold = TimeSpan.FromSeconds(2);

    private DateTimeOffset? _since;

    // Whether a full batch may start a surge: true at first, false from a surge's start until the processor has caught up.
    private bool _armed = true;

    /// <summary>After a getUpdates that returned <paramref name="taken"/> of at most <paramref name="batchSize"/>: whether only crisis messages are handled now.</summary>
    /// <param name="keepingUp">Whether the processor had no backlog (see <c>InboxProcessor.KeepingUp</c>).</param>
    public bool Surging(int taken, int batchSize, bool keepingUp)
    {
        _armed |= keepingUp;
        if (taken >= batchSize)
        {
            if (_since is null && _armed)
            {
                _since = clock.GetUtcNow();
                _armed = false;
            }
        }
        else if (taken < NearlyDrained)
        {
            _since = null;
        }

        return _since is { } since && clock.GetUtcNow() - since < Hold;
    }
}
