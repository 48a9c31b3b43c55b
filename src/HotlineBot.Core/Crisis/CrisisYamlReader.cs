using System.Globalization;
using HotlineBot.Dialogs;
using YamlDotNet.RepresentationModel;

namespace HotlineBot.Crisis;

/// <summary>What the crisis sections said, before families are expanded: kept with lines so every problem names one.</summary>
public sealed class CrisisSource
{
    internal List<(string Name, List<(string Stem, SourceLocation Where)> Stems, SourceLocation Where)> Families { get; } = [];
    internal List<DraftPattern> Patterns { get; } = [];
    internal List<DraftPattern> Exceptions { get; } = [];

    /// <summary>The 'learned' section: the folder of labelled examples (relative to the dialogs folder) and the threshold.</summary>
    internal (string Examples, double Threshold, SourceLocation Where)? Learned { get; set; }
}

/// <summary>One pattern or exception as written: the words still unexpanded, everything else already checked.</summary>
internal sealed record DraftPattern(
    string? Id, CrisisKind Kind, CrisisLevel Level, List<(string Slot, SourceLocation Where)> Words, int Window, WordOrder Order,
    List<(string Slot, SourceLocation Where)> Negation, int Near, SourceLocation Where)
{
    /// <summary>A context exception that stays in its clause (no sign, no «но»/«бірақ» between it and the match).</summary>
    public bool Clause { get; init; }

    /// <summary>An exception's words that keep a match its context would cancel (the speaker's own present: «опять», «тоже»).</summary>
    public List<(string Slot, SourceLocation Where)> Unless { get; init; } = [];

    /// <summary>A pattern's negators after its words (Kazakh: «кескен жоқпын») and the auxiliaries they may stand behind.</summary>
    public List<(string Slot, SourceLocation Where)> NegationAfter { get; init; } = [];

    public List<(string Slot, SourceLocation Where)> NegationThrough { get; init; } = [];

    /// <summary>Two-word negators after the words («=не было|бывает»): the first, then the word right after it.</summary>
    public List<(string Negator, string Then, SourceLocation Where)> NegationAfterPairs { get; init; } = [];
}

/// <summary>
/// Reads the crisis sections of dialogs/*.yaml (families, patterns, exceptions) through YamlDotNet's node model, so a
/// misspelt key, an unknown kind or level, a bad window or a too-short stem is reported with its file and line, and
/// compiles them into a <see cref="CrisisLexicon"/> once every file is read (a family may be defined after its use).
/// </summary>
public static class CrisisYamlReader
{
    public static readonly IReadOnlyList<string> Sections = ["families", "patterns", "exceptions", "learned"];

    /// <summary>Without a threshold in 'learned': chosen on the examples' held-out files (README, Crisis recognition).</summary>
    public const double DefaultThreshold = 0.9;

    private static readonly string[] LearnedKeys = ["examples", "threshold", "note"];

    private static readonly string[] PatternKeys = ["id", "kind", "level", "words", "window", "order", "negation", "negation_after", "negation_through", "note"];
    private static readonly string[] ExceptionKeys = ["words", "window", "order", "near", "unless", "cancels", "clause", "note"];

    private static readonly Dictionary<string, CrisisKind> Kinds = new(StringComparer.Ordinal)
    {
        ["suicide"] = CrisisKind.Suicide,
        ["self_harm"] = CrisisKind.SelfHarm,
        ["violence"] = CrisisKind.Violence,
        ["sexual_violence"] = CrisisKind.SexualViolence,
        ["child_danger"] = CrisisKind.ChildDanger,
    };

    private static readonly Dictionary<string, WordOrder> Orders = new(StringComparer.Ordinal)
    {
        ["any"] = WordOrder.Any,
        ["in_order"] = WordOrder.InOrder,
        ["together"] = WordOrder.Together,
    };

    /// <summary>Reads one top-level section (one of <see cref="Sections"/>) of a file.</summary>
    public static void ReadSection(string section, YamlNode value, string file, CrisisSource into, ICollection<DialogProblem> problems)
    {
        var reader = new SectionReader(file, problems);
        switch (section)
        {
            case "families": reader.Families(value, into); break;
            case "patterns": reader.Patterns(value, into.Patterns, exceptions: false); break;
            case "learned": reader.Learned(value, into); break;
            default: reader.Patterns(value, into.Exceptions, exceptions: true); break;
        }
    }

