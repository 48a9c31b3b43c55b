namespace HotlineBot.Crisis;

/// <summary>
/// Which slots (places of patterns, exceptions and negations) each word of one message matches, found in one walk of the
/// stem trie per word: after that, matching a pattern is looking up bits, however many stems its families have.
/// </summary>
internal sealed class SlotMatches
{
    private readonly ulong[] _bits;
    private readonly ulong[] _affirmed;
    private readonly int _stride;

    public SlotMatches(int words, int slots)
    {
        Count = words;
        _stride = (slots + 63) / 64;
        // One row per word, and a last row with every word's bits together ("anywhere in the message").
        _bits = new ulong[(words + 1) * _stride];
        _affirmed = new ulong[words * _stride];
    }

    public int Count { get; }

    /// <summary>Which words have a sign (comma, full stop, dash) before them: where a clause may end.</summary>
    public bool[] AfterSign { get; init; } = [];

    /// <summary>Which words have a sign with a question mark before them («суицид? нет»).</summary>
    public bool[] AfterQuestionMark { get; init; } = [];

    /// <summary>Which words are a Kazakh question particle (ма, ме, ба, бе, па, пе): «ұрған жоқ па?» asks, it does not deny.</summary>
    public bool[] Question { get; init; } = [];

    /// <summary>Which words stand right after a Russian «almost» or «not yet» (чуть, едва, пока, почти, еще) or a «могу» of
    /// «не могу не»: a «не» after them does not deny («чуть не повесилась», «пока не прыгнула», «не могу не резать»).</summary>
    public bool[] AfterNotYet { get; init; } = [];

    /// <summary>Which words are a Kazakh negative verb form (-маймын, -мейді, -мадым, -паспын...): a second negative after a
    /// negative participle or converb makes it a double negation, an affirmation («ұрмайтын күні жоқ», «өлтірмей қоймаймын»).</summary>
    public bool[] NegativeVerb { get; init; } = [];

    /// <summary>Which words are a Kazakh «for now», «yet» (әзір, әзірге, әлі): «секірмей тұрмын әзір» holds off, it does not deny.</summary>
    public bool[] KazakhNotYet { get; init; } = [];

    /// <summary>Which words are a contrast (но, а, однако, зато, хотя; бірақ, алайда, ал, дегенмен): a clause turns there.</summary>
    public bool[] Contrast { get; init; } = [];

    /// <summary>Whether no sign and no contrast word stands between the two words (both ends excluded, a contrast word at the later one counts).</summary>
    public bool SameClause(int a, int b)
    {
        var (from, to) = a < b ? (a, b) : (b, a);
        for (var i = from + 1; i <= to; i++)
        {
            if (AfterSign[i] || (i < to && Contrast[i]))
            {
                return false;
            }
        }

        return true;
    }

    public bool this[CrisisSlot slot, int word] => (_bits[(word * _stride) + (slot.Index >> 6)] & (1UL << (slot.Index & 63))) != 0;

    /// <summary>
    /// Whether the word matches the slot only through a Kazakh negative infix right after the stem: «өлтір» in «өлтірмеймін»
    /// (I will not kill), «кес» in «кеспедім», «ұр» in «ұрмайды», never «өлтірмек» (intent) or a stem that holds the
    /// infix itself («тамақтандырма»). A word one of the slot's stems matches without it counts as affirmed.
    /// </summary>
    public bool OnlyNegativeInfix(CrisisSlot slot, int word) =>
        this[slot, word] && (_affirmed[(word * _stride) + (slot.Index >> 6)] & (1UL << (slot.Index & 63))) == 0;

    public bool Anywhere(CrisisSlot slot) => this[slot, Count];

    public void Set(int slot, int word, bool affirmed = true)
    {
        _bits[(word * _stride) + (slot >> 6)] |= 1UL << (slot & 63);
        _bits[(Count * _stride) + (slot >> 6)] |= 1UL << (slot & 63);
        if (affirmed)
        {
            _affirmed[(word * _stride) + (slot >> 6)] |= 1UL << (slot & 63);
        }
    }
}

