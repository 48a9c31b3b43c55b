namespace HotlineBot.Crisis;

/// <summary>One folded stem: a word matches when it starts with it, or, with <see cref="Whole"/>, when it is exactly it.</summary>
public sealed record CrisisStem(string Text, bool Whole)
{
    public override string ToString() => Whole ? "=" + Text : Text;

    public bool Matches(in CrisisWord word) =>
        Matches(word.Text, word.Latin) || (word.Alt is { } alt && Matches(alt, latin: true));

    private bool Matches(string word, bool latin)
    {
        if (word.Length < Text.Length || (Whole && word.Length != Text.Length))
        {
            return false;
        }

        if (!latin)
        {
            return word.AsSpan(0, Text.Length).SequenceEqual(Text);
        }

        for (var i = 0; i < Text.Length; i++)
        {
            if (!SameLetter(word[i], Text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A transliterated word is read loosely: Latin i is also ы (Kazakh typists write "asilip"), c and s stand for each other.</summary>
    internal static bool SameLetter(char typed, char stem) => typed == stem || (typed, stem) is ('и', 'ы') or ('ц', 'с') or ('с', 'ц');
}

/// <summary>One position of a pattern: any of its alternatives (<c>жить|жизнь</c>, or a family's stems).</summary>
public sealed record CrisisSlot(string Written, IReadOnlyList<CrisisStem> Stems)
{
    public bool Matches(in CrisisWord word)
    {
        foreach (var stem in Stems)
        {
            if (stem.Matches(word))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Written;
}

/// <summary>How the words of a pattern may stand: in any order, in the written order, or side by side in the written order.</summary>
public enum WordOrder
{
    Any,
    InOrder,
    Together,
}

/// <summary>
/// Words that must all appear within <see cref="Window"/> consecutive words of a message, each matching its slot on a different word.
/// Used both for crisis patterns and for the exceptions that cancel them.
/// </summary>
public sealed class WordPattern(IReadOnlyList<CrisisSlot> slots, int window, WordOrder order)
{
    public const int DefaultWindow = 4;
    public const int MaxWindow = 12;

    public IReadOnlyList<CrisisSlot> Slots { get; } = slots;
    public int Window { get; } = order == WordOrder.Together ? slots.Count : window;
    public WordOrder Order { get; } = order;

    public override string ToString() => string.Join(" + ", Slots) + Order switch
    {
        WordOrder.Together => " (side by side, in this order)",
        WordOrder.InOrder => $" (in this order, within {Window} words)",
        _ => Slots.Count > 1 ? $" (any order, within {Window} words)" : string.Empty,
    };

    /// <summary>Every placement of the pattern in the words, leftmost first; each is the word index for each slot.</summary>
    public IEnumerable<int[]> Placements(CrisisWord[] words)
    {
        for (var start = 0; start < words.Length; start++)
        {
            if (TryPlace(words, start) is { } placement)
            {
                yield return placement;
            }
        }
    }

    /// <summary>
    /// Whether some placement uses the word at <paramref name="at"/>: an exception must find the very word a pattern matched,
    /// not only the nearest one («кот выпрыгнул в окно»: «кот … окно», though «выпрыгнул» is nearer).
    /// </summary>
    public bool CanPlaceAt(CrisisWord[] words, int at)
    {
        if (Order != WordOrder.Any)
        {
            return Placements(words).Any(p => Array.IndexOf(p, at) >= 0);
        }

        for (var s = 0; s < Slots.Count; s++)
        {
            if (!Slots[s].Matches(words[at]))
            {
                continue;
            }

            for (var start = Math.Max(0, at - Window + 1); start <= at; start++)
            {
                var end = Math.Min(words.Length, start + Window);
                var used = new List<int> { at };
                var complete = true;
                for (var other = 0; other < Slots.Count && complete; other++)
                {
                    if (other == s)
                    {
                        continue;
                    }

                    var found = -1;
                    for (var i = start; i < end && found < 0; i++)
                    {
                        if (!used.Contains(i) && Slots[other].Matches(words[i]))
                        {
                            found = i;
                        }
                    }

                    complete = found >= 0;
                    used.Add(found);
                }

                if (complete)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool AnySlotMatches(in CrisisWord word)
    {
        foreach (var slot in Slots)
        {
            if (slot.Matches(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A placement whose leftmost word is <paramref name="start"/>, nearest words first; null when there is none.</summary>
    private int[]? TryPlace(CrisisWord[] words, int start)
    {
        if (Order == WordOrder.Any ? !AnySlotMatches(words[start]) : !Slots[0].Matches(words[start]))
        {
            return null;
        }

        var end = Math.Min(words.Length, start + Window);
        var placed = new int[Slots.Count];
        if (Order != WordOrder.Any)
        {
            var at = start;
            for (var s = 0; s < Slots.Count; s++)
            {
                while (at < end && !Slots[s].Matches(words[at]))
                {
                    if (Order == WordOrder.Together || s == 0)
                    {
                        return null;
                    }

                    at++;
                }

                if (at >= end)
                {
                    return null;
                }

                placed[s] = at++;
            }

            return placed;
        }

        // Any order: one slot takes the start word, each other slot the nearest free word it matches.
        for (var first = 0; first < Slots.Count; first++)
        {
            if (!Slots[first].Matches(words[start]))
            {
                continue;
            }

            Array.Fill(placed, -1);
            placed[first] = start;
            var complete = true;
            for (var s = 0; s < Slots.Count && complete; s++)
            {
                if (s == first)
                {
                    continue;
                }

                complete = false;
                for (var at = start; at < end; at++)
                {
                    if (Array.IndexOf(placed, at) < 0 && Slots[s].Matches(words[at]))
                    {
                        placed[s] = at;
                        complete = true;
                        break;
                    }
                }
            }

            if (complete)
            {
                return placed;
            }
        }

        return null;
    }
}
