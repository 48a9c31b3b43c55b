using HotlineBot.Conversations;

namespace HotlineBot.Cases;

/// <summary>What the bot remembers about a worker: which of their cases their plain messages go to.</summary>
public sealed class WorkerState
{
    public long Id { get; set; }
    public int? ActiveCaseId { get; set; }
    public Language Language { get; set; } = Language.Ru;
}
