using System.Text.RegularExpressions;
using HotlineBot.Conversations;

namespace HotlineBot.Dialogs;

/// <summary>
/// Everything that would make the bot show a person a broken screen is found here, before the bot starts:
/// missing languages, buttons leading nowhere, unreachable screens, duplicate ids, texts or button data over Telegram's limits.
/// </summary>
internal static partial class DialogChecker
{
    public const int MaxTextLength = 4096;
    public const int MaxLabelLength = 64;

    /// <param name="numbers">The numbers configured in Hotline:Numbers; when given, every {number:KEY} must name one of them.</param>
    public static List<DialogProblem> Check(DialogSource source, IReadOnlyCollection<string>? numbers = null)
    {
        var problems = new List<DialogProblem>(source.Problems);
        var nodes = new Dictionary<string, DialogNode>(StringComparer.Ordinal);
        foreach (var node in source.Nodes)
        {
            if (!nodes.TryAdd(node.Id, node))
            {
                problems.Add(new(node.Where, $"duplicate node id '{node.Id}' (first defined at {nodes[node.Id].Where})"));
            }
        }

        foreach (var node in source.Nodes)
        {
            CheckNode(node, nodes, problems);
        }

        CheckDeepLinks(source.Nodes, problems);
        CheckReachable(nodes, problems);
        CheckStrings(source, problems);
        CheckQuestionnaire(source, problems);
        CheckQuickReplies(source, problems);
        if (numbers is not null)
        {
            CheckNumberKeys(source, numbers, problems);
        }

        WrapUpChecker.Check(source, problems);
        return problems;
    }

