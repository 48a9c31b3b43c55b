using System.Text.RegularExpressions;

namespace HotlineBot.Dialogs;

/// <summary>
/// The {name} marks a text may carry. Each kind of text is filled with its own values, so any other name would
/// reach a person as written ("{nubmers}" instead of the numbers): the reader reports it at its line.
/// </summary>
public static partial class Placeholders
{
    /// <summary>The list of phone numbers from configuration (Hotline:Numbers), filled in every sentence and content screen.</summary>
    public const string Numbers = "numbers";

    /// <summary>Only the lines that answer at any hour (AroundTheClock); accepted wherever {numbers} is.</summary>
    public const string AroundTheClock = "numbers24";

    /// <summary>{number:KEY}: one configured number. Accepted wherever {numbers} is; whether KEY exists is checked against the configuration.</summary>
    public const string NumberPrefix = "number:";

    /// <summary>Button labels and question texts: shown as written, nothing is filled.</summary>
    public static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Content screens, questionnaire results and quick replies.</summary>
    public static readonly IReadOnlySet<string> Content = new HashSet<string>(StringComparer.Ordinal) { Numbers };

    /// <summary>Each placeholder in <paramref name="text"/> not in <paramref name="allowed"/>, with where it starts.</summary>
    public static IEnumerable<(string Name, int Offset)> Unknown(string text, IReadOnlySet<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(allowed);
        foreach (Match match in Mark().Matches(text))
        {
            var name = match.Groups[1].Value;
            var oneNumber = name.StartsWith(NumberPrefix, StringComparison.Ordinal) && name.Length > NumberPrefix.Length;
            var numbersOnly = oneNumber || name == AroundTheClock;
            if (!allowed.Contains(name) && !(numbersOnly && allowed.Contains(Numbers)))
            {
                yield return (name, match.Index);
            }
        }
    }

    // A brace pair around a word: "{numbers}", "{number:police}", "{nubmers}"; a lone or spaced brace is just text.
    [GeneratedRegex(@"\{([^{}\s]+)\}")]
    private static partial Regex Mark();
}
