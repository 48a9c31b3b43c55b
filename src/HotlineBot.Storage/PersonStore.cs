using HotlineBot.Conversations;

namespace HotlineBot.Storage;

internal sealed class PersonStore : IPersonStore
{
    /// <summary>How many people the cache of committed state holds (about a kilobyte each).</summary>
    public const int Kept = 8192;

    private readonly LiteDB.ILiteCollection<Person> _people;
    private readonly UnitOfWork<long, Person> _unit;

    public PersonStore(HotlineDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        _people = db.Collection<Person>(Collections.People);
        // The people who wrote lately stay in memory between turns: a turn then finds its person without asking LiteDB.
        _unit = new UnitOfWork<long, Person>(db, p => p.Id, p => _people.Upsert(p), Kept, p => p.ForgetMachine());
    }

    internal int KeptCount => _unit.KeptCount;

    public Person? Find(long id) => _unit.Find(id, key => _people.FindById(key));

    public void Save(Person person) => _unit.Save(person);

    public IReadOnlyList<Person> WithWordsKeptBefore(DateTimeOffset cutoff)
    {
        _unit.Flush();
        // From the lowest date, not "< cutoff" alone: null sorts below every date, and nearly everyone's is null.
        return [.. _people.Find(p => p.WordsKeptAt >= DateTimeOffset.MinValue && p.WordsKeptAt < cutoff).Select(_unit.Adopt)];
    }

    public IEnumerable<Person> All()
    {
        _unit.Flush();
        return _people.FindAll().Select(_unit.Adopt);
    }
}
