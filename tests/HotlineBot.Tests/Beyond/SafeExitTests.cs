using HotlineBot.Cases;
using HotlineBot.FakeTelegram;
using HotlineBot.Storage;
using HotlineBot.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using static HotlineBot.Tests.Beyond.BeyondHelpers;
using static HotlineBot.Tests.EndToEnd.EscalationHelpers;

namespace HotlineBot.Tests.Beyond;

/// <summary>Safe exit: the chat is emptied with deleteMessages, one neutral line stays, and the case goes on afterwards.</summary>
public sealed class SafeExitTests
{
    private const long Person = 783000001;
    private static readonly string[] HotlineWords = ["обращ", "специалист", "помощ", "телефон", "довери", "өтініш", "маман", "сенім"];

    [Fact]
    public async Task The_hide_button_empties_the_chat_leaves_one_neutral_line_and_the_person_continues_with_start()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        await TakenCaseAsync(api, Person, BotHost.WorkerA);
        // Long enough to arrive in two pieces: both must go.
        api.SendText(BotHost.WorkerA, "Я вас слушаю. " + new string('ж', 5000), "ru", "Aigul");
        await WaitText(api, Person, "Я вас слушаю");
        await api.WaitUntilAsync(() => api.BotMessages(Person).Count(m => m.Text?.Contains("жжж", StringComparison.Ordinal) == true) == 2, Wait);
        api.SendText(Person, "Мне страшно дома");
        await WaitText(api, BotHost.WorkerA, "Мне страшно дома");
        Assert.True(api.ChatView(Person).Count >= 6, api.DumpChat(Person));

        // The button is under the message saying a specialist joined (and on every screen).
        var joined = api.BotMessages(Person).Last(m => m.Buttons.Any(b => b.CallbackData == "a:hide"));
        var before = LastId(api, BotHost.WorkerA);
        api.PressButton(Person, joined.MessageId, "a:hide");

        await api.WaitUntilAsync(() => api.ChatView(Person).Count == 1 && api.ChatView(Person)[0].FromBot, Wait);
        var left = Assert.Single(api.ChatView(Person));
        Assert.Equal("🙂", left.Text);
        Assert.Empty(left.Buttons);
        Assert.DoesNotContain(HotlineWords, w => left.Text!.Contains(w, StringComparison.OrdinalIgnoreCase));
        var deletes = api.RequestsFor("deleteMessages").Where(r => r.ChatId == Person).ToList();
        Assert.NotEmpty(deletes);
        Assert.All(deletes, r => Assert.True(r.Ok && r.Parameters["message_ids"]!.AsArray().Count is >= 1 and <= 100));

        // The worker knows, the case stays open with its log.
        await WaitText(api, BotHost.WorkerA, "скрыл переписку", before);
        var cases = bot.Services.GetRequiredService<ICaseStore>();
        Assert.True(cases.Find(1)!.IsOpen);
        Assert.Contains(cases.Log(1), e => e.Text == "Мне страшно дома");
        Assert.Contains(cases.Log(1), e => e.Text == "hid the chat (safe exit)");

