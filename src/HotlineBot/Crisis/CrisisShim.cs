// TEMPORARY: stands in for the crisis matcher's API until its branch is merged; deleted at the merge.
using HotlineBot.Conversations;

namespace HotlineBot.Crisis;

public enum CrisisLevel
{
    None,
    Unclear,
    Clear,
}

public sealed record CrisisAssessment(CrisisLevel Level, CrisisKind Kind, string? PatternId, string? Matched, string Explanation)
{
    public static readonly CrisisAssessment None = new(CrisisLevel.None, CrisisKind.None, null, null, string.Empty);

    public bool IsCrisis => Level != CrisisLevel.None;
}

public static class TextLanguage
{
    public static Language? Guess(string? text) => null;
}

public static class CrisisLexiconShim
{
    public static CrisisAssessment Assess(this CrisisLexicon lexicon, string? text)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var kind = lexicon.Detect(text);
        return kind == CrisisKind.None ? CrisisAssessment.None : new CrisisAssessment(CrisisLevel.Clear, kind, kind.ToString(), text, string.Empty);
    }
}
