namespace HotlineBot.Dialogs;

/// <summary>
/// The keys each kind of mapping in dialogs/*.yaml may have. The reader reports any other key at its line, so a
/// misspelt one ("buttns:") is a problem to fix, not a screen that quietly lost its buttons.
/// </summary>
internal static class DialogKeys
{
    public static readonly IReadOnlyList<string> Node = ["id", "text", "buttons", "deeplink", "topic"];
    public static readonly IReadOnlyList<string> Button = ["to", "action", "kk", "ru"];
    /// <summary>"multi" marks a question where several options may be chosen.</summary>
    public static readonly IReadOnlyList<string> Question = ["id", "text", "options", "multi"];
    public static readonly IReadOnlyList<string> Option = ["value", "kk", "ru", "exclusive"];
    public static readonly IReadOnlyList<string> Result = ["id", "when", "text"];
    public static readonly IReadOnlyList<string> QuickReply = ["id", "label", "text"];
    public static readonly IReadOnlyList<string> Fallback = ["text"];
    /// <summary>A text in both languages: a strings entry, a node's text, a quick reply's label…</summary>
    public static readonly IReadOnlyList<string> Localized = ["kk", "ru"];
}
