using System.Threading.Channels;

namespace HotlineBot.Storage;

/// <summary>
/// Lets many concurrent callers share one commit (group commit): each hands over a small piece of work and awaits
/// it; whatever has arrived meanwhile runs in one transaction. If the shared transaction fails, each piece is
/// retried alone, so one bad piece cannot fail the others. A caller resumes only after its piece is committed.
/// </summary>
public sealed class CommitBatcher(HotlineDatabase db)
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
        try
        {
            while (await reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                var batch = new List<Entry>();
                while (batch.Count < MaxBatch && reader.TryRead(out var entry))
                {
                    batch.Add(entry);
                }

                Commit(batch);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Commit(List<Entry> batch)
    {
        object?[] results;
        try
        {
            results = db.InTransaction(() => batch.Select(e => e.Work()).ToArray());
        }
        catch (Exception) when (batch.Count > 1)
        {
            foreach (var entry in batch)
            {
                Commit([entry]);
            }

            return;
        }
        catch (Exception e)
        {
            batch[0].Done.TrySetException(e);
            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Done.TrySetResult(results[i]);
        }
    }

    private sealed class Entry(Func<object?> work)
    {
        public Func<object?> Work { get; } = work;
        public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
