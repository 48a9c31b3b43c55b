using HotlineBot.Cases;
using HotlineBot.FakeTelegram;
using HotlineBot.Storage;
using HotlineBot.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using static HotlineBot.Tests.Beyond.BeyondHelpers;
using static HotlineBot.Tests.EndToEnd.EscalationHelpers;

namespace HotlineBot.Tests.Beyond;

/// <summary>A worker sees whether each message reached the person: quiet when it did, a note when it is retried or fails.</summary>
public sealed class DeliveryStatusTests
{
    private const long Person = 782000001;
    private const long Gone = 782000002;

    [Fact]
    public async Task Delivered_retried_and_blocked_messages_show_as_such_to_the_worker()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        var store = bot.Services.GetRequiredService<ICaseStore>();
        await TakenCaseAsync(api, Person, BotHost.WorkerA);
        var worker = BotHost.WorkerA;

        // Straight through: the person has it, the worker gets no extra line, the log counts it.
        var before = LastId(api, worker);
        api.SendText(worker, "Первое сообщение", "ru", "Aigul");
        await WaitText(api, Person, "Первое сообщение");
        await api.WaitUntilAsync(() => store.Log(1).Any(e => e.Kind == CaseEventKind.Delivery && e.Text == DeliveryReports.Delivered), Wait);
        await bot.WaitIdleAsync();
        Assert.DoesNotContain(api.BotMessages(worker), m => m.MessageId > before);

        // A 502 once: "retrying", then "delivered".
        api.FailNext("sendMessage", Person, 502, "Bad Gateway");
        api.SendText(worker, "Второе сообщение", "ru", "Aigul");
        var retrying = await WaitText(api, worker, "⏳ #1", before);
        Assert.Contains("«Второе сообщение» пока не доставлено", retrying.Text, StringComparison.Ordinal);
        var delivered = await WaitText(api, worker, "✓ #1", retrying.MessageId);
        Assert.Contains("«Второе сообщение» доставлено", delivered.Text, StringComparison.Ordinal);
        await WaitText(api, Person, "Второе сообщение");

        // Blocked: the worker is told why in plain words, and /mycases and /history say so at the top.
        api.BlockedByUser(Person);
        before = LastId(api, worker);
        api.SendText(worker, "Третье сообщение", "ru", "Aigul");
        var failed = await WaitText(api, worker, "✗ #1", before);
        Assert.Contains("«Третье сообщение» не доставлено — человек заблокировал бота", failed.Text, StringComparison.Ordinal);
        Assert.Contains(api.RequestsFor("sendMessage"), r => r.ChatId == Person && r.StatusCode == 403);

        before = LastId(api, worker);
        api.SendText(worker, "/mycases", "ru", "Aigul");
        var mine = await WaitText(api, worker, "Ваши открытые обращения", before);
        Assert.StartsWith("⚠ #1: сообщения до человека не доходят — человек заблокировал бота", mine.Text, StringComparison.Ordinal);

        before = LastId(api, worker);
        api.SendText(worker, "/history", "ru", "Aigul");
        var history = await WaitText(api, worker, "Обращение #1 ·", before);
        Assert.StartsWith("⚠ #1:", history.Text, StringComparison.Ordinal);
        Assert.Contains("✓ доставлено человеку: 2", history.Text, StringComparison.Ordinal);
        Assert.Contains("not delivered: blocked", history.Text, StringComparison.Ordinal);

        // Writing again shows the chat works: the warning goes.
        api.UnblockUser(Person);
        api.SendText(Person, "Я снова здесь");
        await WaitText(api, worker, "Я снова здесь", before);
        before = LastId(api, worker);
        api.SendText(worker, "/mycases", "ru", "Aigul");
        mine = await WaitText(api, worker, "Ваши открытые обращения", before);
        Assert.DoesNotContain("⚠", mine.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quick_reply_to_a_chat_that_no_longer_exists_says_so()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        await TakenCaseAsync(api, Gone, BotHost.WorkerB);

        api.FailNext("sendMessage", Gone, 400, "Bad Request: chat not found");
        var before = LastId(api, BotHost.WorkerB);
        var taken = api.BotMessages(BotHost.WorkerB).Last(m => m.Buttons.Any(b => b.CallbackData == "w:quick:1:here"));
        api.PressButton(BotHost.WorkerB, taken.MessageId, "w:quick:1:here");
        var failed = await WaitText(api, BotHost.WorkerB, "✗ #1", before);
        Assert.Contains("этого чата больше нет", failed.Text, StringComparison.Ordinal);
        Assert.Contains("Я здесь, я с вами", failed.Text, StringComparison.Ordinal);
    }
}
