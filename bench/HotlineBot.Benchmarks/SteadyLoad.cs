using System.Diagnostics;
using System.Globalization;
using HotlineBot.Cases;
using HotlineBot.Conversations;
using HotlineBot.FakeTelegram;
using HotlineBot.Storage;

namespace HotlineBot.Benchmarks;

/// <summary>
/// The unlimited mode: the same crowd against a bare Telegram.Bot echo handler (the framework's ceiling) and
/// against the real bot, every state change and case event committed to LiteDB, optionally on a file that
/// already holds many people and cases.
/// </summary>
internal static class SteadyLoad
{
    public static async Task<string> RunAsync(int people, int stored, TimeSpan think)
    {
        var echo = await EchoAsync(people, think);
        var dataFile = BenchHost.TempDataFile();
        var seeding = Stopwatch.StartNew();
        if (stored > 0)
        {
            Seed(dataFile, stored);
            Console.WriteLine($"stored {stored} people and closed cases in {seeding.Elapsed.TotalSeconds:0.0} s ({new FileInfo(dataFile).Length / 1024 / 1024} MB)");
        }

        await using var api = await FakeBotApi.StartAsync();
        // The first start on a new data folder learns the crisis model and keeps it there; every later start reads it back.
        // Both are measured: the restart is what an operator waits for after an update or a crash.
        var firstStartMs = await FirstStartAsync(api, dataFile);
        var startup = Stopwatch.StartNew();
        await using var bot = BenchHost.StartWithMetrics(api, dataFile);
        var probe = api.SendText(1, "/start");
        await api.WaitForReplyAsync(probe, timeout: People.Patience);
        var startupMs = startup.Elapsed.TotalMilliseconds;
        var warmUp = await Measure.WarmUntilCompiledAsync(i => People.WalkAsync(api, 1_000_000 + i, TimeSpan.Zero), () => bot.JitTimeAsync(api));

        bot.ResetPeak();
        var watch = Stopwatch.StartNew();
        var cpuBefore = bot.CpuTime;
        var benchBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var ids = (await Measure.Crowd(people, TimeSpan.FromSeconds(1), i => People.WalkAsync(api, 200_000 + i, think))).SelectMany(x => x).ToList();
        var seconds = watch.Elapsed.TotalSeconds;
        var cpuMs = (bot.CpuTime - cpuBefore).TotalMilliseconds / ids.Count;
        var benchMs = (Process.GetCurrentProcess().TotalProcessorTime - benchBefore).TotalMilliseconds / ids.Count;
        var peak = bot.PeakMegabytes;
        var heap = await bot.MetricSumsAsync("dotnet_gc_last_collection_heap_size_bytes", "dotnet_gc_last_collection_memory_committed_size_bytes", "dotnet_process_memory_working_set_bytes");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"memory at the end: GC heap {heap[0] / 1048576:0} MB after the last collection, {heap[1] / 1048576:0} MB committed by the GC, working set {heap[2] / 1048576:0} MB"));
        await bot.StopAsync();
        var perThousand = new FileInfo(dataFile).Length / 1024.0 / ((stored + warmUp.People + people) / 1000.0);
        Directory.Delete(Path.GetDirectoryName(dataFile)!, recursive: true);

        var latencies = Measure.Latencies(api, ids);
        var pickUp = Measure.WaitsForPickUp(api, ids);
        var rate = ids.Count / seconds;
        Console.WriteLine($"warm-up until the runtime stopped compiling: bot {warmUp}, echo {echo.WarmUp}");
        Console.WriteLine($"echo: {echo.Rate:0}/s, p50 {echo.P50:0.0} ms, p99 {echo.P99:0.0} ms");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"waiting to be taken from the fake server: p50 {Measure.Percentile(pickUp, 0.5):0.0} ms, p99 {Measure.Percentile(pickUp, 0.99):0.0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cpu: bot {cpuMs:0.000} ms per update, echo {echo.CpuMs:0.000} ms per update (processor time of each process while the crowd walked); the fake server and the crowd {benchMs:0.000} ms per update with the bot, {echo.BenchMs:0.000} with the echo bot; machine load average {LoadAverage()}"));
        Console.WriteLine($"bot:  {ids.Count} updates from {people} people in {seconds:0.0} s; start-up (process start to first reply) {startupMs:0} ms, the first start on a new data folder {firstStartMs:0} ms; LiteDB {perThousand:0} KiB per 1,000 people with a case; peak working set of the bot's process while the crowd walked {peak} MB");
        return string.Create(CultureInfo.InvariantCulture,
            $"bench: bot={rate:0}/s echo={echo.Rate:0}/s ratio={rate / echo.Rate:0.00} p50={Measure.Percentile(latencies, 0.5):0.0} p99={Measure.Percentile(latencies, 0.99):0.0} peak_mb={peak}");
    }

    private static async Task<(double Rate, double P50, double P99, double CpuMs, double BenchMs, WarmUpReport WarmUp)> EchoAsync(int people, TimeSpan think)
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var echo = BenchHost.StartEcho(api);
        var warmUp = await Measure.WarmUntilCompiledAsync(i => People.ChatAsync(api, 1_000_000 + i, TimeSpan.Zero), () => echo.JitTimeAsync(api));
        var watch = Stopwatch.StartNew();
        var cpuBefore = echo.CpuTime;
        var benchBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var ids = (await Measure.Crowd(people, TimeSpan.FromSeconds(1), i => People.ChatAsync(api, 100_000 + i, think))).SelectMany(x => x).ToList();
        var seconds = watch.Elapsed.TotalSeconds;
        var cpuMs = (echo.CpuTime - cpuBefore).TotalMilliseconds / ids.Count;
        var benchMs = (Process.GetCurrentProcess().TotalProcessorTime - benchBefore).TotalMilliseconds / ids.Count;
        await echo.StopAsync();
        var latencies = Measure.Latencies(api, ids);
        return (ids.Count / seconds, Measure.Percentile(latencies, 0.5), Measure.Percentile(latencies, 0.99), cpuMs, benchMs, warmUp);
    }

    /// <summary>The first start on a new data folder: to its first reply, then until the crisis model is learned and kept.</summary>
    private static async Task<double> FirstStartAsync(FakeBotApi api, string dataFile)
    {
        var watch = Stopwatch.StartNew();
        await using var bot = BenchHost.StartWithMetrics(api, dataFile);
        await api.WaitForReplyAsync(api.SendText(2, "/start"), timeout: People.Patience);
        var firstMs = watch.Elapsed.TotalMilliseconds;
        // A free text long enough for the learned model waits for it: once it is answered, the model is learned and kept.
        await api.WaitForReplyAsync(api.SendText(2, "подскажите пожалуйста какие документы нужны для пособия"), timeout: People.Patience);
        return firstMs;
    }

    /// <summary>The kernel's one-minute load average: how much else wanted the machine's cores meanwhile.</summary>
    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    /// <summary>A year of a busy line: people who chose a language, each with a closed case of a few log lines.</summary>
    private static void Seed(string dataFile, int count)
    {
        using var db = new HotlineDatabase(dataFile, null);
        var now = DateTimeOffset.UtcNow;
        const int chunk = 5_000;
        for (var from = 0; from < count; from += chunk)
        {
            var ids = Enumerable.Range(from, Math.Min(chunk, count - from)).ToList();
            db.InTransaction(() =>
            {
                db.Collection<Person>("people").InsertBulk(ids.Select(i => new Person
                {
                    Id = 10_000_000 + i, Language = i % 3 == 0 ? Language.Kk : Language.Ru, State = ConversationState.Browsing,
                    NodeId = "main", LastCaseId = i + 1, CreatedAt = now, UpdatedAt = now,
                }));
                db.Collection<Case>("cases").InsertBulk(ids.Select(i => new Case
                {
                    Id = i + 1, PersonChatId = 10_000_000 + i, Status = CaseStatus.Closed, OpenedAt = now.AddDays(-1), TakenAt = now.AddDays(-1).AddMinutes(3),
                    ClosedAt = now.AddDays(-1).AddMinutes(30), WorkerId = BenchHost.Worker, Outcome = "consulted", Rating = 1 + (i % 5), Topics = ["benefits"],
                }));
                db.Collection<CaseEvent>("case_events").InsertBulk(ids.SelectMany(i => new[]
                {
                    new CaseEvent { CaseId = i + 1, At = now, Actor = ActorRole.Person, Kind = CaseEventKind.PersonMessage, Text = "Здравствуйте, подскажите, какие пособия положены семье с детьми?" },
                    new CaseEvent { CaseId = i + 1, At = now, Actor = ActorRole.Worker, WorkerId = BenchHost.Worker, Kind = CaseEventKind.WorkerMessage, Text = "Здравствуйте! Расскажите, пожалуйста, о вашей семье подробнее." },
                    new CaseEvent { CaseId = i + 1, At = now, Actor = ActorRole.System, Kind = CaseEventKind.StateChange, Text = "closed: consulted" },
                }));
            });
        }
    }
}
