namespace HotlineBot.Storage;

internal sealed class ChatMessageLog : IChatMessageLog
{
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
