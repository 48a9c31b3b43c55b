using System.Diagnostics;
using System.Globalization;
using HotlineBot.FakeTelegram;

namespace HotlineBot.Benchmarks;

/// <summary>
/// The real bot, as production runs it: the built HotlineBot in a process of its own, on a LiteDB file in a temp
/// folder, pointed at the fake Bot API. Its working set and its garbage collections are then its own, not mixed
/// with those of the fake server and the simulated crowd that share this process.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    public const long Worker = 900001;

    private readonly Process _process;
    private readonly Task<string> _stderr;
    private readonly Task _stdout;

    private BenchHost(Process process)
    {
        _process = process;
        _stderr = process.StandardError.ReadToEndAsync();
        _stdout = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
    }

    public static string Root { get; } = FindRoot();

    public const long SecondWorker = 900002;

    /// <param name="workers">The staff (Hotline:Workers); one worker, <see cref="Worker"/>, when none are given.</param>
    public static BenchHost Start(FakeBotApi api, string dataFile, params long[] workers) => Start(api, dataFile, workers, null);

    /// <param name="settings">More settings, as environment variables (Section__Key).</param>
    public static BenchHost Start(FakeBotApi api, string dataFile, long[] workers, IReadOnlyDictionary<string, string>? settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["Telegram__Token"] = api.Token,
            ["Telegram__ApiBaseUrl"] = api.BaseUrl,
            ["Telegram__PollTimeoutSeconds"] = "1",
            ["Storage__Path"] = dataFile,
            ["Dialogs__Path"] = Path.Combine(Root, "dialogs"),
            ["Hotline__WorkingHours__AlwaysOpen"] = "true",
            ["Logging__LogLevel__Default"] = "Error",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var staff = workers.Length == 0 ? [Worker] : workers;
        for (var i = 0; i < staff.Length; i++)
        {
            environment[$"Hotline__Workers__{i}"] = staff[i].ToString(CultureInfo.InvariantCulture);
        }

        return new(Launch(Path.Combine(AppContext.BaseDirectory, "HotlineBot.dll"), [], environment));
    }

    /// <summary>
    /// The bot with its health and metrics listener on a free loopback port, as an operator would run it, so that
    /// <see cref="JitTimeAsync"/> can read the runtime's own JIT counter from <c>/metrics</c>.
    /// </summary>
    public static BenchHost StartWithMetrics(FakeBotApi api, string dataFile)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var host = Start(api, dataFile, [], new Dictionary<string, string> { ["Hosting__HttpUrl"] = address.ToString() });
        host._metrics = new Uri(address, "metrics");
        return host;
    }

    private Uri? _metrics;
    private static readonly HttpClient Http = new();

    /// <summary>
    /// The time the bot's runtime has spent compiling (<c>dotnet.jit.compilation.time</c> of the meter System.Runtime),
    /// or, for the echo bot, what it answers to <see cref="EchoBot.JitQuery"/>.
    /// </summary>
    public async Task<TimeSpan> JitTimeAsync(FakeBotApi api)
    {
        if (_metrics is null)
        {
            var ask = api.SendText(EchoBot.ControlChat, EchoBot.JitQuery);
            var answer = await api.WaitForReplyAsync(ask, timeout: People.Patience);
            return TimeSpan.FromTicks(long.Parse(answer.Text!.Split(' ')[^1], CultureInfo.InvariantCulture));
        }

        return TimeSpan.FromSeconds(Sum(await ScrapeAsync(), JitSeries) ?? throw new InvalidOperationException($"{JitSeries} is missing from /metrics"));
    }

    private const string JitSeries = "dotnet_jit_compilation_time_seconds_total";

    /// <summary>The sum of each named series in /metrics over all its labels (0 where a series is missing or nothing is served).</summary>
    public async Task<IReadOnlyList<double>> MetricSumsAsync(params string[] names)
    {
        var body = _metrics is null ? "" : await ScrapeAsync();
        return [.. names.Select(n => Sum(body, n) ?? 0)];
    }

    private async Task<string> ScrapeAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Http.GetStringAsync(_metrics);
            }
            catch (HttpRequestException) when (attempt < 50)
            {
                // The listener starts with the host, a moment after the first reply can already have gone.
                await Task.Delay(100);
            }
        }
    }

    /// <summary>A series' samples in Prometheus text (the name alone or with labels) added up; null when it has none.</summary>
    private static double? Sum(string body, string name)
    {
        var samples = body.Split('\n')
            .Where(l => l.StartsWith(name, StringComparison.Ordinal) && l.Length > name.Length && l[name.Length] is ' ' or '{')
            .Select(l => double.Parse(l.Split(' ')[^1], CultureInfo.InvariantCulture)).ToList();
        return samples.Count == 0 ? null : samples.Sum();
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>The bare Telegram.Bot echo handler, in a process of its own like the bot (see <see cref="EchoBot"/>).</summary>
    public static BenchHost StartEcho(FakeBotApi api) => new(Launch(
        Path.Combine(AppContext.BaseDirectory, "HotlineBot.Benchmarks.dll"), ["echo-bot", "--api-url", api.BaseUrl], new() { [EchoBot.TokenVariable] = api.Token }));

    /// <summary>The highest resident set of the process since it started (the kernel's VmHWM).</summary>
    public long PeakMegabytes
    {
        get
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
    }

    /// <summary>
    /// Starts <see cref="PeakMegabytes"/> again from the present resident set (the kernel's clear_refs, 5), so that the
    /// peak describes the load measured after it, not the warm-up's rounds, which are harder (a round's people all at
    /// once, without pauses) than a small measured crowd.
    /// </summary>
    public void ResetPeak() => File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");

    /// <summary>
    /// The processor time the process has used since it started (user and system, the kernel's utime + stime): on a
    /// machine shared with other work, the time per update is steadier than the rate, which depends on what else runs.
    /// </summary>
    public TimeSpan CpuTime => CpuTimeOf($"/proc/{_process.Id}/stat");

    private static TimeSpan CpuTimeOf(string statFile)
    {
        // Fields after the command name, which is in parentheses and may itself hold spaces.
        var stat = File.ReadAllText(statFile);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / (double)ClockTicksPerSecond);
    }

    // USER_HZ, which Linux reports to user space as 100 on every mainstream architecture.
    private const int ClockTicksPerSecond = 100;

    /// <summary>Stops it as a service manager would (SIGTERM) and fails loudly if it did not end cleanly.</summary>
    public async Task StopAsync()
    {
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        await _stdout;
        if (_process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the bot exited with {_process.ExitCode}: {await _stderr}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    public static string TempDataFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hotline-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, "hotline.db");
    }

    private static Process Launch(string dll, string[] args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start " + dll);
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
