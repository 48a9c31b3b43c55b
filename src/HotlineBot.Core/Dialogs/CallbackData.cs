using System.Text;
using HotlineBot.Cases;
using HotlineBot.Conversations;

namespace HotlineBot.Dialogs;

/// <summary>
/// The data behind the bot's inline buttons, by what they mean; the format itself is in <see cref="ButtonIntent"/>,
/// which also reads it back. Telegram caps it at 64 bytes, so it carries ids, never text.
/// </summary>
public static class CallbackData
{
    public const int MaxBytes = 64;

    public static string Node(string id) => new NodeButton(id).ToData();
    public static string Action(DialogAction action) => new ActionButton(action).ToData();
    /// <summary>An action about one case, so a button whose case has moved on can tell.</summary>
    public static string Action(DialogAction action, int caseId) => new ActionButton(action, caseId).ToData();

    /// <summary>An action a content file names (<c>action: escalate</c>); the checker has made sure it is one of ours.</summary>
    public static string ContentAction(string name) => DialogActions.Parse(name) is { } action ? Action(action) : "a:" + name;

    public static string Language(Language language) => new LanguageButton(language).ToData();
    public static string Answer(string question, string value) => new AnswerButton(question, value).ToData();
    public static string Skip(string question) => Answer(question, EligibilityControls.Skip);
    public static string Rate(int stars) => new RateButton(stars).ToData();

    /// <summary>An answer to the bot's direct question after a worrying message (see <c>ConcernAnswer</c>).</summary>
    public static string Concern(ConcernAnswer answer) => new ConcernButton(answer).ToData();

    public static string Worker(WorkerCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.ToData();
    }

    public static int Bytes(string data) => Encoding.UTF8.GetByteCount(data);
}
