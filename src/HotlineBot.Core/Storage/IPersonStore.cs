using HotlineBot.Conversations;

namespace HotlineBot.Storage;

public interface IPersonStore
{
    Person? Find(long id);
    void Save(Person person);
    IEnumerable<Person> All();

    /// <summary>People whose words offered to a specialist were kept before <paramref name="cutoff"/> (retention).</summary>
    IReadOnlyList<Person> WithWordsKeptBefore(DateTimeOffset cutoff);
}
