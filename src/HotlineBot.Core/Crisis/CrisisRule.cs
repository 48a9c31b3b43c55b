using HotlineBot.Dialogs;

namespace HotlineBot.Crisis;

/// <summary>
/// One pattern of dialogs/crisis.yaml: its words, what it means (kind, level) and, when a "не" changes the meaning,
/// the negation words that cancel it when they stand right before or among the matched words.
/// </summary>
public sealed record CrisisRule(string Id, CrisisKind Kind, CrisisLevel Level, WordPattern Pattern, CrisisSlot? Negation, SourceLocation Where)
{
    /// <summary>How many <see cref="NegationThrough"/> words (auxiliaries) may stand between the matched words and a negator after them.</summary>
    public const int MaxThrough = 3;

    /// <summary>
    /// Negators that deny the matched words from AFTER them, as Kazakh does («кескен жоқпын», «болған емес»): one counts when it
    /// directly follows the last matched word, or follows it across up to <see cref="MaxThrough"/> words of
    /// <see cref="NegationThrough"/> («өлейін деп тұрған жоқпын»), with no sign between (a new clause: «өлемін. Жоқ, шынымен»),
    /// and when no question particle follows it («ұрған жоқ па?» asks, it does not deny).
    /// </summary>
    public CrisisSlot? NegationAfter { get; init; }

    /// <summary>The auxiliaries a negator after the matched words may stand behind (деп, тұрған, болған, ойы...).</summary>
    public CrisisSlot? NegationThrough { get; init; }

    /// <summary>
    /// The negation word that cancels this placement, if any: one right before the first matched word or between the matched
    /// words, or two before when the word after it is one of the pattern's own words («не хочу умирать, хочу лечиться»:
    /// the "не" before the first "хочу" also cancels the reading that takes the second "хочу"); else a negator after them
    /// (<see cref="NegationAfter"/>).
    /// </summary>
    internal int NegatedAt(SlotMatches words, int[] placement)
    {
        if (Negation is null && NegationAfter is null)
        {
            return -1;
        }

        var first = placement.Min();
        var last = placement.Max();
        for (var i = Math.Max(0, first - 2); Negation is not null && i < last; i++)
        {
            if (Array.IndexOf(placement, i) < 0 && words[Negation, i] && (i >= first - 1 || FollowedByOwnWord(words, i)))
            {
                return i;
            }
        }

        if (NegationAfter is null)
        {
            return -1;
        }

        // After any matched word, not only the last: «секіремін деп тұрған жоқпын, балконда» denies the verb before "балконда".
        foreach (var matched in placement)
        {
            if (NegatedAfterAt(words, NegationAfter, matched, placement) is var at and >= 0)
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>The negator after the matched word at <paramref name="word"/> that denies it (see <see cref="NegationAfter"/>), or -1.</summary>
    private int NegatedAfterAt(SlotMatches words, CrisisSlot negator, int word, int[] placement)
    {
        for (var i = word + 1; i < words.Count && i <= word + 1 + MaxThrough && !words.AfterSign[i] && Array.IndexOf(placement, i) < 0; i++)
        {
            if (words[negator, i])
            {
                return i + 1 < words.Count && !words.AfterSign[i + 1] && words.Question[i + 1] ? -1 : i;
            }

            if (NegationThrough is null || !words[NegationThrough, i])
            {
                return -1;
            }
        }

        return -1;
    }

    private bool FollowedByOwnWord(SlotMatches words, int i)
    {
        foreach (var slot in Pattern.SlotArray)
        {
            if (words[slot, i + 1])
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// An idiom or false friend («убить время», «сағат ұрады»): when it covers a matched word, the match is cancelled.
/// With <see cref="Near"/> it is context instead («в новостях», «фильм»): it cancels a match within that many words of it,
/// unless one of <see cref="Unless"/> stands in the matched words or just before them: the context must never cancel the
/// speaker's own present («посмотрела фильм и тоже хочу умереть», «раньше бил, и сейчас опять бьёт»).
/// </summary>
public sealed record CrisisIdiom(WordPattern Pattern, int Near, SourceLocation Where)
{
    /// <summary>How many words before the first matched word an <see cref="Unless"/> word still keeps the match.</summary>
    private const int KeptBefore = 3;

    public CrisisSlot? Unless { get; init; }

    /// <summary>
    /// With <see cref="CrisisLevel.Unclear"/> the exception cancels only unclear matches: a worrying phrase inside a paperwork
    /// question («нет сил стоять в очереди») is ordinary, while a clear one («избил меня, какие документы нужны») still counts.
    /// </summary>
    public CrisisLevel? CancelsOnly { get; init; }

    /// <summary>Whether this exception may cancel a match of a pattern of <paramref name="level"/>.</summary>
    internal bool Cancels(CrisisLevel level) => CancelsOnly is null || CancelsOnly == level;

    /// <summary>The word that keeps this placement from this context exception («опять», «тоже»), or -1.</summary>
    internal int KeptAt(SlotMatches words, int[] placement)
    {
        if (Unless is null || Near == 0)
        {
            return -1;
        }

        var first = placement.Min();
        var last = placement.Max();
        for (var i = Math.Max(0, first - KeptBefore); i <= last; i++)
        {
            if (words[Unless, i])
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The matched word this exception covers (or, with Near, the words of it that stand near the match), or null.</summary>
    internal int[]? Covers(SlotMatches words, int[] placement) => KeptAt(words, placement) >= 0 ? null : CoversIgnoringUnless(words, placement);

    /// <summary>What <see cref="Covers"/> would say without <see cref="Unless"/>: for `crisis explain`, to show what kept a match.</summary>
    internal int[]? CoversIgnoringUnless(SlotMatches words, int[] placement)
    {
        if (Near == 0)
        {
            foreach (var matched in placement)
            {
                if (Pattern.CanPlaceAt(words, matched))
                {
                    return [matched];
                }
            }

            return null;
        }

        foreach (var own in Pattern.Placements(words))
        {
            foreach (var at in own)
            {
                foreach (var matched in placement)
                {
                    if (Math.Abs(at - matched) <= Near)
                    {
                        return own;
                    }
                }
            }
        }

        return null;
    }

    public override string ToString() =>
        (Near > 0 ? $"{Pattern} near (within {Near} words){(Unless is null ? "" : $" unless {Unless}")}" : Pattern.ToString())
        + (CancelsOnly is null ? "" : " (cancels unclear matches only)");
}