        // /start brings the menu back; writing goes on into the same case.
        var mark = LastId(api, Person);
        api.SendText(Person, "/start");
        await api.WaitForBotMessageAsync(Person, m => m.Buttons.Any(b => b.CallbackData == "a:escalate"), Wait, mark);
        before = LastId(api, BotHost.WorkerA);
        api.SendText(Person, "Я вернулась");
        var relayed = await WaitText(api, BotHost.WorkerA, "Я вернулась", before);
        Assert.StartsWith("#1:", relayed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_the_worker_writes_while_the_chat_is_hidden_waits_and_arrives_when_the_person_writes_again()
    {
        const long person = 783000004;
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        await TakenCaseAsync(api, person, BotHost.WorkerA);
        api.SendText(person, "/hide");
        await api.WaitUntilAsync(() => api.ChatView(person).Count == 1 && api.ChatView(person)[0].FromBot, Wait);
        await WaitText(api, BotHost.WorkerA, "скрыл переписку");

        var before = LastId(api, BotHost.WorkerA);
        api.SendText(BotHost.WorkerA, "Вы в безопасности?", "ru", "Aigul");
        await WaitText(api, BotHost.WorkerA, "сообщение придержано", before);
        // Its sending would have been committed with the notice: once everything is delivered, a wrongly sent message would show.
        await bot.WaitIdleAsync();
        var left = Assert.Single(api.ChatView(person));
        Assert.Equal("🙂", left.Text);

        var mark = LastId(api, person);
        before = LastId(api, BotHost.WorkerA);
        api.SendText(person, "/start");
        await api.WaitForBotMessageAsync(person, m => m.Buttons.Any(b => b.CallbackData == "a:escalate"), Wait, mark);
        var after = api.BotMessages(person).Where(m => m.MessageId > mark).Select(m => m.Text ?? "").ToList();
        var intro = after.FindIndex(t => t.Contains("Пока чат был скрыт", StringComparison.Ordinal));
        var words = after.FindIndex(t => t == "Специалист: Вы в безопасности?");
        Assert.True(intro >= 0 && intro < words, api.DumpChat(person));
        await WaitText(api, BotHost.WorkerA, "человек вернулся в чат", before);
        Assert.DoesNotContain(api.BotMessages(BotHost.WorkerA), m => m.Text?.Contains(person.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Hide_command_removes_the_person_s_own_messages_and_deleted_ids_are_not_sent_twice()
    {
        const long person = 783000002;
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        await ReachMenuAsync(api, person);
        api.SendText(person, "просто текст");
        await WaitText(api, person, "Я не могу ответить на это сам");

        // A menu screen carries the button too.
        Assert.Contains(api.BotMessages(person), m => m.Buttons.Any(b => b.CallbackData == "a:hide" && b.Text.Contains("Скрыть чат", StringComparison.Ordinal)));
        api.SendText(person, "/hide");
        await api.WaitUntilAsync(() => api.ChatView(person).Count == 1 && api.ChatView(person)[0].FromBot, Wait);
        Assert.Equal("🙂", api.ChatView(person)[0].Text);

        // The ids are forgotten once deleted: a second /hide deletes only what came after.
        var firstDelete = api.RequestsFor("deleteMessages").Single(r => r.ChatId == person);
        api.SendText(person, "/hide");
        await api.WaitUntilAsync(() => api.RequestsFor("deleteMessages").Count(r => r.ChatId == person) == 2, Wait);
        var second = api.RequestsFor("deleteMessages").Last(r => r.ChatId == person).Parameters["message_ids"]!.AsArray().Select(n => (int)n!).ToList();
        var first = firstDelete.Parameters["message_ids"]!.AsArray().Select(n => (int)n!).ToList();
        Assert.Empty(second.Intersect(first));
        await api.WaitUntilAsync(() => api.ChatView(person).Count == 1, Wait);
    }

    [Fact]
    public async Task Help_says_what_hiding_can_and_cannot_remove_and_the_command_menu_offers_it()
    {
        const long person = 783000003;
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        await ReachMenuAsync(api, person);
        api.SendText(person, "/help");
        var help = await WaitText(api, person, "Что умеет бот");
        Assert.Contains("48 часов", help.Text, StringComparison.Ordinal);
        Assert.Contains("не может удалить", help.Text, StringComparison.Ordinal);
        Assert.Contains("уведомления", help.Text, StringComparison.Ordinal);
        Assert.Contains(help.Buttons, b => b.CallbackData == "a:hide");
        await api.WaitUntilAsync(() => api.GetCommands("kk").Any(c => c.Command == "hide"), Wait);
        Assert.Contains(api.GetCommands("ru"), c => c.Command == "hide" && c.Description == "Скрыть переписку");
    }
}
