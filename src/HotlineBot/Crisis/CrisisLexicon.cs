using System.Globalization;
using System.Text;

namespace HotlineBot.Crisis;

/// <summary>
/// The crisis patterns of dialogs/crisis.yaml, matched on folded words (see <see cref="CrisisText"/>). A message is folded once;
/// each pattern is indexed by the first two letters of its rarest word, so a message is checked against the few patterns
/// whose rarest word it contains. Clear patterns are tried before unclear ones, each in file order; a match counts unless
/// the pattern's negation or an exception cancels it.
/// </summary>
public sealed class CrisisLexicon
{
    public static readonly CrisisLexicon Empty = new([], []);

    private readonly CrisisRule[] _rules;
    private readonly CrisisIdiom[] _exceptions;
    private readonly Dictionary<int, int[]> _byPrefix;
    private readonly int[] _unindexed;

    public CrisisLexicon(IReadOnlyList<CrisisRule> rules, IReadOnlyList<CrisisIdiom> exceptions)
    {
        // Clear before unclear, file order within a level (OrderBy is stable).
        _rules = [.. rules.OrderByDescending(r => r.Level)];
        _exceptions = [.. exceptions];
        var byPrefix = new Dictionary<int, List<int>>();
        var unindexed = new List<int>();
        for (var i = 0; i < _rules.Length; i++)
        {
            var anchor = _rules[i].Pattern.Slots
                .Where(s => s.Stems.All(stem => stem.Text.Length >= 2))
                .MaxBy(s => s.Stems.Min(stem => stem.Text.Length));
            if (anchor is null)
            {
                unindexed.Add(i);
                continue;
            }

            foreach (var key in anchor.Stems.Select(stem => Key(stem.Text[0], stem.Text[1])).Distinct())
            {
                (byPrefix.TryGetValue(key, out var list) ? list : byPrefix[key] = []).Add(i);
            }
        }

        _byPrefix = byPrefix.ToDictionary(p => p.Key, p => p.Value.ToArray());
        _unindexed = [.. unindexed];
    }

    public int Count => _rules.Length;

    public IReadOnlyList<CrisisRule> Rules => _rules;

    public IReadOnlyList<CrisisIdiom> Exceptions => _exceptions;

    /// <summary>Kept for callers that only need the kind: <see cref="CrisisKind.None"/> unless a pattern fired.</summary>
    public CrisisKind Detect(string? text) => Assess(text).Kind;

    public CrisisAssessment Assess(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || _rules.Length == 0)
        {
            return CrisisAssessment.None;
        }

        var words = CrisisText.Words(text);
        if (words.Length == 0)
        {
            return CrisisAssessment.None;
        }

        Span<bool> candidate = _rules.Length <= 1024 ? stackalloc bool[_rules.Length] : new bool[_rules.Length];
        MarkCandidates(words, candidate);
        for (var r = 0; r < _rules.Length; r++)
        {
            if (!candidate[r])
            {
                continue;
            }

            var rule = _rules[r];
            foreach (var placement in rule.Pattern.Placements(words))
            {
                if (rule.NegatedAt(words, placement) < 0 && FirstCovering(words, placement) is null)
                {
                    var matched = Matched(words, placement);
                    return new CrisisAssessment(rule.Level, rule.Kind, rule.Id, matched,
                        $"{rule.Id} ({Name(rule.Kind)}, {Name(rule.Level)}): «{matched}»");
                }
            }
        }

