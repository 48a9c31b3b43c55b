using System.Diagnostics;

namespace HotlineBot.Telegram;

/// <summary>
/// Whether the bot hears from Telegram: the last successful getUpdates (polling) or webhook check and delivered
/// update (webhook), and failures in a row since. The telegram health check reads it; measured on the wall clock.
/// </summary>
public sealed class BotApiContact
{
    private long _lastSuccess = Stopwatch.GetTimestamp();
    private int _failures;

    public TimeSpan SinceSuccess => Stopwatch.GetElapsedTime(Volatile.Read(ref _lastSuccess));

    public int FailuresInARow => Volatile.Read(ref _failures);

    public void Succeeded()
    {
        Volatile.Write(ref _lastSuccess, Stopwatch.GetTimestamp());
        Volatile.Write(ref _failures, 0);
    }

    public void Failed() => Interlocked.Increment(ref _failures);
}
