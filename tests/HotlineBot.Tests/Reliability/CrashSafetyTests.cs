using System.Diagnostics;
using HotlineBot.Cases;
using HotlineBot.FakeTelegram;
using HotlineBot.Storage;
using HotlineBot.Tests.EndToEnd;
using static HotlineBot.Tests.Reliability.RelHelpers;

namespace HotlineBot.Tests.Reliability;

public sealed class CrashSafetyTests
{
    private const int People = 20;
    private const int Rounds = 10;
    private const int KillAfterRound = 4;
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_hard_kill_mid_stream_loses_no_message_and_logs_none_twice()
    {
        await using var api = await FakeBotApi.StartAsync();
        var dataFile = Path.Combine(TestPaths.TempDirectory(), "hotline.db");
        var people = Enumerable.Range(0, People).Select(i => 64000L + i).ToArray();
        var sent = people.ToDictionary(p => p, _ => new List<string>());

        var first = StartBot(api, dataFile);
        try
        {
            await Task.WhenAll(people.Select(async p =>
            {
                var menu = await ChooseRussianAsync(api, p, Long);
                api.PressButton(p, menu.MessageId, "a:escalate");
                await api.WaitForBotMessageAsync(p, m => m.Text!.Contains(EscalateRu), Long);
                var question = $"p{p} вопрос";
                lock (sent) sent[p].Add(question);
                api.SendText(p, question);
                await api.WaitForBotMessageAsync(p, m => m.Text!.Contains(QueuedRu), Long, menu.MessageId);
            }));

            for (var round = 0; round < Rounds; round++)
            {
                foreach (var p in people)
                {
                    var text = $"p{p} сообщение {round}";
                    sent[p].Add(text);
                    api.SendText(p, text);
                }

                if (round == KillAfterRound)
                {
                    // Mid-stream: earlier rounds are being taken in, handled and answered right now.
                    await api.WaitUntilAsync(() => people.Sum(p => api.BotMessages(p).Count(m => m.Text!.Contains(AddedRu))) >= People, Long);
                    first.Kill(entireProcessTree: true);
                    await first.WaitForExitAsync();
                }

                await Task.Delay(30);
            }
        }
        finally
        {
            if (!first.HasExited)
            {
                first.Kill(entireProcessTree: true);
            }

            first.Dispose();
        }

        var metrics = new Uri($"http://127.0.0.1:{FreePort()}");
        var second = StartBot(api, dataFile, metrics);
        try
        {
            foreach (var p in people)
            {
                await api.WaitUntilAsync(() => api.BotMessages(p).Count(m => m.Text!.Contains(AddedRu)) >= Rounds, Long);
            }

            await api.WaitUntilAsync(() => api.PendingUpdates == 0, Long);
            // The idle signal of a bot in another process: its own gauges say nothing waits to be handled or sent,
            // so a duplicate reply still on its way would be counted below, not missed.
            await WaitIdleAsync(metrics);
        }
        finally
        {
            await StopGracefullyAsync(second);
        }

        using var db = new HotlineDatabase(dataFile, null);
        var cases = new CaseStore(db);
        var logged = cases.All()
            .SelectMany(c => cases.Log(c.Id).Where(e => e.Kind == CaseEventKind.PersonMessage).Select(e => (c.PersonChatId, e.Text)))
            .ToList();
        foreach (var p in people)
        {
            foreach (var text in sent[p])
            {
                var count = logged.Count(l => l.PersonChatId == p && l.Text == text);
                Assert.True(count == 1, $"'{text}' is in the case log {count} times");
            }

            Assert.Equal(sent[p].Count, logged.Count(l => l.PersonChatId == p));
            var bot = api.BotMessages(p);
            Assert.Single(bot, m => m.Text!.Contains(QueuedRu));
            var added = bot.Count(m => m.Text!.Contains(AddedRu));
            Assert.InRange(added, Rounds, Rounds + 1);
            var repeated = bot.GroupBy(m => m.Text).Sum(g => g.Key!.Contains(AddedRu) ? Math.Max(0, g.Count() - Rounds) : g.Count() - 1);
            Assert.True(repeated <= 1, $"chat {p} has {repeated} repeated bot messages:\n{api.DumpChat(p)}");
        }
    }

    private static Process StartBot(FakeBotApi api, string dataFile, Uri? metrics = null)
    {
        var environment = BotProcess.Against(api, dataFile);
        if (metrics is not null)
        {
            environment["Hosting__HttpUrl"] = metrics.ToString().TrimEnd('/');
        }

        environment["Hotline__WorkingHours__AlwaysOpen"] = "true";
        environment["Hotline__Workers__0"] = "900001";
        var start = BotProcess.StartInfo([], environment);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task StopGracefullyAsync(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                {
                    await term!.WaitForExitAsync();
                }

                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
        }
        finally
        {
            process.Dispose();
        }
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Polls /metrics until the inbox and the outbox are both empty in two scrapes in a row.</summary>
    private static async Task WaitIdleAsync(Uri metrics)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var until = DateTime.UtcNow + Long;
        var emptyInARow = 0;
        var last = string.Empty;
        while (emptyInARow < 2)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("the restarted bot never went idle; last scrape:\n" + last);
            }

            try
            {
                last = await http.GetStringAsync(new Uri(metrics, "/metrics"));
                emptyInARow = Gauge(last, "hotline_inbox_depth") == 0 && Gauge(last, "hotline_outbox_depth") == 0 ? emptyInARow + 1 : 0;
            }
            catch (HttpRequestException)
            {
                emptyInARow = 0;
            }

            await Task.Delay(100);
        }
    }

    private static double Gauge(string scrape, string name) =>
        scrape.Split('\n').Where(l => l.StartsWith(name + " ", StringComparison.Ordinal) || l.StartsWith(name + "{", StringComparison.Ordinal))
            .Select(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture))
            .DefaultIfEmpty(double.NaN).First();

}
