using HotlineBot.FakeTelegram;
using HotlineBot.Hosting;
using HotlineBot.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace HotlineBot.Tests.EndToEnd;

/// <summary>
/// The real host (polling worker, processor, sender, LiteDB file) pointed at a loopback fake Bot API.
/// Two workers and a supervisor are on staff; a test may share the data file between restarts.
/// </summary>
internal sealed class BotHost : IAsyncDisposable
{
    public const long WorkerA = 900001;
    public const long WorkerB = 900002;
    public const long Supervisor = 900009;

    private BotHost(IHost host, FakeBotApi api, string dataFile, CapturingLoggerProvider logs)
    {
        Host = host;
        Api = api;
        DataFile = dataFile;
        Logs = logs;
    }

    public IHost Host { get; }
    public FakeBotApi Api { get; }
    public string DataFile { get; }
    public CapturingLoggerProvider Logs { get; }
    public IServiceProvider Services => Host.Services;

    public static async Task<BotHost> StartAsync(
        FakeBotApi api,
        string? dataFile = null,
        IDictionary<string, string?>? settings = null,
        TimeProvider? time = null,
        Action<IServiceCollection>? services = null)
    {
        dataFile ??= Path.Combine(TestPaths.TempDirectory(), "hotline.db");
        var values = new Dictionary<string, string?>
        {
            ["Telegram:Token"] = api.Token,
            ["Telegram:ApiBaseUrl"] = api.BaseUrl,
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Storage:Path"] = dataFile,
            ["Dialogs:Path"] = TestPaths.Dialogs,
            ["Hotline:Workers:0"] = WorkerA.ToString(),
            ["Hotline:Workers:1"] = WorkerB.ToString(),
            ["Hotline:Supervisors:0"] = Supervisor.ToString(),
            ["Hotline:WorkerNames:900001"] = "Aigul",
            ["Hotline:WorkerNames:900002"] = "Dmitry",
            ["Hotline:WorkingHours:AlwaysOpen"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var builder = HotlineHost.CreateBuilder([], HostMode.Telegram, config =>
        {
            config.AddJsonFile(TestPaths.Config, optional: false);
            config.AddInMemoryCollection(values);
        });
        var logs = new CapturingLoggerProvider();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        services?.Invoke(builder.Services);
        var host = builder.Build();
        var problems = HotlineHost.Preflight(host.Services, HostMode.Telegram);
        Assert.Empty(problems);
        await host.StartAsync();
        return new BotHost(host, api, dataFile, logs);
    }

    public static Task<BotHost> StartWithFakeTimeAsync(FakeBotApi api, FakeTimeProvider time, IDictionary<string, string?>? settings = null) =>
        StartAsync(api, null, settings, time);

    /// <summary>
    /// Waits until the bot has nothing left to do: Telegram holds no update for it, its inbox is empty and every reply
    /// has left its outbox. Only then can a test say that nothing else arrived, however slow the machine is.
    /// </summary>
    public async Task WaitIdleAsync(TimeSpan? timeout = null)
    {
        var inbox = Services.GetRequiredService<Storage.IInboxStore>();
        var outbox = Services.GetRequiredService<Storage.IOutboxStore>();
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        // Twice in a row: a reply to a reply (a delivery note) may be committed just after the outbox looked empty.
        var quietChecks = 0;
        await Api.WaitUntilAsync(() =>
        {
            quietChecks = Api.PendingUpdates == 0 && inbox.Count() == 0 && outbox.Count() == 0 ? quietChecks + 1 : 0;
            return quietChecks >= 2;
        }, limit);
    }

    /// <summary>Moves the fake clock on and waits until the bot's timed duties have run on it and their replies went out.</summary>
    public async Task AdvanceAndTickAsync(FakeTimeProvider time, TimeSpan by)
    {
        ArgumentNullException.ThrowIfNull(time);
        var processor = Services.GetRequiredService<Conversations.InboxProcessor>();
        time.Advance(by);
        var now = time.GetUtcNow();
        processor.Signal();
        await Api.WaitUntilAsync(() => processor.LastTickAt >= now, TimeSpan.FromSeconds(20));
        await WaitIdleAsync();
    }

    public async Task StopAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Host.StopAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            Host.Dispose();
        }
    }
}
