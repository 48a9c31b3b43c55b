namespace HotlineBot.Telegram;

/// <summary>
/// Crisis deliveries on their way to Telegram hold back the start of ordinary ones, for at most <see cref="MaxHold"/>.
/// Urgent lanes are taken first, but taking one first does not make it arrive first: dozens of ordinary requests started
/// a moment later share the connections, the machine and Telegram's side with it, and in a surge a crisis reply reached
/// Telegram after 35–57 of the 400 replies queued behind it. Holding ordinary sends for one round trip costs them a few
/// hundred milliseconds, and only while a crisis reply is actually in flight.
/// </summary>
internal sealed class UrgentInFlight
{
    /// <summary>The longest an ordinary delivery waits, so a stream of crisis replies never stalls everyone else.</summary>
    public static readonly TimeSpan MaxHold = TimeSpan.FromMilliseconds(500);

    private readonly Lock _gate = new();
    private int _sending;
    private TaskCompletionSource _clear = Cleared();

    /// <summary>An urgent delivery starts; ordinary ones wait from now until every urgent one has ended.</summary>
    public void Begin()
    {
        lock (_gate)
        {
            if (_sending++ == 0)
            {
                _clear = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>An urgent delivery ended, delivered or not.</summary>
    public void End()
    {
        TaskCompletionSource? cleared = null;
        lock (_gate)
        {
            if (--_sending == 0)
            {
                cleared = _clear;
            }
        }

        cleared?.TrySetResult();
    }

    /// <summary>Before an ordinary delivery: returns when no urgent one is in flight, or after <see cref="MaxHold"/>.</summary>
    public async Task WaitAsync(TimeProvider clock, CancellationToken ct)
    {
        Task clear;
        lock (_gate)
        {
            clear = _clear.Task;
        }

        if (clear.IsCompleted)
        {
            return;
        }

        try
        {
            await clear.WaitAsync(MaxHold, clock, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Held long enough: the crisis replies had their head start.
        }
    }

    private static TaskCompletionSource Cleared()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }
}
