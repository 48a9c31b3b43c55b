using System.Globalization;
using HotlineBot.Conversations;
using HotlineBot.Dialogs;
using ScottPlot;

namespace HotlineBot.Cases;

/// <summary>The reporting panels of the chart (issue 17): contacts by wrap-up category, and answered against missed.</summary>
public static partial class StatsChart
{
    /// <summary>Top-level category ids (Latin, as in dialogs/wrapup.yaml), most frequent first; "-" is closed without the form.</summary>
    private static void Categories(Plot plot, IReadOnlyList<Case> recent, string title)
    {
        var groups = recent.Where(c => !c.IsOpen).GroupBy(c => c.WrapUp?.Category ?? CaseReport.Uncategorised)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var positions = Enumerable.Range(0, groups.Count).Select(i => (double)i).ToArray();
        var series = plot.Add.Bars(positions, [.. groups.Select(g => (double)g.Count())]);
        series.LegendText = "categories";
        series.Color = Colors.SlateBlue;
        plot.Axes.Bottom.SetTicks(positions, [.. groups.Select(g => g.Key)]);
        plot.Title(title);
        Finish(plot);
    }

    /// <summary>The ratio Child Helpline International asks helplines to track, with the share in the title.</summary>
    private static void Missed(Plot plot, IReadOnlyList<Case> recent, UiText ui, Language language)
    {
        var answered = recent.Count(c => c.TakenAt is not null);
        var missed = recent.Count(CaseReport.IsMissed);
        var series = plot.Add.Bars([0.0, 1], [answered, missed]);
        series.LegendText = "answered/missed";
        series.Color = Colors.IndianRed;
        plot.Axes.Bottom.SetTicks([0.0, 1], ["answered", "missed"]);
        var share = answered + missed == 0 ? "—" : ((double)answered / (answered + missed)).ToString("0%", CultureInfo.InvariantCulture);
        plot.Title(ui.Get(UiKeys.StatsChartMissed, language, ("share", share)));
        Finish(plot);
    }
}
