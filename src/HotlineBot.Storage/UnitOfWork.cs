namespace HotlineBot.Storage;

/// <summary>
/// One store's share of a turn's unit of work: each document is loaded once (a second <c>Find</c> in the same
/// transaction returns the same object, so two collaborators can never save two diverging copies) and written once,
/// just before the commit, however many times the turn saved it. Outside a transaction (the command-line tools, tests
/// reading state) it is not used and every call goes straight to LiteDB.
/// </summary>
internal sealed class UnitOfWork<TKey, T>
    where TKey : notnull
    where T : class
{
    private readonly HotlineDatabase _db;
    private readonly Func<T, TKey> _key;
    private readonly Action<T> _write;
    private readonly Dictionary<TKey, T> _loaded = [];
    private readonly HashSet<TKey> _changed = [];

    public UnitOfWork(HotlineDatabase db, Func<T, TKey> key, Action<T> write)
    {
        _db = db;
        _key = key;
        _write = write;
        db.Flushing += Flush;
        db.UnitEnded += Forget;
    }

    public bool Active => _db.InUnitOfWork;

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

        var loaded = load(id);
        if (loaded is not null)
        {
            _loaded[id] = loaded;
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
        return document;
    }

    public void Save(T document)
    {
        if (!Active)
        {
            _write(document);
            return;
        }

        var id = _key(document);
        _loaded[id] = document;
        _changed.Add(id);
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

    private void Forget()
    {
        _loaded.Clear();
        _changed.Clear();
    }
}
