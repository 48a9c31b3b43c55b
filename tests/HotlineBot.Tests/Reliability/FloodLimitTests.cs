using HotlineBot.FakeTelegram;
using HotlineBot.Tests.EndToEnd;
using static HotlineBot.Tests.Reliability.RelHelpers;

namespace HotlineBot.Tests.Reliability;

/// <summary>
/// Against a fake Bot API that enforces Telegram's flood limits (per chat a burst of 3 then 1/s, 429 past them),
/// the sender paces itself: a person who gets many answers at once and workers who get an alert per new case
/// receive everything, in order, without a single 429.
/// </summary>
public sealed class FloodLimitTests
{
    [Fact]
    public async Task Many_answers_to_one_chat_and_alerts_to_workers_arrive_without_a_429()
    {
        var options = new FakeBotApiOptions { EnforceTelegramLimits = true };
        // Telegram's 30 a second is for broadcasts; answering people may go faster (the bot holds only its alerts to it).
        options.Limits.GlobalPerSecond = 0;
        await using var api = await FakeBotApi.StartAsync(options);
        await using var bot = await BotHost.StartAsync(api);
        await EscalationHelpers.GreetWorkersAsync(api, BotHost.WorkerA, BotHost.WorkerB);
        long[] workers = [BotHost.WorkerA, BotHost.WorkerB];

        // Eight people ask for a specialist at the same moment: each worker gets eight alerts in a row.
        var people = Enumerable.Range(0, 8).Select(i => 63000L + i).ToArray();
        await Task.WhenAll(people.Select(p => EscalationHelpers.OpenCaseAsync(api, p, "Помогите, пожалуйста", queuedFragment: QueuedRu)));

        // One person sends five things at once: five answers for one chat, more than Telegram's burst.
        const long busy = 63100;
        var mark = (await ChooseRussianAsync(api, busy)).MessageId;
        api.SendText(busy, "/help");
        api.SendText(busy, "/foo");
        api.SendText(busy, "просто текст");
        api.SendSticker(busy);
        api.SendText(busy, "");

        var wait = TimeSpan.FromSeconds(40);
        await api.WaitUntilAsync(() => api.BotMessages(busy).Count(m => m.MessageId > mark) >= 5, wait);
        // Each worker's queue board (one message, edited as the cases arrive) ends up offering all eight.
        foreach (var worker in workers)
        {
            await api.WaitUntilAsync(() => api.BotMessages(worker).Any(m => m.Buttons.Count(b => b.CallbackData?.StartsWith("w:take:", StringComparison.Ordinal) == true) == people.Length), wait);
        }

        var answers = api.BotMessages(busy).Where(m => m.MessageId > mark).Select(m => m.Text ?? "").ToList();
        string[] expected = [HelpRu, UnknownRu, FreeTextRu, MediaRu, EmptyRu];
        Assert.Equal(expected.Length, answers.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Contains(expected[i], answers[i], StringComparison.Ordinal);
        }

        Assert.True(api.TooManyRequestsCount == 0, string.Join("\n", api.ExplainTooManyRequests()));
    }
}
