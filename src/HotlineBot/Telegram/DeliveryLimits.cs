using System.Threading.RateLimiting;

namespace HotlineBot.Telegram;

/// <summary>
/// Telegram's documented flood limits, where they apply: about one message a second per chat (short bursts pass),
/// 20 a minute per group, about 30 a second for broadcasts the bot starts itself. Replies to people are not
/// held to the broadcast limit: that cap is for bulk notifications, and answering users may go faster.
/// </summary>
public sealed class DeliveryLimits : IDisposable
{
    private readonly PartitionedRateLimiter<long> _perChat;
    private readonly RateLimiter _bulk;

    // A little under Telegram's figures: our bucket refills on timer ticks, theirs continuously, and a tick that
    // lands early must not cost a 429. Telegram counts a message when it arrives and we count it when we send it;
    // under load one request can spend longer on the way than the gap to the next, so of a private chat's burst of
    // three we use two and keep one in hand (the benchmark's surge provoked a 429 now and then with all three).
    public DeliveryLimits()
    {
        _perChat = PartitionedRateLimiter.Create<long, long>(chatId => chatId < 0
            ? RateLimitPartition.GetTokenBucketLimiter(chatId, _ => Bucket(tokens: 1, per: TimeSpan.FromSeconds(3.1)))
            : RateLimitPartition.GetTokenBucketLimiter(chatId, _ => Bucket(tokens: 2, per: TimeSpan.FromSeconds(1.05))));
        var bulk = Bucket(tokens: 30, per: TimeSpan.FromSeconds(1));
        bulk.TokensPerPeriod = 30;
        _bulk = new TokenBucketRateLimiter(bulk);
    }

    /// <summary>
    /// Takes room to send one message to <paramref name="chatId"/> now, or says how long to wait. Never blocks:
    /// the sender parks the chat instead of holding a sending slot. Bulk messages also need the global budget.
    /// </summary>
    public TimeSpan TryAcquire(long chatId, bool bulk)
    {
        if (bulk)
        {
            using var global = _bulk.AttemptAcquire();
            if (!global.IsAcquired)
            {
                return RetryAfter(global);
            }
        }

        using var lease = _perChat.AttemptAcquire(chatId);
        return lease.IsAcquired ? TimeSpan.Zero : RetryAfter(lease);
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : TimeSpan.FromMilliseconds(100);

    private static TokenBucketRateLimiterOptions Bucket(int tokens, TimeSpan per) => new()
    {
        TokenLimit = tokens,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = per,
        QueueLimit = 0,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    };

    public void Dispose()
    {
        _perChat.Dispose();
        _bulk.Dispose();
    }
}
