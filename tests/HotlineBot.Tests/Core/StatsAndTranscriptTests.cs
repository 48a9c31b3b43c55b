using HotlineBot.Cases;
using HotlineBot.Conversations;
using HotlineBot.Storage;

namespace HotlineBot.Tests.Core;

public sealed class StatsAndTranscriptTests
{
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
        var text = CaseStats.Describe(cases);
        Assert.Contains("open: 2, waiting: 1, urgent waiting: 1, total: 4", text, StringComparison.Ordinal);
        Assert.Contains("median 4, p90 10 (n=3)", text, StringComparison.Ordinal);
        Assert.Contains("by language: kk 2, ru 2", text, StringComparison.Ordinal);
        Assert.Contains("by topic: benefits 2, — 2, services 1", text, StringComparison.Ordinal);
        Assert.Contains("ratings: 4.0 average of 2", text, StringComparison.Ordinal);
        Assert.Contains("3★×1", text, StringComparison.Ordinal);
        Assert.Contains("5★×1", text, StringComparison.Ordinal);
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
        var lines = CaseTranscript.Format(@case, events, id => id == 900001 ? "Анна" : "?", 5).TrimEnd().Split(Environment.NewLine);
        Assert.Equal(
        [
            "Case #7 · ru · Assigned · URGENT · topics: benefits · follows #3",
            "2025-01-01 15:00 System: [statechange] queued",
            "2025-01-01 15:01 Person: Здравствуйте",
            "2025-01-01 15:02 Worker Анна: Слушаю вас",
            "2025-01-01 15:03 Worker Анна: [note] звонить 111",
            "2025-01-01 15:04 Person: [photo] справка",
        ], lines);
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
        Assert.Contains("Case #1 · ru · Assigned · topics: benefits, specialist", toWorker, StringComparison.Ordinal);
        Assert.Contains("System: [statechange] queued", toWorker, StringComparison.Ordinal);
        Assert.Contains("Person: Мне отказали в пособии", toWorker, StringComparison.Ordinal);
        Assert.Contains("Worker #900001: [statechange] taken", toWorker, StringComparison.Ordinal);
        Assert.DoesNotContain("9501", toWorker, StringComparison.Ordinal);
        Assert.Contains("Специалист на связи", bot.TextTo(person), StringComparison.Ordinal);
        Assert.Equal(ConversationState.TalkingWithWorker, bot.Get<IPersonStore>().Find(person)!.State);

        bot.Press(CoreHarness.Worker2, "w:take:1");
        Assert.Contains("Обращение #1 уже занято", bot.TextTo(CoreHarness.Worker2), StringComparison.Ordinal);
        Assert.Equal(CoreHarness.Worker1, bot.Get<ICaseStore>().Find(1)!.WorkerId);
    }
}