        return CrisisAssessment.None;
    }

    /// <summary>
    /// For an editor fixing a miss or a false alarm: the folded words, every pattern that found its words (and whether a
    /// negation or an exception cancelled it), the patterns that found only part of their words, and the verdict.
    /// </summary>
    public string Explain(string text)
    {
        var words = CrisisText.Words(text);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"folded: {string.Join(' ', words.Select(Shown))}");
        var partial = new List<string>();
        foreach (var rule in _rules)
        {
            var found = false;
            foreach (var placement in rule.Pattern.Placements(words))
            {
                found = true;
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"pattern {rule.Id} ({Name(rule.Kind)}, {Name(rule.Level)}, {rule.Where}) found «{Matched(words, placement)}» for: {rule.Pattern}");
                var negated = rule.NegatedAt(words, placement);
                if (rule.Negation is not null)
                {
                    report.AppendLine(negated >= 0
                        ? $"  cancelled: negation «{words[negated].Text}» ({rule.Negation}) stands before the matched words"
                        : $"  negation {rule.Negation}: none right before or between the matched words");
                }

                var covering = FirstCovering(words, placement);
                report.AppendLine(covering is { } c
                    ? $"  cancelled: exception {c.Exception} ({c.Exception.Where}) covers «{Matched(words, c.At)}»"
                    : "  exceptions: none covers the matched words");
                if (negated < 0 && covering is null)
                {
                    report.AppendLine("  → counts");
                }
            }

            // Near misses, for an editor chasing a miss: a pattern that found one of its telling words (not only "не" or "я").
            if (!found && rule.Pattern.Slots.Count > 1)
            {
                var present = rule.Pattern.Slots.Where(s => words.Any(w => s.Matches(w))).ToList();
                if (present.Any(s => s.Stems.Min(stem => stem.Text.Length) >= 4))
                {
                    partial.Add($"  {rule.Id}: has {string.Join(" + ", present)}; lacks {string.Join(" + ", rule.Pattern.Slots.Except(present))} " +
                        $"(or the words are not within its window or order: {rule.Pattern})");
                }
            }
        }

        if (partial.Count > 0)
        {
            report.AppendLine("patterns that found only part of their words:");
            partial.ForEach(line => report.AppendLine(line));
        }

        var verdict = Assess(text);
        report.Append(verdict.IsCrisis ? $"result: {Name(verdict.Level)} {Name(verdict.Kind)} by {verdict.PatternId}" : "result: no crisis");
        return report.ToString();
    }

    public static string Name(CrisisKind kind) => kind switch
    {
        CrisisKind.SelfHarm => "self_harm",
        CrisisKind.SexualViolence => "sexual_violence",
        CrisisKind.ChildDanger => "child_danger",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static string Name(CrisisLevel level) => level.ToString().ToLowerInvariant();

    private (CrisisIdiom Exception, int[] At)? FirstCovering(CrisisWord[] words, int[] placement)
    {
        foreach (var exception in _exceptions)
        {
            if (exception.Covers(words, placement) is { } at)
            {
                return (exception, at);
            }
        }

        return null;
    }

    private void MarkCandidates(CrisisWord[] words, Span<bool> candidate)
    {
        foreach (var index in _unindexed)
        {
            candidate[index] = true;
        }

        foreach (var word in words)
        {
            Mark(word.Text, word.Latin, candidate);
            if (word.Alt is { } alt)
            {
                Mark(alt, latin: true, candidate);
            }
        }
    }

    private void Mark(string word, bool latin, Span<bool> candidate)
    {
        if (word.Length < 2)
        {
            return;
        }

        Span<char> firsts = stackalloc char[2];
        Span<char> seconds = stackalloc char[2];
        var nFirst = Readings(word[0], latin, firsts);
        var nSecond = Readings(word[1], latin, seconds);
        for (var a = 0; a < nFirst; a++)
        {
            for (var b = 0; b < nSecond; b++)
            {
                if (_byPrefix.TryGetValue(Key(firsts[a], seconds[b]), out var rules))
                {
                    foreach (var r in rules)
                    {
                        candidate[r] = true;
                    }
                }
            }
        }
    }

    /// <summary>The stem letters a typed letter can stand for (see <see cref="CrisisStem.SameLetter"/>).</summary>
    private static int Readings(char typed, bool latin, Span<char> into)
    {
        into[0] = typed;
        if (!latin)
        {
            return 1;
        }

        char? other = typed switch { 'и' => 'ы', 'ц' => 'с', 'с' => 'ц', _ => null };
        if (other is { } o)
        {
            into[1] = o;
            return 2;
        }

        return 1;
    }

    private static int Key(char first, char second) => (first << 16) | second;

    private static string Matched(CrisisWord[] words, int[] placement) =>
        string.Join(' ', placement.Order().Select(i => words[i].Text));

    private static string Shown(CrisisWord word) => word.Latin ? $"{word.Text}(latin{(word.Alt is null ? "" : "|" + word.Alt)})" : word.Text;
}
