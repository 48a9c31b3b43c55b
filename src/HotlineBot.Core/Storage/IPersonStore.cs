using HotlineBot.Conversations;

namespace HotlineBot.Storage;

public interface IPersonStore
{
    Person? Find(long id);
    void Save(Person person);
    IEnumerable<Person> All();
}
