using HotlineBot.Crisis;

namespace HotlineBot.Cases;

/// <summary>
/// How much danger a case carries, as the bot judged it from the person's words or as a worker set it (/risk).
/// The queue is ordered by it, not by arrival, as crisis lines do. Stored by name.
/// </summary>
public enum RiskLevel
{
    Low,
    Medium,
    High,
}

public static class RiskLevels
{
    /// <summary>Clear danger is high risk; a worrying but unclear message is medium until a person or a worker says more.</summary>
    public static RiskLevel From(CrisisLevel level) => level switch
    {
        CrisisLevel.Clear => RiskLevel.High,
        CrisisLevel.Unclear => RiskLevel.Medium,
        _ => RiskLevel.Low,
    };

    /// <summary>Lower ranks come first in the queue.</summary>
    public static int QueueRank(this Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return @case.Urgent || @case.Risk == RiskLevel.High ? 0 : @case.Risk == RiskLevel.Medium ? 1 : 2;
    }

    public static string Mark(this RiskLevel risk) => risk switch
    {
        RiskLevel.High => "🔴",
        RiskLevel.Medium => "🟠",
        _ => "⚪",
    };

    public static RiskLevel? Parse(string? word) => word?.Trim().ToLowerInvariant() switch
    {
        "high" or "h" or "3" => RiskLevel.High,
        "medium" or "m" or "2" => RiskLevel.Medium,
        "low" or "l" or "1" => RiskLevel.Low,
        _ => null,
    };
}
