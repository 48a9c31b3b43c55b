using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace HotlineBot.FakeTelegram;

/// <summary>Turns text with parse_mode markup into what a person sees, validating it roughly like Telegram.</summary>
internal static partial class TextFormatting
{
    private static readonly HashSet<string> HtmlTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre",
        "blockquote", "tg-emoji", "tg-time",
    };

    [GeneratedRegex(@"\G<(/?)([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*)?>", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\[([^\]]*)\]\(([^)]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownLink();

    /// <summary>Returns the plain text, or an error description (without the "Bad Request: " prefix).</summary>
    public static (string Plain, string? Error) Render(string text, string? parseMode, bool validateHtml)
    {
        if (string.IsNullOrEmpty(parseMode)) return (text, null);
        if (parseMode.Equals("HTML", StringComparison.OrdinalIgnoreCase)) return Html(text, validateHtml);
        if (parseMode.Equals("MarkdownV2", StringComparison.OrdinalIgnoreCase)) return MarkdownV2(text);
        if (parseMode.Equals("Markdown", StringComparison.OrdinalIgnoreCase))
            return (MarkdownLink().Replace(text, "$1").Replace("*", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal), null);
        return (text, $"unsupported parse_mode");
    }

    private static (string, string?) Html(string text, bool validate)
    {
        var sb = new StringBuilder(text.Length);
        var stack = new Stack<string>();
        int i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '<')
            {
                var m = HtmlTag().Match(text, i);
                var offset = Encoding.UTF8.GetByteCount(text.AsSpan(0, i));
                if (!m.Success)
                {
                    if (validate) return ("", $"can't parse entities: Unsupported start tag \"{TagNameAt(text, i)}\" at byte offset {offset}");
                    sb.Append(c); i++; continue;
                }
                var closing = m.Groups[1].Value == "/";
                var name = m.Groups[2].Value.ToLowerInvariant();
                if (validate && !HtmlTags.Contains(name))
                    return ("", $"can't parse entities: Unsupported start tag \"{name}\" at byte offset {offset}");
                if (validate)
                {
                    if (!closing) stack.Push(name);
                    else if (stack.Count == 0 || stack.Pop() != name)
                        return ("", $"can't parse entities: Unexpected end tag at byte offset {offset}");
                }
                i += m.Length;
                continue;
            }
            sb.Append(c);
            i++;
        }
        if (validate && stack.Count > 0)
            return ("", $"can't parse entities: Can't find end tag corresponding to start tag \"{stack.Peek()}\"");
        return (WebUtility.HtmlDecode(sb.ToString()), null);
    }

    private static string TagNameAt(string text, int i)
    {
        int j = i + 1;
        while (j < text.Length && (char.IsLetterOrDigit(text[j]) || text[j] == '-')) j++;
        return text[(i + 1)..j];
    }

    private static (string, string?) MarkdownV2(string text)
    {
        const string markup = "*_~`|";
        const string mustEscape = "[]()>#+-={}.!";
        var sb = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length) { sb.Append(text[i + 1]); i += 2; continue; }
            if (c == '[')
            {
                var m = MarkdownLink().Match(text, i);
                if (m.Success && m.Index == i) { sb.Append(MarkdownV2(m.Groups[1].Value).Item1); i += m.Length; continue; }
            }
            if (c == '>' && (i == 0 || text[i - 1] == '\n')) { i++; continue; } // block quote
            if (markup.Contains(c, StringComparison.Ordinal)) { i++; continue; }
            if (mustEscape.Contains(c, StringComparison.Ordinal))
                return ("", $"can't parse entities: Character '{c}' is reserved and must be escaped with the preceding '\\'");
            sb.Append(c);
            i++;
        }
        return (sb.ToString(), null);
    }
}
