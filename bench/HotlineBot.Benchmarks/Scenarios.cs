using System.Diagnostics;
using HotlineBot.FakeTelegram;
using HotlineBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Telegram.Bot;
using Telegram.Bot.Polling;

namespace HotlineBot.Benchmarks;

internal sealed record Result(int Updates, double Seconds, double P50, double P99, string Extra)
{
    public double PerSecond => Updates / Seconds;

    public override string ToString() => $"{Updates} updates in {Seconds:0.00} s = {PerSecond:0}/s, reply latency p50 {P50:0.0} ms p99 {P99:0.0} ms{Extra}";
}

/// <summary>
/// Closed-loop load: every simulated person waits for the answer before the next step, as a person would.
/// Latency is from the update being available in getUpdates to the bot's first output in that chat.
/// </summary>
internal static class Scenarios
{
    private const int StepsPerPerson = 6;

    public static async Task<Result> EchoAsync(int users)
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = new TelegramBotClient(new TelegramBotClientOptions(api.Token, api.BaseUrl));
        using var cts = new CancellationTokenSource();
        client.StartReceiving(
            async (c, update, ct) =>
            {
                if (update.Message is { Text: { } text } m)
                {
                    await c.SendMessage(m.Chat.Id, "echo: " + text, cancellationToken: ct);
                }
            },
            (_, _, _) => Task.CompletedTask,
            new ReceiverOptions { AllowedUpdates = [] },
            cts.Token);
        var watch = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, users).Select(async u =>
        {
            var list = new List<int>();
            for (var step = 0; step < StepsPerPerson; step++)
            {
                var sent = api.SendText(100_000 + u, $"message {step}");
                list.Add(sent.UpdateId);
                await api.WaitForReplyAsync(sent, timeout: TimeSpan.FromSeconds(60));
            }

            return list;
        }));
        var elapsed = watch.Elapsed.TotalSeconds;
        await cts.CancelAsync();
        return Summarize(api, ids.SelectMany(x => x).ToList(), elapsed, string.Empty);
    }

    public static async Task<Result> BotAsync(int users)
    {
        await using var api = await FakeBotApi.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), "hotline-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var dataFile = Path.Combine(folder, "hotline.db");
        var root = FindRoot();
        var builder = HotlineHost.CreateBuilder([], HostMode.Telegram, config =>
        {
            config.AddJsonFile(Path.Combine(root, "config", "appsettings.json"));
            config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Telegram:Token"] = api.Token,
                ["Telegram:ApiBaseUrl"] = api.BaseUrl,
                ["Telegram:PollTimeoutSeconds"] = "1",
                ["Storage:Path"] = dataFile,
                ["Dialogs:Path"] = Path.Combine(root, "dialogs"),
                ["Hotline:Workers:0"] = "900001",
                ["Hotline:WorkingHours:AlwaysOpen"] = "true",
                ["Logging:LogLevel:Default"] = "Warning",
            });
        });
        using var host = builder.Build();
        var problems = HotlineHost.Preflight(host.Services, HostMode.Telegram);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join("\n", problems));
        }

        await host.StartAsync();
        var watch = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, users).Select(u => WalkAsync(api, 200_000 + u)));
        var elapsed = watch.Elapsed.TotalSeconds;
        await host.StopAsync();
        host.Dispose();
        var size = new FileInfo(dataFile).Length;
        Directory.Delete(folder, recursive: true);
        return Summarize(api, ids.SelectMany(x => x).ToList(), elapsed, $", LiteDB {size / 1024.0 / (users / 1000.0):0} KiB per 1,000 cases");
    }

    /// <summary>A person's walk: start, choose Russian, open benefits, ask for a specialist, write twice into the case.</summary>
    private static async Task<List<int>> WalkAsync(FakeBotApi api, long user)
    {
        var ids = new List<int>();
        var timeout = TimeSpan.FromSeconds(60);
        var start = api.SendText(user, "/start");
        ids.Add(start.UpdateId);
        var prompt = await api.WaitForReplyAsync(start, m => m.Buttons.Any(), timeout);
        var choose = api.PressButton(user, prompt.MessageId, "l:ru");
        ids.Add(choose.UpdateId);
        var menu = await api.WaitForBotMessageAsync(user, m => m.Buttons.Any(b => b.CallbackData == "n:benefits"), timeout, prompt.MessageId - 1);
        var open = api.PressButton(user, menu.MessageId, "n:benefits");
        ids.Add(open.UpdateId);
        await api.WaitUntilAsync(() => api.TimeToFirstBotResponse(open.UpdateId) is not null, timeout);
        await api.WaitUntilAsync(() => api.ChatView(user).Any(m => m.MessageId == menu.MessageId && m.Buttons.Any(b => b.CallbackData == "a:back")), timeout);
        var ask = api.PressButton(user, menu.MessageId, "a:escalate");
        ids.Add(ask.UpdateId);
        await api.WaitUntilAsync(() => api.ChatView(user).Any(m => m.MessageId == menu.MessageId && m.Buttons.All(b => b.CallbackData != "a:back")), timeout);
        for (var i = 0; i < StepsPerPerson - 4; i++)
        {
            var text = api.SendText(user, $"Помогите, пожалуйста, вопрос {i}");
            ids.Add(text.UpdateId);
            await api.WaitForReplyAsync(text, timeout: timeout);
        }

        return ids;
    }

    private static Result Summarize(FakeBotApi api, List<int> updateIds, double seconds, string extra)
    {
        var latencies = updateIds.Select(id => api.TimeToFirstBotResponse(id)?.TotalMilliseconds ?? double.NaN).Where(v => !double.IsNaN(v)).Order().ToList();
        return new Result(updateIds.Count, seconds, Percentile(latencies, 0.5), Percentile(latencies, 0.99), extra);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HotlineBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
