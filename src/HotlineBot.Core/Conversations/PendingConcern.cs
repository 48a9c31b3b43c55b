using HotlineBot.Crisis;

namespace HotlineBot.Conversations;

/// <summary>The words that made the bot ask its direct question, and what in them it matched.</summary>
public sealed class PendingConcern
{
    public string Text { get; set; } = string.Empty;
    public CrisisKind Kind { get; set; }
    public string? PatternId { get; set; }
    public string? Matched { get; set; }
    public int? MessageId { get; set; }
    public DateTimeOffset At { get; set; }
}
