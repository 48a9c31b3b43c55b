using System.Threading.Channels;

namespace HotlineBot.Telegram;

/// <summary>
/// The chats with something to send, for the sender's runners to take: urgent (crisis) lanes first, then in the
/// order they became ready, in one priority channel. The old way (two channels, waiting on both) left a waiter on the urgent channel each
/// time a runner woke for normal work, and every write woke all runners.
/// </summary>
internal sealed class LaneQueue
{
    private int _waits;

    /// <summary>Waits registered and not yet completed; never more than the runners waiting now. For tests.</summary>
    internal int OutstandingWaits => Volatile.Read(ref _waits);

    private readonly Channel<Ticket> _ready = Channel.CreateUnboundedPrioritized(new UnboundedPrioritizedChannelOptions<Ticket>
    {
        Comparer = Comparer<Ticket>.Create((a, b) => a.Urgent != b.Urgent ? (a.Urgent ? -1 : 1) : a.Arrival.CompareTo(b.Arrival)),
    });

    private long _arrivals;

    public void Schedule(long chatId, bool urgent) => _ready.Writer.TryWrite(new Ticket(chatId, urgent, Interlocked.Increment(ref _arrivals)));

    /// <summary>One read on one channel: a write hands its ticket to one waiting runner, and nothing is left waiting.</summary>
    public async Task<long> NextAsync(CancellationToken ct)
    {
        if (_ready.Reader.TryRead(out var ready))
        {
            return ready.ChatId;
        }

        return (await Track(_ready.Reader.ReadAsync(ct).AsTask()).ConfigureAwait(false)).ChatId;
    }

    private Task<Ticket> Track(Task<Ticket> wait)
    {
        Interlocked.Increment(ref _waits);
        _ = wait.ContinueWith(_ => Interlocked.Decrement(ref _waits), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return wait;
    }

    private readonly record struct Ticket(long ChatId, bool Urgent, long Arrival);
}
