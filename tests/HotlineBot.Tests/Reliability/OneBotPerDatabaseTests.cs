using System.Diagnostics;
using System.Globalization;
using HotlineBot.FakeTelegram;
using HotlineBot.Hosting;
using HotlineBot.Tests.EndToEnd;

namespace HotlineBot.Tests.Reliability;

/// <summary>Real processes on one database file: the OS lock refuses a second bot and tells the commands who has it.</summary>
public sealed class OneBotPerDatabaseTests
{
    private const long Person = 8301;

    [Fact]
    public async Task A_second_bot_on_the_same_database_is_refused_and_leaves_the_first_one_findable()
    {
        await using var api = await FakeBotApi.StartAsync();
        var dataFile = Path.Combine(TestPaths.TempDirectory(), "hotline.db");
        using var first = Process.Start(BotProcess.StartInfo([], BotProcess.Against(api, dataFile)))!;
        first.OutputDataReceived += (_, _) => { };
        first.ErrorDataReceived += (_, _) => { };
        first.BeginOutputReadLine();
        first.BeginErrorReadLine();
        try
        {
            api.SendText(Person, "/start");
            await api.WaitForBotMessageAsync(Person, m => m.Buttons.Any(), TimeSpan.FromSeconds(30));
            await api.WaitUntilAsync(() => File.Exists(RunningBot.PidFile(dataFile)), TimeSpan.FromSeconds(10));

            var (code, _, stderr) = await BotProcess.RunAsync([], BotProcess.Against(api, dataFile));

            Assert.Equal(1, code);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"another HotlineBot (pid {first.Id}) is using {dataFile}"), line);
            // The refused bot took nothing of the first one's: its pid file is still there, so backup finds it.
            Assert.True(File.Exists(RunningBot.PidFile(dataFile)));
            var copy = Path.Combine(TestPaths.TempDirectory(), "copy.db");
            var backup = await BotProcess.RunAsync(["backup", "--out", copy], new Dictionary<string, string?> { ["Storage__Path"] = dataFile });
            Assert.True(backup.Code == 0, backup.Stderr);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"by the running bot (pid {first.Id})"), backup.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_stale_pid_file_naming_a_live_process_does_not_make_backup_wait()
    {
        await using var api = await FakeBotApi.StartAsync();
        string dataFile;
        await using (var bot = await BotHost.StartAsync(api))
        {
            dataFile = bot.DataFile;
            await RelHelpers.ChooseRussianAsync(api, Person);
        }

        // As after a reboot: the pid file survived and its pid now belongs to some other live program (this test run).
        await File.WriteAllTextAsync(RunningBot.PidFile(dataFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var copy = Path.Combine(TestPaths.TempDirectory(), "copy.db");
        var clock = Stopwatch.StartNew();
        var (code, stdout, stderr) = await BotProcess.RunAsync(["backup", "--out", copy], new Dictionary<string, string?> { ["Storage__Path"] = dataFile });

        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("running bot", stdout, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"backup took {clock.Elapsed}");
        Assert.True(File.Exists(copy));
    }
}
