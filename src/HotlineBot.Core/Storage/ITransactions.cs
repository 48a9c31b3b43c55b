namespace HotlineBot.Storage;

/// <summary>
/// One commit: every store change made inside <see cref="InTransaction{T}"/> is kept together or not at all. There
/// is one writer at a time, so a turn's state, case events and replies never interleave with another writer's.
/// </summary>
public interface ITransactions
{
    /// <summary>Runs <paramref name="work"/> in one transaction; an exception rolls everything back.</summary>
    /// <param name="priority">Taking updates in from Telegram: other writers make room soon (<see cref="PriorityWaiting"/>).</param>
    T InTransaction<T>(Func<T> work, bool priority = false);

    void InTransaction(Action work, bool priority = false);

    /// <summary>True while a priority writer waits: long-running writers end their group early for it.</summary>
    bool PriorityWaiting { get; }

    /// <summary>Raised after a transaction was rolled back, so in-memory views of the data can be dropped.</summary>
    event Action? RolledBack;
}
