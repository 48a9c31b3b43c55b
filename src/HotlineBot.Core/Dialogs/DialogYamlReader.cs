using HotlineBot.Crisis;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HotlineBot.Dialogs;

/// <summary>
/// Reads dialogs/*.yaml through YamlDotNet's node model, which keeps line numbers,
/// so every problem can name the file and line a content editor has to open.
/// </summary>
internal static class DialogYamlReader
{
    public static DialogSource ReadDirectory(string directory)
    {
        var source = new DialogSource();
        if (!Directory.Exists(directory))
        {
            source.Problems.Add(new DialogProblem(new SourceLocation(directory, 0), "the dialogs folder does not exist"));
            return source;
        }

        var files = Directory.EnumerateFiles(directory, "*.yaml").Concat(Directory.EnumerateFiles(directory, "*.yml"))
            .Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            source.Problems.Add(new DialogProblem(new SourceLocation(directory, 0), "no .yaml files in the dialogs folder"));
        }

        foreach (var file in files)
        {
            ReadFile(file, Path.GetRelativePath(Directory.GetCurrentDirectory(), file), source);
        }

        return source;
    }

    public static void ReadFile(string path, string displayName, DialogSource source)
    {
        var stream = new YamlStream();
        FlowTrackingParser? parser = null;
        try
        {
            using var reader = new StreamReader(path);
            parser = new FlowTrackingParser(reader);
            stream.Load(parser);
        }
        catch (YamlException e) when (parser?.OpenFlowStart is { } open)
        {
            source.Problems.Add(new DialogProblem(new SourceLocation(displayName, (int)open.Line), $"not valid YAML: this '[' or '{{' is never closed ({FirstLine(e)})"));
            return;
        }
        catch (YamlException e)
        {
            source.Problems.Add(new DialogProblem(new SourceLocation(displayName, (int)e.Start.Line), "not valid YAML: " + FirstLine(e)));
            return;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, not a YamlException, on some flow lists left open ("- id: [broken").
            var line = parser?.OpenFlowStart is { } open ? (int)open.Line : parser?.Current is { } last ? (int)last.Start.Line : 1;
            source.Problems.Add(new DialogProblem(new SourceLocation(displayName, line), "not valid YAML: this '[' or '{' is never closed"));
            return;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            source.Problems.Add(new DialogProblem(new SourceLocation(displayName, 1), "expected a mapping at the top of the file"));
            return;
        }

        var file = new FileReader(displayName, source);
        foreach (var (keyNode, value) in root.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                file.Problem(keyNode, "a section name must be a plain word, not a list or a mapping");
                continue;
            }

            switch (key)
            {
                case "nodes": file.Nodes(value); break;
                case "strings": file.Strings(value); break;
                case "questions": file.Questions(value); break;
                case "results": file.Results(value); break;
                case "fallback": file.Fallback(value); break;
                case "families" or "patterns" or "exceptions" or "learned": CrisisYamlReader.ReadSection(key, value, displayName, source.Crisis, source.Problems); break;
                case "quick_replies": file.QuickReplies(value); break;
                case "wrapup": WrapUpYamlReader.Read(displayName, value, source); break;
                default: file.Problem(keyNode, $"unknown section '{key}' (expected nodes, strings, questions, results, fallback, families, patterns, exceptions, learned, quick_replies or wrapup)"); break;
            }
        }
    }

    private static string FirstLine(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var closing = message.LastIndexOf("): ", StringComparison.Ordinal);
        return closing >= 0 ? message[(closing + 3)..] : message;
    }

    /// <summary>
    /// Reads one file's sections. Each kind of mapping has a fixed set of keys (<see cref="DialogKeys"/>): a key
    /// outside it, a key that is not a plain word, or a value of the wrong shape is a problem at its line,
    /// never silently ignored and never a crash.
    /// </summary>
    private sealed class FileReader(string file, DialogSource source)
    {
        public void Problem(YamlNode at, string message) => source.Problems.Add(new DialogProblem(Where(at), message));

        private SourceLocation Where(YamlNode node) => new(file, (int)node.Start.Line);

        public void Nodes(YamlNode value)
        {
            foreach (var item in Sequence(value, "nodes"))
            {
                if (item is not YamlMappingNode map)
                {
                    Problem(item, "a node must be a mapping with id, text and optional buttons");
                    continue;
                }

                var id = Scalar(map, "id", "a node");
                if (string.IsNullOrWhiteSpace(id))
                {
                    Problem(map, "a node has no id");
                    continue;
                }

                var what = $"node '{id}'";
                Keys(map, what, DialogKeys.Node);
                var buttons = new List<DialogButton>();
                if (Child(map, "buttons") is { } buttonList)
                {
                    foreach (var b in Sequence(buttonList, $"buttons of {what}"))
                    {
                        if (b is YamlMappingNode bm)
                        {
                            var button = $"a button of {what}";
                            Keys(bm, button, DialogKeys.Button);
                            buttons.Add(new DialogButton(Scalar(bm, "to", button), Scalar(bm, "action", button), Localized(bm, button, Placeholders.None), Where(bm)));
                        }
                        else
                        {
                            Problem(b, $"a button of {what} must be a mapping with to: or action: and kk:/ru: labels");
                        }
                    }
                }

                source.Nodes.Add(new DialogNode(id, Text(map, "text", what, Placeholders.Content), buttons, Scalar(map, "deeplink", what), Scalar(map, "topic", what), Where(map)));
            }
        }

        public void Strings(YamlNode value)
        {
            if (value is not YamlMappingNode map)
            {
                Problem(value, "strings must be a mapping of key: { kk: ..., ru: ... }");
                return;
            }

            foreach (var (key, text) in map.Children)
            {
                if (key is not YamlScalarNode { Value: { } name })
                {
                    Problem(key, "a string's name must be a plain word, not a list or a mapping");
                    continue;
                }

                if (source.Strings.TryGetValue(name, out var earlier))
                {
                    Problem(key, $"string '{name}' is defined twice (first at {earlier.Where})");
                    continue;
                }

                var what = $"string '{name}'";
                if (text is not YamlMappingNode m)
                {
                    // Not kept, so this one problem is reported and not also "has no 'kk' text".
                    Problem(text, $"{what} must be a mapping of kk: and ru:");
                    continue;
                }

                Keys(m, what, DialogKeys.Localized);
                source.Strings[name] = (Localized(m, what, UiPlaceholders.For(name)), Where(key));
            }
        }

        public void Questions(YamlNode value)
        {
            foreach (var item in Mappings(value, "questions", "a question must be a mapping with id, text and options"))
            {
                var id = Scalar(item, "id", "a question") ?? string.Empty;
                var what = $"question '{id}'";
                Keys(item, what, DialogKeys.Question);
                var options = new List<QuestionOption>();
                if (Child(item, "options") is { } list)
                {
                    foreach (var option in Mappings(list, $"options of {what}", $"an option of {what} must be a mapping with value and kk:/ru: labels"))
                    {
                        var optionWhat = $"an option of {what}";
                        Keys(option, optionWhat, DialogKeys.Option);
                        options.Add(new QuestionOption(Scalar(option, "value", optionWhat) ?? string.Empty, Localized(option, optionWhat, Placeholders.None), Flag(option, "exclusive", optionWhat)));
                    }
                }

                source.Questions.Add(new Question(id, Text(item, "text", what, Placeholders.None), options, Where(item), Flag(item, "multi", what)));
            }
        }

        public void Results(YamlNode value)
        {
            foreach (var item in Mappings(value, "results", "a result must be a mapping with id, when and text"))
            {
                var id = Scalar(item, "id", "a result");
                var what = $"result '{id}'";
                Keys(item, what, DialogKeys.Result);
                var when = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                switch (Child(item, "when"))
                {
                    case YamlMappingNode conditions:
                        foreach (var (question, accepted) in conditions.Children)
                        {
                            if (question is not YamlScalarNode { Value: { } questionId })
                            {
                                Problem(question, $"a condition of {what} must name a question id, not a list or a mapping");
                                continue;
                            }

                            when[questionId] = Accepted(accepted, what, questionId);
                        }

                        break;
                    case { } wrong:
                        Problem(wrong, $"'when' of {what} must be a mapping of question id: accepted value(s)");
                        break;
                    default:
                        Problem(item, $"{what} has no 'when' conditions");
                        break;
                }

                source.Results.Add(new EligibilityResult(id ?? string.Empty, when, Text(item, "text", what, Placeholders.Content), Where(item)));
            }
        }

        public void Fallback(YamlNode value)
        {
            if (value is YamlMappingNode map)
            {
                Keys(map, "the questionnaire fallback", DialogKeys.Fallback);
                source.Fallback = Text(map, "text", "the questionnaire fallback", Placeholders.Content);
                source.FallbackWhere = Where(map);
            }
            else
            {
                Problem(value, "fallback must be a mapping with text: { kk: ..., ru: ... }");
            }
        }

        public void QuickReplies(YamlNode value)
        {
            foreach (var item in Mappings(value, "quick_replies", "a quick reply must be a mapping with id, label and text"))
            {
                var id = Scalar(item, "id", "a quick reply") ?? string.Empty;
                var what = $"quick reply '{id}'";
                Keys(item, what, DialogKeys.QuickReply);
                var label = Text(item, "label", what, Placeholders.None);
                source.QuickReplies.Add((new QuickReply(id, label, Text(item, "text", what, Placeholders.Content)), Where(item)));
            }
        }

        /// <summary>Reports every key of <paramref name="map"/> that is not a plain word or not one of <paramref name="allowed"/>.</summary>
        private void Keys(YamlMappingNode map, string what, IReadOnlyList<string> allowed)
        {
            foreach (var key in map.Children.Keys)
            {
                if (key is not YamlScalarNode { Value: { } name })
                {
                    Problem(key, $"a key in {what} must be a plain word, not a list or a mapping (expected {string.Join(", ", allowed)})");
                }
                else if (!allowed.Contains(name, StringComparer.Ordinal))
                {
                    Problem(key, $"unknown key '{name}' in {what} (expected {string.Join(", ", allowed)})");
                }
            }
        }

        private IEnumerable<YamlNode> Sequence(YamlNode value, string what)
        {
            if (value is YamlSequenceNode seq)
            {
                return seq.Children;
            }

            Problem(value, $"'{what}' must be a list");
            return [];
        }

        /// <summary>The items of a list that are mappings; any other item is reported with <paramref name="notAMapping"/>.</summary>
        private IEnumerable<YamlMappingNode> Mappings(YamlNode value, string what, string notAMapping)
        {
            foreach (var item in Sequence(value, what))
            {
                if (item is YamlMappingNode map)
                {
                    yield return map;
                }
                else
                {
                    Problem(item, notAMapping);
                }
            }
        }

        private List<string> Accepted(YamlNode accepted, string what, string questionId)
        {
            switch (accepted)
            {
                case YamlScalarNode one:
                    return [one.Value ?? string.Empty];
                case YamlSequenceNode seq:
                    var values = new List<string>();
                    foreach (var v in seq.Children)
                    {
                        if (v is YamlScalarNode s)
                        {
                            values.Add(s.Value ?? string.Empty);
                        }
                        else
                        {
                            Problem(v, $"an accepted value for '{questionId}' in {what} must be a single value");
                        }
                    }

                    return values;
                default:
                    Problem(accepted, $"the accepted values for '{questionId}' in {what} must be a value or a list of values, not a mapping");
                    return [];
            }
        }

        private static YamlNode? Child(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

        /// <summary>A single value; a list or a mapping where one is expected is reported, and read as absent.</summary>
        private string? Scalar(YamlMappingNode map, string key, string what)
        {
            switch (Child(map, key))
            {
                case YamlScalarNode s:
                    return string.IsNullOrEmpty(s.Value) ? null : s.Value;
                case { } wrong:
                    Problem(wrong, $"'{key}' of {what} must be a single value, not a list or a mapping");
                    return null;
                default:
                    return null;
            }
        }

        /// <summary>A yes/no switch such as <c>multi: true</c>; anything but "true" (or absent) is off.</summary>
        private bool Flag(YamlMappingNode map, string key, string what) =>
            string.Equals(Scalar(map, key, what), "true", StringComparison.OrdinalIgnoreCase);

        /// <summary>The kk:/ru: pair of a mapping, each a single value using only the placeholders its kind allows.</summary>
        private LocalizedText Localized(YamlMappingNode map, string what, IReadOnlySet<string> placeholders) =>
            new(Language(map, "kk", what, placeholders), Language(map, "ru", what, placeholders));

        private string? Language(YamlMappingNode map, string code, string what, IReadOnlySet<string> placeholders)
        {
            if (Child(map, code) is not { } node)
            {
                return null;
            }

            if (node is not YamlScalarNode scalar)
            {
                Problem(node, $"{what} in '{code}' must be a single text, not a list or a mapping");
                return null;
            }

            var text = Trimmed(scalar.Value);
            if (text is not null)
            {
                foreach (var (name, offset) in Placeholders.Unknown(text, placeholders))
                {
                    var allowed = placeholders.Count == 0 ? "none here" : string.Join(", ", placeholders.Order(StringComparer.Ordinal).Select(p => "{" + p + "}"));
                    source.Problems.Add(new DialogProblem(new SourceLocation(file, LineOf(scalar, text, offset)),
                        $"unknown placeholder {{{name}}} in {what} in '{code}' (allowed: {allowed})"));
                }
            }

            return text;
        }

        /// <summary>The line of a character in a scalar: exact for a literal block (|), the scalar's first line otherwise.</summary>
        private static int LineOf(YamlScalarNode scalar, string text, int offset) =>
            scalar.Style == ScalarStyle.Literal
                ? (int)scalar.Start.Line + 1 + text.AsSpan(0, offset).Count('\n')
                : (int)scalar.Start.Line;

        private LocalizedText Text(YamlMappingNode map, string key, string what, IReadOnlySet<string> placeholders)
        {
            switch (Child(map, key))
            {
                case YamlMappingNode m:
                    Keys(m, $"the {key} of {what}", DialogKeys.Localized);
                    return Localized(m, $"the {key} of {what}", placeholders);
                case { } wrong:
                    Problem(wrong, $"'{key}' of {what} must be a mapping of kk: and ru:");
                    return new LocalizedText(null, null);
                default:
                    return new LocalizedText(null, null);
            }
        }

        private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.TrimEnd();
    }
}
