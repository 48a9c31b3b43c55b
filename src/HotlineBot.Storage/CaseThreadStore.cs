namespace HotlineBot.Storage;

internal sealed class CaseThreadStore(HotlineDatabase db) : ICaseThreadStore
{
    private readonly LiteDB.ILiteCollection<CaseThread> _threads = db.Collection<CaseThread>(Collections.CaseThreads);

    public CaseThread? Find(long chatId, int caseId) => _threads.FindById(CaseThread.Key(chatId, caseId));

    public int? CaseOf(long chatId, int threadId) =>
        _threads.FindOne(t => t.ThreadKey == CaseThread.Key(chatId, threadId))?.CaseId;

    public void Save(CaseThread thread)
    {
        ArgumentNullException.ThrowIfNull(thread);
        thread.Id = CaseThread.Key(thread.ChatId, thread.CaseId);
        thread.ThreadKey = CaseThread.Key(thread.ChatId, thread.ThreadId);
        _threads.Upsert(thread);
    }

    public void Remove(long chatId, int caseId) => _threads.Delete(CaseThread.Key(chatId, caseId));
}
