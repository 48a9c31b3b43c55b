using LiteDB;

namespace HotlineBot.Storage;

internal sealed class DeadLetterStore(HotlineDatabase db) : IDeadLetterStore
{
    private readonly ILiteCollection<DeadLetter> _letters = db.Collection<DeadLetter>(Collections.DeadLetters);

    public int Park(DeadLetter letter) => _letters.Insert(letter).AsInt32;

    public IReadOnlyList<DeadLetter> All() => _letters.FindAll().OrderBy(l => l.Id).ToList();

    public int Count() => _letters.Count();
}
