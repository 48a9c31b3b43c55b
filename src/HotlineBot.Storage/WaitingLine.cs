using HotlineBot.Cases;

namespace HotlineBot.Storage;

/// <summary>
/// The order of the waiting cases, kept in memory: a person is told their place in the queue, and counting it in
/// LiteDB means loading every waiting case (milliseconds each time once hundreds wait, as after a TV spot).
/// It follows every case written through the store, and is dropped and reloaded after a rolled-back transaction,
/// so it never disagrees with what was committed.
/// </summary>
/// <remarks>
/// One ordered set of ids per rank (a handful of ranks), not one set of (rank, id): a new case's place is then the
/// counts of the ranks before it plus its own rank's count, without walking the line. Counting a range of a
/// <see cref="SortedSet{T}"/> walks it, and in the saturated benchmark, with thousands waiting, that walk and copying
/// the whole line for every board refresh took a tenth of the bot's processor time.
/// </remarks>
internal sealed class WaitingLine(Func<IReadOnlyList<Case>> load)
{
    private readonly Lock _gate = new();
    private SortedDictionary<int, SortedSet<int>>? _ranks;
    private Dictionary<int, int>? _rankOf;
    private int _count;

    /// <summary>1 for the case seen first: by risk (urgent first), then in the order they were opened (ids grow with time).</summary>
    public int PositionOf(Case @case)
    {
        lock (_gate)
        {
            Load();
            var (rank, id) = Key(@case);
            var before = 0;
            foreach (var (other, ids) in _ranks!)
            {
                if (other >= rank)
                {
                    return before + (other == rank ? NotAfter(ids, id) : 0);
                }

                before += ids.Count;
            }

            return before;
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                Load();
                return _count;
            }
        }
    }

    /// <summary>The first <paramref name="max"/> waiting cases in queue order.</summary>
    public IReadOnlyList<(int Rank, int Id)> InOrder(int max = int.MaxValue)
    {
        lock (_gate)
        {
            Load();
            var first = new List<(int Rank, int Id)>(Math.Min(max, _count));
            foreach (var (rank, ids) in _ranks!)
            {
                foreach (var id in ids)
                {
                    if (first.Count == max)
                    {
                        return first;
                    }

                    first.Add((rank, id));
                }
            }

            return first;
        }
    }

    public void Track(Case @case)
    {
        lock (_gate)
        {
            if (_ranks is null)
            {
                return;
            }

            if (_rankOf!.Remove(@case.Id, out var old) && _ranks[old].Remove(@case.Id))
            {
                _count--;
            }

            if (@case.Status == CaseStatus.Queued)
            {
                Add(Key(@case));
            }
        }
    }

    public void Forget()
    {
        lock (_gate)
        {
            _ranks = null;
            _rankOf = null;
            _count = 0;
        }
    }

    /// <summary>How many of a rank's ids are at or before <paramref name="id"/>; a new case is last, found at once.</summary>
    private static int NotAfter(SortedSet<int> ids, int id) =>
        ids.Count == 0 || id < ids.Min ? 0 : id >= ids.Max ? ids.Count : ids.GetViewBetween(ids.Min, id).Count;

    private void Load()
    {
        if (_ranks is not null)
        {
            return;
        }

        _ranks = [];
        _rankOf = [];
        _count = 0;
        foreach (var queued in load())
        {
            Add(Key(queued));
        }
    }

    private void Add((int Rank, int Id) key)
    {
        if (!_ranks!.TryGetValue(key.Rank, out var ids))
        {
            _ranks[key.Rank] = ids = [];
        }

        if (ids.Add(key.Id))
        {
            _count++;
        }

        _rankOf![key.Id] = key.Rank;
    }

    private static (int Rank, int Id) Key(Case @case) => (@case.QueueRank(), @case.Id);
}
