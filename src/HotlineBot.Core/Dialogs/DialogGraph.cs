using System.Globalization;
using System.Text;

namespace HotlineBot.Dialogs;

/// <summary>The whole map of screens for content editors: DOT for Graphviz, or Mermaid for GitHub and wikis.</summary>
public static class DialogGraph
{
    public static string Dot(DialogSet dialogs)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var text = new StringBuilder("digraph dialogs {\n  rankdir=LR;\n  node [shape=box, fontname=\"sans-serif\"];\n");
        foreach (var node in dialogs.Nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            var label = node.DeepLink is null ? node.Id : $"{node.Id}\\n/start {node.DeepLink}";
            text.Append(CultureInfo.InvariantCulture, $"  \"{node.Id}\" [label=\"{label}\"];\n");
            foreach (var button in node.Buttons)
            {
                var target = button.To ?? "action:" + button.Action;
                text.Append(CultureInfo.InvariantCulture, $"  \"{node.Id}\" -> \"{target}\" [label=\"{Escape(button.Label.Ru)}\"];\n");
            }
        }

        return text.Append("}\n").ToString();
    }

    public static string Mermaid(DialogSet dialogs)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var ids = dialogs.Nodes.Keys.Order(StringComparer.Ordinal).Select((id, i) => (id, i)).ToDictionary(p => p.id, p => $"n{p.i}");
        var text = new StringBuilder("flowchart LR\n");
        foreach (var (id, key) in ids)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {key}[\"{id}\"]\n");
        }

        foreach (var node in dialogs.Nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            foreach (var button in node.Buttons)
            {
                var target = button.To is { } to ? ids[to] : $"a_{button.Action}([\"{button.Action}\"])";
                text.Append(CultureInfo.InvariantCulture, $"  {ids[node.Id]} -->|\"{Escape(button.Label.Ru)}\"| {target}\n");
            }
        }

        return text.ToString();
    }

    private static string Escape(string? label) => (label ?? string.Empty).Replace("\"", "'", StringComparison.Ordinal);
}
