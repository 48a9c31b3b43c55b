using HotlineBot.Conversations;
using HotlineBot.Storage;

namespace HotlineBot.Telegram;

/// <summary>
/// What waits for one chat, urgent first: a crisis alert for a worker overtakes the ordinary notices waiting behind the
/// chat's pace (one message a second), instead of waiting behind all of them. Within each priority the order holds,
/// and an item already being delivered (a retry, a long text half sent) is finished before anything overtakes it.
/// </summary>
internal sealed class LaneItems
{
    private readonly Queue<OutboxItem> _urgent = new();
    private readonly Queue<OutboxItem> _normal = new();

    public int Count => _urgent.Count + _normal.Count;

    public void Enqueue(OutboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        (item.Priority == (int)OutboundPriority.Crisis ? _urgent : _normal).Enqueue(item);
    }

    /// <summary>The item to deliver next; <paramref name="started"/> keeps the one already under way at the head.</summary>
    public bool TryPeek(OutboxItem? started, out OutboxItem item)
    {
        if (started is not null && IsAtFront(started))
        {
            item = started;
            return true;
        }

        return _urgent.TryPeek(out item!) || _normal.TryPeek(out item!);
    }

    /// <summary>Takes a delivered (or given up) item off the front of its queue.</summary>
    public void Remove(OutboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (_urgent.TryPeek(out var urgent) && urgent.Id == item.Id)
        {
            _urgent.Dequeue();
        }
        else if (_normal.TryPeek(out var normal) && normal.Id == item.Id)
        {
            _normal.Dequeue();
        }
    }

    private bool IsAtFront(OutboxItem item) =>
        (_urgent.TryPeek(out var u) && u.Id == item.Id) || (_normal.TryPeek(out var n) && n.Id == item.Id);
}