/// <summary>Every stem of every slot, by letters: a word walks it once and collects the slots whose stems it starts with (or is).</summary>
internal sealed class StemTrie
{
    private readonly Node _root = new();

    public void Add(CrisisStem stem, int slot)
    {
        var node = _root;
        foreach (var c in stem.Text)
        {
            node = node.Children.TryGetValue(c, out var next) ? next : node.Children[c] = new Node();
        }

        (stem.Whole ? node.Whole : node.Prefix).Add(slot);
    }

    public SlotMatches Match(CrisisWord[] words, int slots)
    {
        var matches = new SlotMatches(words.Length, slots)
        {
            AfterSign = [.. words.Select(w => w.AfterSign)],
            AfterQuestionMark = [.. words.Select(w => w.AfterQuestionMark)],
            Question = [.. words.Select(w => w.Text is "ма" or "ме" or "ба" or "бе" or "па" or "пе")],
            AfterNotYet = [.. words.Select((w, i) => i > 0 && !w.AfterSign && words[i - 1].Text is "чут" or "едва" or "пока" or "почти" or "еще" or "могу" or "могла" or "мог")],
            NegativeVerb = [.. words.Select(w => CrisisText.IsKazakhNegativeVerb(w.Text))],
            KazakhNotYet = [.. words.Select(w => w.Text is "азир" or "азирге" or "али" or "алиге" or "алие")],
            Contrast = [.. words.Select(w => w.Text is "но" or "а" or "однако" or "зато" or "хотя" or "бирак" or "биракта" or "алаида" or "ал" or "дегенмен")],
        };
        for (var w = 0; w < words.Length; w++)
        {
            Walk(_root, words[w].Text, 0, words[w].Latin, matches, w);
            if (words[w].Alt is { } alt)
            {
                Walk(_root, alt, 0, latin: true, matches, w);
            }
        }

        return matches;
    }

    private static void Walk(Node node, string word, int at, bool latin, SlotMatches into, int wordIndex)
    {
        if (node.Prefix.Count > 0)
        {
            var affirmed = !CrisisText.IsKazakhNegativeInfix(word.AsSpan(at));
            foreach (var slot in node.Prefix)
            {
                into.Set(slot, wordIndex, affirmed);
            }
        }

        if (at == word.Length)
        {
            foreach (var slot in node.Whole)
            {
                into.Set(slot, wordIndex);
            }

            return;
        }

        var c = word[at];
        if (node.Children.TryGetValue(c, out var next))
        {
            Walk(next, word, at + 1, latin, into, wordIndex);
        }

        if (!latin)
        {
            return;
        }

        // A transliterated word is read loosely: Latin i is also ы (Kazakh typists write "asilip") and y is also і ("olgym keledy"
        // for өлгім келеді), c and s stand for each other.
        if (Loose(c) is { } other && node.Children.TryGetValue(other, out var looseNext))
        {
            Walk(looseNext, word, at + 1, latin, into, wordIndex);
        }

        // "ia"/"iu" is also я/ю ("omirimdi kiiamyn" for өмірімді қиямын): without a y, a typist writes the vowel after i.
        if (c == 'и' && at + 1 < word.Length && word[at + 1] is 'а' or 'у'
            && node.Children.TryGetValue(word[at + 1] == 'а' ? 'я' : 'ю', out var iotated))
        {
            Walk(iotated, word, at + 2, latin, into, wordIndex);
        }
    }

    private static char? Loose(char typed) => typed switch { 'и' => 'ы', 'ы' => 'и', 'ц' => 'с', 'с' => 'ц', _ => null };

    private sealed class Node
    {
        public Dictionary<char, Node> Children { get; } = [];
        public List<int> Prefix { get; } = [];
        public List<int> Whole { get; } = [];
    }
}
