using HotlineBot.Cases;
using HotlineBot.Conversations;
using HotlineBot.Hosting;
using HotlineBot.Storage;
using HotlineBot.Tests.Core;
using Microsoft.Extensions.Configuration;

namespace HotlineBot.Tests.Practice;

/// <summary>Shifts, handover and the counsellor's check-in, replayed through the core.</summary>
public sealed class ShiftsAndSupervisionTests
{
    private const long Person = 7801;
    private const long Worker1 = CoreHarness.Worker1;
    private const long Worker2 = CoreHarness.Worker2;

    private static IReadOnlyList<Outbound> OpenCase(CoreHarness core, long person, string first)
    {
        core.Onboard(person);
        core.Press(person, "a:escalate");
        return core.Say(person, first);
    }

    private static bool Offered(IReadOnlyList<Outbound> turn, long staff, int caseId) =>
        turn.Any(o => o.ChatId == staff && CoreHarness.ButtonData([o]).Contains($"w:take:{caseId}"));

    [Fact]
    public void Going_off_duty_with_an_open_case_asks_for_a_handover_and_the_note_is_what_the_colleague_reads_first()
    {
        using var core = new CoreHarness(settings: new Dictionary<string, string?> { ["Hotline:WorkerNames:900001"] = "Aigul", ["Hotline:WorkerNames:900002"] = "Dmitry" });
        OpenCase(core, Person, "Муж опять кричит");
        core.Press(Worker1, "w:take:1");

        var off = core.Say(Worker1, "/duty off");
        Assert.Contains("Вы сняты со смены", core.TextTo(Worker1), StringComparison.Ordinal);
        var ask = Assert.Single(off, o => o.ChatId == Worker1 && o.Text!.Contains("#1 всё ещё у вас", StringComparison.Ordinal));
        Assert.Contains("w:requeue:1", CoreHarness.ButtonData([ask]));
        Assert.Contains("w:duty:0:on", CoreHarness.ButtonData(off));

        var moved = core.Say(Worker1, "/transfer 1 Dmitry Человек боится мужа, говорили про 111");
        var toColleague = Assert.Single(moved, o => o.ChatId == Worker2 && o.Kind == OutboundKind.Send);
        Assert.StartsWith("📝 Заметка при передаче от Aigul (#1): Человек боится мужа, говорили про 111", toColleague.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(moved, o => o.ChatId == Person && o.Text!.Contains("боится", StringComparison.Ordinal));
        var c = core.Get<ICaseStore>().Find(1)!;
        Assert.Equal(Worker2, c.WorkerId);
        Assert.Null(c.HandoverNote);
        Assert.Contains(core.Get<ICaseStore>().Log(1), e => e.Kind == CaseEventKind.Note && e.Text == "handover note: Человек боится мужа, говорили про 111");

        // The note was shown once: a later transfer without one carries none.
        var back = core.Say(Worker2, "/transfer 1 Aigul");
        Assert.DoesNotContain(back, o => o.ChatId == Worker1 && o.Text!.Contains("📝", StringComparison.Ordinal));
    }

    [Fact]
    public void Duty_buttons_and_status_and_with_duty_default_off_nobody_is_notified_until_someone_starts_a_shift()
    {
        using var core = new CoreHarness(settings: new Dictionary<string, string?> { ["Hotline:DutyDefault"] = "off" });
        var first = OpenCase(core, Person, "Вопрос");
        Assert.All(CoreHarness.Staff, s => Assert.False(Offered(first, s, 1)));
        Assert.Contains("Сейчас на смене нет специалиста", core.TextTo(Person), StringComparison.Ordinal);

        core.Say(Worker1, "/duty");
        Assert.Contains("Смена: не на смене", core.TextTo(Worker1), StringComparison.Ordinal);
        core.Press(Worker1, "w:duty:0:on");
        Assert.Contains("Вы на смене", core.TextTo(Worker1), StringComparison.Ordinal);
        // Starting the shift shows what already waits, with its Take button.
        Assert.Contains("w:take:1", CoreHarness.ButtonData(core.RepliesTo(Worker1)));
        Assert.True(core.Get<IWorkerStore>().Get(Worker1).OnDuty);

        var second = OpenCase(core, 7802, "Другой вопрос");
        Assert.True(Offered(second, Worker1, 2));
        Assert.False(Offered(second, Worker2, 2));
        Assert.DoesNotContain("нет специалиста", core.TextTo(7802), StringComparison.Ordinal);

        // Only the worker who got the notice sees it edited when the case is taken.
        var taken = core.Press(Worker1, "w:take:2");
        Assert.DoesNotContain(taken, o => o.ChatId == Worker2 || o.ChatId == CoreHarness.Supervisor);
    }

    [Fact]
    public void After_a_high_risk_case_closes_the_worker_gets_a_check_in_and_after_an_ordinary_one_does_not()
    {
        using var core = new CoreHarness();
        OpenCase(core, Person, "Вопрос о пособии");
        core.Press(Worker1, "w:take:1");
        core.Say(Person, "я не хочу больше жить");
        var closed = WrapUpSteps.Close(core, Worker1, 1, "suicide", "thoughts");
        Assert.Contains(closed, o => o.ChatId == Worker1 && o.Text?.Contains("сделайте перерыв", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(closed, o => o.ChatId == Person && o.Text?.Contains("перерыв", StringComparison.Ordinal) == true);

        OpenCase(core, 7803, "Вопрос о пособии");
        core.Press(Worker2, "w:take:2");
        var ordinary = WrapUpSteps.Close(core, Worker2, 2);
        Assert.DoesNotContain(ordinary, o => o.Text?.Contains("перерыв", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_worker_cannot_use_live_whisper_or_takeover()
    {
        using var core = new CoreHarness();
        OpenCase(core, Person, "Вопрос");
        core.Press(Worker1, "w:take:1");
        foreach (var command in new[] { "/live", "/whisper 1 текст", "/takeover 1" })
        {
            core.Say(Worker2, command);
            Assert.Contains("Не понял команду", core.TextTo(Worker2), StringComparison.Ordinal);
        }

        core.Press(Worker2, "w:over:1");
        Assert.Equal(Worker1, core.Get<ICaseStore>().Find(1)!.WorkerId);
        Assert.DoesNotContain(core.Get<ICaseStore>().Log(1), e => e.Kind == CaseEventKind.Access);
    }

    [Fact]
    public void A_wrong_duty_default_stops_the_start_with_one_line_naming_it()
    {
        var builder = HotlineHost.CreateBuilder([], HostMode.Terminal, config => config.AddJsonFile(Path.Combine(CoreHarness.RepoRoot, "config", "appsettings.json")).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dialogs:Path"] = CoreHarness.DialogsPath,
            ["Storage:Path"] = ":memory:",
            ["Hotline:DutyDefault"] = "sometimes",
        }));
        using var host = builder.Build();
        var problem = Assert.Single(HotlineHost.Preflight(host.Services, HostMode.Terminal));
        Assert.Equal("Hotline:DutyDefault must be 'working-hours' or 'off', not 'sometimes'", problem);
    }
}
