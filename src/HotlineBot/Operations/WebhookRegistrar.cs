using HotlineBot.Hosting;
using HotlineBot.Safety;
using HotlineBot.Storage;
using HotlineBot.Telegram;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace HotlineBot.Operations;

/// <summary>
/// Webhook mode: tells Telegram where to deliver (setWebhook with the secret, the update types the bot reads and
/// the connection limit) once the listener is up, and checks every minute with getWebhookInfo that it still does,
/// setting it again if someone changed it. Meta remembers a webhook is set, so a later start in polling mode removes it.
/// </summary>
public sealed partial class WebhookRegistrar(
    ITelegramBotClient bot,
    HotlineDatabase db,
    IMetaStore meta,
    BotApiContact contact,
    IOptions<TelegramOptions> options,
    ILogger<WebhookRegistrar> logger) : BackgroundService
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var webhook = options.Value.Webhook;
        var registered = false;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!registered)
                {
                    await bot.SetWebhook(webhook.Url!, maxConnections: webhook.MaxConnections, allowedUpdates: UpdatePump.Wanted,
                        secretToken: webhook.SecretToken, cancellationToken: stoppingToken).ConfigureAwait(false);
                    db.InTransaction(() => meta.Write(UpdatePump.WebhookSet, 1));
                    registered = true;
                    LogRegistered(webhook.Path, webhook.MaxConnections);
                }
                else
                {
                    var info = await bot.GetWebhookInfo(stoppingToken).ConfigureAwait(false);
                    registered = info.Url == webhook.Url;
                    if (!registered)
                    {
                        LogChanged();
                        continue;
                    }
                }

                failures = 0;
                contact.Succeeded();
                await Task.Delay(CheckEvery, TimeProvider.System, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                contact.Failed();
                var delay = TimeSpan.FromMilliseconds(Math.Min(30_000, 500 * Math.Pow(2, Math.Min(failures, 6))));
                LogFailed(registered ? "getWebhookInfo" : "setWebhook", delay.TotalMilliseconds, SecretRedactor.Describe(e));
                await Task.Delay(delay, TimeProvider.System, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Webhook set (setWebhook): Telegram delivers to {Path}, at most {MaxConnections} connections at once")]
    private partial void LogRegistered(string path, int maxConnections);

    [LoggerMessage(LogLevel.Warning, "The webhook Telegram has is not ours any more; setting it again")]
    private partial void LogChanged();

    [LoggerMessage(LogLevel.Warning, "{Method} failed; retrying in {DelayMs:0} ms: {Error}")]
    private partial void LogFailed(string method, double delayMs, string error);
}
