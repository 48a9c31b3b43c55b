namespace HotlineBot.Storage;

public interface IDeadLetterStore
{
    /// <summary>Stores the letter and returns its number.</summary>
    int Park(DeadLetter letter);
    IReadOnlyList<DeadLetter> All();
    int Count();
}
