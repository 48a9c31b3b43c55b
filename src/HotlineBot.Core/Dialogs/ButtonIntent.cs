using System.Globalization;
using HotlineBot.Cases;
using HotlineBot.Conversations;

namespace HotlineBot.Dialogs;

/// <summary>
/// What a tap on one of the bot's inline buttons means. Button data is written here (<see cref="ToData"/>) and read
/// back here (<see cref="Parse"/>), so the compact format (Telegram allows 64 bytes: ids, never text) lives in one
/// place and the desks switch on a typed intent. Data that does not parse (a foreign, forged or truncated button)
/// is an <see cref="UnknownButton"/>, which gets the kind "this button is outdated" answer.
/// </summary>
public abstract record ButtonIntent
{
    public abstract string ToData();

    public static ButtonIntent Parse(string? data)
    {
        if (string.IsNullOrEmpty(data) || data.Length < 3 || data[1] != ':')
        {
            return new UnknownButton(data);
        }

        var parts = data[2..].Split(':');
        ButtonIntent? intent = data[0] switch
        {
            'n' => new NodeButton(parts[0]),
            'l' => LanguageCodes.Parse(parts[0]) is { } language ? new LanguageButton(language) : null,
            'a' => DialogActions.Parse(parts[0]) is { } action ? new ActionButton(action, CaseNumber(parts)) : null,
            'q' when parts.Length == 2 => new AnswerButton(parts[0], parts[1]),
            'r' when int.TryParse(parts[0], CultureInfo.InvariantCulture, out var stars) && stars is >= 1 and <= 5 => new RateButton(stars),
            'c' => ConcernAnswers.Parse(parts[0]) is { } answer ? new ConcernButton(answer) : null,
            'w' => WorkerCommand.FromButton(parts) is { } command and not WorkerCommand.Unknown ? new StaffButton(command) : null,
            _ => null,
        };
        return intent ?? new UnknownButton(data);
    }

    /// <summary>The case an action button names ("a:cancelcase:12"), when it names one.</summary>
    private static int? CaseNumber(string[] parts) =>
        parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}

/// <summary>Opens a node of the content ("n:benefits").</summary>
public sealed record NodeButton(string NodeId) : ButtonIntent
{
    public override string ToData() => "n:" + NodeId;
}

public sealed record LanguageButton(Language Language) : ButtonIntent
{
    public override string ToData() => "l:" + Language.Code();
}

/// <summary>An action; those about one case carry its number, so a button whose case has moved on can tell.</summary>
public sealed record ActionButton(DialogAction Action, int? CaseId = null) : ButtonIntent
{
    public override string ToData() => CaseId is { } id
        ? string.Create(CultureInfo.InvariantCulture, $"a:{Action.Name()}:{id}")
        : "a:" + Action.Name();
}

/// <summary>An answer to a question of the questionnaire, or one of its own controls (see <c>EligibilityControls</c>).</summary>
public sealed record AnswerButton(string QuestionId, string Value) : ButtonIntent
{
    public override string ToData() => $"q:{QuestionId}:{Value}";
}

/// <summary>One to five stars after a case closed.</summary>
public sealed record RateButton(int Stars) : ButtonIntent
{
    public override string ToData() => "r:" + Stars.ToString(CultureInfo.InvariantCulture);
}

/// <summary>An answer to the bot's direct question after a worrying message.</summary>
public sealed record ConcernButton(ConcernAnswer Answer) : ButtonIntent
{
    public override string ToData() => "c:" + Answer.Data();
}

/// <summary>A worker's or supervisor's button: the same command as the one they could type.</summary>
public sealed record StaffButton(WorkerCommand Command) : ButtonIntent
{
    public override string ToData() => Command.ToData();
}

/// <summary>Data the bot cannot read as one of its buttons: stale, foreign or forged.</summary>
public sealed record UnknownButton(string? Data) : ButtonIntent
{
    public override string ToData() => Data ?? string.Empty;
}
