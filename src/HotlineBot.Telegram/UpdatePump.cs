using System.Diagnostics;
using HotlineBot.Conversations;
using HotlineBot.Safety;
using HotlineBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace HotlineBot.Telegram;

/// <summary>
/// Long-polls getUpdates and hands each batch to <see cref="UpdateIntake"/>, which commits the updates and the new
/// offset in one transaction. Telegram is told to forget an update only by the next getUpdates, after that commit:
/// so an update is never lost, and one seen twice is skipped by its id. Taking updates in is much faster than
/// handling them, which lets a crisis message behind a backlog be handled first. Not run in webhook mode.
/// </summary>
public sealed partial class UpdatePump(
    ITelegramBotClient bot,
    ITransactions db,
    IMetaStore meta,
    UpdateIntake intake,
    InboxProcessor processor,
    BotApiContact contact,
    IOptions<TelegramOptions> options,
    ILogger<UpdatePump> logger) : BackgroundService
{
    public const int BatchSize = 100;

    /// <summary>The next getUpdates offset, kept so a restart neither loses nor repeats an update.</summary>
    public const string PollingOffset = "telegram.offset";

    /// <summary>Kept in meta while a webhook is registered, so a start in polling mode knows to remove it.</summary>
    public const string WebhookSet = "telegram.webhook";

    public static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.EditedMessage, UpdateType.CallbackQuery, UpdateType.ChannelPost];

    private readonly SurgeWatch _surge = new(TimeProvider.System);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var offset = (int)meta.Read(PollingOffset);
        var failures = 0;
        var removeWebhook = meta.Read(WebhookSet) != 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (removeWebhook)
                {
                    // Back to polling after a webhook: Telegram refuses getUpdates while one is set.
                    await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: stoppingToken).ConfigureAwait(false);
                    db.InTransaction(() => meta.Write(WebhookSet, 0));
                    removeWebhook = false;
                    LogWebhookRemoved();
                }

                var updates = await bot.GetUpdates(offset, BatchSize, options.Value.PollTimeoutSeconds, Wanted, stoppingToken).ConfigureAwait(false);
                failures = 0;
                contact.Succeeded();
                var fresh = updates.Where(u => u.Id >= offset).ToList();
                var next = fresh.Count == 0 ? offset : Math.Max(offset, fresh.Max(u => u.Id) + 1);
                // An empty batch also wakes the processor: a surge that ends here leaves the inbox full of people to answer.
                intake.Take(fresh, next == offset ? null : () => meta.Write(PollingOffset, next), _surge.Surging(updates.Length, BatchSize, processor.KeepingUp));
                offset = next;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 409 && !removeWebhook)
            {
                // A webhook someone else set (or one we set before meta knew): remove it and poll.
                LogConflict(SecretRedactor.Redact(e.Message));
                removeWebhook = true;
            }
            catch (Exception e)
            {
                failures++;
                contact.Failed();
                var delay = TimeSpan.FromMilliseconds(Math.Min(30_000, 500 * Math.Pow(2, Math.Min(failures, 6))) * (0.5 + (Random.Shared.NextDouble() / 2)));
                LogPollFailed(failures, delay.TotalMilliseconds, SecretRedactor.Describe(e));
                // Backing off from the network runs on the wall clock, whatever clock the hotline itself keeps.
                await Task.Delay(delay, TimeProvider.System, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "getUpdates failed ({Failures} in a row); retrying in {DelayMs:0} ms: {Error}")]
    private partial void LogPollFailed(int failures, double delayMs, string error);

    [LoggerMessage(LogLevel.Information, "Webhook removed (deleteWebhook): the bot polls again")]
    private partial void LogWebhookRemoved();

    [LoggerMessage(LogLevel.Warning, "getUpdates refused while a webhook is set ({Error}); removing the webhook")]
    private partial void LogConflict(string error);
}