    /// <summary>Expands families and folds every stem, and learns the model from the examples the 'learned' section names
    /// (a folder under <paramref name="directory"/>); problems go to <paramref name="problems"/>, the lexicon holds what was sound.</summary>
    /// <param name="modelKeptIn">Where the learned model is kept between starts (<see cref="CrisisModelFile"/>), if anywhere.</param>
    public static CrisisLexicon Compile(CrisisSource source, ICollection<DialogProblem> problems, string? directory = null, string? modelKeptIn = null)
    {
        var families = new Dictionary<string, List<CrisisStem>>(StringComparer.Ordinal);
        foreach (var (name, stems, where) in source.Families)
        {
            if (families.ContainsKey(name))
            {
                problems.Add(new(where, $"family '{name}' is defined twice"));
                continue;
            }

            var folded = new List<CrisisStem>();
            foreach (var (stem, at) in stems)
            {
                if (stem.Contains('<', StringComparison.Ordinal))
                {
                    problems.Add(new(at, $"family '{name}': a family lists stems, it cannot use another family ({stem})"));
                }
                else if (Stem(stem, at, problems) is { } s)
                {
                    folded.Add(s);
                }
            }

            families[name] = folded;
        }

        var ids = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var rules = new List<CrisisRule>();
        foreach (var draft in source.Patterns)
        {
            if (draft.Id is { } id && !ids.TryAdd(id, draft.Where))
            {
                problems.Add(new(draft.Where, $"pattern id '{id}' is used twice (first at {ids[id]})"));
                continue;
            }

            if (Pattern(draft, families, problems) is { } pattern)
            {
                // A list of negators is one slot of alternatives, short words allowed («не», «жоқ»).
                CrisisSlot? Negators(List<(string Slot, SourceLocation Where)> listed) => listed.Count == 0 ? null
                    : Slot(string.Join('|', listed.Select(n => n.Slot)), listed[0].Where, families, problems, allowShort: true);
                var pairs = draft.NegationAfterPairs
                    .Select(p => (Slot(p.Negator, p.Where, families, problems, allowShort: true), Slot(p.Then, p.Where, families, problems, allowShort: true)))
                    .Where(p => p.Item1 is not null && p.Item2 is not null)
                    .Select(p => (p.Item1!, p.Item2!)).ToList();
                rules.Add(new CrisisRule(draft.Id!, draft.Kind, draft.Level, pattern, Negators(draft.Negation), draft.Where)
                {
                    NegationAfter = Negators(draft.NegationAfter),
                    NegationThrough = Negators(draft.NegationThrough),
                    NegationAfterPairs = pairs,
                });
            }
        }

        var exceptions = source.Exceptions
            .Select(draft => Pattern(draft, families, problems) is { } pattern
                ? new CrisisIdiom(pattern, draft.Near, draft.Where)
                {
                    Unless = draft.Unless.Count == 0 ? null
                        : Slot(string.Join('|', draft.Unless.Select(n => n.Slot)), draft.Unless[0].Where, families, problems, allowShort: true),
                    CancelsOnly = draft.Level == CrisisLevel.Unclear ? CrisisLevel.Unclear : null,
                    Clause = draft.Clause,
                }
                : null)
            .OfType<CrisisIdiom>().ToList();
        if (source.Learned is { } learned && directory is not null && CrisisExamples.Read(directory, learned.Examples, learned.Where, problems) is { } examples)
        {
            return new CrisisLexicon(rules, exceptions, Task.Run(() => CrisisModel.For(examples, modelKeptIn)), learned.Threshold)
            {
                LearnedFrom = Path.GetFullPath(Path.Combine(directory, learned.Examples)),
            };
        }

        return new CrisisLexicon(rules, exceptions);
    }

    private static WordPattern? Pattern(DraftPattern draft, Dictionary<string, List<CrisisStem>> families, ICollection<DialogProblem> problems)
    {
        // A short word such as "не" or "с" is fine next to another word; alone it would fire on half the messages.
        var allowShort = draft.Words.Count > 1;
        var slots = draft.Words.Select(w => Slot(w.Slot, w.Where, families, problems, allowShort)).ToList();
        if (slots.Count == 0 || slots.Any(s => s is null))
        {
            return null;
        }

        if (draft.Order != WordOrder.Together && draft.Window < slots.Count)
        {
            problems.Add(new(draft.Words[0].Where, $"window {draft.Window} is smaller than the {slots.Count} words that must fit in it"));
            return null;
        }

        return new WordPattern(slots!, draft.Window, draft.Order);
    }

