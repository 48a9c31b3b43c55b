using System.Globalization;
using System.Text;
using HotlineBot.Conversations;
using HotlineBot.Dialogs;
using HotlineBot.Settings;
using HotlineBot.Storage;
using Microsoft.Extensions.Options;

namespace HotlineBot.Cases;

/// <summary>One row of a breakdown: the stored id (a category code, a language, an hour…) and how many contacts had it.</summary>
public sealed record ReportCount(string Key, int Count);

/// <summary>
/// The figures a hotline reports on (Child Helpline International's practice): counts only, never a message, a summary
/// or anything that could identify a person.
/// </summary>
public sealed record ReportFigures(
    int Total,
    int Answered,
    int Missed,
    double? MissedWaitMedian,
    double? PickupMedian,
    double? PickupP90,
    double? LengthMedian,
    int Repeat,
    IReadOnlyList<ReportCount> Categories,
    IReadOnlyList<ReportCount> Languages,
    IReadOnlyList<int> ByHour,
    IReadOnlyList<int> ByWeekday,
    IReadOnlyList<ReportCount> Referrals)
{
    /// <summary>Answered out of answered plus missed; null before anyone has either been answered or left.</summary>
    public double? AnsweredShare => Answered + Missed == 0 ? null : (double)Answered / (Answered + Missed);
}

/// <summary>
/// Contacts by category, language, hour and weekday; missed contacts and how long they waited; time to pickup and
/// conversation length; repeat contacts; referrals by target. For /stats and for <c>cases report --month</c>.
/// </summary>
public sealed class CaseReport(ScreenRenderer screens, IOptions<HotlineOptions> options)
{
    /// <summary>The key of cases closed without the form (by the person, or before the form existed).</summary>
    public const string Uncategorised = "-";

    private static readonly string[] WeekdayIds = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    private readonly HotlineOptions _hotline = options.Value;

    /// <summary>A person who left the queue before anyone picked the case up.</summary>
    public static bool IsMissed(Case c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Status == CaseStatus.Closed && c.TakenAt is null && c.ClosedBy == ActorRole.Person;
    }

    /// <summary>The worker said so in the form, or (form silent) the person came back from an earlier case.</summary>
    public static bool IsRepeat(Case c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.WrapUp?.RepeatContact ?? c.PreviousCaseId is not null;
    }

    public static ReportFigures Figures(IReadOnlyList<Case> all, WrapUpForm form, int utcOffsetHours)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(form);
        var offset = TimeSpan.FromHours(utcOffsetHours);
        var pickups = Sorted(all.Where(c => c.TakenAt is not null).Select(c => (c.TakenAt!.Value - c.OpenedAt).TotalMinutes));
        var lengths = Sorted(all.Where(c => c.TakenAt is not null && c.ClosedAt is not null).Select(c => (c.ClosedAt!.Value - c.TakenAt!.Value).TotalMinutes));
        var missed = all.Where(IsMissed).ToList();
        var waits = Sorted(missed.Select(c => (c.ClosedAt!.Value - c.OpenedAt).TotalMinutes));
        var byHour = new int[24];
        var byWeekday = new int[7];
        foreach (var c in all)
        {
            var local = c.OpenedAt.ToOffset(offset);
            byHour[local.Hour]++;
            byWeekday[((int)local.DayOfWeek + 6) % 7]++;
        }

