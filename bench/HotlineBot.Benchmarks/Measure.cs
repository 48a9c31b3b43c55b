using System.Diagnostics;
using HotlineBot.FakeTelegram;

namespace HotlineBot.Benchmarks;

/// <summary>Latency and throughput read from the fake server's own timestamps (update available → first bot output in that chat).</summary>
internal static class Measure
{
    public static List<double> Latencies(FakeBotApi api, IEnumerable<int> updateIds) =>
        updateIds.Select(id => api.TimeToFirstBotResponse(id)?.TotalMilliseconds).OfType<double>().Order().ToList();

    /// <summary>
    /// The part of each latency spent waiting in the fake server until a getUpdates handed the update out (the bot's
    /// intake keeping up or not); the rest is the bot's own work and its sending.
    /// </summary>
    public static List<double> WaitsForPickUp(FakeBotApi api, IEnumerable<int> updateIds)
    {
        var wanted = updateIds.ToHashSet();
        return api.UpdateTraces.Where(t => wanted.Contains(t.UpdateId) && t.DeliveredAt is not null)
            .Select(t => Stopwatch.GetElapsedTime(t.EnqueuedAt, t.DeliveredAt!.Value).TotalMilliseconds).Order().ToList();
    }

    /// <summary>Nearest rank, as the bot's own statistics do.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public const int WarmUpPeople = 100;

    /// <summary>
    /// A hundred people walk through before anything is measured, as they would have on a bot that has been up for
    /// a while: figures then describe the bot at work, not the runtime compiling it (start-up is measured apart).
    /// </summary>
    public static Task WarmUp<T>(Func<int, Task<T>> person) => Crowd(WarmUpPeople, TimeSpan.FromSeconds(1), person);

    /// <summary>Runs one person per task, started evenly over <paramref name="spread"/>.</summary>
    public static async Task<T[]> Crowd<T>(int people, TimeSpan spread, Func<int, Task<T>> person)
    {
        var start = Stopwatch.GetTimestamp();
        var tasks = new Task<T>[people];
        for (var i = 0; i < people; i++)
        {
            var due = spread * ((double)i / people) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(due);
            }

            var index = i;
            tasks[i] = Task.Run(() => person(index));
        }

        return await Task.WhenAll(tasks);
    }
}
