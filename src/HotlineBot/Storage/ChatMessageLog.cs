namespace HotlineBot.Storage;

/// <summary>
/// The ids of the messages in each person's chat (theirs and the bot's), kept only as long as Telegram lets a bot
/// delete them (48 hours), so "Hide this chat" can remove them. Ids and times only: no text is kept here.
/// </summary>
public interface IChatMessageLog
{
    void Remember(long chatId, IEnumerable<int> messageIds, DateTimeOffset at);
    /// <summary>Ids of messages in the chat no older than <paramref name="since"/>, oldest first, each once.</summary>
    IReadOnlyList<int> Since(long chatId, DateTimeOffset since);
    void Forget(long chatId, IEnumerable<int> messageIds);
    int Prune(DateTimeOffset before);
}

/// <summary>One message id in a chat, with when it was sent.</summary>
public sealed class ChatMessageEntry
{
    public long Id { get; set; }
    public long ChatId { get; set; }
    public int MessageId { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class ChatMessageLog : IChatMessageLog
{
    /// <summary>Telegram lets a bot delete messages in a private chat for 48 hours.</summary>
    public static readonly TimeSpan DeletableFor = TimeSpan.FromHours(48);

    private const string Collection = "chat_messages";
    private readonly LiteDB.ILiteCollection<ChatMessageEntry> _entries;

    public ChatMessageLog(HotlineDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        _entries = db.Collection<ChatMessageEntry>(Collection);
        _entries.EnsureIndex(e => e.ChatId);
        _entries.EnsureIndex(e => e.At);
    }

    public void Remember(long chatId, IEnumerable<int> messageIds, DateTimeOffset at)
    {
        foreach (var id in messageIds)
        {
            _entries.Insert(new ChatMessageEntry { ChatId = chatId, MessageId = id, At = at });
        }
    }

    public IReadOnlyList<int> Since(long chatId, DateTimeOffset since) =>
        _entries.Find(e => e.ChatId == chatId).Where(e => e.At >= since).OrderBy(e => e.MessageId).Select(e => e.MessageId).Distinct().ToList();

    public void Forget(long chatId, IEnumerable<int> messageIds)
    {
        var ids = messageIds.ToHashSet();
        foreach (var entry in _entries.Find(e => e.ChatId == chatId).Where(e => ids.Contains(e.MessageId)).ToList())
        {
            _entries.Delete(entry.Id);
        }
    }

    public int Prune(DateTimeOffset before) => _entries.DeleteMany(e => e.At < before);
}
