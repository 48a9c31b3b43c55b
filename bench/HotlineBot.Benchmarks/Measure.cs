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

    private const int RoundPeople = 300;
    private const int MaxRounds = 30;

    /// <summary>A round counts as quiet when the runtime spent less than this share of it compiling.</summary>
    private const double QuietShare = 0.02;

    /// <summary>
    /// Rounds of people walk through until the runtime has stopped compiling (its JIT busy for less than 2 % of a
    /// round), at most <see cref="MaxRounds"/>: a hundred people were not enough for that. The tiered JIT keeps
    /// recompiling the hot paths (instrumented, then optimised) for tens of seconds after a start, and in a saturated
    /// run it had taken a quarter to a third of the bot's processor time (perf), so the figures described the runtime
    /// warming up rather than the bot at work. How many rounds it took is printed.
    /// </summary>
    /// <param name="compiling">The process's JIT time so far (the runtime's own counter).</param>
    public static async Task<WarmUpReport> WarmUntilCompiledAsync<T>(Func<int, Task<T>> person, Func<Task<TimeSpan>> compiling)
    {
        var watch = Stopwatch.StartNew();
        var people = 0;
        var share = 1.0;
        for (var round = 0; round < MaxRounds && share >= QuietShare; round++)
        {
            var before = await compiling();
            var started = Stopwatch.GetTimestamp();
            var from = people;
            await Crowd(RoundPeople, TimeSpan.FromSeconds(1), i => person(from + i));
            people += RoundPeople;
            share = (await compiling() - before) / Stopwatch.GetElapsedTime(started);
        }

        return new(people, watch.Elapsed, share);
    }

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

/// <summary>How long warming up took, and the JIT's share of its last round.</summary>
internal sealed record WarmUpReport(int People, TimeSpan Took, double LastShare)
{
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{People} people in {Took.TotalSeconds:0.0} s (the JIT busy {LastShare * 100:0.0} % of the last round)");
}
