using HotlineBot.Conversations;

namespace HotlineBot.Crisis;

/// <summary>
/// A guess at the language of one message, to answer a person in crisis before they have chosen a language:
/// Kazakh letters (ә ғ қ ң ө ұ ү һ і) say Kazakh at once; otherwise common words and endings of each language are counted
/// on the folded words, so Kazakh typed without Kazakh letters or in Latin ("olgim keledi") is recognised too.
/// Null when there is no sign or the signs are even: the caller then answers in both languages.
/// </summary>
public static class TextLanguage
{
    private static readonly HashSet<string> KazakhWords = new(StringComparer.Ordinal)
    {
        "мен", "сен", "сиз", "ол", "биз", "олар", "маган", "мени", "сага", "сени", "оган", "оны", "менин", "бул", "мына", "жок", "бар",
        "емес", "керек", "калаи", "неге", "кашан", "кандаи", "иа", "ия", "жане", "бирак", "ушин", "дериек", "кеше", "бугин", "ертен",
        "енди", "тагы", "осы", "сол", "кешириниз", "рахмет", "салем", "саламатсыз", "комек", "бала", "балам", "куиеуим", "ерим", "уиде", "уиге",
    };

    private static readonly HashSet<string> RussianWords = new(StringComparer.Ordinal)
    {
        "я", "ты", "вы", "он", "она", "мы", "они", "не", "нет", "да", "и", "в", "на", "что", "как", "мне", "меня", "это", "все", "уже", "так",
        "очень", "хочу", "можно", "есть", "был", "была", "если", "когда", "где", "почему", "спасибо", "здравствуите", "помогите", "муж",
        "больше", "просто", "только", "ничего", "никто", "себя", "мою", "моя", "мои", "меня", "по", "за", "из", "от", "до", "к", "с", "у",
    };

    /// <summary>Kazakh endings that Russian words rarely have (after folding: -мын/-мин, -ды/-ди, -ады/-еди, -гым/-гим...).</summary>
    private static readonly string[] KazakhEndings =
        ["мын", "мин", "пын", "пин", "бын", "бин", "ады", "еди", "иды", "гым", "гим", "кым", "ким", "мыз", "миз", "дар", "дер", "лар", "лер", "ныз", "низ", "сыз", "сиз", "тын", "тин", "ган", "ген", "нан", "нен", "дан", "ден"];

    /// <summary>Russian endings that Kazakh words rarely have.</summary>
    private static readonly string[] RussianEndings =
        [.. new[] { "ать", "ять", "ить", "ет", "ют", "ешь", "ого", "его", "ому", "ая", "ое", "ые", "ие", "ться", "тся", "ость", "ение", "ился", "илась", "ала", "ула" }
            .Select(CrisisText.FoldStem)];

    public static Language? Guess(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (var c in text)
        {
            if ("әғқңөұүһіӘҒҚҢӨҰҮҺІ".Contains(c, StringComparison.Ordinal))
            {
                return Language.Kk;
            }
        }

        var kazakh = 0;
        var russian = 0;
        foreach (var word in CrisisText.Words(text))
        {
            var w = word.Text;
            if (KazakhWords.Contains(w))
            {
                kazakh += 2;
            }
            else if (RussianWords.Contains(w))
            {
                russian += 2;
            }
            else if (w.Length >= 5 && KazakhEndings.Any(e => w.EndsWith(e, StringComparison.Ordinal)))
            {
                kazakh++;
            }
            else if (w.Length >= 4 && RussianEndings.Any(e => w.EndsWith(e, StringComparison.Ordinal)))
            {
                russian++;
            }

            // я and ю are rare in Kazakh words (outside loanwords) and common in Russian ones.
            if (w.Contains('ю', StringComparison.Ordinal) || w.Contains('я', StringComparison.Ordinal))
            {
                russian++;
            }
        }

        return kazakh > russian ? Language.Kk : russian > kazakh ? Language.Ru : null;
    }
}
