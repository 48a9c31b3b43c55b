using HotlineBot.Conversations;

namespace HotlineBot.Storage;

internal sealed class PersonStore(HotlineDatabase db) : IPersonStore
{
    private readonly LiteDB.ILiteCollection<Person> _people = db.Collection<Person>(Collections.People);

    public Person? Find(long id) => _people.FindById(id);

    public void Save(Person person) => _people.Upsert(person);

    public IEnumerable<Person> All() => _people.FindAll();
}
