using System.Threading.RateLimiting;

namespace HotlineBot.Telegram;

/// <summary>
/// Telegram's documented flood limits, where they apply: about one message a second per chat (short bursts pass),
/// 20 a minute per group, about 30 a second for broadcasts the bot starts itself. Replies to people are not
/// held to the broadcast limit: that cap is for bulk notifications, and answering users may go faster.
/// </summary>
public sealed class DeliveryLimits : IDisposable
{
    private readonly ChatPacing _people;
    private readonly ChatPacing _groups;
    private readonly RateLimiter _bulk;

    // A little slower than Telegram's figures (1.05 s a message; a group's 20 a minute taken as one per 3.1 s), and of
    // a private chat's burst of three, two: with three the benchmark's steady crowd waited longer (p99 0.5-1 s against
    // 50 ms), and one kept in hand costs a person little.
    public DeliveryLimits(TimeProvider time)
    {
        _people = new ChatPacing(TimeSpan.FromSeconds(1.05), burst: 2, time);
        _groups = new ChatPacing(TimeSpan.FromSeconds(3.1), burst: 1, time);
        _bulk = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 30,
            TokensPerPeriod = 30,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>
    /// Takes room to send <paramref name="messages"/> to <paramref name="chatId"/> now, or says how long to wait. Never
    /// blocks: the sender parks the chat instead of holding a sending slot. Bulk messages also need the global budget,
    /// which is only spent once the chat itself has room.
    /// </summary>
    public TimeSpan TryAcquire(long chatId, bool bulk, int messages = 1)
    {
        var pacing = PacingOf(chatId);
        var wait = pacing.WaitFor(chatId, messages);
        if (wait > TimeSpan.Zero)
        {
            return wait;
        }

        if (bulk)
        {
            using var global = _bulk.AttemptAcquire();
            if (!global.IsAcquired)
            {
                return global.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : TimeSpan.FromMilliseconds(100);
            }
        }

        pacing.Sending(chatId, messages);
        return TimeSpan.Zero;
    }

    /// <summary>Telegram answered the send that <see cref="TryAcquire"/> made room for (see <see cref="ChatPacing"/>).</summary>
    public void Answered(long chatId, int messages = 1) => PacingOf(chatId).Answered(chatId, messages);

    private ChatPacing PacingOf(long chatId) => chatId < 0 ? _groups : _people;

    public void Dispose() => _bulk.Dispose();
}
