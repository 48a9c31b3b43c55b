using System.Globalization;
using System.Text;

namespace HotlineBot.Crisis;

/// <summary>
/// The crisis patterns of dialogs/crisis.yaml, matched on folded words (see <see cref="CrisisText"/>). A message is folded once
/// and each word walks one trie of every stem, which marks the slots it matches; a pattern is tried only when each of its
/// slots matched some word, and placing it is then looking up bits. Clear patterns are tried before unclear ones, each in
/// file order; a match counts unless the pattern's negation or an exception cancels it. When no pattern found its words,
/// the learned model (<see cref="CrisisModel"/>, if the dialogs have one) gives its opinion: a message it finds likely
/// enough a danger is a worrying, unclear one (the gentle question), never more. Where a pattern found its words and a
/// negation or an exception cancelled them, the editors have already judged that wording, and the model is not asked.
/// </summary>
public sealed class CrisisLexicon
{
    /// <summary>What <see cref="CrisisAssessment.PatternId"/> says when the learned model, not a pattern, raised the concern.</summary>
    public const string LearnedId = "learned";

    /// <summary>
    /// The learned model judges only messages of at least this many letters (folded words, spaces and signs not counted). A
    /// short message gives it too little to go on, and it was sure of itself on the commonest short words of a hotline («мне
    /// плохо», «мен шаршадым», «денег нет совсем», «а теперь?»); the patterns still judge those. Letters, not words: Kazakh says
    /// in one word what Russian says in three. Measured: this costs no danger of holdout4 in either language.
    /// </summary>
    public const int MinLetters = 15;

    public static readonly CrisisLexicon Empty = new([], []);

    private readonly CrisisRule[] _rules;
    private readonly Task<CrisisModel>? _model;
    private readonly double _threshold;
    private readonly CrisisIdiom[] _exceptions;
    private readonly StemTrie _trie;
    private readonly int _slots;

    /// <param name="model">The learned model, or none (patterns alone). It may still be learning: the first message that needs
    /// it waits for it, so a start does not (the host opens its database meanwhile) and every verdict is the same.</param>
    /// <param name="threshold">How likely a danger the model must find a message before it raises a concern (0.5–1).</param>
    public CrisisLexicon(IReadOnlyList<CrisisRule> rules, IReadOnlyList<CrisisIdiom> exceptions, Task<CrisisModel>? model = null, double threshold = 1)
    {
        _model = model;
        _threshold = threshold;
        _trie = new();
        // Clear before unclear, file order within a level (OrderBy is stable).
        _rules = [.. rules.OrderByDescending(r => r.Level)];
        _exceptions = [.. exceptions];
        var slots = _rules.SelectMany(r => new[] { r.Negation, r.NegationAfter, r.NegationThrough }.OfType<CrisisSlot>()
                .Concat(r.NegationAfterPairs.SelectMany(p => new[] { p.Negator, p.Then })).Concat(r.Pattern.Slots))
            .Concat(_exceptions.SelectMany(e => e.Unless is null ? e.Pattern.Slots : [.. e.Pattern.Slots, e.Unless]));
        foreach (var slot in slots)
        {
            slot.Index = _slots++;
            foreach (var stem in slot.Stems)
            {
                _trie.Add(stem, slot.Index);
            }
        }
    }

    /// <summary>The same patterns (their compiled trie shared, slots untouched) with another model or none.</summary>
    private CrisisLexicon(CrisisLexicon patterns, Task<CrisisModel>? model, double threshold)
    {
        _rules = patterns._rules;
        _exceptions = patterns._exceptions;
        _trie = patterns._trie;
        _slots = patterns._slots;
        _model = model;
        _threshold = threshold;
        LearnedFrom = patterns.LearnedFrom;
    }

    public int Count => _rules.Length;

    public IReadOnlyList<CrisisRule> Rules => _rules;

    public IReadOnlyList<CrisisIdiom> Exceptions => _exceptions;

    public CrisisModel? Model => _model?.GetAwaiter().GetResult();

    /// <summary>Whether there is a learned model, without waiting for it to finish learning.</summary>
    public bool HasModel => _model is not null;

    /// <summary>The folder of examples the model learned from (full path), when there is a model.</summary>
    public string? LearnedFrom { get; init; }

    /// <summary>The same patterns without the learned model: what `crisis eval` reports beside the whole.</summary>
    public CrisisLexicon PatternsOnly => HasModel ? new(this, null, 1) : this;

