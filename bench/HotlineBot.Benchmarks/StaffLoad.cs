using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using HotlineBot.FakeTelegram;

namespace HotlineBot.Benchmarks;

/// <summary>
/// The staff side under load (issue 16): Telegram-like limits in the fake server, two workers, cases opening at a
/// steady rate from different people; the first five are taken with the Take button under their notices. Then one
/// person writes a crisis phrase and the five people in live chats write 100 messages within two seconds. Measured
/// from the fake server's own timestamps: case opening → its notice at each worker, crisis message → the urgent
/// alert at every worker, a person's message → its copy at the worker, and the time until all 100 are there.
/// </summary>
internal static class StaffLoad
{
    private const string CrisisPhrase = "я не хочу жить";
    private const int Writers = 5;
    private const int BurstMessages = 100;
    private static readonly TimeSpan BurstSpread = TimeSpan.FromSeconds(2);
    private static readonly long[] Workers = [BenchHost.Worker, BenchHost.SecondWorker];
    private static readonly Regex CaseNumber = new(@"№(\d+)", RegexOptions.CultureInvariant);

    /// <summary>How long the run waits for everything to reach the workers before it reports what is missing.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    private sealed record OpenedCase(int Number, long OpenedAt);

    private sealed record Relay(string Token, long SentAt);

