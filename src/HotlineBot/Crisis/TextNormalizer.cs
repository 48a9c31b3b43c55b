using System.Globalization;
using System.Text;

namespace HotlineBot.Crisis;

/// <summary>
/// Folds what people type on a phone into one form, so that a stem written once matches every spelling:
/// lower case, ё→е, Kazakh letters to their Russian look-alikes, Latin look-alikes to Cyrillic, punctuation to spaces.
/// </summary>
public static class TextNormalizer
{
    private static readonly Dictionary<char, char> Folds = new()
    {
        ['ё'] = 'е', ['қ'] = 'к', ['ө'] = 'о', ['ү'] = 'у', ['ұ'] = 'у', ['і'] = 'и', ['ә'] = 'а',
        ['ғ'] = 'г', ['ң'] = 'н', ['һ'] = 'х', ['й'] = 'и',
        // Latin letters that look like Cyrillic ones, typed by habit or by a phone's autocorrect.
        ['a'] = 'а', ['e'] = 'е', ['o'] = 'о', ['p'] = 'р', ['c'] = 'с', ['x'] = 'х', ['y'] = 'у',
        ['k'] = 'к', ['m'] = 'м', ['t'] = 'т', ['h'] = 'н', ['i'] = 'и',
    };

    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 2);
        builder.Append(' ');
        var lastWasSpace = true;
        foreach (var raw in text.ToLower(CultureInfo.InvariantCulture))
        {
            var c = Folds.TryGetValue(raw, out var folded) ? folded : raw;
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
                lastWasSpace = false;
            }
            else if (c == '-' && !lastWasSpace)
            {
                // Kazakh writes "өз-өзіне" with a hyphen and people drop or keep it: treat it as a space.
                builder.Append(' ');
                lastWasSpace = true;
            }
            else if (!lastWasSpace)
            {
                builder.Append(' ');
                lastWasSpace = true;
            }
        }

        if (!lastWasSpace)
        {
            builder.Append(' ');
        }

        return builder.ToString();
    }
}
