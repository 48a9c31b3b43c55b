using HotlineBot.FakeTelegram;
using HotlineBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HotlineBot.Benchmarks;

/// <summary>The real host, as production runs it, on a LiteDB file in a temp folder.</summary>
internal static class BenchHost
{
    public const long Worker = 900001;

    public static string Root { get; } = FindRoot();

    public static IHost Build(FakeBotApi api, string dataFile)
    {
        var builder = HotlineHost.CreateBuilder([], HostMode.Telegram, config =>
        {
            config.AddJsonFile(Path.Combine(Root, "config", "appsettings.json"));
            config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Telegram:Token"] = api.Token,
                ["Telegram:ApiBaseUrl"] = api.BaseUrl,
                ["Telegram:PollTimeoutSeconds"] = "1",
                ["Storage:Path"] = dataFile,
                ["Dialogs:Path"] = Path.Combine(Root, "dialogs"),
                ["Hotline:Workers:0"] = Worker.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Hotline:WorkingHours:AlwaysOpen"] = "true",
            });
        });
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        var host = builder.Build();
        var problems = HotlineHost.Preflight(host.Services, HostMode.Telegram);
        return problems.Count == 0 ? host : throw new InvalidOperationException(string.Join("\n", problems));
    }

    public static string TempDataFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hotline-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, "hotline.db");
    }

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
