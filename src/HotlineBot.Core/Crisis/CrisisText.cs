using System.Text;

namespace HotlineBot.Crisis;

/// <summary>One word of a message, folded. <see cref="Latin"/>: it was typed in Latin letters and transliterated,
/// so its и may stand for ы (people write "asilip" for асылып) and <see cref="Alt"/> holds the reading of j as й (ja→я).</summary>
public readonly record struct CrisisWord(string Text, bool Latin, string? Alt = null)
{
    /// <summary>Whether a sign (a comma, a full stop, a dash...) stands between this word and the one before: a clause may end
    /// there, so a Kazakh negator after it («өлемін. Жоқ, шынымен») does not deny the words before it.</summary>
    public bool AfterSign { get; init; }

    /// <summary>Whether the sign before this word holds a question mark: «суицид? нет» echoes a question and answers it.</summary>
    public bool AfterQuestionMark { get; init; }
}

/// <summary>
/// Folds what people type on a phone into one Cyrillic-based form, so a stem written once in dialogs/crisis.yaml
/// matches every spelling: lower case, ё→е, э→е, й→и, щ→ш, soft and hard signs dropped, Kazakh letters to plain ones
/// (қ→к ө→о ү/ұ→у і→и ә→а ғ→г ң→н һ→х). Each word is judged on its own: a word with any Cyrillic letter is Cyrillic,
/// and its Latin look-alikes (a, e, o, p, c, x, y, k, m, t, h, i, B) are read as the Cyrillic letters they imitate;
/// a word of Latin letters only is transliterated (zh/j→ж, sh→ш, sch→ш, ch→ч, kh/h→х, ts→ц, ya→я, yu→ю, yo/ye→е,
/// y and ı→ы, or й after a vowel, q→к, ğ/ǵ/gh→г, ý→у, ñ/ng→н, ö→о, ü/ū→у, ä→а, ş→ш, ç→ч, 4→ч, apostrophes dropped).
/// One pass over the characters, no regular expressions: it runs at intake on every message.
/// </summary>
public static class CrisisText
{
    private const char Drop = '\0';

    /// <summary>Folding of a character inside a Cyrillic word (Latin look-alikes included), by code point; Drop removes it.</summary>
    private static readonly char[] CyrillicFold = BuildCyrillicFold();

