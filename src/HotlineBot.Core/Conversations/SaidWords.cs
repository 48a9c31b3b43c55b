using HotlineBot.Crisis;
using HotlineBot.Dialogs;

namespace HotlineBot.Conversations;

/// <summary>
/// Whole short messages that mean one thing («привет», «да», «иә»), listed as content: a comma-separated list under one
/// key of ui.yaml (both languages count), compared folded the way crisis words are, so case, script and Kazakh letters
/// typed without a Kazakh keyboard do not matter.
/// </summary>
internal static class SaidWords
{
    public static bool IsOneOf(UiText ui, string key, string? text)
    {
        var said = CrisisText.Fold(text);
        return said.Length > 0 && ui.Strings.TryGetValue(key, out var words) && new[] { words.Kk, words.Ru }.OfType<string>()
            .SelectMany(w => w.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Any(w => CrisisText.Fold(w) == said);
    }
}
