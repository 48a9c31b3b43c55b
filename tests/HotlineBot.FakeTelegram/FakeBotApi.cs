using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HotlineBot.FakeTelegram;

/// <summary>
/// A loopback fake of the Telegram Bot API: Kestrel on 127.0.0.1 with a random port, an update queue fed by
/// simulated users, a per-chat view of what a person would see, request recording and fault injection.
/// </summary>
public sealed partial class FakeBotApi : IAsyncDisposable
{
    private static readonly Regex TokenFormat = new(@"^\d+:[A-Za-z0-9_-]+$", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private readonly object _gate = new();
    private readonly FakeBotApiOptions _options;
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;

    // ---- state guarded by _gate ----
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<FaultRule> _faults = [];
    private readonly HashSet<long> _blocked = [];
    private readonly Dictionary<long, ChatState> _chats = [];
    private readonly Dictionary<long, JsonObject> _users = [];
    private readonly List<PendingUpdate> _queue = [];
    private readonly List<UpdateTraceBuilder> _traces = [];
    private readonly Dictionary<int, UpdateTraceBuilder> _traceById = [];
    private readonly List<BotOutputEvent> _outputs = [];
    private readonly Dictionary<long, List<BotOutputEvent>> _outputsByChat = [];
    private readonly Dictionary<long, TaskCompletionSource> _chatSignals = [];
    private readonly Dictionary<string, List<BotCommandInfo>> _commands = [];
    private readonly Dictionary<string, StoredFile> _files = [];
    private readonly Dictionary<long, Bucket> _chatBuckets = [];
    private Bucket? _globalBucket;
    private int _nextUpdateId = 100_000;
    private int _nextCallbackId = 1;
    private int _nextFileNo = 1;
    private int _tooManyRequests;
    private TaskCompletionSource _updateSignal = NewSignal();
    private TaskCompletionSource _changeSignal = NewSignal();

    private FakeBotApi(FakeBotApiOptions options)
    {
        _options = options;
        BotId = options.BotId;
        Token = options.Token ?? $"{options.BotId}:AA{RandomSecret(33)}";
        _faults.AddRange(options.Faults);
        _handlers = BuildHandlers();
        AddTopicMethods(_handlers);
    }

    /// <summary>"http://127.0.0.1:PORT" — pass as TelegramBotClientOptions baseUrl.</summary>
    public string BaseUrl { get; private set; } = "";
    public long BotId { get; }
    public string Token { get; }
    public string BotUsername => _options.BotUsername;
    public FakeBotApiOptions Options => _options;

    public static async Task<FakeBotApi> StartAsync(FakeBotApiOptions? options = null)
    {
        var fake = new FakeBotApi(options ?? new FakeBotApiOptions());
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        if (!fake._options.EnableLogging)
            builder.Logging.ClearProviders();
        builder.WebHost.UseSetting(WebHostDefaults.PreferHostingUrlsKey, "false");
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 60L * 1024 * 1024;
        });
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.Run(fake.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = address.TrimEnd('/');
        fake._app = app;
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try { await _app.StopAsync(cts.Token).ConfigureAwait(false); } catch (OperationCanceledException) { }
            await _app.DisposeAsync().ConfigureAwait(false);
        }
        _stopping.Dispose();
    }

    // =====================================================================================
    // Inspection
    // =====================================================================================

    public IReadOnlyList<RecordedRequest> Requests { get { lock (_gate) return _requests.ToArray(); } }

    public IReadOnlyList<RecordedRequest> RequestsFor(string method)
    {
        lock (_gate) return _requests.Where(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)).ToArray();
    }

    /// <summary>The messages a person would see in the chat, oldest first.</summary>
    public IReadOnlyList<ChatMessage> ChatView(long chatId)
    {
        lock (_gate) return _chats.TryGetValue(chatId, out var c) ? c.Messages.Select(m => m.ToPublic()).ToArray() : [];
    }

    public IReadOnlyList<ChatMessage> BotMessages(long chatId)
    {
        lock (_gate) return _chats.TryGetValue(chatId, out var c) ? c.Messages.Where(m => m.FromBot).Select(m => m.ToPublic()).ToArray() : [];
    }

    /// <summary>The bot's messages in the chat with an id above <paramref name="afterMessageId"/>: cheap to poll for what is new.</summary>
    public IReadOnlyList<ChatMessage> BotMessagesSince(long chatId, int afterMessageId)
    {
        lock (_gate) return _chats.TryGetValue(chatId, out var c) ? c.Messages.Where(m => m.FromBot && m.MessageId > afterMessageId).Select(m => m.ToPublic()).ToArray() : [];
    }

    public ChatMessage? LastBotMessage(long chatId)
    {
        lock (_gate) return _chats.TryGetValue(chatId, out var c) ? c.Messages.LastOrDefault(m => m.FromBot)?.ToPublic() : null;
    }

    public ChatMessage? FindMessage(long chatId, int messageId)
    {
        lock (_gate) return FindStored(chatId, messageId)?.ToPublic();
    }

    /// <summary>Every chat id with at least one message in its view.</summary>
    public IReadOnlyList<long> Chats { get { lock (_gate) return _chats.Keys.ToArray(); } }

    /// <summary>The reply keyboard currently installed in the chat (from the latest bot message carrying one), or null.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? CurrentReplyKeyboard(long chatId)
    {
        lock (_gate)
        {
            if (!_chats.TryGetValue(chatId, out var c)) return null;
            return c.ReplyKeyboard;
        }
    }

    /// <summary>Updates not yet confirmed by a getUpdates offset.</summary>
    public int PendingUpdates { get { lock (_gate) return _queue.Count; } }

    /// <summary>Number of 429 answers produced by the limits mode.</summary>
    public int TooManyRequestsCount => Volatile.Read(ref _tooManyRequests);

    public IReadOnlyList<UpdateTrace> UpdateTraces { get { lock (_gate) return _traces.Select(t => t.Build()).ToArray(); } }

    public IReadOnlyList<BotOutputEvent> BotOutputs { get { lock (_gate) return _outputs.ToArray(); } }

    /// <summary>Commands set with setMyCommands for a scope (default when null) and language ("" = none).</summary>
    public IReadOnlyList<BotCommandInfo> GetCommands(string? languageCode = null, JsonObject? scope = null)
    {
        lock (_gate) return _commands.TryGetValue(CommandsKey(scope, languageCode), out var l) ? l.ToArray() : [];
    }

    /// <summary>
    /// Time from the update being enqueued to the first bot output in its chat after it (a sent/copied message,
    /// or also an edit / answerCallbackQuery when <paramref name="includeEditsAndAnswers"/>). Null when none yet.
    /// </summary>
    public TimeSpan? TimeToFirstBotResponse(int updateId, bool includeEditsAndAnswers = true)
    {
        lock (_gate)
        {
            if (!_traceById.TryGetValue(updateId, out var t) || t.ChatId is not long chat || !_outputsByChat.TryGetValue(chat, out var outputs)) return null;
            foreach (var o in outputs)
            {
                if (o.ReceivedAt < t.EnqueuedAt) continue;
                if (!includeEditsAndAnswers && !IsSendMethod(o.Method)) continue;
                return Stopwatch.GetElapsedTime(t.EnqueuedAt, o.ReceivedAt);
            }
            return null;
        }
    }

    /// <summary>How many outputs (sends, edits, answers) the bot has made in a chat so far.</summary>
    public int OutputCount(long chatId)
    {
        lock (_gate) return _outputsByChat.TryGetValue(chatId, out var list) ? list.Count : 0;
    }

    /// <summary>
    /// Waits until the bot has made more than <paramref name="seen"/> outputs in the chat. Woken per chat, not by
    /// polling, so thousands of simulated people can wait at once without loading the machine they measure.
    /// </summary>
    public async Task WaitForOutputAsync(long chatId, int seen, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                if (_outputsByChat.TryGetValue(chatId, out var list) && list.Count > seen) return;
                if (!_chatSignals.TryGetValue(chatId, out var tcs)) _chatSignals[chatId] = tcs = NewSignal();
                signal = tcs.Task;
            }
            try
            {
                await signal.WaitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No bot output in chat {chatId} within {timeout.TotalSeconds:0.###} s. Chat view:\n{DumpChat(chatId)}");
            }
        }
    }

    /// <summary>Call under _gate.</summary>
    private void RecordOutput(BotOutputEvent output)
    {
        _outputs.Add(output);
        if (output.ChatId is not long chat) return;
        if (!_outputsByChat.TryGetValue(chat, out var list)) _outputsByChat[chat] = list = [];
        list.Add(output);
        if (_chatSignals.Remove(chat, out var waiting)) waiting.TrySetResult();
    }

    // =====================================================================================
    // Waiting
    // =====================================================================================

    /// <summary>Waits for a bot message in the chat view matching the predicate (id greater than <paramref name="afterMessageId"/>).</summary>
    public async Task<ChatMessage> WaitForBotMessageAsync(long chatId, Func<ChatMessage, bool> predicate, TimeSpan? timeout = null, int afterMessageId = 0)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ChatMessage? found = null;
        bool Check()
        {
            found = BotMessages(chatId).FirstOrDefault(m => m.MessageId > afterMessageId && predicate(m));
            return found is not null;
        }
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        if (!await WaitCoreAsync(Check, limit).ConfigureAwait(false))
            throw new TimeoutException($"No matching bot message in chat {chatId} within {limit.TotalSeconds:0.###} s. Chat view:\n{DumpChat(chatId)}\nLast requests:\n{DumpRequests(15)}");
        return found!;
    }

    /// <summary>Waits for the next bot message in the chat after the given user action.</summary>
    public Task<ChatMessage> WaitForReplyAsync(EnqueuedUpdate after, Func<ChatMessage, bool>? predicate = null, TimeSpan? timeout = null)
        => WaitForBotMessageAsync(after.ChatId ?? throw new ArgumentException("update has no chat", nameof(after)),
            predicate ?? (_ => true), timeout, after.MessageId ?? 0);

    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        if (!await WaitCoreAsync(condition, limit).ConfigureAwait(false))
            throw new TimeoutException($"Condition not met within {limit.TotalSeconds:0.###} s. Last requests:\n{DumpRequests(15)}");
    }

    private async Task<bool> WaitCoreAsync(Func<bool> condition, TimeSpan limit)
    {
        var start = Stopwatch.GetTimestamp();
        while (true)
        {
            Task changed;
            lock (_gate) changed = _changeSignal.Task;
            if (condition()) return true;
            var left = limit - Stopwatch.GetElapsedTime(start);
            if (left <= TimeSpan.Zero) return false;
            // Re-check on any state change, and every 25 ms for conditions on external state.
            var slice = left < TimeSpan.FromMilliseconds(25) ? left : TimeSpan.FromMilliseconds(25);
            await Task.WhenAny(changed, Task.Delay(slice)).ConfigureAwait(false);
        }
    }

    public string DumpChat(long chatId)
    {
        var view = ChatView(chatId);
        return view.Count == 0 ? "  (empty)" : string.Join("\n", view.Select(m => "  " + m));
    }

    /// <summary>Each 429 answered, with the last messages that chat had been sent before it: what the sender's pacing let through.</summary>
    public IReadOnlyList<string> ExplainTooManyRequests()
    {
        var requests = Requests;
        return [.. requests.Where(r => r.StatusCode == 429).Select(refused =>
        {
            var before = requests.Where(r => r.ChatId == refused.ChatId && r.StopwatchTimestamp <= refused.StopwatchTimestamp && _options.Limits.Methods.Contains(r.Method))
                .TakeLast(5).Select(r => $"{r.Method}@{Stopwatch.GetElapsedTime(refused.StopwatchTimestamp, r.StopwatchTimestamp).TotalMilliseconds:0}ms");
            return $"429: {refused.Method} to chat {refused.ChatId}; that chat's last sends: {string.Join(", ", before)}";
        })];
    }

    public string DumpRequests(int last = 20)
    {
        var reqs = Requests;
        return string.Join("\n", reqs.Skip(Math.Max(0, reqs.Count - last)).Select(r =>
            $"  {r.Method} chat={r.ChatId} -> {(r.Dropped ? "DROPPED" : r.StatusCode.ToString())} {r.Description} {Truncate(r.Parameters.ToJsonString(), 200)}"));
    }

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n] + "…";

    // =====================================================================================
    // Fault injection
    // =====================================================================================

    public void FailNext(string method, long? chatId, int statusCode, string description, int? retryAfter = null, int times = 1, int skip = 0)
    {
        var rule = FaultRule.Fail(method, chatId, statusCode, description, retryAfter, times);
        rule.Skip = skip;
        lock (_gate) _faults.Add(rule);
    }

    /// <summary>Convenience: 429 "Too Many Requests: retry after N" with parameters.retry_after.</summary>
    public void TooManyRequestsNext(string method, long? chatId, int retryAfter, int times = 1)
        => FailNext(method, chatId, 429, $"Too Many Requests: retry after {retryAfter}", retryAfter, times);

    public void DropConnectionNext(string method, long? chatId, int times = 1)
    {
        lock (_gate) _faults.Add(FaultRule.Drop(method, chatId, times));
    }

    public void Delay(string method, TimeSpan delay, int times = 1, long? chatId = null)
    {
        lock (_gate) _faults.Add(FaultRule.Slow(method, delay, times, chatId));
    }

    public void AddFault(FaultRule rule)
    {
        lock (_gate) _faults.Add(rule);
    }

    public void ClearFaults()
    {
        lock (_gate) _faults.Clear();
    }

    /// <summary>Every request to this chat (with a chat_id) answers 403 "Forbidden: bot was blocked by the user".</summary>
    public void BlockedByUser(long chatId)
    {
        lock (_gate) _blocked.Add(chatId);
    }

    public void UnblockUser(long chatId)
    {
        lock (_gate) _blocked.Remove(chatId);
    }

    // =====================================================================================
    // HTTP pipeline
    // =====================================================================================

    private async Task HandleAsync(HttpContext ctx)
    {
        var arrivedTs = Stopwatch.GetTimestamp();
        var arrived = _options.TimeProvider.GetUtcNow();
        var path = ctx.Request.Path.Value ?? "";
        if (!path.StartsWith("/bot", StringComparison.Ordinal))
        {
            if (path.StartsWith("/file/bot", StringComparison.Ordinal))
            {
                await ServeFileAsync(ctx, path).ConfigureAwait(false);
                return;
            }
            await WriteAsync(ctx, ApiResult.Error(404, "Not Found")).ConfigureAwait(false);
            return;
        }
        var rest = path[4..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var token = slash < 0 ? rest : rest[..slash];
        var rawMethod = slash < 0 ? "" : rest[(slash + 1)..].Trim('/');
        if (rawMethod.StartsWith("test/", StringComparison.Ordinal)) rawMethod = rawMethod[5..];

        if (!HttpMethods.IsPost(ctx.Request.Method) && !HttpMethods.IsGet(ctx.Request.Method))
        {
            await WriteAsync(ctx, ApiResult.Error(405, "Method Not Allowed")).ConfigureAwait(false);
            return;
        }

        JsonObject parameters;
        List<RecordedFile> files = [];
        try
        {
            parameters = await ReadParametersAsync(ctx, files).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or IOException or BadHttpRequestException or InvalidOperationException)
        {
            if (ctx.RequestAborted.IsCancellationRequested) return;
            parameters = [];
            var bad = ApiResult.Error(400, "Bad Request: can't parse request: " + ex.Message);
            Record(rawMethod, null, parameters, files, bad, arrived, arrivedTs, false);
            await WriteAsync(ctx, bad).ConfigureAwait(false);
            return;
        }

        var handler = FindHandler(rawMethod, out var method);
        var chatId = GetChatId(parameters, "chat_id");

        if (!TokenFormat.IsMatch(token))
        {
            var unauthorized = ApiResult.Error(401, "Unauthorized");
            Record(method, chatId, parameters, files, unauthorized, arrived, arrivedTs, false);
            await WriteAsync(ctx, unauthorized).ConfigureAwait(false);
            return;
        }

        // ---- faults ----
        TimeSpan delay = TimeSpan.Zero;
        FaultRule? fault = null;
        lock (_gate)
        {
            foreach (var rule in _faults)
            {
                if (rule.Kind == FaultKind.Delay && rule.Matches(method, chatId))
                {
                    rule.Remaining--;
                    delay += rule.Delay;
                }
            }
            fault = _faults.FirstOrDefault(r => r.Kind != FaultKind.Delay && r.Matches(method, chatId));
            if (fault is { Skip: > 0 })
            {
                fault.Skip--;
                fault = null;
            }
            if (fault is not null) fault.Remaining--;
            _faults.RemoveAll(r => r.Remaining <= 0);
        }
        if (delay > TimeSpan.Zero)
        {
            try { await Task.Delay(delay, ctx.RequestAborted).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
        }
        if (fault is { Kind: FaultKind.DropConnection })
        {
            Record(method, chatId, parameters, files, new ApiResult(0, null, "connection dropped", null), arrived, arrivedTs, true);
            ctx.Abort();
            return;
        }

        ApiResult result;
        if (fault is not null)
        {
            result = ApiResult.Error(fault.StatusCode, fault.Description, fault.RetryAfter);
        }
        else if (handler is null)
        {
            result = ApiResult.Error(404, "Not Found: method not found");
        }
        else
        {
            result = PreChecks(method, chatId, parameters) ?? await handler(parameters, files, ctx.RequestAborted).ConfigureAwait(false);
        }

        Record(method, chatId, parameters, files, result, arrived, arrivedTs, false);
        try
        {
            await WriteAsync(ctx, result).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // client went away
        }
    }

    private ApiResult? PreChecks(string method, long? chatId, JsonObject p)
    {
        lock (_gate)
        {
            if (chatId is long blockedChat && _blocked.Contains(blockedChat) && !method.StartsWith("get", StringComparison.OrdinalIgnoreCase))
                return ApiResult.Error(403, "Forbidden: bot was blocked by the user");
            if (_options.RequireKnownChats && chatId is long c && IsSendMethod(method) && !_chats.ContainsKey(c))
                return ApiResult.Error(400, "Bad Request: chat not found");
            if (_options.EnforceTelegramLimits && chatId is long limited && _options.Limits.Methods.Contains(method))
            {
                var now = Stopwatch.GetTimestamp();
                var limits = _options.Limits;
                var bucket = CollectionsMarshalGet(_chatBuckets, limited, () => limited > 0
                    ? new Bucket(limits.PrivateBurst, limits.PrivatePerSecond, now)
                    : new Bucket(limits.GroupBurst, limits.GroupPerMinute / 60.0, now));
                double wait = bucket.WaitSeconds(now);
                if (limits.GlobalPerSecond > 0)
                {
                    _globalBucket ??= new Bucket(Math.Max(1, (int)limits.GlobalPerSecond), limits.GlobalPerSecond, now);
                    wait = Math.Max(wait, _globalBucket.WaitSeconds(now));
                }
                if (wait > 0)
                {
                    Interlocked.Increment(ref _tooManyRequests);
                    var retryAfter = Math.Max(1, (int)Math.Ceiling(wait));
                    return ApiResult.Error(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);
                }
                bucket.Take(now);
                _globalBucket?.Take(now);
            }
        }
        return null;
    }

    private static TValue CollectionsMarshalGet<TKey, TValue>(Dictionary<TKey, TValue> d, TKey key, Func<TValue> create) where TKey : notnull
    {
        if (!d.TryGetValue(key, out var v)) d[key] = v = create();
        return v;
    }

    private void Record(string method, long? chatId, JsonObject parameters, List<RecordedFile> files, ApiResult result,
        DateTimeOffset arrived, long arrivedTs, bool dropped)
    {
        var copy = (JsonObject)parameters.DeepClone();
        lock (_gate)
        {
            _requests.Add(new RecordedRequest(method, chatId, copy, dropped ? 0 : result.Status, arrived, arrivedTs, dropped,
                result.Status == 200 ? null : result.Description, files.ToArray()));
            Pulse();
        }
    }

    private static async Task WriteAsync(HttpContext ctx, ApiResult result)
    {
        var body = new JsonObject { ["ok"] = result.Status == 200 };
        if (result.Status == 200)
        {
            body["result"] = result.Result;
        }
        else
        {
            body["error_code"] = result.Status;
            body["description"] = result.Description;
            if (result.RetryAfter is int ra) body["parameters"] = new JsonObject { ["retry_after"] = ra };
        }
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        ctx.Response.StatusCode = result.Status;
        ctx.Response.ContentType = "application/json";
        ctx.Response.ContentLength = bytes.Length;
        await ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<JsonObject> ReadParametersAsync(HttpContext ctx, List<RecordedFile> files)
    {
        var p = new JsonObject();
        foreach (var (k, v) in ctx.Request.Query) p[k] = ConvertFormValue(v.ToString());
        var req = ctx.Request;
        var contentType = req.ContentType ?? "";
        if (req.HasFormContentType)
        {
            var form = await req.ReadFormAsync(ctx.RequestAborted).ConfigureAwait(false);
            foreach (var (k, v) in form) p[k] = ConvertFormValue(v.ToString());
            foreach (var f in form.Files)
            {
                using var ms = new MemoryStream();
                await f.CopyToAsync(ms, ctx.RequestAborted).ConfigureAwait(false);
                files.Add(new RecordedFile(f.Name, null, f.FileName, f.ContentType, ms.Length, ms.ToArray()));
            }
            // Which parameter references which part: "attach://0", or the part named after the parameter.
            for (int i = 0; i < files.Count; i++)
            {
                var f = files[i];
                var param = p.FirstOrDefault(kv => kv.Value is JsonValue jv && jv.TryGetValue<string>(out var s) && s == "attach://" + f.FieldName).Key;
                if (param is null && !p.ContainsKey(f.FieldName)) param = f.FieldName;
                files[i] = f with { ParameterName = param };
            }
        }
        else if (contentType.Contains("json", StringComparison.OrdinalIgnoreCase) || contentType.Length == 0)
        {
            using var ms = new MemoryStream();
            await req.Body.CopyToAsync(ms, ctx.RequestAborted).ConfigureAwait(false);
            if (ms.Length > 0)
            {
                var node = JsonNode.Parse(ms.ToArray());
                if (node is JsonObject o)
                    foreach (var (k, v) in o.ToArray()) { o.Remove(k); p[k] = v; }
                else throw new JsonException("body is not a JSON object");
            }
        }
        return p;
    }

    private static JsonNode? ConvertFormValue(string s)
    {
        var t = s.TrimStart();
        if (t.StartsWith('{') || t.StartsWith('['))
        {
            try { return JsonNode.Parse(s); } catch (JsonException) { }
        }
        return JsonValue.Create(s);
    }

    private static string RandomSecret(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        var sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) sb.Append(alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]);
        return sb.ToString();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes waiters; call under _gate.</summary>
    private void Pulse()
    {
        var old = _changeSignal;
        _changeSignal = NewSignal();
        old.TrySetResult();
    }

    private void PulseUpdates()
    {
        var old = _updateSignal;
        _updateSignal = NewSignal();
        old.TrySetResult();
    }

    internal readonly record struct ApiResult(int Status, JsonNode? Result, string? Description, int? RetryAfter)
    {
        public static ApiResult Ok(JsonNode? result) => new(200, result, null, null);
        public static ApiResult Error(int status, string description, int? retryAfter = null) => new(status, null, description, retryAfter);
        public static ApiResult BadRequest(string what) => Error(400, "Bad Request: " + what);
    }

    private sealed class Bucket(int capacity, double perSecond, long now)
    {
        private double _tokens = capacity;
        private long _last = now;

        private void Refill(long now)
        {
            var elapsed = Stopwatch.GetElapsedTime(_last, now).TotalSeconds;
            if (elapsed > 0) { _tokens = Math.Min(capacity, _tokens + elapsed * perSecond); _last = now; }
        }

        public double WaitSeconds(long now)
        {
            Refill(now);
            return _tokens >= 1 ? 0 : (1 - _tokens) / perSecond;
        }

        public void Take(long now) { Refill(now); _tokens -= 1; }
    }
}