    public static async Task<string> RunAsync(int casesPerMinute, double minutes)
    {
        var options = new FakeBotApiOptions { EnforceTelegramLimits = true };
        options.Limits.GlobalPerSecond = 0; // the 30/s figure is for broadcasts; the bot paces its own bulk alerts
        await using var api = await FakeBotApi.StartAsync(options);
        var dataFile = BenchHost.TempDataFile();
        // The measure is delivery to the workers, not the capacity rule: with the default of three open cases each, a
        // worker holding the live chats would (rightly) be offered no new notices at all.
        await using var bot = BenchHost.Start(api, dataFile, Workers, new Dictionary<string, string> { ["Hotline__MaxCasesPerWorker"] = "100" });

        // The workers press Start, so the bot knows their chats and their language.
        foreach (var worker in Workers)
        {
            await People.StepAsync(api, worker, () => api.SendText(worker, "/start", "ru", worker == BenchHost.Worker ? "Aigul" : "Dmitry"), outputs: 1);
        }

        // Warm-up without cases: people browse, nobody asks for a specialist (no notice reaches a worker).
        await Measure.Crowd(20, TimeSpan.FromSeconds(1), async i => { await BrowseAsync(api, 390_000 + i); return i; });
        const long crisisPerson = 480_000;
        await BrowseAsync(api, crisisPerson);

        using var watch = new WorkerChatWatch(api, Workers);
        var count = Math.Max(Writers, (int)Math.Round(casesPerMinute * minutes));
        var opening = Stopwatch.StartNew();
        var cases = await Measure.Crowd(count, TimeSpan.FromMinutes(minutes), i => OpenCaseAsync(api, 400_000 + i, i));
        var openSeconds = opening.Elapsed.TotalSeconds;

        // Then a crisis, and at once the five people in live chats write 100 messages within two seconds.
        var crisis = api.SendText(crisisPerson, CrisisPhrase);
        var relays = new List<Relay>(BurstMessages);
        var burstStart = Stopwatch.GetTimestamp();
        for (var k = 0; k < BurstMessages; k++)
        {
            var due = BurstSpread * ((double)k / BurstMessages) - Stopwatch.GetElapsedTime(burstStart);
            if (due > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(due);
            }

            var token = $"(сообщение {k:D3})";
            var sent = api.SendText(400_000 + (k % Writers), "Мне очень тяжело, пишу снова " + token);
            relays.Add(new Relay(token, sent.EnqueuedAt));
        }

        // Wait until every notice, both urgent alerts and all 100 copies are at the workers, or patience runs out.
        // A case is shown to a worker when it first appears in their chat: on the queue board (sent or edited) or in an alert.
        var noticeFinder = cases.ToDictionary(c => c.Number, c => new Regex($@"#{c.Number}(?!\d)", RegexOptions.CultureInvariant));
        (List<double> Alerts, int Missing) Notices() => Latencies(cases.SelectMany(c => Workers.Select(w =>
            (c.OpenedAt, watch.First(w, text => noticeFinder[c.Number].IsMatch(text))))));
        (List<double> Alerts, int Missing) Urgent() => Latencies(Workers.Select(w =>
            (crisis.EnqueuedAt, watch.First(w, text => text.Contains("СРОЧНОЕ обращение", StringComparison.Ordinal), after: crisis.EnqueuedAt))));
        (List<double> Copies, int Missing) Copies() => Latencies(relays.Select(r =>
            (r.SentAt, Workers.Select(w => watch.First(w, text => text.Contains(r.Token, StringComparison.Ordinal))).FirstOrDefault(t => t is not null))));
        var waiting = Stopwatch.StartNew();
        while ((Notices().Missing > 0 || Urgent().Missing > 0 || Copies().Missing > 0) && waiting.Elapsed < Patience)
        {
            await Task.Delay(500);
        }

        watch.Poll();
        var (alerts, missingNotices) = Notices();
        var (urgent, missingUrgent) = Urgent();
        var (copies, missingCopies) = Copies();
        await bot.StopAsync();
        Directory.Delete(Path.GetDirectoryName(dataFile)!, recursive: true);

        var lastCopy = relays.Select(r => Workers.Select(w => watch.First(w, text => text.Contains(r.Token, StringComparison.Ordinal))).FirstOrDefault(t => t is not null))
            .OfType<long>().DefaultIfEmpty(burstStart).Max();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"staff: {count} cases opened in {openSeconds:0.0} s by {count} people; notices at the workers {alerts.Count}/{count * Workers.Length} (p50 {Measure.Percentile(alerts, 0.5):0} ms); urgent alert at {urgent.Count}/{Workers.Length} workers; copies at the workers {copies.Count}/{BurstMessages} (p50 {Measure.Percentile(copies, 0.5):0} ms)"));
        foreach (var refused in api.ExplainTooManyRequests())
        {
            Console.WriteLine(refused);
        }

        string Figure(double value, int missing, string format) => missing > 0 ? "timeout" : value.ToString(format, CultureInfo.InvariantCulture);
        return "staff: " + string.Join(' ',
            "alert_p99_ms=" + Figure(Measure.Percentile(alerts, 0.99), missingNotices, "0"),
            "urgent_alert_ms=" + Figure(urgent.DefaultIfEmpty(double.NaN).Max(), missingUrgent, "0"),
            "relay_p99_ms=" + Figure(Measure.Percentile(copies, 0.99), missingCopies, "0"),
            "drain_100_s=" + Figure(Stopwatch.GetElapsedTime(burstStart, lastCopy).TotalSeconds, missingCopies, "0.0"),
            "got_429=" + api.TooManyRequestsCount.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Milliseconds from each start to its arrival (sorted), and how many have not arrived.</summary>
    private static (List<double> Sorted, int Missing) Latencies(IEnumerable<(long From, long? To)> pairs)
    {
        var all = pairs.ToList();
        var arrived = all.Where(p => p.To is not null).Select(p => Stopwatch.GetElapsedTime(p.From, p.To!.Value).TotalMilliseconds).Order().ToList();
        return (arrived, all.Count - arrived.Count);
    }

    /// <summary>Start, Russian, the benefits screen: a person who looks around without asking for a specialist.</summary>
    private static async Task BrowseAsync(FakeBotApi api, long user)
    {
        await People.StepAsync(api, user, () => api.SendText(user, "/start"), outputs: 1);
        var prompt = api.BotMessages(user)[^1].MessageId;
        await People.StepAsync(api, user, () => api.PressButton(user, prompt, "l:ru"), outputs: 2);
        await People.StepAsync(api, user, () => api.PressButton(user, prompt, "n:benefits"), outputs: 2);
    }

    /// <summary>
    /// A person opens a case: start, Russian, benefits, talk to a specialist, the first words. The first five cases
    /// are taken at once (alternately by each worker) with the Take button under the worker's notice.
    /// </summary>
    private static async Task<OpenedCase> OpenCaseAsync(FakeBotApi api, long user, int index)
    {
        await BrowseAsync(api, user);
        var prompt = api.BotMessages(user)[^1].MessageId;
        await People.StepAsync(api, user, () => api.PressButton(user, prompt, "a:escalate"), outputs: 2);
        var question = api.SendText(user, $"Здравствуйте, у меня вопрос о пособии на ребёнка (человек {index})");
        var queued = await WaitForBotTextAsync(api, user, question.MessageId ?? 0, text => CaseNumber.IsMatch(text));
        var number = int.Parse(CaseNumber.Match(queued).Groups[1].Value, CultureInfo.InvariantCulture);
        if (index < Writers)
        {
            var worker = Workers[index % Workers.Length];
            var notice = await WaitForBotMessageAsync(api, worker, 0, m => m.Buttons.Any(b => b.CallbackData == $"w:take:{number}"));
            var before = api.BotMessages(user)[^1].MessageId;
            api.PressButton(worker, notice.MessageId, $"w:take:{number}");
            await WaitForBotTextAsync(api, user, before, text => text.Contains("на связи", StringComparison.Ordinal));
        }

        return new OpenedCase(number, question.EnqueuedAt);
    }

    private static async Task<string> WaitForBotTextAsync(FakeBotApi api, long chat, int after, Func<string, bool> match) =>
        (await WaitForBotMessageAsync(api, chat, after, m => m.Display is { } text && match(text))).Display!;

    /// <summary>Woken per chat by the fake server (not by polling), so a hundred people waiting cost the machine little.</summary>
    private static async Task<ChatMessage> WaitForBotMessageAsync(FakeBotApi api, long chat, int after, Func<ChatMessage, bool> match)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var seen = api.OutputCount(chat);
            if (api.BotMessagesSince(chat, after).FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await api.WaitForOutputAsync(chat, seen, Patience - deadline.Elapsed);
        }
    }

    /// <summary>
    /// Every text the bot put in the workers' chats, each version of it (the queue board is one message edited in place,
    /// so new messages alone would miss it), with the time the fake server received the request. Read from the server's
    /// request log five times a second; the timestamps are the server's own.
    /// </summary>
    private sealed class WorkerChatWatch : IDisposable
    {
        private static readonly HashSet<string> Shows = new(StringComparer.OrdinalIgnoreCase) { "sendMessage", "editMessageText" };

        private readonly FakeBotApi _api;
        private readonly Dictionary<long, List<(string Text, long ReceivedAt)>> _seen = [];
        private readonly Timer _timer;
        private readonly object _gate = new();
        private int _read;

        public WorkerChatWatch(FakeBotApi api, IEnumerable<long> workers)
        {
            _api = api;
            foreach (var worker in workers)
            {
                _seen[worker] = [];
            }

            _read = api.Requests.Count;
            _timer = new Timer(_ => Poll(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(200));
        }

        public void Poll()
        {
            lock (_gate)
            {
                var requests = _api.Requests;
                for (; _read < requests.Count; _read++)
                {
                    var r = requests[_read];
                    if (r.Ok && r.ChatId is { } chat && _seen.TryGetValue(chat, out var seen) && Shows.Contains(r.Method)
                        && r.Parameters["text"]?.GetValue<string>() is { } text)
                    {
                        seen.Add((text, r.StopwatchTimestamp));
                    }
                }
            }
        }

        /// <summary>When the first message in the worker's chat matching the text arrived (after a timestamp), or null.</summary>
        public long? First(long worker, Func<string, bool> match, long after = 0)
        {
            lock (_gate)
            {
                foreach (var (text, receivedAt) in _seen[worker])
                {
                    if (receivedAt >= after && match(text))
                    {
                        return receivedAt;
                    }
                }

                return null;
            }
        }

        public void Dispose() => _timer.Dispose();
    }
}
