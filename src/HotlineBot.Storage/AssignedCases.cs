using HotlineBot.Cases;

namespace HotlineBot.Storage;

/// <summary>
/// The numbers of the cases a worker holds now, kept in memory like the <see cref="WaitingLine"/>: every case opened asks
/// who may be alerted (each worker's load) and every queue board asks who is at the case limit, and a LiteDB query for
/// them parsed its expression, ran the query engine and flushed the turn's changes each time. It follows every case
/// written through the store, and is dropped and reloaded after a rolled-back transaction.
/// </summary>
internal sealed class AssignedCases(Func<IEnumerable<int>> load)
{
    private readonly Lock _gate = new();
    private SortedSet<int>? _ids;

    /// <summary>In the order the cases were opened.</summary>
    public IReadOnlyList<int> Ids()
    {
        lock (_gate)
        {
            _ids ??= [.. load()];
            return [.. _ids];
        }
    }

    public void Track(Case @case)
    {
        lock (_gate)
        {
            if (_ids is null)
            {
                return;
            }

            if (@case.Status == CaseStatus.Assigned)
            {
                _ids.Add(@case.Id);
            }
            else
            {
                _ids.Remove(@case.Id);
            }
        }
    }

    public void Forget()
    {
        lock (_gate)
        {
            _ids = null;
        }
    }
}
