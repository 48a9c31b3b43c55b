using System.Diagnostics;
using HotlineBot.FakeTelegram;
using HotlineBot.Tests.EndToEnd;

namespace HotlineBot.Tests.Reliability;

/// <summary>Telegram answering slowly for one chat holds up that chat only, and its replies still arrive in order.</summary>
public sealed class SlowAnswerTests
{
    private const long Slow = 61001;
    private const long Quick = 61002;

    [Fact]
    public async Task A_slow_chat_does_not_delay_another_and_keeps_its_order()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        await RelHelpers.ChooseRussianAsync(api, Slow);
        await RelHelpers.ChooseRussianAsync(api, Quick);
        api.Delay("sendMessage", TimeSpan.FromSeconds(4), times: 2, chatId: Slow);

        var slowBefore = RelHelpers.LastBotId(api, Slow);
        api.SendText(Slow, "/help");
        api.SendText(Slow, "/foo");
        var quickBefore = RelHelpers.LastBotId(api, Quick);
        var watch = Stopwatch.StartNew();
        api.SendText(Quick, "/help");

        await api.WaitForBotMessageAsync(Quick, m => m.Display?.Contains("/language", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(10), quickBefore);
        // Behind the slow chat it would take at least the 4 s Telegram takes there.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"the quick chat waited {watch.Elapsed.TotalMilliseconds:0} ms behind the slow one");

        await api.WaitForBotMessageAsync(Slow, m => m.Display?.Contains(RelHelpers.UnknownRu, StringComparison.Ordinal) == true, TimeSpan.FromSeconds(20), slowBefore);
        var slowReplies = api.BotMessages(Slow).Where(m => m.MessageId > slowBefore).Select(m => m.Display ?? string.Empty).ToList();
        Assert.Equal(2, slowReplies.Count);
        Assert.Contains("/language", slowReplies[0], StringComparison.Ordinal);
        Assert.Contains(RelHelpers.UnknownRu, slowReplies[1], StringComparison.Ordinal);
    }
}
