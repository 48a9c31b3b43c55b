using System.Net;
using System.Text.Json;
using HotlineBot.Conversations;
using HotlineBot.Operations;
using HotlineBot.Storage;
using HotlineBot.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;

namespace HotlineBot.Tests.Operations;

internal static class OpsHelpers
{
    public const string WebhookUrl = "https://hotline.example.org/tg/7Hq2-hook";
    public const string Secret = "s3cret_Token-for-tests";

    public static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static Dictionary<string, string?> WithListener() => new() { ["Hosting:HttpUrl"] = "http://127.0.0.1:0" };

    public static Dictionary<string, string?> WithWebhook() => new()
    {
        ["Telegram:Webhook:Url"] = WebhookUrl,
        ["Telegram:Webhook:Listen"] = "http://127.0.0.1:0",
        ["Telegram:Webhook:SecretToken"] = Secret,
        ["Telegram:Webhook:MaxConnections"] = "20",
    };

    public static Uri OpsAddress(BotHost bot) => bot.Services.GetRequiredService<OperationsListener>().OperationsAddress!;

    public static Uri WebhookAddress(BotHost bot) => bot.Services.GetRequiredService<OperationsListener>().WebhookAddress!;

    public static async Task<(HttpStatusCode Status, string Body)> GetAsync(Uri baseAddress, string path)
    {
        using var response = await Http.GetAsync(new Uri(baseAddress, path));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Polls /healthz until it answers <paramref name="status"/>; returns the failed checks it named.</summary>
    public static async Task<string[]> WaitForHealthAsync(Uri address, HttpStatusCode status, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        (HttpStatusCode Status, string Body) last = default;
        while (DateTime.UtcNow < until)
        {
            last = await GetAsync(address, "/healthz");
            if (last.Status == status)
            {
                using var json = JsonDocument.Parse(last.Body);
                return [.. json.RootElement.GetProperty("failed").EnumerateArray().Select(e => e.GetString()!)];
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"/healthz never answered {status}; last: {last.Status} {last.Body}");
    }
}

/// <summary>An inbox the processor cannot read from while stalled: a processor that makes no progress.</summary>
internal sealed class StallingInbox(IInboxStore inner) : IInboxStore
{
    public volatile bool Stalled;

    public void Add(Inbound inbound, bool crisis, DateTimeOffset now) => inner.Add(inbound, crisis, now);
    public void AddRange(IReadOnlyList<InboxItem> items) => inner.AddRange(items);
    public InboxItem Prepare(Inbound inbound, bool crisis, DateTimeOffset now) => inner.Prepare(inbound, crisis, now);
    public IReadOnlyList<InboxItem> Pending(int max) => Stalled ? [] : inner.Pending(max);
    public void Remove(InboxItem item) => inner.Remove(item);
    public void CountAttempt(long updateId) => inner.CountAttempt(updateId);
    public int Count() => inner.Count();
    public bool Contains(long updateId) => inner.Contains(updateId);
    public DateTimeOffset? OldestReceivedAt() => inner.OldestReceivedAt();
}
