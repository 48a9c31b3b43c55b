using System.Text.Json;
using HotlineBot.Cases;
using HotlineBot.FakeTelegram;
using HotlineBot.Hosting;
using HotlineBot.Settings;
using HotlineBot.Storage;
using HotlineBot.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static HotlineBot.Tests.EndToEnd.EscalationHelpers;

namespace HotlineBot.Tests.Practice;

/// <summary>
/// Helpline practice through the real host and Telegram.Bot client against the fake Bot API: the wrap-up form at close,
/// shifts and the case limit, supervision, and the monthly report.
/// </summary>
public sealed class PracticeEndToEndTests
{
    private const long WorkerA = BotHost.WorkerA;
    private const long WorkerB = BotHost.WorkerB;
    private const long Supervisor = BotHost.Supervisor;

    private static bool Notified(FakeBotApi api, long worker, int caseId) =>
        api.BotMessages(worker).Any(m => m.Buttons.Any(b => b.CallbackData == $"w:take:{caseId}"));

    private static async Task DutyAsync(FakeBotApi api, long worker, string change)
    {
        var before = LastId(api, worker);
        api.SendText(worker, "/duty " + change, "ru", worker == WorkerA ? "Aigul" : worker == WorkerB ? "Dmitry" : "Sup");
        await WaitText(api, worker, change == "on" ? "Вы на смене" : "Вы сняты со смены", before);
    }

    private static async Task TakeAsync(FakeBotApi api, long worker, long person, int caseId)
    {
        var notice = await WaitNotification(api, worker, caseId);
        api.PressButton(worker, notice.MessageId, $"w:take:{caseId}");
        await WaitText(api, worker, $"Обращение #{caseId} у вас");
        await WaitText(api, person, "на связи");
    }

    [Fact]
    public async Task A_close_without_a_category_is_blocked_and_the_category_reaches_cases_export_and_stats()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        const long person = 17001;
        await GreetWorkersAsync(api, WorkerA, Supervisor);
        await OpenCaseAsync(api, person, "Какие пособия мне положены?");
        await TakeAsync(api, WorkerA, person, 1);

        var before = LastId(api, WorkerA);
        api.SendText(WorkerA, "/close", "ru", "Aigul");
        var form = await api.WaitForBotMessageAsync(WorkerA, m => m.Buttons.Any(b => b.CallbackData == "w:wu:1:c:benefits"), Wait, before);
        api.PressButton(WorkerA, form.MessageId, "w:wu:1:f");
        await WaitText(api, WorkerA, "Без категории обращение закрыть нельзя", before);
        await bot.WaitIdleAsync();
        Assert.False(Saw(api, person, "завершил"));
        Assert.Equal(CaseStatus.Assigned, bot.Services.GetRequiredService<ICaseStore>().Find(1)!.Status);

        api.PressButton(WorkerA, form.MessageId, "w:wu:1:c:benefits");
        await api.WaitForBotMessageAsync(WorkerA, m => m.Buttons.Any(b => b.CallbackData == "w:wu:1:s:special"), Wait, before);
        api.PressButton(WorkerA, form.MessageId, "w:wu:1:s:special");
        await api.WaitForBotMessageAsync(WorkerA, m => m.Buttons.Any(b => b.CallbackData == "w:wu:1:a:r1414"), Wait, before);
        api.PressButton(WorkerA, form.MessageId, "w:wu:1:a:r1414");
        await api.WaitForBotMessageAsync(WorkerA, m => m.Buttons.Any(b => b.CallbackData == "w:wu:1:a:r1414" && b.Text.StartsWith('✓')), Wait, before);
        api.PressButton(WorkerA, form.MessageId, "w:wu:1:f");
        await WaitText(api, person, "завершил разговор по обращению №1");
        await WaitText(api, WorkerA, "Обращение #1 закрыто", before);

