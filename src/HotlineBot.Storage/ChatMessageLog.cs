namespace HotlineBot.Storage;

/// <summary>
/// One small document per message id, found by chat (an index). There is no index on the time: it would cost a
/// skip-list insert for every message the bot sends or a person writes, for an hourly prune that finds the old
/// entries at the front of the id order anyway (ids grow as entries are written, and so, give or take the moments
/// between a turn and its commit, do the times).
/// </summary>
internal sealed class ChatMessageLog : IChatMessageLog
{
    private const string Collection = "chat_messages";
    private static readonly LiteDB.BsonExpression OldestFirst = "_id";

    // Entries are written in commit order with a time taken a little earlier (a turn's start, a reply's answer): the
    // prune walks on this far past its cutoff, so an entry written out of order by less than this is still found.
    private static readonly TimeSpan OutOfOrderBy = TimeSpan.FromMinutes(10);
    private readonly LiteDB.ILiteCollection<ChatMessageEntry> _entries;

    public ChatMessageLog(HotlineDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        _entries = db.Collection<ChatMessageEntry>(Collection);
        _entries.EnsureIndex(e => e.ChatId);
        // Files made by earlier versions lose the index on the time.
        _entries.DropIndex(nameof(ChatMessageEntry.At));
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

    public int Prune(DateTimeOffset before)
    {
        var old = new List<long>();
        foreach (var entry in _entries.Query().OrderBy(OldestFirst).ToEnumerable())
        {
            if (entry.At >= before + OutOfOrderBy)
            {
                break;
            }

            if (entry.At < before)
            {
                old.Add(entry.Id);
            }
        }

        foreach (var id in old)
        {
            _entries.Delete(id);
        }

        return old.Count;
    }
}