    /// <summary>
    /// {number:KEY} is filled from Hotline:Numbers when a screen is shown; a key nobody configured would show a person
    /// a blank where a phone number should be, so it is caught here with the file and line of the text.
    /// </summary>
    private static void CheckNumberKeys(DialogSource source, IReadOnlyCollection<string> numbers, List<DialogProblem> problems)
    {
        IEnumerable<(LocalizedText Text, SourceLocation Where)> texts =
        [
            .. source.Nodes.Select(n => (n.Text, n.Where)),
            .. source.Strings.Values.Select(s => (s.Text, s.Where)),
            .. source.Questions.Select(q => (q.Text, q.Where)),
            .. source.Results.Select(r => (r.Text, r.Where)),
            .. source.QuickReplies.Select(q => (q.Reply.Text, q.Where)),
        ];
        if (source.Fallback is { } fallback && source.FallbackWhere is { } at)
        {
            texts = texts.Append((fallback, at));
        }

        foreach (var (text, where) in texts)
        {
            foreach (var key in new[] { text.Kk, text.Ru }.OfType<string>().SelectMany(t => NumberPlaceholder().Matches(t)).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal))
            {
                if (!numbers.Contains(key, StringComparer.Ordinal))
                {
                    problems.Add(new(where, $"{{number:{key}}} names a number that Hotline:Numbers does not have (configured: {string.Join(", ", numbers)})"));
                }
            }
        }
    }

    [GeneratedRegex(@"\{number:([^}]*)\}")]
    internal static partial Regex NumberPlaceholder();

    private static void CheckNode(DialogNode node, Dictionary<string, DialogNode> nodes, List<DialogProblem> problems)
    {
        RequireBoth(node.Text, node.Where, $"node '{node.Id}' text", problems, MaxTextLength);
        CheckData(CallbackData.Node(node.Id), node.Where, $"node id '{node.Id}'", problems);
        foreach (var button in node.Buttons)
        {
            RequireBoth(button.Label, button.Where, $"a button label in node '{node.Id}'", problems, MaxLabelLength);
            switch (button)
            {
                case { To: not null, Action: not null }:
                    problems.Add(new(button.Where, $"a button in node '{node.Id}' has both to: and action:; give one"));
                    break;
                case { To: { } to } when !nodes.ContainsKey(to):
                    problems.Add(new(button.Where, $"a button in node '{node.Id}' leads to '{to}', which no file defines"));
                    break;
                case { Action: { } action } when !DialogActions.InContent.Contains(action):
                    problems.Add(new(button.Where, $"a button in node '{node.Id}' names unknown action '{action}' (known: {string.Join(", ", DialogActions.InContent)})"));
                    break;
                case { To: null, Action: null }:
                    problems.Add(new(button.Where, $"a button in node '{node.Id}' leads nowhere: give to: <node id> or action: <name>"));
                    break;
            }
        }
    }

    private static void CheckDeepLinks(List<DialogNode> nodes, List<DialogProblem> problems)
    {
        foreach (var group in nodes.Where(n => n.DeepLink is not null).GroupBy(n => n.DeepLink!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add(new(group.Skip(1).First().Where, $"deep link '{group.Key}' is used by more than one node"));
        }

        foreach (var node in nodes.Where(n => n.DeepLink is { } d && (d.Length > 64 || !d.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))))
        {
            problems.Add(new(node.Where, $"deep link '{node.DeepLink}' must be at most 64 characters of A-Z, a-z, 0-9, _ and -"));
        }
    }

    private static void CheckReachable(Dictionary<string, DialogNode> nodes, List<DialogProblem> problems)
    {
        if (!nodes.TryGetValue(DialogSet.RootId, out var root))
        {
            problems.Add(new(new SourceLocation("dialogs", 0), $"no node with id '{DialogSet.RootId}': the main menu is missing"));
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { root.Id };
        var queue = new Queue<DialogNode>([root]);
        while (queue.TryDequeue(out var node))
        {
            foreach (var to in node.Buttons.Select(b => b.To).OfType<string>())
            {
                if (nodes.TryGetValue(to, out var next) && seen.Add(to))
                {
                    queue.Enqueue(next);
                }
            }
        }

        // A node with a deep link is reached from outside (a poster, a QR code), so it needs no button leading to it.
        foreach (var node in nodes.Values.Where(n => !seen.Contains(n.Id) && n.DeepLink is null))
        {
            problems.Add(new(node.Where, $"node '{node.Id}' cannot be reached from '{DialogSet.RootId}' by any button"));
        }
    }

    private static void CheckStrings(DialogSource source, List<DialogProblem> problems)
    {
        var where = source.Strings.Values.Select(s => s.Where).FirstOrDefault() ?? new SourceLocation("dialogs/ui.yaml", 0);
        foreach (var key in UiKeys.All.Where(k => !source.Strings.ContainsKey(k)))
        {
            problems.Add(new(where, $"the bot's sentence '{key}' is missing from strings"));
        }

        foreach (var (key, (text, at)) in source.Strings)
        {
            RequireBoth(text, at, $"string '{key}'", problems, MaxTextLength);
        }
    }

    private static void CheckQuestionnaire(DialogSource source, List<DialogProblem> problems)
    {
        var questions = new Dictionary<string, Question>(StringComparer.Ordinal);
        foreach (var question in source.Questions)
        {
            if (!questions.TryAdd(question.Id, question))
            {
                problems.Add(new(question.Where, $"duplicate question id '{question.Id}'"));
            }

            RequireBoth(question.Text, question.Where, $"question '{question.Id}'", problems, MaxTextLength);
            if (question.Options.Count == 0)
            {
                problems.Add(new(question.Where, $"question '{question.Id}' has no options"));
            }

            foreach (var option in question.Options.Where(o => QuestionAnswers.Values(o.Value).Count != 1 || o.Value.Length == 0 || o.Value is EligibilityControls.Skip or EligibilityControls.Done or EligibilityControls.Back || o.Value.Contains(':', StringComparison.Ordinal)))
            {
                problems.Add(new(question.Where, $"question '{question.Id}' has option value '{option.Value}': a value must be non-empty, without ',' or ':', and not '-', '+' or '<' (the skip, done and back buttons)"));
            }

            foreach (var option in question.Options)
            {
                RequireBoth(option.Label, question.Where, $"an option of question '{question.Id}'", problems, MaxLabelLength);
                CheckData(CallbackData.Answer(question.Id, option.Value), question.Where, $"question '{question.Id}' option '{option.Value}'", problems);
            }
        }

        foreach (var result in source.Results)
        {
            RequireBoth(result.Text, result.Where, $"result '{result.Id}'", problems, MaxTextLength);
            foreach (var (questionId, values) in result.When)
            {
                if (!questions.TryGetValue(questionId, out var question))
                {
                    problems.Add(new(result.Where, $"result '{result.Id}' depends on question '{questionId}', which does not exist"));
                    continue;
                }

                foreach (var value in values.Where(v => question.Options.All(o => o.Value != v)))
                {
                    problems.Add(new(result.Where, $"result '{result.Id}' expects '{value}' for question '{questionId}', which is not one of its options"));
                }
            }
        }

        if (source.Questions.Count > 0 && source.Fallback is { } fallback)
        {
            RequireBoth(fallback, source.FallbackWhere!, "the questionnaire fallback", problems, MaxTextLength);
        }
        else if (source.Questions.Count > 0)
        {
            problems.Add(new(source.Questions[0].Where, "the questionnaire has no fallback text for when nothing matches"));
        }
    }

    private static void CheckQuickReplies(DialogSource source, List<DialogProblem> problems)
    {
        foreach (var (reply, where) in source.QuickReplies)
        {
            RequireBoth(reply.Label, where, $"quick reply '{reply.Id}' label", problems, MaxLabelLength);
            RequireBoth(reply.Text, where, $"quick reply '{reply.Id}' text", problems, MaxTextLength);
        }
    }

    private static void CheckData(string data, SourceLocation where, string what, List<DialogProblem> problems)
    {
        if (CallbackData.Bytes(data) > CallbackData.MaxBytes)
        {
            problems.Add(new(where, $"{what} makes button data '{data}' of {CallbackData.Bytes(data)} bytes; Telegram allows {CallbackData.MaxBytes}"));
        }
    }

    private static void RequireBoth(LocalizedText text, SourceLocation where, string what, List<DialogProblem> problems, int maxLength)
    {
        foreach (var language in new[] { Language.Kk, Language.Ru })
        {
            var value = text.Get(language);
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add(new(where, $"{what} has no '{language.Code()}' text"));
            }
            else if (value.Length > maxLength)
            {
                problems.Add(new(where, $"{what} in '{language.Code()}' is {value.Length} characters; the limit is {maxLength}"));
            }
        }
    }
}
