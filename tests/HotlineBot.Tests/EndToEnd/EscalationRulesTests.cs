using HotlineBot.FakeTelegram;
using HotlineBot.Settings;
using Microsoft.Extensions.Time.Testing;
using static HotlineBot.Tests.EndToEnd.EscalationHelpers;

namespace HotlineBot.Tests.EndToEnd;

/// <summary>Crisis, pickup timeout, staff-only commands, follow-up cases and after-hours, as people and workers see them.</summary>
public sealed class EscalationRulesTests
{
    [Fact]
    public async Task Escalation_crisis_words_in_each_language_answer_with_112_and_jump_the_queue()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        await GreetWorkersAsync(api, BotHost.WorkerA);

        // An older, ordinary case first.
        await OpenCaseAsync(api, 6001, "Вопрос про пособие на ребёнка");
        await WaitNotification(api, BotHost.WorkerA, 1);

        await ReachMenuAsync(api, 6002, "ru");
        var before = LastId(api, 6002);
        api.SendText(6002, "я не хочу жить", "ru");
        var ru = await WaitText(api, 6002, "112", before);
        Assert.Contains("Вы не одни", ru.Text);
        var urgentRu = await WaitText(api, BotHost.WorkerA, "СРОЧНОЕ обращение #2");
        Assert.Contains(urgentRu.Buttons, b => b.CallbackData == "w:take:2");

        await ReachMenuAsync(api, 6003, "kk");
        before = LastId(api, 6003);
        api.SendText(6003, "өмір сүргім келмейді", "kk");
        var kk = await WaitText(api, 6003, "112", before);
        Assert.Contains("Сіз жалғыз емессіз", kk.Text);
        var urgentKk = await WaitText(api, BotHost.WorkerA, "СРОЧНОЕ обращение #3");
        Assert.Contains(urgentKk.Buttons, b => b.CallbackData == "w:take:3");
        Assert.Contains("kk", urgentKk.Text);

