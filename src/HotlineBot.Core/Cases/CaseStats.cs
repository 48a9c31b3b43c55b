using System.Globalization;
using System.Text;
using HotlineBot.Conversations;
using HotlineBot.Dialogs;

namespace HotlineBot.Cases;

/// <summary>
/// Figures a supervisor needs to see how the line is doing; computed from stored cases, nothing cached.
/// The labels come from dialogs/ui.yaml in the supervisor's language.
/// </summary>
public static class CaseStats
{
    public static string Describe(IReadOnlyList<Case> all, UiText ui, Language language)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(ui);
        var pickups = all.Where(c => c.TakenAt is not null).Select(c => (c.TakenAt!.Value - c.OpenedAt).TotalMinutes).Order().ToList();
        var ratings = all.Where(c => c.Rating is not null).Select(c => c.Rating!.Value).ToList();
        var text = new StringBuilder();
        text.AppendLine(ui.Get(UiKeys.StatsCases, language, ("open", all.Count(c => c.IsOpen)), ("waiting", all.Count(c => c.Status == CaseStatus.Queued)),
            ("urgent", all.Count(c => c.Status == CaseStatus.Queued && c.Urgent)), ("total", all.Count)));
        text.AppendLine(ui.Get(UiKeys.StatsPickup, language, ("median", Format(Percentile(pickups, 0.5))), ("p90", Format(Percentile(pickups, 0.9))), ("count", pickups.Count)));
        text.AppendLine(ui.Get(UiKeys.StatsLanguages, language,
            ("list", string.Join(", ", all.GroupBy(c => c.Language).OrderBy(g => g.Key).Select(g => $"{g.Key.ToString().ToLowerInvariant()} {g.Count()}")))));
        text.AppendLine(ui.Get(UiKeys.StatsTopics, language,
            ("list", string.Join(", ", all.SelectMany(c => c.Topics.DefaultIfEmpty("—")).GroupBy(t => t).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")))));
        text.Append(ui.Get(UiKeys.StatsRatings, language,
            ("average", ratings.Count == 0 ? "—" : ratings.Average().ToString("0.0", CultureInfo.InvariantCulture)), ("count", ratings.Count)));
        if (ratings.Count > 0)
        {
            text.Append(" (" + string.Join(" ", Enumerable.Range(1, 5).Select(s => $"{s}★×{ratings.Count(r => r == s)}")) + ")");
        }

        return text.ToString();
    }

    /// <summary>Nearest-rank percentile: with few cases an interpolated figure would suggest precision we do not have.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static string Format(double? minutes) => minutes is { } m ? m.ToString("0.#", CultureInfo.InvariantCulture) : "—";
}
