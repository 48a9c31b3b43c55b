namespace HotlineBot.Dialogs;

/// <summary>What a person's button does besides opening a node. The first six may be named in content files.</summary>
public enum DialogAction
{
    Escalate,
    Questionnaire,
    Language,
    Menu,
    Back,
    Numbers,
    /// <summary>Safe exit; added to every screen by the renderer.</summary>
    Hide,
    /// <summary>Ask for a call back (phone shared with consent); offered under case messages.</summary>
    CallBack,
    /// <summary>Yes to "shall I pass your words to a specialist?": a case opens with the words already written.</summary>
    PassWords,
    /// <summary>Asks to close one's own case (under the queue message); the button carries the case number.</summary>
    CancelCase,
    /// <summary>«Да, закрыть»: the confirming answer that closes the case it names.</summary>
    CancelCaseConfirm,
    /// <summary>«Нет, продолжить»: the case goes on.</summary>
    CancelCaseKeep,
}

/// <summary>
/// The names actions go by in button data and in content files (<c>action: escalate</c>). Buttons already sent stay
/// in people's chats for days, so a name, once used, never changes.
/// </summary>
public static class DialogActions
{
    private static readonly Dictionary<DialogAction, string> Names = new()
    {
        [DialogAction.Escalate] = "escalate",
        [DialogAction.Questionnaire] = "questionnaire",
        [DialogAction.Language] = "language",
        [DialogAction.Menu] = "menu",
        [DialogAction.Back] = "back",
        [DialogAction.Numbers] = "numbers",
        [DialogAction.Hide] = "hide",
        [DialogAction.CallBack] = "callback",
        [DialogAction.PassWords] = "pass",
        [DialogAction.CancelCase] = "cancelcase",
        [DialogAction.CancelCaseConfirm] = "cancelyes",
        [DialogAction.CancelCaseKeep] = "cancelno",
    };

    private static readonly Dictionary<string, DialogAction> ByName = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>The actions a content file may give a button; the others are the bot's own.</summary>
    public static readonly IReadOnlySet<string> InContent = new HashSet<string>(
        new[] { DialogAction.Escalate, DialogAction.Questionnaire, DialogAction.Language, DialogAction.Menu, DialogAction.Back, DialogAction.Numbers }.Select(a => Names[a]),
        StringComparer.Ordinal);

    public static string Name(this DialogAction action) => Names[action];

    public static DialogAction? Parse(string? name) => name is not null && ByName.TryGetValue(name, out var action) ? action : null;
}