        // cases export, both formats, through the running bot as the command line does it.
        var json = Path.Combine(TestPaths.TempDirectory(), "export.json");
        Assert.Null(await RunningBot.AskAsync(bot.DataFile, new AdminRequest(AdminRequest.Export, json, null, "json"), Wait));
        var exported = JsonDocument.Parse(await File.ReadAllTextAsync(json)).RootElement[0];
        Assert.Equal("benefits", exported.GetProperty("WrapUp").GetProperty("Category").GetString());
        Assert.Equal("special", exported.GetProperty("WrapUp").GetProperty("Subcategory").GetString());
        Assert.Equal("r1414", exported.GetProperty("WrapUp").GetProperty("Actions")[0].GetString());
        Assert.Equal("benefits/special", exported.GetProperty("Outcome").GetString());
        var csv = Path.Combine(TestPaths.TempDirectory(), "export.csv");
        Assert.Null(await RunningBot.AskAsync(bot.DataFile, new AdminRequest(AdminRequest.Export, csv, null, "csv"), Wait));
        var lines = await File.ReadAllLinesAsync(csv);
        Assert.EndsWith(",category,subcategory,actions,repeat_contact,missed,summary", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.Contains(",\"benefits\",\"special\",\"r1414\",", l, StringComparison.Ordinal));

        before = LastId(api, Supervisor);
        api.SendText(Supervisor, "/stats", "ru", "Sup");
        var stats = await WaitText(api, Supervisor, "По категориям", before);
        Assert.Contains("По категориям: Государственные пособия · Специальное государственное пособие 1", stats.Text, StringComparison.Ordinal);
        Assert.Contains("Направления: Направлен(а): 1414 / ЦОН 1", stats.Text, StringComparison.Ordinal);
        Assert.Contains("отвечено 1", stats.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duty_on_and_off_change_who_is_notified_and_the_last_one_off_tells_the_waiting_person_honestly()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        await GreetWorkersAsync(api, WorkerA, WorkerB, Supervisor);
        await DutyAsync(api, WorkerA, "off");
        await DutyAsync(api, Supervisor, "off");

        // Dmitry has never used /duty: within working hours he is on duty by default (Hotline:DutyDefault).
        await OpenCaseAsync(api, 17101, "Первый вопрос");
        await WaitNotification(api, WorkerB, 1);
        await bot.WaitIdleAsync();
        Assert.False(Notified(api, WorkerA, 1));
        Assert.False(Notified(api, Supervisor, 1));

        await DutyAsync(api, WorkerA, "on");
        await DutyAsync(api, WorkerB, "off");
        await OpenCaseAsync(api, 17102, "Второй вопрос");
        await WaitNotification(api, WorkerA, 2);
        await bot.WaitIdleAsync();
        Assert.False(Notified(api, WorkerB, 2));
        Assert.False(Notified(api, Supervisor, 2));

        // Aigul, the last one on duty, leaves while two people wait: they are told, the supervisor is alerted.
        var before = LastId(api, 17102);
        await DutyAsync(api, WorkerA, "off");
        var told = await WaitText(api, 17102, "Сейчас на смене нет специалиста", before);
        Assert.Contains("☎ 112", told.Text, StringComparison.Ordinal);
        await WaitText(api, 17101, "Сейчас на смене нет специалиста");
        var alert = await WaitText(api, Supervisor, "На смене не осталось никого");
        Assert.Contains("#1", alert.Text, StringComparison.Ordinal);
        Assert.Contains("#2", alert.Text, StringComparison.Ordinal);

        // A new case now is told the same at once, and no one is promised.
        await OpenCaseAsync(api, 17103, "Третий вопрос");
        await WaitText(api, 17103, "Сейчас на смене нет специалиста");
        await bot.WaitIdleAsync();
        Assert.All(new[] { WorkerA, WorkerB, Supervisor }, w => Assert.False(Notified(api, w, 3)));
    }

