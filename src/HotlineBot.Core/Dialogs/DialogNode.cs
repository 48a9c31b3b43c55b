namespace HotlineBot.Dialogs;

/// <summary>A button on a screen: it either opens another node (<see cref="To"/>) or runs an action.</summary>
public sealed record DialogButton(string? To, string? Action, LocalizedText Label, SourceLocation Where);

/// <summary>One screen of content.</summary>
public sealed record DialogNode(
    string Id,
    LocalizedText Text,
    IReadOnlyList<DialogButton> Buttons,
    string? DeepLink,
    string? Topic,
    SourceLocation Where);

/// <summary>The actions a button may name instead of a target node.</summary>
public static class DialogActions
{
    public const string Escalate = "escalate";
    public const string Questionnaire = "questionnaire";
    public const string Language = "language";
    public const string Menu = "menu";
    public const string Back = "back";
    public const string Numbers = "numbers";
    /// <summary>Safe exit; added to every screen by the renderer, not meant for content files.</summary>
    public const string Hide = "hide";
    /// <summary>Ask for a call back (phone shared with consent); offered under case messages, not for content files.</summary>
    public const string CallBack = "callback";
    /// <summary>Yes to "shall I pass your words to a specialist?": a case opens with the words already written; not for content files.</summary>
    public const string PassWords = "pass";
    /// <summary>Asks to close one's own case (under the queue message); the data carries the case number. Not for content files.</summary>
    public const string CancelCase = "cancelcase";
    /// <summary>«Да, закрыть»: the confirming answer that closes the case it names.</summary>
    public const string CancelCaseConfirm = "cancelyes";
    /// <summary>«Нет, продолжить»: the case goes on.</summary>
    public const string CancelCaseKeep = "cancelno";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Escalate, Questionnaire, Language, Menu, Back, Numbers,
    };
}