        before = LastId(api, BotHost.WorkerA);
        api.SendText(BotHost.WorkerA, "/queue", "ru", "Aigul");
        var queue = await WaitText(api, BotHost.WorkerA, "В очереди: 3", before);
        var ordinary = queue.Text!.IndexOf("#1 ", StringComparison.Ordinal);
        var first = queue.Text.IndexOf("#2 ", StringComparison.Ordinal);
        var second = queue.Text.IndexOf("#3 ", StringComparison.Ordinal);
        Assert.True(first >= 0 && second >= 0 && ordinary >= 0, queue.Text);
        Assert.True(first < ordinary && second < ordinary, queue.Text);
        Assert.Contains("🔴 #2", queue.Text);
        Assert.Contains("⚪ #1", queue.Text);
    }

    [Fact]
    public async Task Escalation_pickup_timeout_tells_the_person_once_with_the_numbers()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero));
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartWithFakeTimeAsync(api, time, new Dictionary<string, string?> { ["Hotline:PickupMinutes"] = "5" });

        const long person = 6101;
        var queued = await OpenCaseAsync(api, person, "Помогите разобраться с выплатой");
        Assert.Contains("№1", queued.Text);
        Assert.False(Saw(api, person, "все специалисты сейчас заняты"));

        for (var i = 0; i < 3; i++)
        {
            await bot.AdvanceAndTickAsync(time, TimeSpan.FromMinutes(2));
        }

        var timeout = await WaitText(api, person, "все специалисты сейчас заняты", queued.MessageId, TimeSpan.FromSeconds(10));
        Assert.Contains("№1", timeout.Text);
        Assert.Contains("112", timeout.Text);

        for (var i = 0; i < 3; i++)
        {
            await bot.AdvanceAndTickAsync(time, TimeSpan.FromMinutes(2));
        }

        Assert.Single(api.BotMessages(person), m => m.Display?.Contains("все специалисты сейчас заняты", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Escalation_staff_commands_and_forged_buttons_give_a_person_nothing()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        await GreetWorkersAsync(api, BotHost.WorkerA, BotHost.WorkerB, BotHost.Supervisor);
        const string secret = "секретный текст обращения QW-9";
        await OpenCaseAsync(api, 6201, secret);
        await WaitNotification(api, BotHost.WorkerA, 1);

        const long intruder = 6202;
        var menu = await ReachMenuAsync(api, intruder);
        var before = LastId(api, intruder);
        ForgeButton(api, intruder, menu, "w:take:1");
        var stale = await WaitText(api, intruder, "Эта кнопка устарела", before);
        Assert.DoesNotContain(stale.Buttons, b => b.CallbackData?.StartsWith("w:", StringComparison.Ordinal) == true);

        foreach (var command in new[] { "/queue", "/history 1", "/stats", "/take 1", "/export 1" })
        {
            before = LastId(api, intruder);
            api.SendText(intruder, command, "ru");
            await WaitText(api, intruder, "Такой команды я не знаю", before);
        }

        await bot.WaitIdleAsync();
        foreach (var text in Texts(api, intruder))
        {
            Assert.DoesNotContain(secret, text);
            Assert.DoesNotContain("Case #", text);
            Assert.DoesNotContain("Обращение #1", text);
            Assert.DoesNotContain("waiting", text);
            Assert.DoesNotContain("в очереди:", text);
            Assert.DoesNotContain("В очереди", text);
        }

        Assert.DoesNotContain(api.RequestsFor("sendDocument"), r => r.ChatId == intruder);
        Assert.False(Saw(api, 6201, "на связи"), "the forged Take must not assign the case");
        Assert.False(Saw(api, BotHost.WorkerA, "взял(а)"));

        before = LastId(api, BotHost.WorkerA);
        api.SendText(BotHost.WorkerA, "/stats", "ru", "Aigul");
        var usage = await WaitText(api, BotHost.WorkerA, "Не понял команду", before);
        Assert.DoesNotContain("медиана", usage.Text);

        before = LastId(api, BotHost.Supervisor);
        api.SendText(BotHost.Supervisor, "/stats", "ru", "Sup");
        var stats = await WaitText(api, BotHost.Supervisor, "в очереди:", before);
        Assert.Contains("медиана", stats.Text);
        Assert.Contains("в очереди: 1", stats.Text);
    }

    [Fact]
    public async Task Escalation_writing_again_after_close_opens_a_case_that_follows_the_old_one()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        await GreetWorkersAsync(api, BotHost.WorkerA);
        const long person = 6301;
        await OpenCaseAsync(api, person, "Первый вопрос");
        var note = await WaitNotification(api, BotHost.WorkerA, 1);
        api.PressButton(BotHost.WorkerA, note.MessageId, "w:take:1");
        await WaitText(api, BotHost.WorkerA, "Обращение #1 у вас");
        await WaitText(api, person, "на связи");

        await HotlineBot.Tests.Practice.WrapUpSteps.CloseAsync(api, BotHost.WorkerA, 1);
        var before = LastId(api, BotHost.WorkerA);
        await api.WaitForBotMessageAsync(person, m => m.Buttons.Any(b => b.CallbackData == "r:5"), Wait);

        before = LastId(api, person);
        api.SendText(person, "Снова нужна помощь, выплату так и не дали", "ru");
        var queued = await WaitText(api, person, "№2", before);
        Assert.Contains("место в очереди: 1", queued.Text);
        // The queue board (edited in place, so not a newer message) offers the new case with its first words.
        var second = await WaitNotification(api, BotHost.WorkerA, 2);
        Assert.Contains("Снова нужна помощь", second.Text);

        before = LastId(api, BotHost.WorkerA);
        api.SendText(BotHost.WorkerA, "/history 2", "ru", "Aigul");
        var history = await WaitText(api, BotHost.WorkerA, "Обращение #2 ·", before);
        Assert.Contains("продолжение #1", history.Text);
        Assert.Contains("Снова нужна помощь", history.Text);
    }

    [Fact]
    public async Task Escalation_after_hours_tells_the_person_the_hours_and_the_numbers()
    {
        // Sunday 29 November 2026, 11:00 in Kazakhstan (UTC+5).
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 6, 0, 0, TimeSpan.Zero));
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartWithFakeTimeAsync(api, time, new Dictionary<string, string?> { ["Hotline:WorkingHours:AlwaysOpen"] = "false" });

        const long person = 6401;
        await OpenCaseAsync(api, person, "Вопрос в воскресенье");
        var after = await WaitText(api, person, "Сейчас специалисты не работают");
        Assert.Contains("понедельник–пятница, 09:00–18:00 (UTC+5)", after.Text);
        Assert.Contains("112", after.Text);
        Assert.Contains("№1", string.Join("\n", Texts(api, person)));
    }
}
