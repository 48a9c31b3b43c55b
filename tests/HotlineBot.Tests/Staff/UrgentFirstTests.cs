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
    private static LaneEntry Item(long id, OutboundPriority priority, string? replaceKey = null) =>
        new(new OutboxItem { Id = id, ChatId = 1, Priority = (int)priority }, new Outbound { ChatId = 1, Priority = priority, Text = $"item {id}", ReplaceKey = replaceKey });

    private static long Head(LaneItems lane) => lane.TryPeek(null, out var group) ? group[0].Item.Id : -1;

    private static List<long> DrainAll(LaneItems lane)
    {
        var order = new List<long>();
        while (lane.TryPeek(null, out var group))
        {
            order.Add(group[0].Item.Id);
            lane.Begin(group);
            lane.Finish();
        }

        return order;
    }

    [Fact]
    public void Urgent_items_go_first_each_priority_keeps_its_order_and_an_item_under_way_is_finished_first()
    {
        var lane = new LaneItems();
        lane.Enqueue(Item(1, OutboundPriority.Bulk));
        lane.Enqueue(Item(2, OutboundPriority.Reply));
        Assert.True(lane.TryPeek(null, out var head));
        Assert.Equal(1, head[0].Item.Id);
        lane.Begin(head);

        // Item 1 is being retried when two urgent ones arrive: it is finished first, then the urgent ones, then 2.
        lane.Enqueue(Item(3, OutboundPriority.Crisis));
        lane.Enqueue(Item(4, OutboundPriority.Crisis));
        Assert.Equal(1, Head(lane));
        lane.Finish();
        Assert.Equal([3, 4, 2], DrainAll(lane));
        Assert.Equal(0, lane.Count);
    }

    [Fact]
    public void An_item_not_yet_started_is_overtaken_by_an_urgent_one()
    {
        var lane = new LaneItems();
        lane.Enqueue(Item(1, OutboundPriority.Bulk));
        Assert.Equal(1, Head(lane));
        lane.Enqueue(Item(2, OutboundPriority.Crisis));
        Assert.Equal(2, Head(lane));
    }

    [Fact]
    public void A_newer_notice_with_the_same_key_takes_the_waiting_ones_place_but_never_one_under_way()
    {
        var lane = new LaneItems();
        Assert.Null(lane.Enqueue(Item(1, OutboundPriority.Bulk, "queue-board")));
        lane.Enqueue(Item(2, OutboundPriority.Reply));
        // The board edit 3 replaces 1 where 1 stood, ahead of the reply; the reply (no key) is never replaced.
        Assert.Equal(1, lane.Enqueue(Item(3, OutboundPriority.Bulk, "queue-board"))?.Item.Id);
        Assert.Null(lane.Enqueue(Item(4, OutboundPriority.Reply)));
        Assert.True(lane.TryPeek(null, out var head));
        Assert.Equal(3, head[0].Item.Id);
        lane.Begin(head);

        // 3 is being sent: 5 cannot replace it and waits behind the rest.
        Assert.Null(lane.Enqueue(Item(5, OutboundPriority.Bulk, "queue-board")));
        lane.Finish();

        // An urgent alert superseded by its correction (the case was taken) leaves the urgent line.
        Assert.Null(lane.Enqueue(Item(6, OutboundPriority.Crisis, "case-7")));
        Assert.Equal(6, lane.Enqueue(Item(8, OutboundPriority.Bulk, "case-7"))?.Item.Id);
        Assert.Equal([2, 4, 5, 8], DrainAll(lane));
    }

    [Fact]
    public async Task A_crisis_alert_reaches_the_worker_ahead_of_ordinary_messages_that_were_waiting()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        const long talking = 6600;
        const long inCrisis = 6601;
        await GreetWorkersAsync(api, BotHost.WorkerA);
        await OpenCaseAsync(api, talking, "Вопрос про пособие");
        var board = await WaitNotification(api, BotHost.WorkerA, 1);
        api.PressButton(BotHost.WorkerA, board.MessageId, "w:take:1");
        await WaitText(api, talking, "на связи");
        await ReachMenuAsync(api, inCrisis);
        var before = LastId(api, BotHost.WorkerA);

        // Six photos from the person in the live chat: each is a note and a copy, one by one at the chat's pace.
        for (var i = 0; i < 6; i++)
        {
            api.SendPhoto(talking, $"фото {i}");
        }

        await api.WaitUntilAsync(() => bot.Services.GetRequiredService<ICaseStore>().Log(1).Count(e => e.MediaKind is not null) == 6);
        api.SendText(inCrisis, "я не хочу жить");
        var urgent = await api.WaitForBotMessageAsync(BotHost.WorkerA, m => m.Display?.Contains("СРОЧНОЕ обращение", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(30), before);
        await bot.WaitIdleAsync(TimeSpan.FromSeconds(60));

        var copies = api.BotMessages(BotHost.WorkerA).Where(m => m.MessageId > before && m.Kind == MessageKind.Photo).ToList();
        Assert.Equal(6, copies.Count);
        // Every photo was in the log before the crisis was written, yet some of them reached the worker after the alert.
        Assert.True(copies.Count(c => c.MessageId > urgent.MessageId) >= 2, api.DumpChat(BotHost.WorkerA));
    }
}
