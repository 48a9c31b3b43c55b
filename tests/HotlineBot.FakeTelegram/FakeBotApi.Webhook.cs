using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace HotlineBot.FakeTelegram;

/// <summary>
/// Webhook mode as Telegram runs it: setWebhook records the url, secret, allowed updates and connection limit;
/// getUpdates is refused with 409 while one is set; deleteWebhook removes it. Telegram would then POST each update
/// to the url; here a test calls <see cref="DeliverToWebhookAsync"/>, which posts the queued updates to the bot's
/// local listener (what the reverse proxy would forward to) with the secret header, in order.
/// </summary>
public sealed partial class FakeBotApi
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    private static readonly HttpClient WebhookClient = new() { Timeout = TimeSpan.FromSeconds(30) };

    private WebhookRegistration? _webhook;

    /// <summary>What the last setWebhook registered, or null (none, or deleted).</summary>
    public WebhookRegistration? Webhook { get { lock (_gate) return _webhook; } }

    private ApiResult SetWebhook(JsonObject p)
    {
        var url = Str(p, "url");
        lock (_gate)
        {
            if (string.IsNullOrEmpty(url))
            {
                _webhook = null;
                return ApiResult.Ok(true);
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "https")
                return ApiResult.BadRequest("bad webhook: An HTTPS URL must be provided for webhook");
            var secret = Str(p, "secret_token");
            var allowed = p["allowed_updates"] switch
            {
                JsonArray a => a.Select(n => n!.GetValue<string>()).ToArray(),
                JsonValue v when v.TryGetValue<string>(out var s) => System.Text.Json.JsonSerializer.Deserialize<string[]>(s) ?? [],
                _ => [],
            };
            _webhook = new WebhookRegistration(url, secret, Int(p, "max_connections"), allowed);
            return ApiResult.Ok(true);
        }
    }

    private ApiResult DeleteWebhook()
    {
        lock (_gate) _webhook = null;
        return ApiResult.Ok(true);
    }

    private JsonObject WebhookInfo()
    {
        lock (_gate)
        {
            var info = new JsonObject { ["url"] = _webhook?.Url ?? "", ["has_custom_certificate"] = false, ["pending_update_count"] = _queue.Count };
            if (_webhook?.MaxConnections is int max) info["max_connections"] = max;
            if (_webhook is { AllowedUpdates.Count: > 0 } w) info["allowed_updates"] = new JsonArray(w.AllowedUpdates.Select(a => (JsonNode)a).ToArray());
            return info;
        }
    }

    private ApiResult? RefuseWhileWebhook()
    {
        lock (_gate)
        {
            return _webhook is null ? null : ApiResult.Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        }
    }

    /// <summary>
    /// Posts every queued update, oldest first, to <paramref name="listener"/> plus the webhook's path, with the
    /// registered secret (or <paramref name="secret"/> when given). An update answered 200 leaves the queue, as
    /// Telegram forgets it; delivery stops at the first other answer. Returns the status codes in order.
    /// </summary>
    public async Task<IReadOnlyList<HttpStatusCode>> DeliverToWebhookAsync(Uri listener, string? secret = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var statuses = new List<HttpStatusCode>();
        while (true)
        {
            PendingUpdate next;
            WebhookRegistration hook;
            lock (_gate)
            {
                if (_webhook is null) throw new InvalidOperationException("No webhook is set (setWebhook was not called, or deleteWebhook was)");
                if (_queue.Count == 0) return statuses;
                next = _queue[0];
                hook = _webhook;
            }

            var status = await PostUpdateAsync(listener, hook, next.Json, secret ?? hook.SecretToken, ct).ConfigureAwait(false);
            statuses.Add(status);
            if (status != HttpStatusCode.OK) return statuses;
            lock (_gate)
            {
                _queue.Remove(next);
                MarkConfirmed(next, Stopwatch.GetTimestamp());
                Pulse();
            }
        }
    }

    /// <summary>One POST of <paramref name="update"/> to the webhook path, with <paramref name="secret"/> (none when null).</summary>
    public async Task<HttpStatusCode> PostToWebhookAsync(Uri listener, JsonObject update, string? secret, CancellationToken ct = default)
    {
        WebhookRegistration hook;
        lock (_gate) hook = _webhook ?? throw new InvalidOperationException("No webhook is set");
        return await PostUpdateAsync(listener, hook, update, secret, ct).ConfigureAwait(false);
    }

    /// <summary>The JSON of the oldest queued update (what Telegram would post next), or null.</summary>
    public JsonObject? PeekUpdate()
    {
        lock (_gate) return _queue.Count == 0 ? null : (JsonObject)_queue[0].Json.DeepClone();
    }

    private static async Task<HttpStatusCode> PostUpdateAsync(Uri listener, WebhookRegistration hook, JsonObject update, string? secret, CancellationToken ct)
    {
        var target = new Uri(listener, new Uri(hook.Url).AbsolutePath);
        using var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (secret is not null) request.Headers.TryAddWithoutValidation(SecretHeader, secret);
        using var response = await WebhookClient.SendAsync(request, ct).ConfigureAwait(false);
        return response.StatusCode;
    }
}

/// <summary>What setWebhook was given.</summary>
public sealed record WebhookRegistration(string Url, string? SecretToken, int? MaxConnections, IReadOnlyList<string> AllowedUpdates);