    /// <summary>The same patterns and threshold with another model (`crisis eval` judges an examples file with models that never saw it).</summary>
    public CrisisLexicon WithModel(CrisisModel model) => new(this, Task.FromResult(model), _threshold);

    /// <summary>Kept for callers that only need the kind: <see cref="CrisisKind.None"/> unless a pattern or the model fired.</summary>
    public CrisisKind Detect(string? text) => Assess(text).Kind;

    public CrisisAssessment Assess(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || (_rules.Length == 0 && !HasModel))
        {
            return CrisisAssessment.None;
        }

        var words = CrisisText.Words(text);
        if (words.Length == 0)
        {
            return CrisisAssessment.None;
        }

        var matches = _trie.Match(words, _slots);
        var found = Found(matches);
        foreach (var (rule, placement, negated, _) in found)
        {
            if (negated < 0 && DeniedElsewhere(matches, found, rule, placement) is null && FirstCovering(matches, placement, rule.Level) is null)
            {
                var matched = Matched(words, placement);
                return new CrisisAssessment(rule.Level, rule.Kind, rule.Id, matched,
                    $"{rule.Id} ({Name(rule.Kind)}, {Name(rule.Level)}): «{matched}»");
            }
        }

        return found.Count > 0 ? CrisisAssessment.None : Learned(words);
    }

    /// <summary>Every placement of every pattern whose words are all present, in the order they are judged, with its negation.</summary>
    private List<(CrisisRule Rule, int[] Placement, int Negated, NegationSide Side)> Found(SlotMatches matches)
    {
        var found = new List<(CrisisRule, int[], int, NegationSide)>();
        foreach (var rule in _rules)
        {
            if (!AllSlotsAnywhere(rule, matches))
            {
                continue;
            }

            foreach (var placement in rule.Pattern.Placements(matches))
            {
                found.Add((rule, placement, rule.NegatedAt(matches, placement, out var side), side));
            }
        }

        return found;
    }

    /// <summary>
    /// A denial holds for the words, not only for the pattern that carries it: a placement whose words are all among the words
    /// another pattern found and its negation denied is denied too («попыток суицида у меня не было» denies «суицида» for every
    /// pattern that meets it). Not when it holds the very negator («не хочу жить» is a pattern of its own), except a Kazakh
    /// negative infix that it, too, meets only with the infix, and not when it finds a word more («мыслей кроме смерти нет»).
    /// </summary>
    private static CrisisRule? DeniedElsewhere(SlotMatches matches, List<(CrisisRule Rule, int[] Placement, int Negated, NegationSide Side)> found, CrisisRule rule, int[] placement)
    {
        foreach (var (other, denied, negated, side) in found)
        {
            if (negated < 0 || ReferenceEquals(denied, placement))
            {
                continue;
            }

            var inside = true;
            for (var s = 0; s < placement.Length && inside; s++)
            {
                var at = placement[s];
                inside = Array.IndexOf(denied, at) >= 0
                    && (at != negated || (side == NegationSide.Infix && matches.OnlyNegativeInfix(rule.Pattern.SlotArray[s], at)));
            }

            if (inside)
            {
                return other;
            }
        }

        return null;
    }

    private CrisisAssessment Learned(CrisisWord[] words)
    {
        // The length first: a short message (a /start, a tap's text) never waits for a model still learning after a start.
        if (!HasModel || words.Sum(w => w.Text.Length) < MinLetters || Model is not { } model)
        {
            return CrisisAssessment.None;
        }

        var prediction = model.Predict(words);
        if (prediction.Alarm < _threshold)
        {
            return CrisisAssessment.None;
        }

        var telling = model.TellingWords(words);
        return new CrisisAssessment(CrisisLevel.Unclear, prediction.Kind, LearnedId, telling,
            string.Create(CultureInfo.InvariantCulture, $"{LearnedId} ({Name(prediction.Kind)}, unclear, danger {prediction.Alarm:P0}): «{telling}»"));
    }

    /// <summary>
    /// For an editor fixing a miss or a false alarm: the folded words, every pattern that found its words (and whether a
    /// negation or an exception cancelled it), the patterns that found only part of their words, and the verdict.
    /// </summary>
    public string Explain(string text)
    {
        var words = CrisisText.Words(text);
        var matches = _trie.Match(words, _slots);
        var judged = Found(matches);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"folded: {string.Join(' ', words.Select(Shown))}");
        var partial = new List<string>();
        foreach (var rule in _rules)
        {
            var found = false;
            foreach (var placement in rule.Pattern.Placements(matches))
            {
                found = true;
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"pattern {rule.Id} ({Name(rule.Kind)}, {Name(rule.Level)}, {rule.Where}) found «{Matched(words, placement)}» for: {rule.Pattern}");
                var negated = rule.NegatedAt(matches, placement, out var side);
                var through = rule.NegationThrough is null ? "" : $" (across up to {CrisisRule.MaxThrough} of {rule.NegationThrough})";
                if (rule.Negation is not null)
                {
                    report.AppendLine(side switch
                    {
                        NegationSide.Before => $"  cancelled: negation «{words[negated].Text}» ({rule.Negation}) stands before the matched words",
                        NegationSide.BeforeThrough => $"  cancelled: negation «{words[negated].Text}» ({rule.Negation}) stands before the matched words{through}",
                        _ => $"  negation {rule.Negation}: none right before or between the matched words{through} (a sign, or чуть/пока/еще before it, undoes it)",
                    });
                }

                if (rule.NegationAfter is not null || rule.NegationAfterPairs.Count > 0)
                {
                    var negators = string.Join(", ", new[] { rule.NegationAfter?.ToString() }.OfType<string>().Concat(rule.NegationAfterPairs.Select(p => $"{p.Negator} {p.Then}")));
                    report.AppendLine(side switch
                    {
                        NegationSide.After => $"  cancelled: negation after «{words[negated].Text}» ({negators}) follows the matched words{through}",
                        NegationSide.Infix => $"  cancelled: «{words[negated].Text}» is the verb with a Kazakh negative infix (-ма/-ме/-па..., not a double negation)",
                        _ => $"  negation after {negators}: none right after the matched words{through}, or a sign or a question particle (ма, ме, па...) undoes it",
                    });
                }

                foreach (var context in _exceptions)
                {
                    if (context.KeptAt(matches, placement) is var kept and >= 0 && context.CoversIgnoringUnless(matches, placement) is not null)
                    {
                        report.AppendLine(CultureInfo.InvariantCulture,
                            $"  kept from context {context} ({context.Where}): «{words[kept].Text}» marks the speaker's own present");
                    }
                }

                var deniedBy = negated < 0 ? DeniedElsewhere(matches, judged, rule, placement) : null;
                if (deniedBy is not null)
                {
                    report.AppendLine(CultureInfo.InvariantCulture, $"  cancelled: the same words are denied for pattern {deniedBy.Id}");
                }

                var covering = FirstCovering(matches, placement, rule.Level);
                report.AppendLine(covering is { } c
                    ? $"  cancelled: exception {c.Exception} ({c.Exception.Where}) covers «{Matched(words, c.At)}»"
                    : "  exceptions: none covers the matched words");
                if (negated < 0 && deniedBy is null && covering is null)
                {
                    report.AppendLine("  → counts");
                }
            }

            // Near misses, for an editor chasing a miss: a pattern that found one of its telling words (not only "не" or "я").
            if (!found && rule.Pattern.Slots.Count > 1)
            {
                var present = rule.Pattern.Slots.Where(matches.Anywhere).ToList();
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

        if (Model is { } model)
        {
            report.AppendLine(model.Explain(words));
            report.AppendLine(CultureInfo.InvariantCulture, $"  it raises a concern at {_threshold:P0} or more, and only when no pattern found its words");
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

    private (CrisisIdiom Exception, int[] At)? FirstCovering(SlotMatches words, int[] placement, CrisisLevel level)
    {
        foreach (var exception in _exceptions)
        {
            if (exception.Cancels(level) && exception.Covers(words, placement) is { } at)
            {
                return (exception, at);
            }
        }

        return null;
    }

    private static bool AllSlotsAnywhere(CrisisRule rule, SlotMatches matches)
    {
        foreach (var slot in rule.Pattern.SlotArray)
        {
            if (!matches.Anywhere(slot))
            {
                return false;
            }
        }

        return true;
    }

    private static string Matched(CrisisWord[] words, int[] placement) =>
        string.Join(' ', placement.Order().Select(i => words[i].Text));

    private static string Shown(CrisisWord word) => word.Latin ? $"{word.Text}(latin{(word.Alt is null ? "" : "|" + word.Alt)})" : word.Text;
}
