using System.Diagnostics;
using HotlineBot.FakeTelegram;

namespace HotlineBot.Tests.EndToEnd;

/// <summary>The built bot as a real process, started from the repository root as README tells people to.</summary>
internal static class BotProcess
{
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IDictionary<string, string?> environment, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "HotlineBot.dll"), .. args])
        {
            WorkingDirectory = workingDirectory ?? TestPaths.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        return start;
    }

    /// <summary>The environment that points the bot at a fake Bot API and a data file.</summary>
    public static Dictionary<string, string?> Against(FakeBotApi api, string dataFile) => new()
    {
        ["Telegram__Token"] = api.Token,
        ["Telegram__ApiBaseUrl"] = api.BaseUrl,
        ["Telegram__PollTimeoutSeconds"] = "1",
        ["Storage__Path"] = dataFile,
    };

    /// <summary>Runs a command to its end and returns its exit code and output.</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args, IDictionary<string, string?> environment, string? workingDirectory = null)
    {
        using var process = Process.Start(StartInfo(args, environment, workingDirectory))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
