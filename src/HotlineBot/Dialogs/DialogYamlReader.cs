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
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            source.Problems.Add(new DialogProblem(new SourceLocation(displayName, (int)e.Start.Line), "not valid YAML: " + FirstLine(e)));
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
            var key = ((YamlScalarNode)keyNode).Value;
            switch (key)
            {
                case "nodes": file.Nodes(value); break;
                case "strings": file.Strings(value); break;
                case "questions": file.Questions(value); break;
                case "results": file.Results(value); break;
                case "fallback": file.Fallback(value); break;
                case "suicide": file.Crisis(CrisisKind.Suicide, value); break;
                case "violence": file.Crisis(CrisisKind.Violence, value); break;
                case "quick_replies": file.QuickReplies(value); break;
                case "wrapup": WrapUpYamlReader.Read(displayName, value, source); break;
                default: file.Problem(keyNode, $"unknown section '{key}' (expected nodes, strings, questions, results, fallback, suicide, violence, quick_replies or wrapup)"); break;
            }
        }
    }

    private static string FirstLine(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var closing = message.LastIndexOf("): ", StringComparison.Ordinal);
        return closing >= 0 ? message[(closing + 3)..] : message;
    }

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

                var id = Scalar(map, "id");
                if (string.IsNullOrWhiteSpace(id))
                {
                    Problem(map, "a node has no id");
                    continue;
                }

                var buttons = new List<DialogButton>();
                if (Child(map, "buttons") is { } buttonList)
                {
                    foreach (var b in Sequence(buttonList, "buttons"))
                    {
                        if (b is YamlMappingNode bm)
                        {
                            buttons.Add(new DialogButton(Scalar(bm, "to"), Scalar(bm, "action"), Localized(bm), Where(bm)));
                        }
                        else
                        {
                            Problem(b, $"a button of node '{id}' must be a mapping with to: or action: and kk:/ru: labels");
                        }
                    }
                }

                source.Nodes.Add(new DialogNode(id, Text(map, "text"), buttons, Scalar(map, "deeplink"), Scalar(map, "topic"), Where(map)));
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
                var name = ((YamlScalarNode)key).Value ?? string.Empty;
                if (source.Strings.TryGetValue(name, out var earlier))
                {
                    Problem(key, $"string '{name}' is defined twice (first at {earlier.Where})");
                    continue;
                }

                source.Strings[name] = (text is YamlMappingNode m ? Localized(m) : new LocalizedText(null, null), Where(key));
            }
        }

        public void Questions(YamlNode value)
        {
            foreach (var item in Sequence(value, "questions").OfType<YamlMappingNode>())
            {
                var options = new List<QuestionOption>();
                if (Child(item, "options") is { } list)
                {
                    foreach (var option in Sequence(list, "options").OfType<YamlMappingNode>())
                    {
                        options.Add(new QuestionOption(Scalar(option, "value") ?? string.Empty, Localized(option)));
                    }
                }

                source.Questions.Add(new Question(Scalar(item, "id") ?? string.Empty, Text(item, "text"), options, Where(item)));
            }
        }

        public void Results(YamlNode value)
        {
            foreach (var item in Sequence(value, "results").OfType<YamlMappingNode>())
            {
                var when = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                if (Child(item, "when") is YamlMappingNode conditions)
                {
                    foreach (var (question, accepted) in conditions.Children)
                    {
                        when[((YamlScalarNode)question).Value ?? string.Empty] = accepted switch
                        {
                            YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).ToList(),
                            YamlScalarNode one => [one.Value ?? string.Empty],
                            _ => [],
                        };
                    }
                }
                else
                {
                    Problem(item, $"result '{Scalar(item, "id")}' has no 'when' conditions");
                }

                source.Results.Add(new EligibilityResult(Scalar(item, "id") ?? string.Empty, when, Text(item, "text"), Where(item)));
            }
        }

        public void Fallback(YamlNode value)
        {
            if (value is YamlMappingNode map)
            {
                source.Fallback = Text(map, "text");
                source.FallbackWhere = Where(map);
            }
        }

        public void Crisis(CrisisKind kind, YamlNode value)
        {
            var stems = source.CrisisStems.TryGetValue(kind, out var list) ? list : source.CrisisStems[kind] = [];
            foreach (var item in Sequence(value, kind.ToString().ToLowerInvariant()))
            {
                if (item is YamlScalarNode { Value: { Length: > 0 } stem })
                {
                    stems.Add(stem);
                }
                else
                {
                    Problem(item, "a crisis word must be a non-empty string");
                }
            }
        }

        public void QuickReplies(YamlNode value)
        {
            foreach (var item in Sequence(value, "quick_replies").OfType<YamlMappingNode>())
            {
                var label = Child(item, "label") is YamlMappingNode l ? Localized(l) : new LocalizedText(null, null);
                source.QuickReplies.Add((new QuickReply(Scalar(item, "id") ?? string.Empty, label, Text(item, "text")), Where(item)));
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

        private static YamlNode? Child(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

        private static string? Scalar(YamlMappingNode map, string key) =>
            Child(map, key) is YamlScalarNode s && !string.IsNullOrEmpty(s.Value) ? s.Value : null;

        private static LocalizedText Localized(YamlMappingNode map) => new(Trimmed(Scalar(map, "kk")), Trimmed(Scalar(map, "ru")));

        private static LocalizedText Text(YamlMappingNode map, string key) =>
            Child(map, key) is YamlMappingNode m ? Localized(m) : new LocalizedText(null, null);

        private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.TrimEnd();
    }
}
