using HotlineBot.Conversations;

namespace HotlineBot.Settings;

/// <summary>
/// How this hotline is staffed and reached: lists of staff, hours, numbers. Changed without touching code.
/// Every value, nested ones included, is checked at start by <see cref="HotlineOptionsValidator"/> (ranges are there).
/// </summary>
public sealed class HotlineOptions
{
    public const string Section = "Hotline";

    /// <summary>Telegram user ids of the social workers and psychologists who take cases.</summary>
    public List<long> Workers { get; set; } = [];

    /// <summary>Telegram user ids who also see statistics; they may take cases too.</summary>
    public List<long> Supervisors { get; set; } = [];

    /// <summary>
    /// Staff forum supergroups (topics on, the bot an admin who may manage topics): each case gets a topic in one of
    /// them, with its card pinned. Empty: cases live in the workers' private chats.
    /// </summary>
    public List<long> StaffGroups { get; set; } = [];

    /// <summary>The language ("kk" or "ru") a staff group takes, by its chat id; a group not named here takes any case.</summary>
    public Dictionary<string, string> StaffGroupLanguages { get; set; } = [];

    /// <summary>Names workers see for each other (never shown to people), by Telegram user id.</summary>
    public Dictionary<string, string> WorkerNames { get; set; } = [];

    /// <summary>What a person sees instead of a worker's account.</summary>
    public LocalizedName WorkerDisplayName { get; set; } = new() { Kk = "Маман", Ru = "Специалист" };

    public int PickupMinutes { get; set; } = 10;

    public int ReplyNudgeMinutes { get; set; } = 15;

    public int RetentionDays { get; set; }

    /// <summary>An urgent case nobody has taken after this long: supervisors are alerted, workers reminded, the person told what to do meanwhile.</summary>
    public int UrgentPickupMinutes { get; set; } = 3;

    /// <summary>Within this time after a crisis reply, another matching message gets one short line instead of the whole reply again.</summary>
    public int CrisisRepeatMinutes { get; set; } = 10;

    public WorkingHours WorkingHours { get; set; } = new();

    /// <summary>A worker at this many open cases is offered no new ones except urgent ones.</summary>
    public int MaxCasesPerWorker { get; set; } = 3;

    /// <summary>Whether a worker who has never used /duty is on duty: "working-hours" (during them) or "off".</summary>
    public string DutyDefault { get; set; } = DutyDefaultWorkingHours;

    public const string DutyDefaultWorkingHours = "working-hours";
    public const string DutyDefaultOff = "off";

    public bool DutyDefaultIsWorkingHours => string.Equals(DutyDefault, DutyDefaultWorkingHours, StringComparison.OrdinalIgnoreCase);

    /// <summary>Emergency and trust-line numbers shown to people; checked against the domain notes.</summary>
    public List<PhoneNumber> Numbers { get; set; } = [];

    public bool IsWorker(long userId) => Workers.Contains(userId) || Supervisors.Contains(userId);

    public bool IsSupervisor(long userId) => Supervisors.Contains(userId);

    public IEnumerable<long> Staff => Workers.Concat(Supervisors).Distinct();

    public string WorkerName(long workerId) =>
        WorkerNames.TryGetValue(workerId.ToString(System.Globalization.CultureInfo.InvariantCulture), out var name) ? name : $"#{workerId}";

    public string NumbersText(Language language) => NumbersText(language, Numbers);

    /// <summary>Only the lines that answer at any hour: what a person is given when no specialist is on duty.</summary>
    public string AroundTheClockText(Language language) => NumbersText(language, Numbers.Where(n => n.AroundTheClock));

    private static string NumbersText(Language language, IEnumerable<PhoneNumber> numbers) =>
        string.Join("\n", numbers.Select(n => $"☎ {n.Number} — {(language == Language.Kk ? n.Kk : n.Ru)}"));
}

public sealed class LocalizedName
{
    public string Kk { get; set; } = string.Empty;
    public string Ru { get; set; } = string.Empty;

    public string For(Language language) => language == Language.Kk ? Kk : Ru;
}

public sealed class PhoneNumber
{
    public string Number { get; set; } = string.Empty;
    public string Kk { get; set; } = string.Empty;
    public string Ru { get; set; } = string.Empty;

    /// <summary>The line answers at any hour, every day: given when no specialist is on duty.</summary>
    public bool AroundTheClock { get; set; }
}

/// <summary>When workers are on duty, in the hotline's own time zone.</summary>
public sealed class WorkingHours
{
    public TimeOnly Start { get; set; } = new(9, 0);
    public TimeOnly End { get; set; } = new(18, 0);

    /// <summary>Kazakhstan has used UTC+5 nationwide since March 2024.</summary>
    public int UtcOffsetHours { get; set; } = 5;

    /// <summary>
    /// Named in config/appsettings.json (Monday–Friday there). No default here: the configuration binder appends to a
    /// list it finds filled, so a default would be added to whatever days are configured.
    /// </summary>
    public List<DayOfWeek> Days { get; set; } = [];

    public bool AlwaysOpen { get; set; }

    public bool IsOpen(DateTimeOffset now)
    {
        if (AlwaysOpen)
        {
            return true;
        }

        var local = now.ToOffset(TimeSpan.FromHours(UtcOffsetHours));
        var time = TimeOnly.FromDateTime(local.DateTime);
        return Days.Contains(local.DayOfWeek) && time >= Start && time < End;
    }

    public override string ToString() => $"{Start:HH\\:mm}–{End:HH\\:mm}";
}
