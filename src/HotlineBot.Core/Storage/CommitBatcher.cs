using System.Diagnostics;
using System.Threading.Channels;

namespace HotlineBot.Storage;

/// <summary>
/// Lets many concurrent callers share one commit (group commit): each hands over a small piece of work and awaits
/// it; whatever has arrived meanwhile runs in one transaction. If the shared transaction fails, each piece is
/// retried alone, so one bad piece cannot fail the others. A caller resumes only after its piece is committed.
/// Under load the commits are paced: pieces that arrive within <paramref name="pace"/> of the last commit's start wait
/// and go together in the next one; a piece arriving after a quiet moment commits at once.
/// </summary>
public sealed class CommitBatcher(ITransactions db, TimeSpan pace = default)
{
    private const int MaxBatch = 256;

    private readonly Channel<Entry> _queue = Channel.CreateUnbounded<Entry>(new UnboundedChannelOptions { SingleReader = true });

    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken ct)
    {
        var entry = new Entry(() => work());
        _queue.Writer.TryWrite(entry);
        return (T)(await entry.Done.Task.WaitAsync(ct).ConfigureAwait(false))!;
    }

    /// <summary>The committing loop; runs for the life of its owner.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var reader = _queue.Reader;
        var waiting = new Queue<Entry>();
        long? lastStart = null;
        try
        {
            while (waiting.Count > 0 || await reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                // A commit's cost hardly depends on how much it carries (LiteDB writes every page it touched, whole):
                // at saturation the sender's records came eight to a commit, more commits than the processor made.
                if (lastStart is { } last && Stopwatch.GetElapsedTime(last) is var since && since < pace)
                {
                    await Task.Delay(pace - since, ct).ConfigureAwait(false);
                }

                while (waiting.Count < MaxBatch && reader.TryRead(out var entry))
                {
                    waiting.Enqueue(entry);
                }

                lastStart = Stopwatch.GetTimestamp();
                Commit(waiting);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Commits entries from the front of <paramref name="waiting"/>, stopping early when a priority writer waits.</summary>
    private void Commit(Queue<Entry> waiting)
    {
        var taken = new List<Entry>();
        object?[] results;
        try
        {
            results = db.InTransaction(() =>
            {
                var done = new List<object?>();
                while (waiting.Count > 0 && (taken.Count == 0 || !db.PriorityWaiting))
                {
                    var entry = waiting.Dequeue();
                    taken.Add(entry);
                    done.Add(entry.Work());
                }

                return done.ToArray();
            });
        }
        catch (Exception) when (taken.Count > 1)
        {
            foreach (var entry in taken)
            {
                Commit(new Queue<Entry>([entry]));
            }

            return;
        }
        catch (Exception e)
        {
            taken[0].Done.TrySetException(e);
            return;
        }

        for (var i = 0; i < taken.Count; i++)
        {
            taken[i].Done.TrySetResult(results[i]);
        }
    }

    private sealed class Entry(Func<object?> work)
    {
        public Func<object?> Work { get; } = work;
        public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
