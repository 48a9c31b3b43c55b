using HotlineBot.Cases;
using HotlineBot.Conversations;
using HotlineBot.Tests.Core;
using ScottPlot;
using ScottPlot.Plottables;
using SkiaSharp;

namespace HotlineBot.Tests.Beyond;

/// <summary>/stats as a picture: the plot carries the expected series, and what is sent is a PNG that decodes.</summary>
public sealed class StatsChartTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly HotlineBot.Dialogs.UiText Ui = HotlineBot.Dialogs.DialogCatalog.Load(CoreHarness.DialogsPath).Set!.Ui;

    private static List<Case> Sample() =>
    [
        new() { Id = 1, Language = Language.Kk, OpenedAt = Now.AddDays(-1), TakenAt = Now.AddDays(-1).AddMinutes(3), Rating = 5, Status = CaseStatus.Closed },
        new() { Id = 2, Language = Language.Ru, OpenedAt = Now.AddDays(-1), TakenAt = Now.AddDays(-1).AddMinutes(12), Rating = 4, Status = CaseStatus.Closed },
        new() { Id = 3, Language = Language.Ru, OpenedAt = Now.AddHours(-2), TakenAt = Now.AddHours(-1), Rating = 5, Status = CaseStatus.Closed },
        new() { Id = 4, Language = Language.Ru, OpenedAt = Now.AddMinutes(-5) },
        new() { Id = 5, Language = Language.Kk, OpenedAt = Now.AddDays(-40), TakenAt = Now.AddDays(-40).AddMinutes(1), Rating = 1 },
    ];

    [Fact]
    public void The_plot_has_cases_per_day_by_language_pickup_bins_and_ratings()
    {
        var multiplot = StatsChart.Build(Sample(), Now, utcOffsetHours: 5, Ui, Language.Ru, days: 14);
        var plots = multiplot.GetPlots();
        Assert.Equal(5, plots.Length);

        Assert.Equal(["Обращений в день", "Время до взятия, мин", "Оценки", "Обращения по категориям", "Отвечено / пропущено: отвечено 100%"],
            plots.Select(p => p.Axes.Title.Label.Text));
        Assert.Equal("Бағалар", StatsChart.Build(Sample(), Now, 5, Ui, Language.Kk).GetPlots()[2].Axes.Title.Label.Text);

        var perDay = plots[0].GetPlottables<BarPlot>().ToList();
        Assert.Equal(["kk", "ru"], perDay.Select(b => b.LegendText));
        Assert.All(perDay, b => Assert.Equal(14, b.Bars.Count));
        Assert.Equal(1, perDay[0].Bars.Sum(b => b.Value));      // case 5 is older than the window
        Assert.Equal(3, perDay[1].Bars.Sum(b => b.Value));

        var pickup = Assert.Single(plots[1].GetPlottables<BarPlot>());
        Assert.Equal("pickup", pickup.LegendText);
        Assert.Equal([1.0, 0, 1, 0, 0, 1], pickup.Bars.Select(b => b.Value));

        var ratings = Assert.Single(plots[2].GetPlottables<BarPlot>());
        Assert.Equal("ratings", ratings.LegendText);
        Assert.Equal([0.0, 0, 0, 1, 2], ratings.Bars.Select(b => b.Value));

        // Closed cases in the window by category (none filled the form in this sample), and answered against missed.
        var categories = Assert.Single(plots[3].GetPlottables<BarPlot>());
        Assert.Equal([3.0], categories.Bars.Select(b => b.Value));
        var missed = Assert.Single(plots[4].GetPlottables<BarPlot>());
        Assert.Equal([3.0, 0], missed.Bars.Select(b => b.Value));
    }

    [Fact]
    public void The_chart_is_a_png_that_decodes_at_the_expected_size()
    {
        var png = StatsChart.Png(Sample(), Now, 5, Ui, Language.Ru);
        if (Environment.GetEnvironmentVariable("HOTLINE_CHART_OUT") is { Length: > 0 } path)
        {
            File.WriteAllBytes(path, png);
        }

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png.Take(8));
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal(StatsChart.Width, bitmap.Width);
        Assert.Equal(StatsChart.Height, bitmap.Height);
    }

    [Fact]
    public void An_empty_line_still_draws_a_chart()
    {
        var png = StatsChart.Png([], Now, 5, Ui, Language.Kk);
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
    }

    [Fact]
    public void Stats_sends_the_text_and_then_the_chart_to_supervisors_only()
    {
        using var core = new CoreHarness();
        core.Onboard(555);
        core.Press(555, "a:escalate");
        core.Say(555, "помогите");

        var replies = core.Say(CoreHarness.Supervisor, "/stats");
        Assert.Equal([OutboundKind.Send, OutboundKind.Send, OutboundKind.Photo], replies.Select(o => o.Kind));
        Assert.Contains("всего: 1", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("Обращения: всего 1", replies[1].Text, StringComparison.Ordinal);
        Assert.Equal(0x89, replies[2].FileContent![0]);

        var worker = core.Say(CoreHarness.Worker1, "/stats");
        Assert.DoesNotContain(worker, o => o.Kind == OutboundKind.Photo);
    }
}
