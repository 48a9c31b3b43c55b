using HotlineBot.Conversations;
using HotlineBot.Settings;
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

    /// <summary>Labels up to this long (in text elements) share a row with a neighbour as short, so a long menu fits a phone screen.</summary>
    public const int PairedLabelLength = 20;

    /// <summary>
    /// Content may say {numbers} (the whole list), {numbers24} (only the lines that answer at any hour) or {number:KEY}
    /// (one number, e.g. {number:1414}); the numbers themselves live in configuration so they change without a release.
    /// The checker refuses a key that is not configured.
    /// </summary>
    public string Fill(string text, Language language)
    {
        if (!text.Contains('{', StringComparison.Ordinal))
        {
            return text;
        }

        var filled = text
            .Replace("{numbers}", _hotline.NumbersText(language), StringComparison.Ordinal)
            .Replace("{numbers24}", _hotline.AroundTheClockText(language), StringComparison.Ordinal);
        return DialogChecker.NumberPlaceholder().Replace(filled, m => _hotline.Numbers.FirstOrDefault(n => n.Number == m.Groups[1].Value)?.Number ?? m.Value);
    }

    /// <summary>Working hours as a person needs them: the days, the time and the time zone ("понедельник–пятница, 09:00–18:00 (UTC+5)").</summary>
    public string HoursText(Language language)
    {
        var hours = _hotline.WorkingHours;
        var names = dialogs.Ui.Get(UiKeys.WeekdayNames, language).Split(',', StringSplitOptions.TrimEntries);
        string Name(DayOfWeek day) => names.Length == 7 ? names[((int)day + 6) % 7] : day.ToString();

        // Monday first; runs of consecutive days are written as a range.
        var days = hours.Days.Distinct().OrderBy(d => ((int)d + 6) % 7).ToList();
        var runs = new List<List<DayOfWeek>>();
        foreach (var day in days)
        {
            if (runs.Count > 0 && ((int)runs[^1][^1] + 1) % 7 == (int)day)
            {
                runs[^1].Add(day);
            }
            else
            {
                runs.Add([day]);
            }
        }

        var dayText = string.Join(", ", runs.Select(r => r.Count > 2 ? $"{Name(r[0])}–{Name(r[^1])}" : string.Join(", ", r.Select(Name))));
        var offset = hours.UtcOffsetHours >= 0 ? "+" + hours.UtcOffsetHours.ToString(System.Globalization.CultureInfo.InvariantCulture) : hours.UtcOffsetHours.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return dialogs.Ui.Get(UiKeys.HoursFormat, language,
            ("days", dayText), ("start", hours.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            ("end", hours.End.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)), ("offset", offset));
    }

    /// <summary>Two short buttons share a row; a long one keeps a row to itself.</summary>
    public static List<IReadOnlyList<OutButton>> Pack(IEnumerable<OutButton> buttons)
    {
        var rows = new List<IReadOnlyList<OutButton>>();
        OutButton? waiting = null;
        foreach (var button in buttons)
        {
            if (!IsShort(button))
            {
                if (waiting is not null)
                {
                    rows.Add([waiting]);
                    waiting = null;
                }

                rows.Add([button]);
            }
            else if (waiting is null)
            {
                waiting = button;
            }
            else
            {
                rows.Add([waiting, button]);
                waiting = null;
            }
        }

        if (waiting is not null)
        {
            rows.Add([waiting]);
        }

        return rows;
    }

    private static bool IsShort(OutButton button) => new System.Globalization.StringInfo(button.Label).LengthInTextElements <= PairedLabelLength;

    public Screen Node(DialogNode node, Language language)
    {
        var rows = Pack(node.Buttons.Select(b => new OutButton(
            b.Label.For(language),
            b.To is { } to ? CallbackData.Node(to) : CallbackData.ContentAction(b.Action!))));
        if (!node.Buttons.Any(b => DialogActions.Parse(b.Action) == DialogAction.Escalate))
        {
            rows.Add([Button(UiKeys.ButtonSpecialist, language, CallbackData.Action(DialogAction.Escalate))]);
        }

        if (node.Id != DialogSet.RootId)
        {
            rows.Add(Navigation(language));
        }
        else if (!node.Buttons.Any(b => DialogActions.Parse(b.Action) == DialogAction.Language))
        {
            rows.Add([Button(UiKeys.ButtonLanguage, language, CallbackData.Action(DialogAction.Language))]);
        }

        rows.Add(HideRow(language));
        return new Screen(Fill(node.Text.For(language), language), rows);
    }

    public IReadOnlyList<OutButton> Navigation(Language language) =>
    [
        Button(UiKeys.ButtonBack, language, CallbackData.Action(DialogAction.Back)),
        Button(UiKeys.ButtonMenu, language, CallbackData.Action(DialogAction.Menu)),
    ];

    /// <summary>Under a notice: talk to a specialist, back to the main menu, or hide the chat.</summary>
    public IReadOnlyList<IReadOnlyList<OutButton>> WayOut(Language language) =>
    [
        [Button(UiKeys.ButtonSpecialist, language, CallbackData.Action(DialogAction.Escalate))],
        [Button(UiKeys.ButtonMenu, language, CallbackData.Action(DialogAction.Menu))],
        HideRow(language),
    ];

    /// <summary>Safe exit, offered on every screen and under every case message to the person.</summary>
    public IReadOnlyList<OutButton> HideRow(Language language) => [Button(UiKeys.ButtonHide, language, CallbackData.Action(DialogAction.Hide))];

    /// <summary>Under case messages while a case is open: the person may ask to be called, and hide the chat.</summary>
    public IReadOnlyList<IReadOnlyList<OutButton>> CaseRows(Language language) =>
        [[Button(UiKeys.ButtonCallBack, language, CallbackData.Action(DialogAction.CallBack))], HideRow(language)];

    public OutButton Button(string key, Language language, string data) => new(dialogs.Ui.Get(key, language), data);

    /// <summary>Each language is offered in its own name, whatever language the person has now.</summary>
    public static IReadOnlyList<IReadOnlyList<OutButton>> LanguageButtons() =>
    [
        [new OutButton("Қазақша", CallbackData.Language(Language.Kk)), new OutButton("Русский", CallbackData.Language(Language.Ru))],
    ];
}