    public static CrisisWord[] Words(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var words = new List<CrisisWord>(Math.Min(64, (text.Length / 5) + 1));
        var builder = new StringBuilder(16);
        var start = -1;
        var sign = false;
        var question = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c) || (IsApostrophe(c) && start >= 0))
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0)
            {
                var before = words.Count;
                AddWord(text.AsSpan(start, i - start), builder, words);
                if (sign && before > 0 && words.Count > before)
                {
                    words[before] = words[before] with { AfterSign = true, AfterQuestionMark = question };
                }

                sign = false;
                question = false;
                start = -1;
            }

            // A hyphen joins («өз-өзіме»), an apostrophe is part of a Latin word; any other sign may end a clause.
            sign |= !char.IsWhiteSpace(c) && c is not '-' and not '‐' && !IsApostrophe(c);
            question |= c == '?';
        }

        return [.. words];
    }

    /// <summary>
    /// Whether the rest of a folded word after a stem begins a Kazakh negative infix that denies the verb: -ма/-ме/-ба/-бе/-па/-пе
    /// followed by й (folded и: -маймын, -мейді, -майтын, the converb -май), д (past: -мадым, -меді), г (-маған, -меген) or
    /// сп (future: -маспын). Not the intent suffix -мақ/-мек, not the imperative «ұрма», «ұрмаңыз», «ұрмашы» (a plea), not
    /// the jussive or conditional -масын, -масам (fear and «if I do not»), not the verbal noun -мау.
    /// </summary>
    public static bool IsKazakhNegativeInfix(ReadOnlySpan<char> rest) =>
        rest.Length >= 3 && rest[0] is 'м' or 'б' or 'п' && rest[1] is 'а' or 'е'
        && (rest[2] is 'и' or 'д' or 'г' || (rest[2] == 'с' && rest.Length > 3 && rest[3] == 'п'));

    /// <summary>
    /// Whether a folded word is a finite Kazakh negative verb (-маймын, -мейді, -мадым, -маспын, -майсың...): after a negative
    /// participle or converb it makes a double negation («ұрмайтын күні жоқ» is said with «жоқ»; «өлтірмей қоймаймын»).
    /// </summary>
    public static bool IsKazakhNegativeVerb(string word)
    {
        ReadOnlySpan<string> endings = ["имын", "имин", "имыз", "имиз", "иды", "иди", "исын", "исин", "исыз", "исиз", "спын", "спин", "дым", "дим", "ды", "ди"];
        for (var i = 1; i + 2 < word.Length; i++)
        {
            if (word[i] is 'м' or 'б' or 'п' && word[i + 1] is 'а' or 'е')
            {
                var rest = word.AsSpan(i + 2);
                foreach (var ending in endings)
                {
                    if (rest.SequenceEqual(ending))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The folded words joined by single spaces: what `crisis explain` shows.</summary>
    public static string Fold(string? text) => string.Join(' ', Words(text).Select(w => w.Text));

    /// <summary>Folds one stem as written in the crisis file (no splitting: a stem is one word).</summary>
    public static string FoldStem(string stem)
    {
        var words = Words(stem);
        return words.Length == 1 ? words[0].Text : string.Concat(words.Select(w => w.Text));
    }

    private static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ' or '`' or '´' or 'ʻ';

    private static void AddWord(ReadOnlySpan<char> raw, StringBuilder builder, List<CrisisWord> words)
    {
        var cyrillic = false;
        var latin = false;
        var letters = false;
        foreach (var c in raw)
        {
            if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic = true;
            }
            else if (char.IsAsciiLetter(c) || c is >= '\u00C0' and <= '\u024F')
            {
                latin = true;
            }

            letters |= char.IsLetter(c);
        }

        builder.Clear();
        if (cyrillic && latin && IsLatinWithCyrillicLookAlikes(raw))
        {
            // «denеme» with a Cyrillic е: a Latin word with a stray look-alike, transliterated as Latin.
            Span<char> asLatin = stackalloc char[raw.Length];
            for (var i = 0; i < raw.Length; i++)
            {
                asLatin[i] = LatinLookAlike(char.ToLowerInvariant(raw[i])) ?? raw[i];
            }

            AddWord(asLatin, builder, words);
            return;
        }

        if (cyrillic || !latin)
        {
            FoldCyrillic(raw, builder, digitsAsLetters: cyrillic && letters);
            if (builder.Length > 0)
            {
                words.Add(new CrisisWord(builder.ToString(), Latin: false));
            }

            return;
        }

        var hasJ = Transliterate(raw, builder, JReading.Usual);
        if (builder.Length == 0)
        {
            return;
        }

        var primary = builder.ToString();
        string? alt = null;
        if (hasJ)
        {
            // The other reading of j: as й (ja→я) for Russian typists; when that changes nothing, as ж everywhere, for the
            // 2021 Kazakh alphabet, where j is ж also after a vowel («majburleidi» = мәжбүрлейді, not маибурлеиди).
            alt = OtherReading(raw, builder, primary, JReading.AsY) ?? OtherReading(raw, builder, primary, JReading.AsZh);
        }

        words.Add(new CrisisWord(primary, Latin: true, alt));
    }

    /// <summary>
    /// Whether a word mixing scripts is Latin typed with a Cyrillic look-alike: it has a Latin letter that looks like no
    /// Cyrillic one (d, n, g, j, l…), and each of its Cyrillic letters looks like a Latin one (а е о і р к м т х).
    /// The other way round («xoчy», «мужbьет») it stays Cyrillic.
    /// </summary>
    private static bool IsLatinWithCyrillicLookAlikes(ReadOnlySpan<char> raw)
    {
        var plainLatin = false;
        foreach (var original in raw)
        {
            var c = char.ToLowerInvariant(original);
            if (c is >= '\u0400' and <= '\u04FF')
            {
                if (LatinLookAlike(c) is null)
                {
                    return false;
                }
            }
            else if ((char.IsAsciiLetter(c) || c is >= '\u00C0' and <= '\u024F') && original is not ('B' or 'H')
                && (c >= CyrillicFold.Length || CyrillicFold[c] == c))
            {
                plainLatin = true;
            }
        }

        return plainLatin;
    }

    private static char? LatinLookAlike(char cyrillic) => cyrillic switch
    {
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'і' => 'i',
        'р' => 'p',
        'к' => 'k',
        'м' => 'm',
        'т' => 't',
        'х' => 'x',
        _ => null,
    };

    private static void FoldCyrillic(ReadOnlySpan<char> raw, StringBuilder builder, bool digitsAsLetters)
    {
        foreach (var original in raw)
        {
            // Upper-case B and H look like В and Н; lower-case b and h do not look like в and н, but people also type h for н.
            var c = original switch
            {
                'B' => 'в',
                'H' => 'н',
                _ => char.ToLowerInvariant(original),
            };
            if (digitsAsLetters && c == '4')
            {
                c = 'ч';
            }

            var folded = c < CyrillicFold.Length ? CyrillicFold[c] : c;
            if (folded != Drop && !IsApostrophe(folded))
            {
                builder.Append(folded);
            }
        }
    }

    private static string? OtherReading(ReadOnlySpan<char> raw, StringBuilder builder, string primary, JReading reading)
    {
        builder.Clear();
        Transliterate(raw, builder, reading);
        var other = builder.ToString();
        return other == primary ? null : other;
    }

    /// <summary>How a Latin j is read: ж, or й after a vowel before a consonant or at the end (moj, ubej); always й; always ж.</summary>
    private enum JReading
    {
        Usual,
        AsY,
        AsZh,
    }

    /// <summary>Writes the Cyrillic reading of a Latin word; returns whether it had a j that could also be read otherwise.</summary>
    private static bool Transliterate(ReadOnlySpan<char> raw, StringBuilder builder, JReading reading)
    {
        var jAsY = reading == JReading.AsY;
        Span<char> lower = raw.Length <= 64 ? stackalloc char[raw.Length] : new char[raw.Length];
        var n = 0;
        foreach (var c in raw)
        {
            if (!IsApostrophe(c))
            {
                lower[n++] = char.ToLowerInvariant(c);
            }
        }

        lower = lower[..n];
        var hasJ = false;
        for (var i = 0; i < lower.Length; i++)
        {
            var c = lower[i];
            var next = i + 1 < lower.Length ? lower[i + 1] : '\0';
            var previousVowel = builder.Length > 0 && IsVowel(builder[^1]);
            switch (c)
            {
                case 's' when Follows(lower, i, "hch"): builder.Append('ш'); i += 3; break;
                case 's' when Follows(lower, i, "ch"): builder.Append('ш'); i += 2; break;
                case 's' when next == 'h': builder.Append('ш'); i++; break;
                case 'z' when next == 'h': builder.Append('ж'); i++; break;
                case 'c' when next == 'h': builder.Append('ч'); i++; break;
                case 'k' when next == 'h': builder.Append('х'); i++; break;
                case 'g' when next == 'h': builder.Append('г'); i++; break;
                // -tsya/-tsa at the end is Russian -тся (hochetsya = хочется); elsewhere ts is ц (tsel = цель).
                case 't' when next == 's' && !IsReflexiveEnding(lower[(i + 2)..]): builder.Append('ц'); i++; break;
                case 'n' when next == 'g' && (i + 2 >= lower.Length || !IsLatinVowel(lower[i + 2])): builder.Append('н'); i++; break;
                case 'y' or 'j' when IsLatinVowel(next) && (c == 'y' || jAsY):
                    hasJ |= c == 'j';
                    builder.Append(next switch { 'a' => 'я', 'u' => 'ю', 'o' or 'e' => 'е', _ => 'и' });
                    if (next is 'i')
                    {
                        builder.Append('и');
                    }

                    i++;
                    break;
                // The 2018/2021 Kazakh alphabets write й (and и) as ı, as informal Latin does with y: after a vowel it is й
                // (kelmeıdi = келмейді), else ы.
                case 'y':
                case 'ı':
                    builder.Append(previousVowel ? 'и' : 'ы');
                    break;
                case 'j':
                    hasJ = true;
                    // After a vowel and before a consonant or at the end j is й (moj, ubej); else ж, as Kazakh typists use it.
                    builder.Append(jAsY || (reading == JReading.Usual && previousVowel && !IsLatinVowel(next)) ? 'и' : 'ж');
                    break;
                default:
                    var single = LatinLetter(c);
                    if (single != Drop)
                    {
                        builder.Append(single);
                    }

                    break;
            }
        }

        return hasJ;
    }

    private static bool IsReflexiveEnding(ReadOnlySpan<char> rest) => rest is "ya" or "ja" or "a" or "ia";

    private static bool Follows(ReadOnlySpan<char> word, int at, string tail) =>
        word.Length > at + tail.Length && word.Slice(at + 1, tail.Length).SequenceEqual(tail);

    private static bool IsLatinVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'ı' or 'ö' or 'ü' or 'ä' or 'ū' or 'é';

    private static bool IsVowel(char c) => c is 'а' or 'е' or 'и' or 'о' or 'у' or 'ы' or 'я' or 'ю';

    private static char LatinLetter(char c) => c switch
    {
        'a' or 'ä' or 'á' or 'à' => 'а',
        'b' => 'б',
        'c' => 'ц',
        'd' => 'д',
        'e' or 'é' or 'è' or 'ë' => 'е',
        'f' => 'ф',
        'g' or 'ğ' or 'ǵ' => 'г',
        'h' => 'х',
        'i' or 'í' or 'ì' or 'î' or 'ï' => 'и',
        'ı' => 'ы',
        'k' or 'q' => 'к',
        'l' => 'л',
        'm' => 'м',
        'n' or 'ñ' or 'ń' => 'н',
        'o' or 'ö' or 'ó' or 'ò' => 'о',
        'p' => 'п',
        'r' => 'р',
        's' => 'с',
        'ş' => 'ш',
        'ç' => 'ч',
        't' => 'т',
        'u' or 'ü' or 'ū' or 'ú' or 'ù' or 'ý' => 'у',
        'v' or 'w' => 'в',
        'x' => 'х',
        'z' => 'з',
        '4' => 'ч',
        >= '0' and <= '9' => c,
        _ => Drop,
    };

    private static char[] BuildCyrillicFold()
    {
        var map = new char[0x500];
        for (var c = 0; c < map.Length; c++)
        {
            map[c] = (char)c;
        }

        void Set(string from, char to)
        {
            foreach (var c in from)
            {
                map[c] = to;
            }
        }

        Set("ё", 'е');
        Set("э", 'е');
        Set("й", 'и');
        Set("щ", 'ш');
        Set("ьъ", Drop);
        Set("қ", 'к');
        Set("ө", 'о');
        Set("үұ", 'у');
        Set("і", 'и');
        Set("ә", 'а');
        Set("ғ", 'г');
        Set("ң", 'н');
        Set("һ", 'х');
        // Latin letters that look like Cyrillic ones, typed by habit or by a phone's autocorrect inside a Cyrillic word.
        Set("a", 'а');
        Set("e", 'е');
        Set("o", 'о');
        Set("p", 'р');
        Set("c", 'с');
        Set("x", 'х');
        Set("y", 'у');
        Set("k", 'к');
        Set("m", 'м');
        Set("t", 'т');
        Set("h", 'н');
        Set("iı", 'и');
        Set("b", 'в');
        return map;
    }
}
