namespace HotlineBot.Storage;

internal sealed class SentMessageStore(HotlineDatabase db) : ISentMessageStore
{
    private readonly LiteDB.ILiteCollection<SentMessage> _sent = db.Collection<SentMessage>(Collections.SentMessages);

    public void Remember(long chatId, string tag, int messageId) =>
        _sent.Upsert(new SentMessage { Id = Key(chatId, tag), ChatId = chatId, MessageId = messageId });

    public int? Find(long chatId, string tag) => _sent.FindById(Key(chatId, tag))?.MessageId;

    private static string Key(long chatId, string tag) => $"{chatId}/{tag}";
}
