using HotlineBot.Conversations;
using HotlineBot.Storage;

namespace HotlineBot.Telegram;

/// <summary>One outbox item waiting in a chat's lane, with what it says (read once, when it joins the lane).</summary>
internal sealed record LaneEntry(OutboxItem Item, Outbound Outbound);

/// <summary>
/// What waits for one chat, urgent first: a crisis alert for a worker overtakes the ordinary notices waiting behind the
/// chat's pace (one message a second), instead of waiting behind all of them. Within each priority the order holds,
/// and what is already being delivered (a retry, a long text half sent) is finished before anything overtakes it.
/// A notice with a <see cref="Outbound.ReplaceKey"/> is superseded in place by a newer one with the same key while it
/// waits: the worker gets the current board or alert once, where the first one stood in line, not every stale version.
/// </summary>
internal sealed class LaneItems
{
    private readonly LinkedList<LaneEntry> _urgent = new();
    private readonly LinkedList<LaneEntry> _normal = new();
    private IReadOnlyList<LaneEntry>? _begun;

    public int Count => _urgent.Count + _normal.Count;

    /// <summary>An urgent entry waits (the lane is scheduled ahead of ordinary ones).</summary>
    public bool HasUrgent => _urgent.Count > 0;

    /// <summary>The entries being delivered now (begun and not finished), or null.</summary>
    public IReadOnlyList<LaneEntry>? Begun => _begun;

    /// <summary>Adds the entry; returns the waiting one it superseded (to be taken out of the outbox), if any.</summary>
    public LaneEntry? Enqueue(LaneEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var tier = IsUrgent(entry) ? _urgent : _normal;
        if (entry.Outbound.ReplaceKey is { } key && Waiting(key) is { } node)
        {
            var old = node.Value;
            if (node.List == tier)
            {
                node.Value = entry;
            }
            else
            {
                node.List!.Remove(node);
                tier.AddLast(entry);
            }

            return old;
        }

        tier.AddLast(entry);
        return null;
    }

    /// <summary>
    /// The next group to deliver (urgent first): the head entry and, when <paramref name="joins"/> says so, the entries
    /// right behind it in the same line that may go with it. Nothing is taken yet: an urgent entry arriving before
    /// <see cref="Begin"/> still goes first.
    /// </summary>
    public bool TryPeek(Func<LaneEntry, IReadOnlyList<LaneEntry>, bool>? joins, out IReadOnlyList<LaneEntry> group)
    {
        if (_begun is not null)
        {
            group = _begun;
            return true;
        }

        var tier = _urgent.Count > 0 ? _urgent : _normal;
        if (tier.First is not { } node)
        {
            group = [];
            return false;
        }

        var taken = new List<LaneEntry> { node.Value };
        for (var next = node.Next; next is not null && joins is not null && joins(next.Value, taken); next = next.Next)
        {
            taken.Add(next.Value);
        }

        group = taken;
        return true;
    }

    /// <summary>The group is being delivered: from now on nothing supersedes or overtakes it until it is finished.</summary>
    public void Begin(IReadOnlyList<LaneEntry> group) => _begun = group;

    /// <summary>
    /// A notice whose try failed (a 429, a broken connection) and of which nothing reached the chat goes back to waiting:
    /// a newer version may still supersede it before the retry. Anything else stays under way and is finished first.
    /// </summary>
    public bool ReleaseIfNotice()
    {
        if (_begun is [{ Outbound.ReplaceKey: not null }])
        {
            _begun = null;
            return true;
        }

        return false;
    }

    /// <summary>The group under way is done with (delivered or given up): it leaves the lane.</summary>
    public void Finish()
    {
        foreach (var entry in _begun ?? [])
        {
            if (!_urgent.Remove(entry))
            {
                _normal.Remove(entry);
            }
        }

        _begun = null;
    }

    private static bool IsUrgent(LaneEntry entry) => entry.Item.Priority == (int)OutboundPriority.Crisis;

    private LinkedListNode<LaneEntry>? Waiting(string key)
    {
        foreach (var tier in new[] { _urgent, _normal })
        {
            for (var node = tier.First; node is not null; node = node.Next)
            {
                if (node.Value.Outbound.ReplaceKey == key && _begun?.Contains(node.Value) != true)
                {
                    return node;
                }
            }
        }

        return null;
    }
}