        return new ReportFigures(
            all.Count,
            all.Count(c => c.TakenAt is not null),
            missed.Count,
            CaseStats.Percentile(waits, 0.5),
            CaseStats.Percentile(pickups, 0.5),
            CaseStats.Percentile(pickups, 0.9),
            CaseStats.Percentile(lengths, 0.5),
            all.Count(IsRepeat),
            Count(all.Select(c => c.WrapUp?.Code ?? Uncategorised)),
            Count(all.Select(c => c.Language.Code())),
            byHour,
            byWeekday,
            Count(all.SelectMany(c => c.WrapUp?.Actions ?? []).Where(a => form.Action(a)?.Referral == true)));
    }

    /// <summary>The cases opened in a calendar month of the hotline's own time zone.</summary>
    public static IReadOnlyList<Case> InMonth(IEnumerable<Case> all, DateOnly month, int utcOffsetHours)
    {
        var offset = TimeSpan.FromHours(utcOffsetHours);
        var start = new DateTimeOffset(month.Year, month.Month, 1, 0, 0, 0, offset);
        var end = start.AddMonths(1);
        return [.. all.Where(c => c.OpenedAt >= start && c.OpenedAt < end).OrderBy(c => c.Id)];
    }

    /// <summary>The figures as the lines a supervisor reads under /stats, in their language.</summary>
    public string Describe(ReportFigures figures, Language language)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var text = new StringBuilder();
        foreach (var (section, rows) in Sections(figures, language))
        {
            text.Append(section).Append(": ").AppendJoin("; ", rows.Select(r => $"{r.Label} {r.Value}")).AppendLine();
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The month's report for a funder or ministry: Markdown (labels in <paramref name="language"/>) or CSV (ids).</summary>
    public string Render(ReportFigures figures, string period, string format, Language language)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(format);
        return format.ToLowerInvariant() switch
        {
            "csv" => Csv(figures),
            _ => Markdown(figures, period, language),
        };
    }

    /// <summary>
    /// <c>cases report</c>: the month's counts written to <paramref name="target"/>; null when done, else why not.
    /// Reads no message text at all, so nothing of what anyone wrote can reach the file.
    /// </summary>
    public string? Write(ICaseStore store, string month, string format, string? language, string target)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return $"--month must be YYYY-MM, e.g. 2026-11, not '{month}'";
        }

        if (format.ToLowerInvariant() is not ("csv" or "md"))
        {
            return $"--format must be csv or md, not '{format}'";
        }

        if (LanguageCodes.Parse(language ?? "ru") is not { } lang)
        {
            return $"--language must be kk or ru, not '{language}'";
        }

        var cases = InMonth(store.All(), first, _hotline.WorkingHours.UtcOffsetHours);
        File.WriteAllText(target, Render(Figures(cases, screens.Dialogs.WrapUp, _hotline.WorkingHours.UtcOffsetHours), month, format, lang));
        return null;
    }

    private string Markdown(ReportFigures figures, string period, Language language)
    {
        var text = new StringBuilder("# ").AppendLine(screens.Text(UiKeys.ReportTitle, language, ("period", period))).AppendLine();
        foreach (var (section, rows) in Sections(figures, language))
        {
            text.Append("## ").AppendLine(section).AppendLine();
            foreach (var (label, value) in rows)
            {
                text.Append("- ").Append(label).Append(": ").AppendLine(value);
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static string Csv(ReportFigures f)
    {
        var text = new StringBuilder("section,key,value\n");
        void Row(string section, string key, object? value) =>
            text.Append(section).Append(',').Append(Quote(key)).Append(',').Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\n');

        Row("contacts", "total", f.Total);
        Row("contacts", "answered", f.Answered);
        Row("contacts", "missed", f.Missed);
        Row("contacts", "answered_share", f.AnsweredShare is { } share ? Math.Round(share, 3) : null);
        Row("contacts", "missed_wait_median_min", Round(f.MissedWaitMedian));
        Row("contacts", "repeat", f.Repeat);
        Row("times", "pickup_median_min", Round(f.PickupMedian));
        Row("times", "pickup_p90_min", Round(f.PickupP90));
        Row("times", "length_median_min", Round(f.LengthMedian));
        f.Categories.ToList().ForEach(c => Row("category", c.Key, c.Count));
        f.Languages.ToList().ForEach(c => Row("language", c.Key, c.Count));
        for (var h = 0; h < 24; h++)
        {
            Row("hour", h.ToString("00", CultureInfo.InvariantCulture), f.ByHour[h]);
        }

        for (var d = 0; d < 7; d++)
        {
            Row("weekday", WeekdayIds[d], f.ByWeekday[d]);
        }

        f.Referrals.ToList().ForEach(c => Row("referral", c.Key, c.Count));
        return text.ToString();
    }

    private List<(string Section, List<(string Label, string Value)> Rows)> Sections(ReportFigures f, Language language)
    {
        string T(string key) => screens.Text(key, language);
        var form = screens.Dialogs.WrapUp;
        var weekdays = T(UiKeys.ReportWeekdayNames).Split(',');
        return
        [
            (T(UiKeys.ReportContacts), [
                (T(UiKeys.ReportTotal), Num(f.Total)),
                (T(UiKeys.ReportAnswered), Num(f.Answered)),
                (T(UiKeys.ReportMissed), Num(f.Missed)),
                (T(UiKeys.ReportAnsweredShare), f.AnsweredShare is { } s ? s.ToString("0%", CultureInfo.InvariantCulture) : "—"),
                (T(UiKeys.ReportMissedWait), Minutes(f.MissedWaitMedian)),
                (T(UiKeys.ReportRepeat), Num(f.Repeat))]),
            (T(UiKeys.ReportTimes), [
                (T(UiKeys.ReportPickup), $"{Minutes(f.PickupMedian)} / {Minutes(f.PickupP90)}"),
                (T(UiKeys.ReportLength), Minutes(f.LengthMedian))]),
            (T(UiKeys.ReportCategories), [.. f.Categories.Select(c => (CategoryLabel(form, c.Key, language), Num(c.Count)))]),
            (T(UiKeys.ReportLanguages), [.. f.Languages.Select(c => (c.Key, Num(c.Count)))]),
            (T(UiKeys.ReportHours), [.. Enumerable.Range(0, 24).Where(h => f.ByHour[h] > 0).Select(h => (h.ToString("00", CultureInfo.InvariantCulture) + ":00", Num(f.ByHour[h])))]),
            (T(UiKeys.ReportWeekdays), [.. Enumerable.Range(0, 7).Where(d => f.ByWeekday[d] > 0).Select(d => (weekdays.ElementAtOrDefault(d) ?? WeekdayIds[d], Num(f.ByWeekday[d])))]),
            (T(UiKeys.ReportReferrals), [.. f.Referrals.Select(c => (form.Action(c.Key)?.Label.For(language) ?? c.Key, Num(c.Count)))]),
        ];
    }

    private string CategoryLabel(WrapUpForm form, string code, Language language)
    {
        if (code == Uncategorised)
        {
            return screens.Text(UiKeys.ReportUncategorised, language);
        }

        var cut = code.IndexOf('/', StringComparison.Ordinal);
        return cut < 0 ? form.Label(code, null, language) : form.Label(code[..cut], code[(cut + 1)..], language);
    }

    private static List<ReportCount> Count(IEnumerable<string> keys) =>
        [.. keys.GroupBy(k => k, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => new ReportCount(g.Key, g.Count()))];

    private static List<double> Sorted(IEnumerable<double> values) => [.. values.Order()];

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Minutes(double? value) => value is { } m ? m.ToString("0.#", CultureInfo.InvariantCulture) : "—";

    private static double? Round(double? value) => value is { } m ? Math.Round(m, 1) : null;

    private static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
