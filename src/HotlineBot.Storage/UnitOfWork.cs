using BitFaster.Caching.Lru;

namespace HotlineBot.Storage;

/// <summary>
/// One store's share of a turn's unit of work: each document is loaded once (a second <c>Find</c> in the same
/// transaction returns the same object, so two collaborators can never save two diverging copies) and written once,
/// just before the commit, however many times the turn saved it. Outside a transaction (the command-line tools, tests
/// reading state) it is not used and every call goes straight to LiteDB.
/// <para>
/// With a <paramref name="keep"/> capacity it is also a read cache of committed state, so a turn does not ask LiteDB
/// (whose <c>FindById</c> runs its query engine) for a document an earlier turn wrote: after a commit it keeps the
/// objects written in that commit's final flush, exactly what the file now holds. Anything else the unit handed out
/// (loaded and perhaps changed but not saved, or saved and changed again after a query wrote it) is dropped, and so
/// is everything after a rollback, so a kept object never differs from the file. Only units use it (they run one at
/// a time, under the writer's lock); a write outside a unit drops the kept object. A plain LRU: at saturation thousands
/// of people take their turns round and round, which a cache that admits an entry on its second use in a short
/// window (BitFaster's <c>ConcurrentLru</c>) mostly missed. An id looked for and not found is
/// kept too, as absent, until a unit saves something under it.
/// </para>
/// </summary>
internal sealed class UnitOfWork<TKey, T>
    where TKey : notnull
    where T : class
{
    private readonly HotlineDatabase _db;
    private readonly Func<T, TKey> _key;
    private readonly Action<T> _write;
    private readonly Action<T>? _keeping;
    private readonly ClassicLru<TKey, Kept>? _kept;
    private readonly Dictionary<TKey, T> _loaded = [];
    private readonly HashSet<TKey> _changed = [];
    private readonly HashSet<TKey> _written = [];
    private readonly HashSet<TKey> _missing = [];

    /// <param name="keep">How many committed objects to keep for later turns; 0 keeps none.</param>
    /// <param name="keeping">Called on an object as it is kept (to let go of what is rebuilt anyway, to save memory).</param>
    public UnitOfWork(HotlineDatabase db, Func<T, TKey> key, Action<T> write, int keep = 0, Action<T>? keeping = null)
    {
        _db = db;
        _key = key;
        _write = write;
        _keeping = keeping;
        _kept = keep > 0 ? new ClassicLru<TKey, Kept>(keep) : null;
        db.Flushing += FlushForCommit;
        db.UnitEnded += Ended;
    }

    public bool Active => _db.InUnitOfWork;

    /// <summary>How many committed objects (and ids known to have none) are kept now (for tests).</summary>
    public int KeptCount => _kept?.Count ?? 0;

    /// <summary>A committed object, or none under its id (a chat the bot writes to that never wrote itself: a worker's).</summary>
    private sealed record Kept(T? Document)
    {
        public static readonly Kept Absent = new((T?)null);
    }

    /// <summary>The object this unit already holds for <paramref name="id"/>, else the one <paramref name="load"/> reads.</summary>
    public T? Find(TKey id, Func<TKey, T?> load)
    {
        if (!Active)
        {
            return load(id);
        }

        if (_loaded.TryGetValue(id, out var held))
        {
            return held;
        }

        if (_missing.Contains(id))
        {
            return null;
        }

        if (_kept is not null && _kept.TryGet(id, out var kept))
        {
            if (kept.Document is null)
            {
                _missing.Add(id);
                return null;
            }

            _loaded[id] = kept.Document;
            return kept.Document;
        }

        var loaded = load(id);
        if (loaded is not null)
        {
            _loaded[id] = loaded;
        }
        else if (_kept is not null)
        {
            _missing.Add(id);
        }

        return loaded;
    }

    /// <summary>A document read by a query: the unit's own object when it already holds one, so changes are not lost.</summary>
    public T Adopt(T document)
    {
        if (!Active)
        {
            return document;
        }

        var id = _key(document);
        if (_loaded.TryGetValue(id, out var held))
        {
            return held;
        }

        _loaded[id] = document;
        _missing.Remove(id);
        return document;
    }

    public void Save(T document)
    {
        if (!Active)
        {
            _write(document);
            _kept?.TryRemove(_key(document));
            return;
        }

        var id = _key(document);
        _loaded[id] = document;
        _changed.Add(id);
        _missing.Remove(id);
    }

    /// <summary>
    /// Writes what changed; queries call it first, so LiteDB answers them with this turn's changes. Only on the thread
    /// of the unit: a reader elsewhere (a metrics scrape) must neither see nor write a turn that is not committed.
    /// </summary>
    public void Flush()
    {
        if (!Active)
        {
            return;
        }

        foreach (var id in _changed)
        {
            _write(_loaded[id]);
        }

        _changed.Clear();
    }

    /// <summary>The flush just before the commit: what it writes is what the file will hold once committed.</summary>
    private void FlushForCommit()
    {
        if (!Active)
        {
            return;
        }

        if (_kept is not null)
        {
            _written.UnionWith(_changed);
        }

        Flush();
    }

    private void Ended(bool committed)
    {
        if (_kept is not null)
        {
            foreach (var (id, document) in _loaded)
            {
                if (committed && _written.Contains(id))
                {
                    _keeping?.Invoke(document);
                    _kept.AddOrUpdate(id, new Kept(document));
                }
                else
                {
                    _kept.TryRemove(id);
                }
            }

            // Looked for and not there, and this unit wrote nothing under the id: the file has none either.
            foreach (var id in _missing)
            {
                if (committed)
                {
                    _kept.AddOrUpdate(id, Kept.Absent);
                }
                else
                {
                    _kept.TryRemove(id);
                }
            }
        }

        _missing.Clear();
        _loaded.Clear();
        _changed.Clear();
        _written.Clear();
    }
}
