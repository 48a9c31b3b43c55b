using HotlineBot.Dialogs;

namespace HotlineBot.Crisis;

/// <summary>
/// One pattern of dialogs/crisis.yaml: its words, what it means (kind, level) and, when a "не" changes the meaning,
/// the negation words that cancel it when they stand right before or among the matched words.
/// </summary>
public sealed record CrisisRule(string Id, CrisisKind Kind, CrisisLevel Level, WordPattern Pattern, CrisisSlot? Negation, SourceLocation Where)
{
    /// <summary>The negation word that cancels this placement, if any: one word before the first matched word, or between them.</summary>
    public int NegatedAt(CrisisWord[] words, int[] placement)
    {
        if (Negation is null)
        {
            return -1;
        }

        var first = placement.Min();
        var last = placement.Max();
        for (var i = Math.Max(0, first - 1); i < last; i++)
        {
            if (Array.IndexOf(placement, i) < 0 && Negation.Matches(words[i]))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>An idiom or false friend («убить время», «сағат ұрады»): when it covers a matched word, the match is cancelled.</summary>
public sealed record CrisisIdiom(WordPattern Pattern, SourceLocation Where)
{
    /// <summary>Where this exception covers one of the matched words, or null.</summary>
    public int[]? Covers(CrisisWord[] words, int[] placement)
    {
        foreach (var own in Pattern.Placements(words))
        {
            foreach (var at in own)
            {
                if (Array.IndexOf(placement, at) >= 0)
                {
                    return own;
                }
            }
        }

        return null;
    }
}
