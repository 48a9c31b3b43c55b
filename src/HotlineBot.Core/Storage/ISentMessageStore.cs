namespace HotlineBot.Storage;

public interface ISentMessageStore
{
    void Remember(long chatId, string tag, int messageId);
    int? Find(long chatId, string tag);
}