    private static CrisisSlot? Slot(string written, SourceLocation where, Dictionary<string, List<CrisisStem>> families, ICollection<DialogProblem> problems, bool allowShort)
    {
        var stems = new List<CrisisStem>();
        var sound = true;
        foreach (var alternative in written.Split('|', StringSplitOptions.TrimEntries))
        {
            if (alternative.StartsWith('<') && alternative.EndsWith('>'))
            {
                var name = alternative[1..^1].Trim();
                if (families.TryGetValue(name, out var family))
                {
                    stems.AddRange(family);
                }
                else
                {
                    problems.Add(new(where, $"unknown family <{name}> (families are defined under 'families:')"));
                    sound = false;
                }

                continue;
            }

            if (Stem(alternative, where, problems) is not { } stem)
            {
                sound = false;
            }
            else if (!allowShort && stem.Text.Length < 3)
            {
                problems.Add(new(where, $"stem '{alternative}' is too short ({stem.Text.Length} letters after folding): alone it would match everyday words; use 3 letters or more, or add another word to the pattern"));
                sound = false;
            }
            else
            {
                stems.Add(stem);
            }
        }

        return sound && stems.Count > 0 ? new CrisisSlot(written, stems) : null;
    }

    private static CrisisStem? Stem(string written, SourceLocation where, ICollection<DialogProblem> problems)
    {
        var whole = written.StartsWith('=');
        var text = whole ? written[1..] : written;
        if (text.Any(char.IsWhiteSpace))
        {
            problems.Add(new(where, $"'{written}': one slot is one word; separate words with spaces in 'words', alternatives with |"));
            return null;
        }

        var parts = CrisisText.Words(text);
        if (parts.Length > 1)
        {
            problems.Add(new(where, $"stem '{written}' is read as {parts.Length} words (a hyphen or a sign splits words): write one word"));
            return null;
        }

        var folded = parts.Length == 1 ? parts[0].Text : string.Empty;
        if (folded.Length == 0)
        {
            problems.Add(new(where, written.Length == 0 ? "an empty stem (look for || or a | at the start or end)" : $"stem '{written}' has no letters after folding"));
            return null;
        }

        return new CrisisStem(folded, whole);
    }

    private sealed class SectionReader(string file, ICollection<DialogProblem> problems)
    {
        private SourceLocation Where(YamlNode node) => new(file, (int)node.Start.Line);

        private void Problem(YamlNode at, string message) => problems.Add(new DialogProblem(Where(at), message));

        public void Families(YamlNode value, CrisisSource into)
        {
            if (value is not YamlMappingNode map)
            {
                Problem(value, "'families' must be a mapping of name: [stems]");
                return;
            }

            foreach (var (key, list) in map.Children)
            {
                var name = ((YamlScalarNode)key).Value ?? string.Empty;
                var stems = new List<(string, SourceLocation)>();
                foreach (var (text, at) in Words(list, $"family '{name}'"))
                {
                    stems.AddRange(text.Split('|', StringSplitOptions.TrimEntries).Select(stem => (stem, at)));
                }

                into.Families.Add((name, stems, Where(key)));
            }
        }

        public void Learned(YamlNode value, CrisisSource into)
        {
            if (value is not YamlMappingNode map)
            {
                Problem(value, "'learned' must be a mapping with examples: FOLDER and threshold: NUMBER");
                return;
            }

            if (into.Learned is { } earlier)
            {
                Problem(value, $"'learned' is given twice (first at {earlier.Where})");
                return;
            }

            var sound = true;
            foreach (var key in map.Children.Keys)
            {
                var name = ((YamlScalarNode)key).Value ?? string.Empty;
                if (!LearnedKeys.Contains(name))
                {
                    Problem(key, $"unknown key '{name}' in learned (expected {string.Join(", ", LearnedKeys)})");
                    sound = false;
                }
            }

            if (!sound)
            {
                // A misspelt key explains whatever else looks missing ("exmples:" is why there are no examples): report it alone.
                return;
            }

            var examples = Scalar(map, "examples");
            if (examples is null)
            {
                Problem(map, "learned needs examples: the folder (under dialogs/) of labelled phrases the model learns from");
                sound = false;
            }

            var threshold = DefaultThreshold;
            if (Child(map, "threshold") is { } node
                && !(node is YamlScalarNode { Value: { } written } && double.TryParse(written, System.Globalization.NumberStyles.Float, CultureInfo.InvariantCulture, out threshold)
                    && threshold is >= 0.5 and < 1))
            {
                Problem(node, "threshold must be a number from 0.5 to below 1 (how likely a danger the model must find a message, e.g. 0.9)");
                sound = false;
            }

            if (sound)
            {
                into.Learned = (examples!, threshold, Where(map));
            }
        }

