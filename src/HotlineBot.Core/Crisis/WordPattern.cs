namespace HotlineBot.Crisis;

/// <summary>One folded stem: a word matches when it starts with it, or, with <see cref="Whole"/>, when it is exactly it.</summary>
public sealed record CrisisStem(string Text, bool Whole)
{
    public override string ToString() => Whole ? "=" + Text : Text;
}

/// <summary>One position of a pattern: any of its alternatives (<c>жить|жизнь</c>, or a family's stems).</summary>
public sealed record CrisisSlot(string Written, IReadOnlyList<CrisisStem> Stems)
{
    /// <summary>This slot's bit in <see cref="SlotMatches"/>, given when the lexicon is built.</summary>
    internal int Index { get; set; }

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

    private readonly CrisisSlot[] _slots = [.. slots];

    public IReadOnlyList<CrisisSlot> Slots => _slots;

    /// <summary>The slots as an array, for the per-message loops (no enumerator allocated).</summary>
    internal CrisisSlot[] SlotArray => _slots;
    public int Window { get; } = order == WordOrder.Together ? slots.Count : window;
    public WordOrder Order { get; } = order;

    public override string ToString() => string.Join(" + ", Slots) + Order switch
    {
        WordOrder.Together => " (side by side, in this order)",
        WordOrder.InOrder => $" (in this order, within {Window} words)",
        _ => Slots.Count > 1 ? $" (any order, within {Window} words)" : string.Empty,
    };

    /// <summary>Every placement of the pattern in the words, leftmost first; each is the word index for each slot.</summary>
    internal IEnumerable<int[]> Placements(SlotMatches words)
    {
        for (var start = 0; start < words.Count; start++)
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
    internal bool CanPlaceAt(SlotMatches words, int at)
    {
        if (Order != WordOrder.Any)
        {
            return Placements(words).Any(p => Array.IndexOf(p, at) >= 0);
        }

        for (var s = 0; s < _slots.Length; s++)
        {
            if (!words[_slots[s], at])
            {
                continue;
            }

            for (var start = Math.Max(0, at - Window + 1); start <= at; start++)
            {
                var end = Math.Min(words.Count, start + Window);
                var used = new List<int> { at };
                var complete = true;
                for (var other = 0; other < _slots.Length && complete; other++)
                {
                    if (other == s)
                    {
                        continue;
                    }

                    var found = -1;
                    for (var i = start; i < end && found < 0; i++)
                    {
                        if (!used.Contains(i) && words[_slots[other], i])
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

    private bool AnySlotMatches(SlotMatches words, int at)
    {
        foreach (var slot in _slots)
        {
            if (words[slot, at])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A placement whose leftmost word is <paramref name="start"/>, nearest words first; null when there is none.</summary>
    private int[]? TryPlace(SlotMatches words, int start)
    {
        if (Order == WordOrder.Any ? !AnySlotMatches(words, start) : !words[_slots[0], start])
        {
            return null;
        }

        var end = Math.Min(words.Count, start + Window);
        var placed = new int[_slots.Length];
        if (Order != WordOrder.Any)
        {
            var at = start;
            for (var s = 0; s < _slots.Length; s++)
            {
                while (at < end && !words[_slots[s], at])
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
        for (var first = 0; first < _slots.Length; first++)
        {
            if (!words[_slots[first], start])
            {
                continue;
            }

            Array.Fill(placed, -1);
            placed[first] = start;
            var complete = true;
            for (var s = 0; s < _slots.Length && complete; s++)
            {
                if (s == first)
                {
                    continue;
                }

                complete = false;
                for (var at = start; at < end; at++)
                {
                    if (Array.IndexOf(placed, at) < 0 && words[_slots[s], at])
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
