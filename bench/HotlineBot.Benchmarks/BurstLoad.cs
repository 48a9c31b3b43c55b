using System.Diagnostics;
using System.Globalization;
using HotlineBot.FakeTelegram;

namespace HotlineBot.Benchmarks;

/// <summary>
/// The burst: Telegram-like flood limits in the fake server, thousands of people arriving within one second
/// (a TV spot), each starting, choosing a language and opening a topic; one in a hundred writes a crisis phrase
/// instead, and that message sits behind thousands of others in getUpdates.
/// </summary>
internal static class BurstLoad
{
    private const string CrisisPhrase = "я больше не хочу жить";

    public static async Task<string> RunAsync(int people, bool cold)
    {
        var options = new FakeBotApiOptions { EnforceTelegramLimits = true };
        options.Limits.GlobalPerSecond = 0; // the 30/s figure is for broadcasts, not for answering people
        await using var api = await FakeBotApi.StartAsync(options);
        var dataFile = BenchHost.TempDataFile();
        await using var bot = BenchHost.Start(api, dataFile);
        if (cold)
        {
            // Only until the bot answers at all: the surge meets a bot that has just started.
            await api.WaitForReplyAsync(api.SendText(1, "/start"), timeout: People.Patience);
        }
        else
        {
            await Measure.WarmUp(i => PersonAsync(api, 290_000 + i, i == Measure.WarmUpPeople / 2));
        }

        var watch = Stopwatch.StartNew();
        var results = await Measure.Crowd(people, TimeSpan.FromSeconds(1), i => PersonAsync(api, 300_000 + i, i % 100 == 50));
        var seconds = watch.Elapsed.TotalSeconds;
        await bot.StopAsync();
        Directory.Delete(Path.GetDirectoryName(dataFile)!, recursive: true);

        var all = Measure.Latencies(api, results.SelectMany(r => r.Updates));
        var crisis = Measure.Latencies(api, results.Where(r => r.Crisis).SelectMany(r => r.Updates));
        var unanswered = results.Count(r => !r.Answered);
        var crisisIds = results.Where(r => r.Crisis).SelectMany(r => r.Updates).ToHashSet();
        var taken = api.UpdateTraces.Where(t => crisisIds.Contains(t.UpdateId) && t.DeliveredAt is not null)
            .Select(t => Stopwatch.GetElapsedTime(t.EnqueuedAt, t.DeliveredAt!.Value).TotalMilliseconds).Order().ToList();
        Console.WriteLine($"crisis updates reached the bot (getUpdates) after p50 {Measure.Percentile(taken, 0.5):0} ms, p99 {Measure.Percentile(taken, 0.99):0} ms; answered after p50 {Measure.Percentile(crisis, 0.5):0} ms");
        // The sender's own pacing was supposed to prevent any 429: say where one slipped through.
        foreach (var refused in api.ExplainTooManyRequests())
        {
            Console.WriteLine(refused);
        }

        var handled = results.Sum(r => r.Updates.Count) / seconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"burst: users={people} handled_per_s={handled:0} p50_ms={Measure.Percentile(all, 0.5):0} p99_ms={Measure.Percentile(all, 0.99):0} got_429={api.TooManyRequestsCount} crisis_p99_ms={Measure.Percentile(crisis, 0.99):0} unanswered={unanswered}");
    }

    private static async Task<(List<int> Updates, bool Crisis, bool Answered)> PersonAsync(FakeBotApi api, long user, bool crisis)
    {
        var updates = new List<int>();
        try
        {
            if (crisis)
            {
                updates.Add(await People.StepAsync(api, user, () => api.SendText(user, CrisisPhrase), outputs: 1));
                return (updates, true, true);
            }

            updates.Add(await People.StepAsync(api, user, () => api.SendText(user, "/start"), outputs: 1));
            var prompt = api.BotMessages(user)[^1].MessageId;
            updates.Add(await People.StepAsync(api, user, () => api.PressButton(user, prompt, "l:ru"), outputs: 2));
            updates.Add(await People.StepAsync(api, user, () => api.PressButton(user, prompt, "n:benefits"), outputs: 2));
            return (updates, false, true);
        }
        catch (TimeoutException)
        {
            return (updates, crisis, false);
        }
    }
}
