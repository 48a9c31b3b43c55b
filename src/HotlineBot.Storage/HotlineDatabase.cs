using LiteDB;

namespace HotlineBot.Storage;

/// <summary>
/// The one LiteDB database of the process. Every update's effects are written inside one
/// <see cref="InTransaction{T}"/>, so state, case events and replies are committed together or not at all.
/// </summary>
public sealed class HotlineDatabase : ITransactions, IDisposable
{
    private readonly LiteDatabase _db;
    private readonly DatabaseLock? _lock;

    // One writer at a time. LiteDB locks per collection for the life of a transaction, so two writers touching
    // the same collections in different orders (the processor's batch and the sender's bookkeeping) could wait
    // on each other until LiteDB's one-minute timeout. A backup takes it too, so a copy never holds half a commit.
    private readonly Lock _writer = new();
    private int _priorityWaiting;

    // True for the life of the outermost transaction (under the writer lock): the stores then keep what a turn loads
    // and changes in memory and write each document once, just before the commit (see UnitOfWork).
    private bool _inUnit;

    public HotlineDatabase(string path, string? password)
    {
        var inMemory = path == ":memory:";
        if (!inMemory)
        {
            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            // Before the file is opened: a second process writing it would corrupt it.
            _lock = DatabaseLock.Take(path);
        }

        var connection = new ConnectionString
        {
            Filename = path,
            Connection = ConnectionType.Direct,
            Password = string.IsNullOrEmpty(password) ? null : password,
        };
        var mapper = new BsonMapper { EnumAsInteger = false };
        _db = new LiteDatabase(connection, mapper);
        Path = path;
        EnsureIndexes();
    }

    public string Path { get; }

    /// <summary>Raised after a transaction was rolled back, so in-memory views of the data can be dropped.</summary>
    public event Action? RolledBack;

    /// <summary>Just before the outermost commit: each store writes what the unit of work changed, once.</summary>
    internal event Action? Flushing;

    /// <summary>
    /// After the outermost commit (true) or rollback (false): what the unit of work loaded is forgotten, and after a
    /// commit the stores keep what they wrote as the committed state (see UnitOfWork).
    /// </summary>
    internal event Action<bool>? UnitEnded;

    /// <summary>True on the thread that holds the outermost transaction: loads are shared and writes wait for the commit.</summary>
    internal bool InUnitOfWork => _inUnit && _writer.IsHeldByCurrentThread;

    internal ILiteCollection<T> Collection<T>(string name) => _db.GetCollection<T>(name);

    /// <summary>True while a priority writer waits: long-running writers end their group early for it.</summary>
    public bool PriorityWaiting => Volatile.Read(ref _priorityWaiting) > 0;

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction; an exception rolls everything back. A priority writer (taking
    /// updates in from Telegram) asks the others, through <see cref="PriorityWaiting"/>, to make room soon.
    /// </summary>
    public T InTransaction<T>(Func<T> work, bool priority = false)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (priority)
        {
            Interlocked.Increment(ref _priorityWaiting);
        }

        else if (!_writer.IsHeldByCurrentThread)
        {
            // Stand back while a priority writer waits: the lock is not fair, and a busy writer that commits and
            // starts again at once would otherwise keep taking it first.
            var spin = new SpinWait();
            while (PriorityWaiting)
            {
                spin.SpinOnce();
            }
        }

        var entered = false;
        try
        {
            _writer.Enter();
            entered = true;
            if (priority)
            {
                Interlocked.Decrement(ref _priorityWaiting);
                priority = false;
            }

            return InLockedTransaction(work);
        }
        finally
        {
            if (priority)
            {
                Interlocked.Decrement(ref _priorityWaiting);
            }

            if (entered)
            {
                _writer.Exit();
            }
        }
    }

    private T InLockedTransaction<T>(Func<T> work)
    {
        var began = _db.BeginTrans();
        _inUnit |= began;
        var committed = false;
        try
        {
            var result = work();
            if (began)
            {
                Flushing?.Invoke();
                _db.Commit();
                committed = true;
            }

            return result;
        }
        catch
        {
            if (began)
            {
                _db.Rollback();
                RolledBack?.Invoke();
            }

            throw;
        }
        finally
        {
            if (began)
            {
                _inUnit = false;
                UnitEnded?.Invoke(committed);
            }
        }
    }

    public void InTransaction(Action work, bool priority = false) => InTransaction(() =>
    {
        work();
        return true;
    }, priority);

    public void Checkpoint() => _db.Checkpoint();

    /// <summary>
    /// A consistent copy while the bot runs: no commit is in progress while the log is folded into the data file
    /// and the file is copied. The copy is encrypted with the same password, if there is one.
    /// </summary>
    public void BackupTo(string target)
    {
        if (Path == ":memory:")
        {
            throw new InvalidOperationException("an in-memory database has no file to back up");
        }

        lock (_writer)
        {
            _db.Checkpoint();
            File.Copy(Path, target, overwrite: true);
        }
    }

    private void EnsureIndexes()
    {
        Collection<Cases.CaseEvent>(Collections.CaseEvents).EnsureIndex(e => e.CaseId);
        Collection<Cases.Case>(Collections.Cases).EnsureIndex(c => c.Status);
        Collection<Cases.Case>(Collections.Cases).EnsureIndex(c => c.PersonChatId);
        Collection<Cases.Case>(Collections.Cases).EnsureIndex(c => c.ClosedAt);
        // Nothing asks the outbox by chat (the sender keeps its lanes in memory and reads the outbox whole at a start),
        // and every reply is inserted and deleted once: an index kept up for nothing in both commits. Files made by
        // earlier versions lose it here.
        Collection<OutboxItem>(Collections.Outbox).DropIndex(nameof(OutboxItem.ChatId));
        Collection<InboxItem>(Collections.Inbox).EnsureIndex(i => i.ChatId);
        Collection<Conversations.Person>(Collections.People).EnsureIndex(p => p.WordsKeptAt);
        Collection<HeldItem>(Collections.Held).EnsureIndex(i => i.ChatId);
        Collection<HeldItem>(Collections.Held).EnsureIndex(i => i.HeldAt);
        Collection<CaseThread>(Collections.CaseThreads).EnsureIndex(t => t.ThreadKey);
    }

    public void Dispose()
    {
        _db.Dispose();
        _lock?.Dispose();
    }
}

internal static class Collections
{
    public const string People = "people";
    public const string Cases = "cases";
    public const string CaseEvents = "case_events";
    public const string Outbox = "outbox";
    public const string Inbox = "inbox";
    public const string InboxCrisis = "inbox_crisis";
    public const string Meta = "meta";
    public const string SentMessages = "sent_messages";
    public const string Workers = "workers";
    public const string Held = "held";
    public const string DeadLetters = "dead_letters";
    public const string CaseThreads = "case_threads";
}
