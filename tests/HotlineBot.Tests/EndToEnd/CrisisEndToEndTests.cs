using HotlineBot.FakeTelegram;
using HotlineBot.Settings;
using Microsoft.Extensions.Time.Testing;
using static HotlineBot.Tests.EndToEnd.EscalationHelpers;

namespace HotlineBot.Tests.EndToEnd;

/// <summary>Crisis replies as the person and the workers see them in Telegram, through the real host and the fake Bot API.</summary>
public sealed class CrisisEndToEndTests
{
    private const string Promise = "Дежурный специалист уже получил";

    [Fact]
    public async Task At_three_in_the_morning_the_person_gets_the_24_hour_numbers_and_no_promise_of_a_specialist()
    {
        // Wednesday 2 December 2026, 03:00 in Kazakhstan (UTC+5): outside Mon–Fri 09:00–18:00.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 22, 0, 0, TimeSpan.Zero));
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartWithFakeTimeAsync(api, time, new Dictionary<string, string?> { ["Hotline:WorkingHours:AlwaysOpen"] = "false" });

        const long person = 6501;
        await ReachMenuAsync(api, person);
        var before = LastId(api, person);
        api.SendText(person, "я больше не хочу жить");
        var reply = await WaitText(api, person, "Сейчас специалистов нет на связи", before);
        foreach (var number in new[] { "112", "111", "150" })
        {
            Assert.Contains("☎ " + number, reply.Text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("☎ 1414", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.Buttons, b => b.CallbackData == "a:hide");
        await bot.WaitIdleAsync();
        Assert.DoesNotContain(Texts(api, person), t => t.Contains(Promise, StringComparison.Ordinal) || t.Contains("позвал", StringComparison.Ordinal));
        // The urgent case is there for the first shift, at the top of the queue.
        Assert.Contains(api.BotMessages(BotHost.WorkerA), m => m.Display?.Contains("СРОЧНОЕ обращение #1", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Two_crisis_messages_in_a_live_chat_give_the_worker_two_alerts_and_the_person_one_full_reply_and_one_short_line()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        const long person = 6502;
        await GreetWorkersAsync(api, BotHost.WorkerA);
        var beforeWorker = LastId(api, BotHost.WorkerA);
        await OpenCaseAsync(api, person, "Мне тяжело, хочу поговорить");
        var notice = await WaitNotification(api, BotHost.WorkerA, 1, beforeWorker);
        api.PressButton(BotHost.WorkerA, notice.MessageId, "w:take:1");
        await WaitText(api, person, "на связи");

        var personBefore = LastId(api, person);
        var workerBefore = LastId(api, BotHost.WorkerA);
        api.SendText(person, "я не хочу жить");
        await WaitText(api, person, "Специалист, с которым вы говорите, видит это сообщение", personBefore);
        api.SendText(person, "убью себя сегодня");
        await WaitText(api, person, "Специалист видит ваше сообщение.", personBefore);
        await bot.WaitIdleAsync();

        var alerts = api.BotMessages(BotHost.WorkerA).Where(m => m.MessageId > workerBefore && m.Display?.StartsWith("🔴 #1 · КРИЗИС", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, alerts.Count);
        Assert.Contains("я не хочу жить", alerts[0].Text, StringComparison.Ordinal);
        Assert.Contains("убью себя сегодня", alerts[1].Text, StringComparison.Ordinal);
        var toPerson = api.BotMessages(person).Where(m => m.MessageId > personBefore).ToList();
        Assert.Single(toPerson, m => m.Display?.Contains("☎ 112", StringComparison.Ordinal) == true);
        Assert.Single(toPerson, m => m.Display == "Специалист видит ваше сообщение.");
        Assert.Equal(2, toPerson.Count);
        // The other worker is not called in: the case has its specialist.
        Assert.DoesNotContain(api.BotMessages(BotHost.WorkerB), m => m.Display?.Contains("КРИЗИС", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task An_unclear_phrase_gets_the_direct_question_and_yes_opens_the_urgent_case()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        const long person = 6503;
        await GreetWorkersAsync(api, BotHost.WorkerA);
        var workerBefore = LastId(api, BotHost.WorkerA);
        await ReachMenuAsync(api, person);
        var before = LastId(api, person);
        api.SendText(person, "я всем только мешаю");
        var question = await WaitText(api, person, "вы думаете о том, чтобы покончить с собой?", before);
        Assert.Equal(["c:yes", "c:no", "c:talk", "a:hide"], question.Buttons.Select(b => b.CallbackData));
        await bot.WaitIdleAsync();
        Assert.DoesNotContain(api.BotMessages(BotHost.WorkerA), m => m.MessageId > workerBefore);

        api.PressButton(person, question.MessageId, "c:yes");
        var reply = await WaitText(api, person, Promise, question.MessageId);
        Assert.Contains("☎ 112", reply.Text, StringComparison.Ordinal);
        var alert = await api.WaitForBotMessageAsync(BotHost.WorkerA, m => m.Display?.Contains("СРОЧНОЕ обращение #1", StringComparison.Ordinal) == true, Wait, workerBefore);
        Assert.Contains("я всем только мешаю", alert.Text, StringComparison.Ordinal);
        Assert.Contains("риск: 🔴 высокий", alert.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_danger_only_the_learned_model_recognises_gets_the_question_and_the_worker_sees_what_weighed()
    {
        // No pattern has these words (CrisisModelTests checks it); the model learned from dialogs/crisis-examples/ does.
        const string words = "каждую ночь думаю как всё это прекратить навсегда";
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        const long person = 6504;
        await GreetWorkersAsync(api, BotHost.WorkerA);
        var workerBefore = LastId(api, BotHost.WorkerA);
        await ReachMenuAsync(api, person);
        var before = LastId(api, person);
        api.SendText(person, words);
        var question = await WaitText(api, person, "вы думаете о том, чтобы покончить с собой?", before);
        Assert.DoesNotContain("автоматический справочник", string.Join('\n', api.BotMessages(person).Where(m => m.MessageId > before).Select(m => m.Text)), StringComparison.Ordinal);

        api.PressButton(person, question.MessageId, "c:yes");
        await WaitText(api, person, Promise, question.MessageId);
        var alert = await api.WaitForBotMessageAsync(BotHost.WorkerA, m => m.Display?.Contains("СРОЧНОЕ обращение #1", StringComparison.Ordinal) == true, Wait, workerBefore);
        Assert.Contains(words, alert.Text, StringComparison.Ordinal);
        Assert.Contains("learned", alert.Text, StringComparison.Ordinal);
    }
}
