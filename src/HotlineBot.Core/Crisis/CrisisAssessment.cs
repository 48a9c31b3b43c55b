namespace HotlineBot.Crisis;

/// <summary>Why a message was judged a crisis; shown to workers so they know what to open with. Stored by name in LiteDB.</summary>
public enum CrisisKind
{
    None,
    Suicide,
    Violence,
    SelfHarm,
    SexualViolence,
    ChildDanger,
}

/// <summary>
/// Clear: intent, a method, a plan, violence happening — the numbers at once and an urgent case.
/// Unclear: worrying but not explicit — the bot asks one gentle, direct question.
/// </summary>
public enum CrisisLevel
{
    None,
    Unclear,
    Clear,
}

/// <summary>What the crisis patterns made of one message: the level, the kind, the pattern and the words that fired it.</summary>
public sealed record CrisisAssessment(CrisisLevel Level, CrisisKind Kind, string? PatternId, string? Matched, string Explanation)
{
    public static readonly CrisisAssessment None = new(CrisisLevel.None, CrisisKind.None, null, null, "no crisis pattern matched");

    public bool IsCrisis => Level != CrisisLevel.None;
}
