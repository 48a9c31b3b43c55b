using HotlineBot.Conversations;

namespace HotlineBot.Tests.Core;

/// <summary>What a worker reads (queue lines, buttons, history, stats) is in the worker's own language, from dialogs/ui.yaml.</summary>
public sealed class WorkerWordsTests
{
    private const long Person = 9701;

    private static IEnumerable<string> Labels(IEnumerable<Outbound> outbounds) =>
        outbounds.SelectMany(o => o.Buttons ?? []).SelectMany(row => row).Select(b => b.Label);

    [Fact]
    public void A_kazakh_speaking_worker_reads_the_queue_buttons_and_history_in_kazakh_and_a_russian_one_in_russian()
    {
        using var bot = new CoreHarness();
        bot.Onboard(Person);
        bot.Press(Person, "a:escalate");
        bot.Say(Person, "Нужна консультация");

        bot.Say(CoreHarness.Worker1, "/queue", "kk");
        Assert.Matches(@"⚪ #1 · ru · \d+ мин · specialist", bot.TextTo(CoreHarness.Worker1));
        Assert.Contains("✋ Алу #1", Labels(bot.Last));

        bot.Say(CoreHarness.Worker2, "/queue", "ru");
        Assert.Contains("✋ Взять #1", Labels(bot.Last));

        bot.Press(CoreHarness.Worker1, "w:take:1", lang: "kk");
        var taken = bot.TextTo(CoreHarness.Worker1);
        Assert.Contains("Өтініш #1 · ru · маманда · тақырыптар: specialist", taken, StringComparison.Ordinal);
        Assert.Contains("Адам: Нужна консультация", taken, StringComparison.Ordinal);
        Assert.Contains("Жүйе: [statechange] queued", taken, StringComparison.Ordinal);
        Assert.DoesNotContain("Case #", taken, StringComparison.Ordinal);
        Assert.DoesNotContain("Person:", taken, StringComparison.Ordinal);
        var labels = Labels(bot.Last).ToList();
        Assert.Contains("📜 Журнал /history", labels);
        Assert.Contains("↩ Кезекке /transfer", labels);
        Assert.Contains("✅ Жабу /close", labels);

        bot.Say(CoreHarness.Worker1, "/history 1", "ru");
        var history = bot.TextTo(CoreHarness.Worker1);
        Assert.Contains("Обращение #1 · ru · у специалиста", history, StringComparison.Ordinal);
        Assert.Contains("Человек: Нужна консультация", history, StringComparison.Ordinal);
    }

    [Fact]
    public void A_supervisor_reads_the_stats_in_their_language()
    {
        using var bot = new CoreHarness();
        bot.Onboard(Person);
        bot.Press(Person, "a:escalate");
        bot.Say(Person, "Нужна консультация");

        bot.Say(CoreHarness.Supervisor, "/stats", "kk");
        var kk = bot.TextTo(CoreHarness.Supervisor);
        Assert.Contains("ашық: 1, кезекте: 1, оның ішінде шұғыл: 0, барлығы: 1", kk, StringComparison.Ordinal);
        Assert.DoesNotContain("waiting", kk, StringComparison.Ordinal);

        bot.Say(CoreHarness.Supervisor, "/stats", "ru");
        Assert.Contains("открыто: 1, в очереди: 1, из них срочных: 0, всего: 1", bot.TextTo(CoreHarness.Supervisor), StringComparison.Ordinal);
    }
}
