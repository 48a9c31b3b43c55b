namespace HotlineBot.Crisis;

/// <summary>
/// The features the learned crisis model reads from a message's folded words (<see cref="CrisisText"/>), hashed into a
/// fixed range so the model needs no vocabulary: each word; each pair of neighbours; each pair of words up to three apart
/// in either order, by their first five letters (word order is free in both languages); the word's 3- to 5-letter pieces
/// and its 3- to 6-letter beginnings (so «ұрды», «ұрып», «ұрады» share what they share, and a typo keeps most of a word).
/// FNV-1a over the characters: the same text gives the same features on every machine and every run.
/// </summary>
public static class CrisisFeatures
{
    private const int PairReach = 3;

    private const int PairPrefix = 5;

    /// <summary>The features of a message as 32-bit hashes, duplicates removed (each model head folds them to its own size);
    /// this runs on every message, so no strings are built.</summary>
    public static uint[] Of(CrisisWord[] words) => Of(words, []);

    /// <summary>The same, collecting into <paramref name="scratch"/> (cleared first): learning reuses one set for thousands of examples.</summary>
    public static uint[] Of(CrisisWord[] words, HashSet<uint> scratch)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        scratch.Clear();
        Visit(words, (hash, _) => scratch.Add(hash), named: false);
        return [.. scratch];
    }

    /// <summary>For `crisis explain`: each feature with a readable name («w:ұрды», «c4:ұрд», «s:ауру+бала»).</summary>
    public static IReadOnlyList<(uint Hash, string Name)> Named(CrisisWord[] words)
    {
        var seen = new Dictionary<uint, string>();
        Visit(words, (hash, name) => seen.TryAdd(hash, name!), named: true);
        return [.. seen.Select(kv => (kv.Key, kv.Value))];
    }

    private static void Visit(CrisisWord[] words, Action<uint, string?> add, bool named)
    {
        Span<char> marked = stackalloc char[66];
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i].Text.AsSpan();
            add(Hash('w', word, default), named ? "w:" + words[i].Text : null);
            if (i + 1 < words.Length)
            {
                add(Hash('b', word, words[i + 1].Text), named ? $"b:{words[i].Text} {words[i + 1].Text}" : null);
            }

            for (var k = i + 1; k < Math.Min(words.Length, i + 1 + PairReach); k++)
            {
                var a = Prefix(word);
                var b = Prefix(words[k].Text);
                var inOrder = a.SequenceCompareTo(b) <= 0;
                var first = inOrder ? a : b;
                var second = inOrder ? b : a;
                add(Hash('s', first, second), named ? $"s:{first}+{second}" : null);
            }

            // Pieces of «<word>», so a piece can say "the word begins/ends here"; very long tokens are cut (a pasted link).
            var length = Math.Min(word.Length, marked.Length - 2);
            marked[0] = '<';
            word[..length].CopyTo(marked[1..]);
            marked[length + 1] = '>';
            var piece = marked[..(length + 2)];
            for (var n = 3; n <= 5; n++)
            {
                for (var j = 0; j + n <= piece.Length; j++)
                {
                    add(Hash((char)('0' + n), piece.Slice(j, n), default), named ? $"c{n}:{piece.Slice(j, n)}" : null);
                }
            }

            for (var n = 3; n <= Math.Min(6, word.Length); n++)
            {
                add(Hash('p', word[..n], default), named ? $"p:{word[..n]}" : null);
            }
        }
    }

    private static ReadOnlySpan<char> Prefix(ReadOnlySpan<char> word) => word.Length > PairPrefix ? word[..PairPrefix] : word;

    private static uint Hash(char kind, ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        var hash = 2166136261u;
        hash = (hash ^ kind) * 16777619u;
        foreach (var c in first)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash = (hash ^ ' ') * 16777619u;
        foreach (var c in second)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