    [Fact]
    public async Task A_worker_at_the_case_limit_is_not_offered_new_cases_but_an_urgent_one_still_reaches_them()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api, settings: new Dictionary<string, string?> { ["Hotline:MaxCasesPerWorker"] = "1" });
        await GreetWorkersAsync(api, WorkerA, WorkerB, Supervisor);
        await DutyAsync(api, WorkerB, "off");
        await DutyAsync(api, Supervisor, "off");
        await DutyAsync(api, WorkerA, "on");
        await OpenCaseAsync(api, 17201, "Вопрос о пособии");
        await TakeAsync(api, WorkerA, 17201, 1);

        await OpenCaseAsync(api, 17202, "Ещё один вопрос");
        await bot.WaitIdleAsync();
        Assert.False(Notified(api, WorkerA, 2));

        await ReachMenuAsync(api, 17203);
        api.SendText(17203, "я не хочу жить");
        var urgent = await WaitNotification(api, WorkerA, 3);
        Assert.Contains("СРОЧНОЕ обращение #3", urgent.Text, StringComparison.Ordinal);
        await bot.WaitIdleAsync();
        Assert.False(Notified(api, WorkerA, 2));
    }

    [Fact]
    public async Task A_supervisor_sees_live_cases_whispers_a_note_the_person_never_gets_and_takes_the_case_over()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        const long person = 17301;
        await GreetWorkersAsync(api, WorkerA, Supervisor);
        await OpenCaseAsync(api, person, "Мне страшно оставаться дома");
        await TakeAsync(api, WorkerA, person, 1);

        var before = LastId(api, Supervisor);
        api.SendText(Supervisor, "/live", "ru", "Sup");
        var live = await WaitText(api, Supervisor, "Открытые обращения: 1", before);
        Assert.Contains("#1 · Aigul · открыто", live.Text, StringComparison.Ordinal);
        Assert.Contains(live.Buttons, b => b.CallbackData == "w:over:1");
        Assert.Contains(live.Buttons, b => b.CallbackData == "w:history:1");

        const string Note = "Спросите, есть ли у неё безопасное место";
        before = LastId(api, WorkerA);
        api.SendText(Supervisor, "/whisper 1 " + Note, "ru", "Sup");
        var whisper = await WaitText(api, WorkerA, Note, before);
        Assert.StartsWith("🔒", whisper.Text, StringComparison.Ordinal);
        await WaitText(api, Supervisor, "человек её не видит");
        await bot.WaitIdleAsync();
        Assert.DoesNotContain(Texts(api, person), t => t.Contains("безопасное место", StringComparison.Ordinal));

        var personBefore = LastId(api, person);
        var workerBefore = LastId(api, WorkerA);
        api.PressButton(Supervisor, live.MessageId, "w:over:1");
        await WaitText(api, WorkerA, "Супервизор #900009 забрал(а) обращение #1", workerBefore);
        await WaitText(api, person, "специалист", personBefore);
        api.SendText(Supervisor, "Я с вами, давайте подумаем вместе", "ru", "Sup");
        await WaitText(api, person, "Специалист: Я с вами", personBefore);
        await bot.WaitIdleAsync();
        Assert.DoesNotContain(api.BotMessages(WorkerA), m => m.MessageId > workerBefore && m.Display?.Contains("Я с вами", StringComparison.Ordinal) == true);

        var store = bot.Services.GetRequiredService<ICaseStore>();
        Assert.Equal(Supervisor, store.Find(1)!.WorkerId);
        var log = store.Log(1);
        // The line keeps the two ids; the names are the configuration's, given where the log is read.
        var names = bot.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HotlineOptions>>().Value;
        Assert.Contains(log, e => e.Kind == CaseEventKind.StateChange && e.Actor == ActorRole.Supervisor && (e.FromWorkerId, e.ToWorkerId) == (WorkerA, Supervisor)
            && e.TextNaming(names.WorkerName) == "taken over by supervisor #900009 from Aigul");
        Assert.Contains(log, e => e.Kind == CaseEventKind.Note && e.Actor == ActorRole.Supervisor && e.Text!.Contains(Note, StringComparison.Ordinal));
        Assert.Contains(log, e => e.Kind == CaseEventKind.Access && e.Text == Supervision.LiveView && e.WorkerId == Supervisor);
    }

    [Fact]
    public async Task The_monthly_report_gives_counts_for_the_month_and_none_of_the_words_anyone_wrote()
    {
        // Wednesday 18 November 2026, 10:00 in Kazakhstan (UTC+5), within working hours.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 18, 5, 0, 0, TimeSpan.Zero));
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartWithFakeTimeAsync(api, time, new Dictionary<string, string?> { ["Hotline:WorkingHours:AlwaysOpen"] = "false" });
        await GreetWorkersAsync(api, WorkerA);
        string[] words = ["Бекзат", "угрожает", "Жанар", "пенсию", "перезвоните", "соседке"];

        const long answered = 17401;
        await OpenCaseAsync(api, answered, "Мой сосед Бекзат угрожает мне");
        await TakeAsync(api, WorkerA, answered, 1);
        api.SendText(WorkerA, "Если он придёт, перезвоните 111", "ru", "Aigul");
        await WaitText(api, answered, "перезвоните 111");
        var before = LastId(api, WorkerA);
        api.SendText(WorkerA, "/close", "ru", "Aigul");
        var form = await api.WaitForBotMessageAsync(WorkerA, m => m.Buttons.Any(b => b.CallbackData == "w:wu:1:c:violence"), Wait, before);
        foreach (var (data, next) in new[] { ("w:wu:1:c:violence", "w:wu:1:s:domestic"), ("w:wu:1:s:domestic", "w:wu:1:a:r111"), ("w:wu:1:a:r111", "w:wu:1:n"), ("w:wu:1:n", "w:wu:1:r:0"), ("w:wu:1:r:0", "w:wu:1:f") })
        {
            api.PressButton(WorkerA, form.MessageId, data);
            await api.WaitForBotMessageAsync(WorkerA, m => m.Buttons.Any(b => b.CallbackData == next) && (next != "w:wu:1:n" || m.Buttons.Any(b => b.Text.StartsWith('✓'))), Wait, before);
        }

        api.SendText(WorkerA, "Бекзат угрожает соседке, дала 111", "ru", "Aigul");
        await WaitText(api, WorkerA, "Резюме: Бекзат", before);
        api.PressButton(WorkerA, form.MessageId, "w:wu:1:f");
        await WaitText(api, WorkerA, "Обращение #1 закрыто", before);

        // A person who leaves the queue before anyone answers is a missed contact.
        const long missed = 17402;
        await OpenCaseAsync(api, missed, "Жанар спрашивает про пенсию");
        time.Advance(TimeSpan.FromMinutes(4));
        before = LastId(api, missed);
        api.SendText(missed, "/cancel");
        var confirm = await WaitText(api, missed, "Закрыть обращение №2?", before);
        api.PressButton(missed, confirm.MessageId, "a:cancelyes:2");
        await WaitText(api, missed, "закрыто", confirm.MessageId);
        await bot.WaitIdleAsync();

        var md = Path.Combine(TestPaths.TempDirectory(), "report-2026-11.md");
        Assert.Null(await RunningBot.AskAsync(bot.DataFile, new AdminRequest(AdminRequest.Report, md, null, "md", "2026-11"), Wait));
        var report = await File.ReadAllTextAsync(md);
        if (Environment.GetEnvironmentVariable("HOTLINE_REPORT_OUT") is { Length: > 0 } sample)
        {
            File.WriteAllText(sample, report);
        }

        Assert.Contains("# Отчёт: 2026-11", report, StringComparison.Ordinal);
        Assert.Contains("- всего: 2", report, StringComparison.Ordinal);
        Assert.Contains("- отвечено: 1", report, StringComparison.Ordinal);
        Assert.Contains("- пропущено (человек ушёл до ответа специалиста): 1", report, StringComparison.Ordinal);
        Assert.Contains("- доля отвеченных: 50%", report, StringComparison.Ordinal);
        Assert.Contains("- Насилие · Бытовое насилие: 1", report, StringComparison.Ordinal);
        Assert.Contains("- без категории: 1", report, StringComparison.Ordinal);
        Assert.Contains("- Направлен(а): 111: 1", report, StringComparison.Ordinal);
        Assert.Contains("- 10:00: 2", report, StringComparison.Ordinal);
        Assert.Contains("- Ср: 2", report, StringComparison.Ordinal);

        var csv = Path.Combine(TestPaths.TempDirectory(), "report-2026-11.csv");
        Assert.Null(await RunningBot.AskAsync(bot.DataFile, new AdminRequest(AdminRequest.Report, csv, null, "csv", "2026-11"), Wait));
        var rows = await File.ReadAllLinesAsync(csv);
        Assert.Contains("contacts,missed,1", rows);
        Assert.Contains("contacts,missed_wait_median_min,4", rows);
        Assert.Contains("contacts,answered_share,0.5", rows);
        Assert.Contains("category,violence/domestic,1", rows);
        Assert.Contains("referral,r111,1", rows);
        Assert.Contains("weekday,Wed,2", rows);

        foreach (var text in new[] { report, string.Join("\n", rows) })
        {
            Assert.All(words, w => Assert.DoesNotContain(w, text, StringComparison.OrdinalIgnoreCase));
        }

        // The month before has nothing in it; a malformed month is refused with the reason.
        var october = Path.Combine(TestPaths.TempDirectory(), "report-2026-10.csv");
        Assert.Null(await RunningBot.AskAsync(bot.DataFile, new AdminRequest(AdminRequest.Report, october, null, "csv", "2026-10"), Wait));
        Assert.Contains("contacts,total,0", await File.ReadAllLinesAsync(october));
        Assert.StartsWith("--month must be YYYY-MM", await RunningBot.AskAsync(bot.DataFile, new AdminRequest(AdminRequest.Report, october, null, "csv", "November"), Wait), StringComparison.Ordinal);
    }
}
