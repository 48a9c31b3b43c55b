using System.Globalization;
using System.Text;
using HotlineBot.Conversations;

namespace HotlineBot.Dialogs;

/// <summary>
/// The bot's own sentences (greeting, queue position, crisis reply…) from dialogs/ui.yaml, keyed by name.
/// Code refers to keys only; the words belong to the content editors.
/// </summary>
public sealed class UiText(IReadOnlyDictionary<string, LocalizedText> strings)
{
    public IReadOnlyDictionary<string, LocalizedText> Strings { get; } = strings;

    public bool Has(string key) => Strings.ContainsKey(key);

    /// <summary>Fills {name} placeholders; an unknown key shows itself, so a content gap is visible, never a crash.</summary>
    public string Get(string key, Language language, params (string Name, object? Value)[] values)
    {
        var template = Strings.TryGetValue(key, out var text) ? text.For(language) : key;
        return Fill(template, values);
    }

    public static string Fill(string template, params (string Name, object? Value)[] values)
    {
        if (values.Length == 0 || !template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var builder = new StringBuilder(template);
        foreach (var (name, value) in values)
        {
            builder.Replace("{" + name + "}", Convert.ToString(value, CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
