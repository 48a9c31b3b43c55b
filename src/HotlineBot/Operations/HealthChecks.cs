using HotlineBot.Hosting;
using HotlineBot.Storage;
using HotlineBot.Telegram;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HotlineBot.Operations;

/// <summary>Telegram is heard from: getUpdates (or the webhook's checks) succeeded lately, without failures piling up.</summary>
internal sealed class TelegramHealthCheck(BotApiContact contact, IOptions<TelegramOptions> options) : IHealthCheck
{
    private const int FailuresTolerated = 3;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // A long poll answers at least every PollTimeoutSeconds; the webhook is checked with getWebhookInfo every minute.
        var quiet = options.Value.Webhook.Enabled
            ? WebhookRegistrar.CheckEvery * 3
            : TimeSpan.FromSeconds(options.Value.PollTimeoutSeconds + 60);
        var healthy = contact.FailuresInARow < FailuresTolerated && contact.SinceSuccess < quiet;
        return Task.FromResult(healthy ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy());
    }
}

/// <summary>The database takes a write: a small committed probe, given a few seconds (a stuck writer fails it).</summary>
internal sealed class DatabaseHealthCheck(HotlineDatabase db, IMetaStore meta, TimeProvider time) : IHealthCheck
{
    private const string Probe = "health.probe";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var write = Task.Run(() => db.InTransaction(() => meta.Write(Probe, time.GetUtcNow().ToUnixTimeSeconds())), cancellationToken);
            await write.WaitAsync(Patience, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy();
        }
    }
}

/// <summary>Nothing waits in the inbox (or the outbox) longer than Hosting:StuckAfterSeconds.</summary>
internal sealed class QueueHealthCheck(Func<DateTimeOffset?> oldest, TimeProvider time, IOptions<OperationsOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var stuck = oldest() is { } at && time.GetUtcNow() - at > TimeSpan.FromSeconds(options.Value.StuckAfterSeconds);
            return Task.FromResult(stuck ? HealthCheckResult.Unhealthy() : HealthCheckResult.Healthy());
        }
        catch (Exception)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy());
        }
    }
}
