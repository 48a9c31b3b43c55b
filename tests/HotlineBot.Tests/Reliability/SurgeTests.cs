using HotlineBot.FakeTelegram;
using HotlineBot.Tests.EndToEnd;

namespace HotlineBot.Tests.Reliability;

/// <summary>
/// A surge (a TV spot): hundreds of updates wait in getUpdates when the bot starts, and a crisis message sits behind
/// them. The bot takes the whole surge into its inbox first and answers the crisis before the people ahead of it.
/// </summary>
public sealed class SurgeTests
{
    [Fact]
    public async Task A_crisis_message_behind_hundreds_of_others_is_answered_before_them()
    {
        await using var api = await FakeBotApi.StartAsync();
        var ahead = Enumerable.Range(0, 400).Select(i => api.SendText(64000 + i, "/start")).ToList();
        var crisis = api.SendText(64999, "я больше не хочу жить");
        var behind = Enumerable.Range(0, 100).Select(i => api.SendText(65000 + i, "/start")).ToList();

        await using var bot = await BotHost.StartAsync(api);
        var everyone = ahead.Concat(behind).Append(crisis).ToList();
        await api.WaitUntilAsync(() => everyone.All(u => api.TimeToFirstBotResponse(u.UpdateId) is not null), TimeSpan.FromSeconds(60));

        var crisisAnswered = api.TimeToFirstBotResponse(crisis.UpdateId)!.Value;
        var answeredFirst = ahead.Count(u => api.TimeToFirstBotResponse(u.UpdateId)!.Value < crisisAnswered);
        Assert.True(answeredFirst <= ahead.Count / 20,
            $"{answeredFirst} of the {ahead.Count} people ahead were answered before the crisis message ({crisisAnswered.TotalMilliseconds:0} ms)");
        Assert.Contains("112", string.Join("\n", api.BotMessages(64999).Select(m => m.Text)), StringComparison.Ordinal);
    }
}
