using System.Text;

namespace HotlineBot.Dialogs;

/// <summary>
/// The compact strings behind inline buttons. Telegram caps them at 64 bytes, so they carry ids, never text.
/// Anything the bot receives that does not parse here is treated as a stale or foreign button.
/// </summary>
public static class CallbackData
{
    public const int MaxBytes = 64;

    public static string Node(string id) => "n:" + id;
    public static string Action(string action) => "a:" + action;
    /// <summary>An action about one case, so a button whose case has moved on can tell.</summary>
    public static string Action(string action, int caseId) => $"a:{action}:{caseId}";
    public static string Language(string code) => "l:" + code;
    public static string Answer(string question, string value) => $"q:{question}:{value}";
    public static string Skip(string question) => $"q:{question}:-";
    public static string Rate(int stars) => "r:" + stars;

    /// <summary>An answer to the bot's direct question after a worrying message (see <c>ConcernAnswer</c>).</summary>
    public static string Concern(string answer) => "c:" + answer;
    public static string Worker(string verb, int caseId, string? extra = null) =>
        extra is null ? $"w:{verb}:{caseId}" : $"w:{verb}:{caseId}:{extra}";

    public static int Bytes(string data) => Encoding.UTF8.GetByteCount(data);

    public static (string Prefix, string[] Parts) Parse(string? data)
    {
        if (string.IsNullOrEmpty(data) || data.Length < 3 || data[1] != ':')
        {
            return (string.Empty, []);
        }

        return (data[..1], data[2..].Split(':'));
    }
}
