using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HotlineBot.FakeTelegram;
using HotlineBot.Tests.EndToEnd;
using LiteDB;
using static HotlineBot.Tests.Operations.OpsHelpers;

namespace HotlineBot.Tests.Operations;

/// <summary>The built bot as a real process: what an operator sees on the console, and what survives a kill.</summary>
public sealed partial class ServiceProcessTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_webhook_update_answered_200_is_already_committed_and_survives_a_kill()
    {
        await using var api = await FakeBotApi.StartAsync();
        var dataFile = Path.Combine(TestPaths.TempDirectory(), "hotline.db");
        var environment = WebhookEnvironment(api, dataFile);
        // Replies cannot go out, so whatever the first process does with the update, only the database keeps it.
        api.AddFault(FaultRule.Fail("*", 73001, 500, "Internal Server Error", times: int.MaxValue));

        var (first, lines) = Start(environment);
        try
        {
            var listen = await WebhookListenerAsync(lines);
            // The listener is up before the registrar has called setWebhook: wait for the registration itself.
            await api.WaitUntilAsync(() => api.Webhook is not null, Long);
            api.SendText(73001, "/start", "ru");
            Assert.Equal([HttpStatusCode.OK], await api.DeliverToWebhookAsync(listen));
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }
        finally
        {
            first.Kill(entireProcessTree: true);
            first.Dispose();
        }

        // Committed before the 200: either still in the inbox, or handled with its reply waiting in the outbox.
        using (var db = new LiteDatabase(new ConnectionString { Filename = dataFile, Connection = ConnectionType.Direct }))
        {
            var inbox = db.GetCollection("inbox").Count();
            var person = db.GetCollection("people").FindById(73001);
            Assert.True(inbox == 1 || person is not null, $"inbox {inbox}, person {(person is null ? "absent" : "stored")}");
        }

        api.ClearFaults();
        var (second, secondLines) = Start(environment);
        try
        {
            await api.WaitForBotMessageAsync(73001, m => m.Buttons.Any(b => b.CallbackData == "l:ru"), Long);
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            second.Dispose();
        }
    }

    [Fact]
    public async Task Json_logs_parse_line_by_line_carry_the_start_up_line_and_never_the_token()
    {
        await using var api = await FakeBotApi.StartAsync();
        var dataFile = Path.Combine(TestPaths.TempDirectory(), "hotline.db");
        var environment = BotProcess.Against(api, dataFile);
        environment["Logging__Format"] = "json";
        environment["Hotline__Workers__0"] = null;
        // A failed poll logs the error it met: that line too must parse and hold no token.
        api.DropConnectionNext("getUpdates", null);
        var (bot, lines) = Start(environment);
        try
        {
            var started = await NextAsync(lines, l => l.Contains("started", StringComparison.Ordinal));
            var warning = await NextAsync(lines, l => l.Contains("No worker is configured", StringComparison.Ordinal));
            await NextAsync(lines, l => l.Contains("getUpdates failed", StringComparison.Ordinal));
            api.SendText(73002, "/start", "ru");
            await api.WaitForBotMessageAsync(73002, _ => true, Long);
            await StopAsync(bot);
            var all = lines.ToArray();
            Assert.NotEmpty(all);
            foreach (var line in all)
            {
                using var json = JsonDocument.Parse(line);
                Assert.True(json.RootElement.TryGetProperty("Message", out _), line);
                Assert.DoesNotContain(api.Token, line, StringComparison.Ordinal);
                Assert.DoesNotContain(api.Token.Split(':')[1], line, StringComparison.Ordinal);
            }

            var message = JsonDocument.Parse(started).RootElement.GetProperty("Message").GetString()!;
            Assert.Matches(@"HotlineBot @hotline_test_bot started: long polling; 0 worker\(s\), 0 supervisor\(s\); \d+ dialog screens from \S*dialogs; database .*hotline\.db \(not encrypted\)", message);
            Assert.Equal("Warning", JsonDocument.Parse(warning).RootElement.GetProperty("LogLevel").GetString());
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            bot.Dispose();
        }
    }

    [Fact]
    public async Task Storage_encrypt_and_rekey_round_trip_and_a_wrong_password_is_one_line_everywhere()
    {
        await using var api = await FakeBotApi.StartAsync();
        var dataFile = Path.Combine(TestPaths.TempDirectory(), "hotline.db");
        var environment = BotProcess.Against(api, dataFile);
        var (bot, _) = Start(environment);
        try
        {
            api.SendText(73003, "/start", "ru");
            await api.WaitForBotMessageAsync(73003, _ => true, Long);
            await StopAsync(bot);
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            bot.Dispose();
        }

        var encrypted = await RunWithInputAsync(["storage", "encrypt"], environment, "first-pass\n");
        Assert.True(encrypted.Code == 0, encrypted.Stderr);
        Assert.Contains("now encrypted", encrypted.Stdout, StringComparison.Ordinal);
        // No write-ahead log of the old file may be left to pair with the new one, and no unencrypted copy.
        // (The lock file beside it holds no data: it only tells a second bot that the file is in use.)
        Assert.Equal(["hotline.db"], Directory.GetFiles(Path.GetDirectoryName(dataFile)!).Select(Path.GetFileName).Where(f => f != "hotline.db.lock").Order());

        environment["Storage__Password"] = "first-pass";
        var rekeyed = await RunWithInputAsync(["storage", "rekey"], environment, "second-pass\n");
        Assert.True(rekeyed.Code == 0, rekeyed.Stderr);
        using (var db = new LiteDatabase(new ConnectionString { Filename = dataFile, Connection = ConnectionType.Direct, Password = "second-pass" }))
        {
            Assert.NotNull(db.GetCollection("people").FindById(73003));
        }

        // The old password, now wrong: the bot, a backup and a second rekey each say so in one line, exit 1.
        foreach (var args in new[] { Array.Empty<string>(), ["backup", "--out", dataFile + ".copy"], ["storage", "rekey"] })
        {
            var (code, stdout, stderr) = await RunWithInputAsync(args, environment, "third\n");
            Assert.True(code == 1, $"{string.Join(' ', args)}: exit {code}\n{stdout}\n{stderr}");
            Assert.Equal($"Storage:Password does not open the database {dataFile}: wrong password", stderr.Trim());
        }

        environment["Storage__Password"] = null;
        var missing = await RunWithInputAsync([], environment, "");
        Assert.Equal(1, missing.Code);
        Assert.Equal($"The database {dataFile} is encrypted and Storage:Password is not set: set Storage__Password in the environment", missing.Stderr.Trim());
    }

    private static Dictionary<string, string?> WebhookEnvironment(FakeBotApi api, string dataFile)
    {
        var environment = BotProcess.Against(api, dataFile);
        foreach (var (key, value) in WithWebhook())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return environment;
    }

    private static (Process Process, LineLog Lines) Start(Dictionary<string, string?> environment)
    {
        var process = Process.Start(BotProcess.StartInfo([], environment))!;
        var lines = new LineLog();
        process.OutputDataReceived += (_, e) => lines.Add(e.Data);
        process.ErrorDataReceived += (_, e) => lines.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, lines);
    }

    private static async Task<Uri> WebhookListenerAsync(LineLog lines)
    {
        var started = await NextAsync(lines, l => l.Contains("started: webhook", StringComparison.Ordinal));
        return new Uri(ListenerAddress().Match(started).Groups[1].Value);
    }

    private static async Task<string> NextAsync(LineLog lines, Func<string, bool> match)
    {
        var until = DateTime.UtcNow + Long;
        while (DateTime.UtcNow < until)
        {
            if (lines.ToArray().FirstOrDefault(match) is { } line)
            {
                return line;
            }

            await lines.ChangedAsync(TimeSpan.FromSeconds(1));
        }

        throw new TimeoutException("no such line in:\n" + string.Join('\n', lines.ToArray()));
    }

    private static async Task StopAsync(Process process)
    {
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term!.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(timeout.Token);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunWithInputAsync(string[] args, Dictionary<string, string?> environment, string input)
    {
        var start = BotProcess.StartInfo(args, environment);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    [GeneratedRegex(@"on (http://[0-9.]+:\d+)")]
    private static partial Regex ListenerAddress();

    private sealed class LineLog
    {
        private readonly List<string> _lines = [];
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_lines)
            {
                _lines.Add(line);
                _changed.TrySetResult();
                _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        public string[] ToArray()
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }

        public Task ChangedAsync(TimeSpan timeout)
        {
            lock (_lines)
            {
                return _changed.Task.WaitAsync(timeout).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
