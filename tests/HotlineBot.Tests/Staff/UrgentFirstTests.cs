using HotlineBot.Conversations;
using HotlineBot.FakeTelegram;
using HotlineBot.Storage;
using HotlineBot.Telegram;
using HotlineBot.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using static HotlineBot.Tests.EndToEnd.EscalationHelpers;

namespace HotlineBot.Tests.Staff;

/// <summary>Within one chat's lane an urgent alert overtakes the ordinary notices waiting behind Telegram's per-chat pace.</summary>
public sealed class UrgentFirstTests
{
    private static OutboxItem Item(long id, OutboundPriority priority) => new() { Id = id, ChatId = 1, Priority = (int)priority };

    [Fact]
    public void Urgent_items_go_first_each_priority_keeps_its_order_and_an_item_under_way_is_finished_first()
    {
        var lane = new LaneItems();
        lane.Enqueue(Item(1, OutboundPriority.Bulk));
        lane.Enqueue(Item(2, OutboundPriority.Reply));
        Assert.True(lane.TryPeek(null, out var head));
        Assert.Equal(1, head.Id);

        // Item 1 is being retried when two urgent ones arrive: it is finished first, then the urgent ones, then 2.
        lane.Enqueue(Item(3, OutboundPriority.Crisis));
        lane.Enqueue(Item(4, OutboundPriority.Crisis));
        Assert.True(lane.TryPeek(started: head, out var next));
        Assert.Equal(1, next.Id);
        lane.Remove(next);
        var order = new List<long>();
        while (lane.TryPeek(null, out var item))
        {
            order.Add(item.Id);
            lane.Remove(item);
        }

        Assert.Equal([3, 4, 2], order);
        Assert.Equal(0, lane.Count);
    }

    [Fact]
    public void An_item_not_yet_started_is_overtaken_by_an_urgent_one()
    {
        var lane = new LaneItems();
        lane.Enqueue(Item(1, OutboundPriority.Bulk));
        Assert.True(lane.TryPeek(null, out var waiting));
        lane.Enqueue(Item(2, OutboundPriority.Crisis));
        Assert.True(lane.TryPeek(null, out var head));
        Assert.Equal(2, head.Id);
        Assert.Equal(1, waiting.Id);
    }

    [Fact]
    public async Task A_crisis_alert_reaches_the_worker_ahead_of_ordinary_notices_that_were_waiting()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        const long inCrisis = 6600;
        long[] people = [.. Enumerable.Range(1, 8).Select(i => 6600L + i)];
        await GreetWorkersAsync(api, BotHost.WorkerA);
        var menu = await ReachMenuAsync(api, inCrisis);
        var before = LastId(api, BotHost.WorkerA);

        // Eight ordinary cases open at once: their notices queue up in the worker's chat at one message a second.
        await Task.WhenAll(people.Select(p => OpenCaseAsync(api, p, "Вопрос про пособие")));
        var cases = bot.Services.GetRequiredService<ICaseStore>();
        await api.WaitUntilAsync(() => cases.Queued().Count == people.Length);
        api.SendText(inCrisis, "я не хочу жить");
        var urgent = await api.WaitForBotMessageAsync(BotHost.WorkerA, m => m.Display?.Contains("СРОЧНОЕ обращение", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(30), before);
        await bot.WaitIdleAsync(TimeSpan.FromSeconds(60));

        var notices = api.BotMessages(BotHost.WorkerA).Where(m => m.MessageId > before && m.Display?.Contains("🆕 Обращение", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(people.Length, notices.Count);
        // Every ordinary case was open before the crisis was written, yet some of their notices came after the alert.
        Assert.Contains(notices, n => n.MessageId > urgent.MessageId);
        Assert.True(notices.Count(n => n.MessageId > urgent.MessageId) >= 2, api.DumpChat(BotHost.WorkerA));
        Assert.True(menu.MessageId > 0);
    }
}