        public void Patterns(YamlNode value, List<DraftPattern> into, bool exceptions)
        {
            var section = exceptions ? "exceptions" : "patterns";
            if (value is not YamlSequenceNode list)
            {
                Problem(value, $"'{section}' must be a list");
                return;
            }

            foreach (var item in list.Children)
            {
                if (item is YamlScalarNode && exceptions)
                {
                    into.Add(new DraftPattern(null, CrisisKind.None, CrisisLevel.None, Slots(item), WordPattern.DefaultWindow, WordOrder.Any, [], 0, Where(item)));
                    continue;
                }

                if (item is not YamlMappingNode map)
                {
                    Problem(item, exceptions ? "an exception is words (a line) or a mapping with words:" : "a pattern must be a mapping with id, kind, level and words");
                    continue;
                }

                if (Draft(map, exceptions) is { } draft)
                {
                    into.Add(draft);
                }
            }
        }

        private DraftPattern? Draft(YamlMappingNode map, bool exception)
        {
            var allowed = exception ? ExceptionKeys : PatternKeys;
            var sound = true;
            foreach (var key in map.Children.Keys)
            {
                var name = ((YamlScalarNode)key).Value ?? string.Empty;
                if (!allowed.Contains(name))
                {
                    Problem(key, $"unknown key '{name}' in {(exception ? "an exception" : "a pattern")} (expected {string.Join(", ", allowed)})");
                    sound = false;
                }
            }

            if (!sound)
            {
                // A misspelt key explains whatever else looks missing ("wrods:" is why there are no words): report it alone.
                return null;
            }

            var id = Scalar(map, "id");
            var kind = CrisisKind.None;
            var level = CrisisLevel.None;
            if (exception && Child(map, "cancels") is { } cancelsNode)
            {
                // An exception's level is what it may cancel: "unclear" spares clear alarms (a worry in a paperwork question).
                if (cancelsNode is YamlScalarNode { Value: "unclear" })
                {
                    level = CrisisLevel.Unclear;
                }
                else
                {
                    Problem(cancelsNode, "cancels must be unclear (leave it out to cancel any match)");
                    sound = false;
                }
            }

            if (!exception)
            {
                if (id is null)
                {
                    Problem(map, "a pattern has no id");
                    sound = false;
                }

                var kindNode = Child(map, "kind");
                if (kindNode is not YamlScalarNode { Value: { } kindText } || !Kinds.TryGetValue(kindText, out kind))
                {
                    Problem(kindNode ?? map, $"pattern '{id}': kind must be one of {string.Join(", ", Kinds.Keys)}{(kindNode is YamlScalarNode k ? $", not '{k.Value}'" : string.Empty)}");
                    sound = false;
                }

                var levelNode = Child(map, "level");
                if (levelNode is not YamlScalarNode { Value: "clear" or "unclear" } levelScalar)
                {
                    Problem(levelNode ?? map, $"pattern '{id}': level must be clear or unclear{(levelNode is YamlScalarNode l ? $", not '{l.Value}'" : string.Empty)}");
                    sound = false;
                }
                else
                {
                    level = levelScalar.Value == "clear" ? CrisisLevel.Clear : CrisisLevel.Unclear;
                }
            }

            var window = WordPattern.DefaultWindow;
            if (Child(map, "window") is { } windowNode)
            {
                if (windowNode is not YamlScalarNode { Value: { } w } || !int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out window)
                    || window < 1 || window > WordPattern.MaxWindow)
                {
                    Problem(windowNode, $"window must be a whole number of words from 1 to {WordPattern.MaxWindow}");
                    sound = false;
                }
            }

