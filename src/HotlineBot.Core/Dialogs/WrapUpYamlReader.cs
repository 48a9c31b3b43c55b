using YamlDotNet.RepresentationModel;

namespace HotlineBot.Dialogs;

/// <summary>Reads the <c>wrapup:</c> section (categories with subcategories, actions), keeping lines for the checker.</summary>
internal static class WrapUpYamlReader
{
    public static void Read(string file, YamlNode value, DialogSource source)
    {
        SourceLocation Where(YamlNode node) => new(file, (int)node.Start.Line);
        void Problem(YamlNode node, string message) => source.Problems.Add(new DialogProblem(Where(node), message));

        if (source.WrapUpWhere is { } earlier)
        {
            Problem(value, $"the wrap-up form is defined twice (first at {earlier})");
            return;
        }

        source.WrapUpWhere = Where(value);
        if (value is not YamlMappingNode map)
        {
            Problem(value, "wrapup must be a mapping with categories: and actions:");
            return;
        }

        var categories = new List<WrapUpCategory>();
        foreach (var item in Items(map, "categories", Problem))
        {
            var subs = new List<WrapUpSubcategory>();
            if (Child(item, "subcategories") is { } subList)
            {
                if (subList is YamlSequenceNode subSeq)
                {
                    foreach (var sub in subSeq.Children)
                    {
                        if (sub is YamlMappingNode sm)
                        {
                            subs.Add(new WrapUpSubcategory(Scalar(sm, "id") ?? string.Empty, Localized(sm), Where(sm)));
                        }
                        else
                        {
                            Problem(sub, "a subcategory must be a mapping with id, kk and ru");
                        }
                    }
                }
                else
                {
                    Problem(subList, "'subcategories' must be a list");
                }
            }

            categories.Add(new WrapUpCategory(Scalar(item, "id") ?? string.Empty, Localized(item), subs, Where(item)));
        }

        var actions = Items(map, "actions", Problem)
            .Select(a => new WrapUpAction(Scalar(a, "id") ?? string.Empty, Localized(a), Scalar(a, "referral") is "true" or "yes", Where(a)))
            .ToList();
        foreach (var (key, node) in map.Children)
        {
            if (((YamlScalarNode)key).Value is not ("categories" or "actions"))
            {
                Problem(key, $"unknown key '{((YamlScalarNode)key).Value}' in wrapup (expected categories and actions)");
            }
        }

        source.WrapUp = new WrapUpForm(categories, actions);
    }

    private static List<YamlMappingNode> Items(YamlMappingNode map, string key, Action<YamlNode, string> problem)
    {
        if (Child(map, key) is not { } node)
        {
            problem(map, $"wrapup has no '{key}'");
            return [];
        }

        if (node is not YamlSequenceNode seq)
        {
            problem(node, $"'{key}' must be a list");
            return [];
        }

        var items = new List<YamlMappingNode>();
        foreach (var item in seq.Children)
        {
            if (item is YamlMappingNode m)
            {
                items.Add(m);
            }
            else
            {
                problem(item, $"an entry of '{key}' must be a mapping with id, kk and ru");
            }
        }

        return items;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlMappingNode map, string key) =>
        Child(map, key) is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value) ? s.Value.Trim() : null;

    private static LocalizedText Localized(YamlMappingNode map) => new(Scalar(map, "kk"), Scalar(map, "ru"));
}
