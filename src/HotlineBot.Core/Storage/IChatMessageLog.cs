namespace HotlineBot.Storage;

/// <summary>
/// The ids of the messages in each person's chat (theirs and the bot's), kept only as long as Telegram lets a bot
/// delete them (48 hours), so "Hide this chat" can remove them. Ids and times only: no text is kept here.
/// </summary>
public interface IChatMessageLog
{
    /// <summary>Telegram lets a bot delete messages in a private chat for 48 hours.</summary>
    public static readonly TimeSpan DeletableFor = TimeSpan.FromHours(48);

    void Remember(long chatId, IEnumerable<int> messageIds, DateTimeOffset at);
    /// <summary>Ids of messages in the chat no older than <paramref name="since"/>, oldest first, each once.</summary>
    IReadOnlyList<int> Since(long chatId, DateTimeOffset since);
    void Forget(long chatId, IEnumerable<int> messageIds);
    int Prune(DateTimeOffset before);
}