            var near = 0;
            if (Child(map, "near") is { } nearNode
                && (nearNode is not YamlScalarNode { Value: { } n } || !int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out near) || near < 1 || near > WordPattern.MaxWindow))
            {
                Problem(nearNode, $"near must be a whole number of words from 1 to {WordPattern.MaxWindow}");
                sound = false;
            }

            var order = WordOrder.Any;
            if (Child(map, "order") is { } orderNode
                && (orderNode is not YamlScalarNode { Value: { } o } || !Orders.TryGetValue(o, out order)))
            {
                Problem(orderNode, "order must be any, in_order or together");
                sound = false;
            }

            var words = Child(map, "words") is { } wordsNode ? Slots(wordsNode) : [];
            if (words.Count == 0)
            {
                Problem(map, $"{(exception ? "an exception" : $"pattern '{id}'")} has no words");
                sound = false;
            }

            var negation = Child(map, "negation") is { } negationNode ? Slots(negationNode) : [];
            var unless = Child(map, "unless") is { } unlessNode ? Slots(unlessNode) : [];
            // negation_after: each item is one negator («<жоқ_кейін>», «=нет|=нету») or two words, a negator and the word right
            // after it («=не было|бывает»); negation_through: the auxiliaries between, after the words or, with negation, before them.
            var negationAfter = new List<(string Slot, SourceLocation Where)>();
            var negationAfterPairs = new List<(string Negator, string Then, SourceLocation Where)>();
            if (Child(map, "negation_after") is { } afterNode)
            {
                foreach (var (text, at) in Words(afterNode, "negation_after"))
                {
                    var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (parts.Length == 1)
                    {
                        negationAfter.Add((parts[0], at));
                    }
                    else if (parts.Length == 2)
                    {
                        negationAfterPairs.Add((parts[0], parts[1], at));
                    }
                    else
                    {
                        Problem(afterNode, $"pattern '{id}': a negation_after item is one negator or two words (a negator and the word right after it), not '{text}'");
                        sound = false;
                    }
                }
            }

            var negationThrough = Child(map, "negation_through") is { } throughNode ? Slots(throughNode) : [];
            if (negationThrough.Count > 0 && negationAfter.Count == 0 && negationAfterPairs.Count == 0 && negation.Count == 0)
            {
                Problem(Child(map, "negation_through")!, $"pattern '{id}': negation_through lists the words a negator may stand behind: give negation_after or negation too");
                sound = false;
            }

            if (unless.Count > 0 && near == 0)
            {
                Problem(map, "unless is for a context exception: give it near too");
                sound = false;
            }

            var clause = false;
            if (Child(map, "clause") is { } clauseNode)
            {
                if (clauseNode is not YamlScalarNode { Value: "true" or "false" } clauseScalar)
                {
                    Problem(clauseNode, "clause must be true or false");
                    sound = false;
                }
                else if ((clause = clauseScalar.Value == "true") && near == 0)
                {
                    Problem(clauseNode, "clause keeps a context exception in its clause: give it near too");
                    sound = false;
                }
            }

            return sound ? new DraftPattern(id, kind, level, words, window, order, negation, near, Where(map))
            {
                Unless = unless,
                Clause = clause,
                NegationAfter = negationAfter,
                NegationThrough = negationThrough,
                NegationAfterPairs = negationAfterPairs,
            }
            : null;
        }

        /// <summary>Slots from "хочу|хочется умереть" (spaces separate slots) or from a list with one slot per item.</summary>
        private List<(string Slot, SourceLocation Where)> Slots(YamlNode node) =>
            [.. Words(node, "words").SelectMany(w => w.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(slot => (slot, w.Where)))];

        private List<(string Text, SourceLocation Where)> Words(YamlNode node, string what)
        {
            switch (node)
            {
                case YamlScalarNode { Value: { } text }:
                    return [(text, Where(node))];
                case YamlSequenceNode seq:
                    var list = new List<(string, SourceLocation)>();
                    foreach (var item in seq.Children)
                    {
                        if (item is YamlScalarNode { Value: { } one })
                        {
                            list.Add((one, Where(item)));
                        }
                        else
                        {
                            Problem(item, $"{what}: each item must be a word or words");
                        }
                    }

                    return list;
                default:
                    Problem(node, $"{what} must be words or a list of words");
                    return [];
            }
        }

        private static YamlNode? Child(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

        private static string? Scalar(YamlMappingNode map, string key) =>
            Child(map, key) is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value) ? s.Value.Trim() : null;
    }
}
