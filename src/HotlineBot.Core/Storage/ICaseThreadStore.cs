using System.Globalization;

namespace HotlineBot.Storage;

/// <summary>
/// Which thread (forum topic) of a chat holds which case, both ways: the sender finds the thread to send into, the
/// intake finds the case a message was written about. Also kept: the thread's name and state as last set, and the
/// case card shown in it, so a topic someone deleted can be opened again as it was.
/// </summary>
public interface ICaseThreadStore
{
    CaseThread? Find(long chatId, int caseId);
    int? CaseOf(long chatId, int threadId);
    void Save(CaseThread thread);
    void Remove(long chatId, int caseId);
}

/// <summary>A case's thread in one chat (a worker's private chat or a staff group).</summary>
public sealed class CaseThread
{
    public string Id { get; set; } = string.Empty;
    public long ChatId { get; set; }
    public int CaseId { get; set; }
    public int ThreadId { get; set; }

    /// <summary>"chat/thread": how an incoming message is matched to its case.</summary>
    public string ThreadKey { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public bool Closed { get; set; }

    /// <summary>The pinned case card as last shown (the outbound's JSON), sent again into a recreated topic.</summary>
    public string? Card { get; set; }

    public static string Key(long chatId, int number) => string.Create(CultureInfo.InvariantCulture, $"{chatId}/{number}");
}
