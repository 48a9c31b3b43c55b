using HotlineBot.Cases;

namespace HotlineBot.Storage;

/// <summary>
/// The order of the waiting cases, kept in memory: a person is told their place in the queue, and counting it in
/// LiteDB means loading every waiting case (milliseconds each time once hundreds wait, as after a TV spot).
/// It follows every case written through the store, and is dropped and reloaded after a rolled-back transaction,
/// so it never disagrees with what was committed.
/// </summary>
internal sealed class WaitingLine(Func<IReadOnlyList<Case>> load)
{
    private readonly Lock _gate = new();
    private SortedSet<(int Rank, int Id)>? _line;
    private Dictionary<int, (int Rank, int Id)>? _keys;

    /// <summary>1 for the case seen first: by risk (urgent first), then in the order they were opened (ids grow with time).</summary>
    public int PositionOf(Case @case)
    {
        lock (_gate)
        {
            Load();
            return _line!.GetViewBetween((int.MinValue, int.MinValue), Key(@case)).Count;
        }
    }

    public IReadOnlyList<(int Rank, int Id)> InOrder()
    {
        lock (_gate)
        {
            Load();
            return [.. _line!];
        }
    }

    public void Track(Case @case)
    {
        lock (_gate)
        {
            if (_line is null)
            {
                return;
            }

            if (_keys!.Remove(@case.Id, out var old))
            {
                _line.Remove(old);
            }

            if (@case.Status == CaseStatus.Queued)
            {
                _keys[@case.Id] = Key(@case);
                _line.Add(Key(@case));
            }
        }
    }

    public void Forget()
    {
        lock (_gate)
        {
            _line = null;
            _keys = null;
        }
    }

    private void Load()
    {
        if (_line is not null)
        {
            return;
        }

        var queued = load();
        _keys = queued.ToDictionary(c => c.Id, Key);
        _line = [.. _keys.Values];
    }

    private static (int Rank, int Id) Key(Case @case) => (@case.QueueRank(), @case.Id);
}
