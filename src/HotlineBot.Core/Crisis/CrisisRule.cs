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

    /// <summary>
    /// The auxiliaries a negator may stand behind: after the matched words (Kazakh «өлейін деп тұрған жоқпын», Russian «мыслей о
    /// суициде у меня нет»), and, for <see cref="Negation"/>, before them (Russian «не буду резать себя», «не собираюсь больше
    /// себя убивать»): at most <see cref="MaxThrough"/>, with no sign between.
    /// </summary>
    public CrisisSlot? NegationThrough { get; init; }

    /// <summary>
    /// Two-word negators after the matched words: the first word, then right after it the second («изнасилования не было»,
    /// «мыслей о смерти не бывает»), where the first alone would not deny («мысли о суициде не отпускают» is the danger).
    /// </summary>
    public IReadOnlyList<(CrisisSlot Negator, CrisisSlot Then)> NegationAfterPairs { get; init; } = [];

    private bool DeniesAfter => NegationAfter is not null || NegationAfterPairs.Count > 0;

    /// <summary>
    /// The negation word that cancels this placement, if any: one right before the first matched word or between the matched
    /// words, or two before when the word after it is one of the pattern's own words («не хочу умирать, хочу лечиться»:
    /// the "не" before the first "хочу" also cancels the reading that takes the second "хочу"), or before them across
    /// <see cref="NegationThrough"/> auxiliaries («не буду резать себя»); never across a sign («нет, хочу умереть» answers,
    /// it does not deny) nor after «чуть», «пока», «еще» («чуть не повесилась»). Else a negator after them
    /// (<see cref="NegationAfter"/>), or, in a pattern that takes one, a Kazakh negative infix on a matched verb
    /// («өзімді өлтірмеймін»).
    /// </summary>
    internal int NegatedAt(SlotMatches words, int[] placement) => NegatedAt(words, placement, out _);

    /// <summary>The same, saying which of the ways denied it (for `crisis explain`).</summary>
    internal int NegatedAt(SlotMatches words, int[] placement, out NegationSide side)
    {
        side = NegationSide.None;
        if (Negation is null && !DeniesAfter)
        {
            return -1;
        }

        var first = placement.Min();
        var last = placement.Max();
        if (Negation is not null)
        {
            for (var i = Math.Max(0, first - 2); i < last; i++)
            {
                if (Array.IndexOf(placement, i) < 0 && words[Negation, i] && (i >= first - 1 || FollowedByOwnWord(words, i))
                    && InClauseWithMatched(words, placement, i) && !words.AfterNotYet[i])
                {
                    side = NegationSide.Before;
                    return i;
                }
            }

            if (NegationThrough is not null)
            {
                // «не буду резать себя», «не собираюсь ничего с собой делать»: back over auxiliaries to the negator.
                for (int i = first - 1, through = 0; i >= 0 && through <= MaxThrough && !words.AfterSign[i + 1]; i--, through++)
                {
                    if (words[Negation, i])
                    {
                        if (!words.AfterNotYet[i])
                        {
                            side = NegationSide.BeforeThrough;
                            return i;
                        }

                        break;
                    }

                    if (!words[NegationThrough, i])
                    {
                        break;
                    }
                }
            }
        }

        if (!DeniesAfter)
        {
            return -1;
        }

        // After any matched word, not only the last: «секіремін деп тұрған жоқпын, балконда» denies the verb before "балконда".
        foreach (var matched in placement)
        {
            if (NegatedAfterAt(words, matched, placement) is var at and >= 0)
            {
                side = NegationSide.After;
                return at;
            }
        }

        if (NegationAfter is not null)
        {
            for (var s = 0; s < placement.Length; s++)
            {
                if (words.OnlyNegativeInfix(Pattern.SlotArray[s], placement[s]) && !DoubleNegation(words, placement[s]))
                {
                    side = NegationSide.Infix;
                    return placement[s];
                }
            }
        }

        return -1;
    }

    /// <summary>A negative participle or converb followed, within two words of its clause, by «жоқ», «емес» or a negative verb, or
    /// asked with ма/ме: a double negation, which affirms («ұрмайтын күні жоқ», «өлтірмей қоймаймын», «ұрмайды ма?»); or held
    /// off «for now» (әзір, әлі within two words either side: «секірмей тұрмын әзір»), which does not deny either.</summary>
    private bool DoubleNegation(SlotMatches words, int at)
    {
        for (var i = at + 1; i < words.Count && i <= at + 2 && !words.AfterSign[i]; i++)
        {
            if (words.NegativeVerb[i] || words.Question[i] || words.KazakhNotYet[i] || (NegationAfter is { } negator && words[negator, i]))
            {
                return true;
            }
        }

        for (var i = at - 1; i >= 0 && i >= at - 2 && !words.AfterSign[i + 1]; i--)
        {
            if (words.KazakhNotYet[i])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a negation word before or between the matched words shares a clause with the matched word next to it: the one
    /// after it, or, between them, the one before it («жить хочется, просто устал»); «нет, хочу умереть» answers, it does not deny.
    /// </summary>
    private static bool InClauseWithMatched(SlotMatches words, int[] placement, int i)
    {
        int next = int.MaxValue, previous = -1;
        foreach (var at in placement)
        {
            if (at > i && at < next)
            {
                next = at;
            }

            if (at < i && at > previous)
            {
                previous = at;
            }
        }

        return !SignBetween(words, i, next) || (previous >= 0 && !SignBetween(words, previous, i));
    }

    private static bool SignBetween(SlotMatches words, int from, int to)
    {
        for (var i = from + 1; i <= to; i++)
        {
            if (words.AfterSign[i])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The negator after the matched word at <paramref name="word"/> that denies it (see <see cref="NegationAfter"/>), or -1.
    /// A question mark right after the word, then the negator, is the one sign it crosses: «суицид? нет, что вы» echoes the
    /// question and answers it.</summary>
    private int NegatedAfterAt(SlotMatches words, int word, int[] placement)
    {
        if (NegationAfter is { } answer && word + 1 < words.Count && words.AfterQuestionMark[word + 1] && words[answer, word + 1]
            && Array.IndexOf(placement, word + 1) < 0 && (word + 2 >= words.Count || words.AfterSign[word + 2] || !words.Question[word + 2]))
        {
            return word + 1;
        }

        for (var i = word + 1; i < words.Count && i <= word + 1 + MaxThrough && !words.AfterSign[i] && Array.IndexOf(placement, i) < 0; i++)
        {
            if (NegationAfter is { } negator && words[negator, i])
            {
                return i + 1 < words.Count && !words.AfterSign[i + 1] && words.Question[i + 1] ? -1 : i;
            }

            foreach (var (pairNegator, then) in NegationAfterPairs)
            {
                if (words[pairNegator, i] && i + 1 < words.Count && !words.AfterSign[i + 1] && words[then, i + 1])
                {
                    return i;
                }
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

/// <summary>Which way a negation denied a placement (<see cref="CrisisRule.NegatedAt(SlotMatches, int[], out NegationSide)"/>).</summary>
internal enum NegationSide
{
    None,

    /// <summary>A negation word right before the matched words or between them.</summary>
    Before,

    /// <summary>A negation word before them across auxiliaries («не буду резать себя»).</summary>
    BeforeThrough,

    /// <summary>A negator after them, directly or across auxiliaries («кескен жоқпын», «мыслей у меня нет», «не было»).</summary>
    After,

    /// <summary>A Kazakh negative infix on a matched verb («өлтірмеймін»).</summary>
    Infix,
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
    /// A context that stays in its clause: it cancels a match only when no sign and no contrast word (но, а, однако, бірақ,
    /// алайда...) stands between them. For a denial said as context («суицид туралы ойым жоқ»): «ойым жоқ деп едім, бірақ қазір
    /// өлгім келеді» takes it back.
    /// </summary>
    public bool Clause { get; init; }

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
                    if (Math.Abs(at - matched) <= Near && (!Clause || words.SameClause(at, matched)))
                    {
                        return own;
                    }
                }
            }
        }

        return null;
    }

    public override string ToString() =>
        (Near > 0 ? $"{Pattern} near (within {Near} words{(Clause ? ", in its clause" : "")}){(Unless is null ? "" : $" unless {Unless}")}" : Pattern.ToString())
        + (CancelsOnly is null ? "" : " (cancels unclear matches only)");
}
