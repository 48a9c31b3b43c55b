using HotlineBot.FakeTelegram;
using HotlineBot.Tests.EndToEnd;

namespace HotlineBot.Tests.Reliability;

/// <summary>
/// Many people at once: the processor commits updates in batches while the sender records deliveries, both
/// writing the same collections. This once deadlocked inside LiteDB until its one-minute lock timeout.
/// </summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Two_hundred_people_opening_cases_at_once_all_get_every_answer_and_nothing_fails()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);

        var people = Enumerable.Range(0, 200).Select(i => 20_000L + i).ToList();
        await Task.WhenAll(people.Select(async person =>
        {
            await EscalationHelpers.OpenCaseAsync(api, person, $"Вопрос от {person}");
            for (var i = 0; i < 3; i++)
            {
                var before = RelHelpers.LastBotId(api, person);
                api.SendText(person, $"Ещё одно сообщение {i}");
                await api.WaitForBotMessageAsync(person, m => m.Display?.Contains(RelHelpers.AddedRu, StringComparison.Ordinal) == true, TimeSpan.FromSeconds(30), before);
            }
        }));

        Assert.DoesNotContain(bot.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
        Assert.All(people, p => Assert.Equal(3, api.BotMessages(p).Count(m => m.Display?.Contains(RelHelpers.AddedRu, StringComparison.Ordinal) == true)));
    }
}
