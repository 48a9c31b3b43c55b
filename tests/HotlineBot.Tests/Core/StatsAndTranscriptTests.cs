using HotlineBot.Cases;
using HotlineBot.Conversations;
using HotlineBot.Dialogs;
using HotlineBot.Storage;

namespace HotlineBot.Tests.Core;

public sealed class StatsAndTranscriptTests
{
    /// <summary>The real words from dialogs/ui.yaml: a test fails when a key or its text goes missing.</summary>
    private static readonly UiText Ui = DialogCatalog.Load(CoreHarness.DialogsPath).Set!.Ui;

    [Theory]
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, 0.5, 3)]
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, 0.9, 5)]
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, 0.2, 1)]
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, 0.21, 2)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.9, 9)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.5, 5)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.91, 10)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 1.0, 10)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.0, 1)]
    [InlineData(new double[] { 7 }, 0.5, 7)]
    [InlineData(new double[] { 7 }, 0.99, 7)]
    [InlineData(new double[] { 2, 4 }, 0.5, 2)]
    [InlineData(new double[] { 2, 4 }, 0.51, 4)]
    public void Percentile_is_nearest_rank(double[] sorted, double p, double expected) =>
        Assert.Equal(expected, CaseStats.Percentile(sorted, p));

    [Fact]
    public void Percentile_of_nothing_is_null() => Assert.Null(CaseStats.Percentile([], 0.5));

    [Fact]
    public void Describe_counts_cases_pickup_times_and_ratings()
    {
        var at = new DateTimeOffset(2025, 1, 1, 10, 0, 0, TimeSpan.Zero);
        var cases = new List<Case>
        {
            new() { Id = 1, Status = CaseStatus.Closed, OpenedAt = at, TakenAt = at.AddMinutes(2), Rating = 5, Language = Language.Ru, Topics = ["benefits"] },
            new() { Id = 2, Status = CaseStatus.Assigned, OpenedAt = at, TakenAt = at.AddMinutes(4), Rating = 3, Language = Language.Kk, Topics = ["benefits", "services"] },
            new() { Id = 3, Status = CaseStatus.Queued, OpenedAt = at, Urgent = true, Language = Language.Kk },
            new() { Id = 4, Status = CaseStatus.Closed, OpenedAt = at, TakenAt = at.AddMinutes(10), Language = Language.Ru },
        };
        var text = CaseStats.Describe(cases, Ui, Language.Ru);
        Assert.Contains("открыто: 2, в очереди: 1, из них срочных: 1, всего: 4", text, StringComparison.Ordinal);
        Assert.Contains("медиана 4, p90 10 (n=3)", text, StringComparison.Ordinal);
        Assert.Contains("по языкам: kk 2, ru 2", text, StringComparison.Ordinal);
        Assert.Contains("по темам: benefits 2, — 2, services 1", text, StringComparison.Ordinal);
        Assert.Contains("оценки: в среднем 4.0, всего 2", text, StringComparison.Ordinal);
        Assert.Contains("3★×1", text, StringComparison.Ordinal);
        Assert.Contains("5★×1", text, StringComparison.Ordinal);

        var kk = CaseStats.Describe(cases, Ui, Language.Kk);
        Assert.Contains("ашық: 2, кезекте: 1, оның ішінде шұғыл: 1, барлығы: 4", kk, StringComparison.Ordinal);
        Assert.Contains("тақырыптар бойынша: benefits 2", kk, StringComparison.Ordinal);
        Assert.DoesNotContain("open", kk, StringComparison.Ordinal);
    }

    [Fact]
    public void A_transcript_reads_like_a_conversation()
    {
        var at = new DateTimeOffset(2025, 1, 1, 10, 0, 0, TimeSpan.Zero);
        var @case = new Case { Id = 7, Language = Language.Ru, Status = CaseStatus.Assigned, Urgent = true, Topics = ["benefits"], PreviousCaseId = 3 };
        CaseEvent[] events =
        [
            new() { CaseId = 7, At = at, Actor = ActorRole.System, Kind = CaseEventKind.StateChange, Text = "queued" },
            new() { CaseId = 7, At = at.AddMinutes(1), Actor = ActorRole.Person, Kind = CaseEventKind.PersonMessage, Text = "Здравствуйте" },
            new() { CaseId = 7, At = at.AddMinutes(2), Actor = ActorRole.Worker, WorkerId = 900001, Kind = CaseEventKind.WorkerMessage, Text = "Слушаю вас" },
            new() { CaseId = 7, At = at.AddMinutes(3), Actor = ActorRole.Worker, WorkerId = 900001, Kind = CaseEventKind.Note, Text = "звонить 111" },
            new() { CaseId = 7, At = at.AddMinutes(4), Actor = ActorRole.Person, Kind = CaseEventKind.PersonMessage, MediaKind = "photo", Text = "справка" },
        ];
        var lines = CaseTranscript.Format(@case, events, id => id == 900001 ? "Анна" : "?", 5, Ui, Language.Ru).TrimEnd().Split(Environment.NewLine);
        Assert.Equal(
        [
            "Обращение #7 · ru · у специалиста · СРОЧНОЕ · темы: benefits · продолжение #3",
            "2025-01-01 15:00 Система: [statechange] queued",
            "2025-01-01 15:01 Человек: Здравствуйте",
            "2025-01-01 15:02 Специалист Анна: Слушаю вас",
            "2025-01-01 15:03 Специалист Анна: [note] звонить 111",
            "2025-01-01 15:04 Человек: [photo] справка",
        ], lines);

        var kk = CaseTranscript.Format(@case, events, id => id == 900001 ? "Анна" : "?", 5, Ui, Language.Kk).TrimEnd().Split(Environment.NewLine);
        Assert.Equal("Өтініш #7 · ru · маманда · ШҰҒЫЛ · тақырыптар: benefits · #3 өтініштің жалғасы", kk[0]);
        Assert.Equal("2025-01-01 15:02 Маман Анна: Слушаю вас", kk[3]);
    }

    [Fact]
    public void The_worker_who_takes_a_case_reads_its_history_without_the_persons_chat_id()
    {
        const long person = 9501;
        using var bot = new CoreHarness();
        bot.Onboard(person);
        bot.Press(person, "n:benefits");
        bot.Press(person, "a:escalate");
        bot.Say(person, "Мне отказали в пособии");

        bot.Press(CoreHarness.Worker1, "w:take:1");

        var toWorker = bot.TextTo(CoreHarness.Worker1);
        Assert.Contains("Обращение #1 · ru · у специалиста · темы: benefits, specialist", toWorker, StringComparison.Ordinal);
        Assert.Contains("Система: [statechange] queued", toWorker, StringComparison.Ordinal);
        Assert.Contains("Человек: Мне отказали в пособии", toWorker, StringComparison.Ordinal);
        Assert.Contains("Специалист #900001: [statechange] taken", toWorker, StringComparison.Ordinal);
        Assert.DoesNotContain("9501", toWorker, StringComparison.Ordinal);
        Assert.Contains("Специалист на связи", bot.TextTo(person), StringComparison.Ordinal);
        Assert.Equal(ConversationState.TalkingWithWorker, bot.Get<IPersonStore>().Find(person)!.State);

        bot.Press(CoreHarness.Worker2, "w:take:1");
        Assert.Contains("Обращение #1 уже занято", bot.TextTo(CoreHarness.Worker2), StringComparison.Ordinal);
        Assert.Equal(CoreHarness.Worker1, bot.Get<ICaseStore>().Find(1)!.WorkerId);
    }
}
