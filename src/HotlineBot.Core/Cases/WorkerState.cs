using HotlineBot.Conversations;

namespace HotlineBot.Cases;

/// <summary>What the bot remembers about a worker: which of their cases their plain messages go to.</summary>
public sealed class WorkerState
{
    public long Id { get; set; }
    public int? ActiveCaseId { get; set; }
    public Language Language { get; set; } = Language.Ru;

    /// <summary>Set by /duty on|off; null until the worker first uses it (then Hotline:DutyDefault decides).</summary>
    public bool? OnDuty { get; set; }

    /// <summary>The wrap-up form this worker is filling in, if any.</summary>
    public WrapUpDraft? WrapUp { get; set; }
}
