using System.Globalization;
using HotlineBot.Conversations;
using HotlineBot.Dialogs;
using ScottPlot;

namespace HotlineBot.Cases;

/// <summary>
/// The /stats figures as one picture for supervisors: cases per day by language, how long people waited for a worker,
/// the ratings, contacts by category and answered against missed. Building the plot is separate from drawing it, so the series can be checked without pixels.
/// Labels are figures; the titles come from dialogs/ui.yaml in the supervisor's language, like the /stats text.
/// </summary>
public static partial class StatsChart
{
    public const int Width = 900;
    public const int Height = 2000;

    /// <summary>Pickup-time bins in minutes; the last one is open-ended.</summary>
    public static readonly IReadOnlyList<(double From, double To, string Label)> PickupBins =
    [
        (0, 5, "<5"), (5, 10, "5-10"), (10, 15, "10-15"), (15, 30, "15-30"), (30, 60, "30-60"), (60, double.MaxValue, "60+"),
    ];

    /// <summary>The five plots, top to bottom, for the cases opened in the last <paramref name="days"/> days (all ratings and pickups of them).</summary>
    /// <remarks>The titles come from dialogs/ui.yaml in the reader's language.</remarks>
    public static Multiplot Build(IReadOnlyList<Case> all, DateTimeOffset now, int utcOffsetHours, UiText ui, Language language, int days = 14)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(ui);
        var offset = TimeSpan.FromHours(utcOffsetHours);
        var today = now.ToOffset(offset).Date;
        var first = today.AddDays(1 - days);
        var recent = all.Where(c => c.OpenedAt.ToOffset(offset).Date >= first).ToList();

        var multiplot = new Multiplot();
        multiplot.AddPlots(5);
        PerDay(multiplot.GetPlot(0), recent, first, days, offset, ui.Get(UiKeys.StatsChartDays, language));
        Pickup(multiplot.GetPlot(1), recent, ui.Get(UiKeys.StatsChartPickup, language));
        Ratings(multiplot.GetPlot(2), recent, ui.Get(UiKeys.StatsChartRatings, language));
        Categories(multiplot.GetPlot(3), recent, ui.Get(UiKeys.StatsChartCategories, language));
        Missed(multiplot.GetPlot(4), recent, ui, language);
        return multiplot;
    }

    public static byte[] Render(Multiplot multiplot)
    {
        ArgumentNullException.ThrowIfNull(multiplot);
        return multiplot.Render(Width, Height).GetImageBytes(ImageFormat.Png);
    }

    public static byte[] Png(IReadOnlyList<Case> all, DateTimeOffset now, int utcOffsetHours, UiText ui, Language language) =>
        Render(Build(all, now, utcOffsetHours, ui, language));

    private static void PerDay(Plot plot, IReadOnlyList<Case> recent, DateTime first, int days, TimeSpan offset, string title)
    {
        var languages = new[] { Language.Kk, Language.Ru };
        var width = 0.8 / languages.Length;
        for (var l = 0; l < languages.Length; l++)
        {
            var language = languages[l];
            var bars = Enumerable.Range(0, days).Select(d => new Bar
            {
                Position = d - 0.4 + (width * (l + 0.5)),
                Value = recent.Count(c => c.Language == language && c.OpenedAt.ToOffset(offset).Date == first.AddDays(d)),
                Size = width,
            }).ToList();
            var series = plot.Add.Bars(bars);
            series.LegendText = language.Code();
            series.Color = l == 0 ? Colors.SteelBlue : Colors.DarkOrange;
        }

        plot.Axes.Bottom.SetTicks(
            [.. Enumerable.Range(0, days).Select(d => (double)d)],
            [.. Enumerable.Range(0, days).Select(d => first.AddDays(d).ToString("dd.MM", CultureInfo.InvariantCulture))]);
        plot.Title(title);
        plot.Axes.Margins(bottom: 0);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.ShowLegend(Alignment.UpperLeft);
    }

    /// <summary>One series needs no legend; counts are whole numbers, so the axis shows no fractions.</summary>
    private static void Finish(Plot plot)
    {
        plot.Axes.Margins(bottom: 0);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.HideLegend();
    }

    private static void Pickup(Plot plot, IReadOnlyList<Case> recent, string title)
    {
        var minutes = recent.Where(c => c.TakenAt is not null).Select(c => (c.TakenAt!.Value - c.OpenedAt).TotalMinutes).ToList();
        var counts = PickupBins.Select(b => (double)minutes.Count(m => m >= b.From && m < b.To)).ToArray();
        var series = plot.Add.Bars([.. Enumerable.Range(0, counts.Length).Select(i => (double)i)], counts);
        series.LegendText = "pickup";
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, counts.Length).Select(i => (double)i)], [.. PickupBins.Select(b => b.Label)]);
        plot.Title(title);
        Finish(plot);
    }

    private static void Ratings(Plot plot, IReadOnlyList<Case> recent, string title)
    {
        var counts = Enumerable.Range(1, 5).Select(s => (double)recent.Count(c => c.Rating == s)).ToArray();
        var series = plot.Add.Bars([1.0, 2, 3, 4, 5], counts);
        series.LegendText = "ratings";
        series.Color = Colors.SeaGreen;
        plot.Axes.Bottom.SetTicks([1.0, 2, 3, 4, 5], ["1/5", "2/5", "3/5", "4/5", "5/5"]);
        plot.Title(title);
        Finish(plot);
    }
}
