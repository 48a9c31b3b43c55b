using HotlineBot.Conversations;
using HotlineBot.Hosting;
using Microsoft.Extensions.Options;

namespace HotlineBot.Dialogs;

/// <summary>A rendered screen: what one message shows.</summary>
public sealed record Screen(string Text, IReadOnlyList<IReadOnlyList<OutButton>> Buttons);

/// <summary>
/// Turns a dialog node into a screen in the person's language, adding the buttons every screen has:
/// Back, Main menu and Talk to a specialist, so nobody is ever stuck.
/// </summary>
public sealed class ScreenRenderer(DialogSet dialogs, IOptions<HotlineOptions> options)
{
    private readonly HotlineOptions _hotline = options.Value;

    public DialogSet Dialogs => dialogs;

    public string Text(string key, Language language, params (string Name, object? Value)[] values) =>
        Fill(dialogs.Ui.Get(key, language, values), language);

    /// <summary>
    /// A sentence for a person whose language is not known yet: in the language their message is written in when
    /// that is clear, else in both, Kazakh first.
    /// </summary>
    public string Text(string key, Language? language, params (string Name, object? Value)[] values) =>
        language is { } known ? Text(key, known, values) : Text(key, Language.Kk, values) + "\n\n" + Text(key, Language.Ru, values);

    /// <summary>
    /// Content may say {numbers} (every configured number) or {numbers24} (only the lines that answer at any hour);
    /// the numbers themselves live in configuration so they change without a release.
    /// </summary>
    public string Fill(string text, Language language)
    {
        if (!text.Contains('{', StringComparison.Ordinal))
        {
            return text;
        }

        if (text.Contains("{numbers}", StringComparison.Ordinal))
        {
            text = text.Replace("{numbers}", _hotline.NumbersText(language), StringComparison.Ordinal);
        }

        if (text.Contains("{numbers24}", StringComparison.Ordinal))
        {
            text = text.Replace("{numbers24}", _hotline.AroundTheClockText(language), StringComparison.Ordinal);
        }

        return text;
    }

    public Screen Node(DialogNode node, Language language)
    {
        var rows = node.Buttons.Select(b => (IReadOnlyList<OutButton>)[new OutButton(
            b.Label.For(language),
            b.To is { } to ? CallbackData.Node(to) : CallbackData.Action(b.Action!))]).ToList();
        if (!node.Buttons.Any(b => b.Action == DialogActions.Escalate))
        {
            rows.Add([Button(UiKeys.ButtonSpecialist, language, CallbackData.Action(DialogActions.Escalate))]);
        }

        if (node.Id != DialogSet.RootId)
        {
            rows.Add(Navigation(language));
        }
        else if (!node.Buttons.Any(b => b.Action == DialogActions.Language))
        {
            rows.Add([Button(UiKeys.ButtonLanguage, language, CallbackData.Action(DialogActions.Language))]);
        }

        rows.Add(HideRow(language));
        return new Screen(Fill(node.Text.For(language), language), rows);
    }

    public IReadOnlyList<OutButton> Navigation(Language language) =>
    [
        Button(UiKeys.ButtonBack, language, CallbackData.Action(DialogActions.Back)),
        Button(UiKeys.ButtonMenu, language, CallbackData.Action(DialogActions.Menu)),
    ];

    /// <summary>Safe exit, offered on every screen and under every case message to the person.</summary>
    /// <summary>Under a notice: talk to a specialist, or back to the main menu.</summary>
    public IReadOnlyList<IReadOnlyList<OutButton>> WayOut(Language language) =>
    [
        [Button(UiKeys.ButtonSpecialist, language, CallbackData.Action(DialogActions.Escalate))],
        [Button(UiKeys.ButtonMenu, language, CallbackData.Action(DialogActions.Menu))],
    ];

    public IReadOnlyList<OutButton> HideRow(Language language) => [Button(UiKeys.ButtonHide, language, CallbackData.Action(DialogActions.Hide))];

    /// <summary>Under case messages while a case is open: the person may ask to be called, and hide the chat.</summary>
    public IReadOnlyList<IReadOnlyList<OutButton>> CaseRows(Language language) =>
        [[Button(UiKeys.ButtonCallBack, language, CallbackData.Action(DialogActions.CallBack))], HideRow(language)];

    public OutButton Button(string key, Language language, string data) => new(dialogs.Ui.Get(key, language), data);

    /// <summary>Each language is offered in its own name, whatever language the person has now.</summary>
    public static IReadOnlyList<IReadOnlyList<OutButton>> LanguageButtons() =>
    [
        [new OutButton("Қазақша", CallbackData.Language("kk")), new OutButton("Русский", CallbackData.Language("ru"))],
    ];
}
