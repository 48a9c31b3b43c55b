using System.Globalization;

namespace HotlineBot.Cases;

/// <summary>
/// What a worker or supervisor asks for, typed («/take 5») or tapped (the Take button under a notice): both are read
/// here into one command, and <see cref="WorkerDesk"/> switches on it. Only the shape is checked here (a number where
/// one is needed); who may do it and whether the case allows it are the desk's and the case's rules. Anything that
/// does not read as a command is <see cref="Unknown"/>, which gets the usage line.
/// </summary>
public abstract record WorkerCommand
{
    /// <summary>The button data of a command that has a button; the others are only typed.</summary>
    public virtual string ToData() => throw new InvalidOperationException($"{GetType().Name} has no button");

    /// <summary>A typed command: «/take 5», «/transfer 5 Aigerim a note», «/risk high 5», «/duty on»…</summary>
    public static WorkerCommand Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return new Unknown();
        }

        var name = parts[0].Split('@')[0].ToLowerInvariant();
        var number = parts.Length > 1 ? Number(parts[1]) : null;
        var rest = parts.Length > 2 ? parts[2] : null;
        return name switch
        {
            "/queue" => new WaitingCases(),
            "/take" when number is { } id => new Take(id),
            "/mycases" => new MyCases(),
            "/note" when parts.Length > 1 => new Note(text[(text.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim()),
            "/transfer" => new Transfer(number, rest),
            "/close" => new Close(number),
            "/wrapup" when number is { } id => new EditWrapUp(id),
            "/history" => new History(number),
            "/export" => new Export(number),
            "/switch" when number is { } id => new Switch(id),
            "/reopen" when number is { } id => new Reopen(id),
            "/risk" when parts.Length > 1 && RiskLevels.Parse(parts[1]) is { } level => new SetRisk(level, rest is null ? null : Number(rest)),
            "/duty" when Shifts.Parse(parts.Length > 1 ? parts[1] : null) is { } change => new Duty(change),
            "/live" => new Live(),
            "/whisper" when number is { } id && rest is not null => new Whisper(id, rest),
            "/takeover" when number is { } id => new TakeOver(id),
            "/stats" => new Stats(),
            "/audit" => new Audit(number),
            "/start" or "/help" => new Help(),
            _ => new Unknown(),
        };
    }

    /// <summary>The parts of button data after "w:": verb, case number, and what the verb needs besides.</summary>
    internal static WorkerCommand FromButton(string[] parts)
    {
        if (parts.Length < 2 || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var id))
        {
            return new Unknown();
        }

        return parts[0] switch
        {
            "take" => new Take(id),
            "history" => new History(id),
            "requeue" => new Transfer(id, null),
            // w:close:N (and the outcome buttons of older messages, w:close:N:outcome) open the wrap-up form.
            "close" => new Close(id),
            "wu" when WrapUpInput.Parse(parts[2..]) is { } input => new WrapUpTap(id, input),
            "duty" when parts.Length == 3 && Shifts.Parse(parts[2]) is { } change and not DutyChange.Show => new Duty(change),
            "over" => new TakeOver(id),
            "switch" => new Switch(id),
            "quick" when parts.Length == 3 => new QuickReply(id, parts[2]),
            _ => new Unknown(),
        };
    }

    /// <summary>A case number as workers type it: «5» or «#5».</summary>
    private static int? Number(string word) =>
        int.TryParse(word.TrimStart('#'), CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Data(string verb, int caseId, string? extra = null) => extra is null
        ? string.Create(CultureInfo.InvariantCulture, $"w:{verb}:{caseId}")
        : string.Create(CultureInfo.InvariantCulture, $"w:{verb}:{caseId}:{extra}");

    public sealed record WaitingCases : WorkerCommand;

    public sealed record Take(int CaseId) : WorkerCommand
    {
        public override string ToData() => Data("take", CaseId);
    }

    public sealed record MyCases : WorkerCommand;

    /// <summary>A note in the log of the worker's active case.</summary>
    public sealed record Note(string Text) : WorkerCommand;

    /// <param name="CaseId">Null: the worker's active case.</param>
    /// <param name="To">A colleague's name or id, then optionally a handover note; null: back to the queue.</param>
    public sealed record Transfer(int? CaseId, string? To) : WorkerCommand
    {
        public override string ToData() => CaseId is { } id && To is null ? Data("requeue", id) : base.ToData();
    }

    /// <summary>Opens the wrap-up form; the case closes when it is filled in.</summary>
    public sealed record Close(int? CaseId) : WorkerCommand
    {
        public override string ToData() => CaseId is { } id ? Data("close", id) : base.ToData();
    }

    public sealed record EditWrapUp(int CaseId) : WorkerCommand;

    public sealed record History(int? CaseId) : WorkerCommand
    {
        public override string ToData() => CaseId is { } id ? Data("history", id) : base.ToData();
    }

    public sealed record Export(int? CaseId) : WorkerCommand;

    /// <summary>Makes another of the worker's open cases the one their messages go to.</summary>
    public sealed record Switch(int CaseId) : WorkerCommand
    {
        public override string ToData() => Data("switch", CaseId);
    }

    public sealed record Reopen(int CaseId) : WorkerCommand;

    /// <param name="CaseId">Null: the worker's active case.</param>
    public sealed record SetRisk(RiskLevel Level, int? CaseId) : WorkerCommand;

    public sealed record Duty(DutyChange Change) : WorkerCommand
    {
        // The duty buttons name no case; 0 keeps the data's shape.
        public override string ToData() => Change switch
        {
            DutyChange.On => Data("duty", 0, "on"),
            DutyChange.Off => Data("duty", 0, "off"),
            _ => base.ToData(),
        };
    }

    public sealed record Live : WorkerCommand;

    /// <summary>A supervisor's note to the worker on the case, never relayed to the person.</summary>
    public sealed record Whisper(int CaseId, string Text) : WorkerCommand;

    public sealed record TakeOver(int CaseId) : WorkerCommand
    {
        public override string ToData() => Data("over", CaseId);
    }

    public sealed record Stats : WorkerCommand;

    public sealed record Audit(int? CaseId) : WorkerCommand;

    public sealed record Help : WorkerCommand;

    /// <summary>A tap on the wrap-up form of a case.</summary>
    public sealed record WrapUpTap(int CaseId, WrapUpInput Input) : WorkerCommand
    {
        public override string ToData() => Data("wu", CaseId, Input.ToData());
    }

    /// <summary>One of the prepared replies (dialogs: quick replies), sent to the person on the case.</summary>
    public sealed record QuickReply(int CaseId, string ReplyId) : WorkerCommand
    {
        public override string ToData() => Data("quick", CaseId, ReplyId);
    }

    public sealed record Unknown : WorkerCommand;
}
