using HotlineBot.Conversations;

namespace HotlineBot.Storage;

internal sealed class PersonStore : IPersonStore
{
    private readonly LiteDB.ILiteCollection<Person> _people;
    private readonly UnitOfWork<long, Person> _unit;

    public PersonStore(HotlineDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        _people = db.Collection<Person>(Collections.People);
        _unit = new UnitOfWork<long, Person>(db, p => p.Id, p => _people.Upsert(p));
    }

    public Person? Find(long id) => _unit.Find(id, key => _people.FindById(key));

    public void Save(Person person) => _unit.Save(person);

    public IEnumerable<Person> All()
    {
        _unit.Flush();
        return _people.FindAll().Select(_unit.Adopt);
    }
}
