using System.Diagnostics;
using HotlineBot.Conversations;
using HotlineBot.Hosting;
using HotlineBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace HotlineBot.Telegram;

/// <summary>
/// Long-polls getUpdates and writes each update into the durable inbox, committing the new offset in the same
/// transaction. Telegram is told to forget an update only by the next getUpdates, after that commit: so an update
/// is never lost, and one seen twice is skipped by its id. Taking updates in is much faster than handling them,
/// which lets a crisis message behind a backlog be handled first.
/// </summary>
public sealed partial class UpdatePump(
    ITelegramBotClient bot,
    HotlineDatabase db,
    IInboxStore inbox,
    IMetaStore meta,
    ConversationEngine engine,
    InboxProcessor processor,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<UpdatePump> logger) : BackgroundService
{
    private const int BatchSize = 100;

    // A surge starts when Telegram hands out a full batch (more wait there) and ends when its batches run nearly
    // empty. Meanwhile only crisis messages are handled, so a crisis far back in the surge is taken in sooner;
    // everyone else waits safely in the inbox. The hold is capped so a flood that never ends cannot starve them.
    private const int NearlyDrained = 10;
    private static readonly TimeSpan SurgeHold = TimeSpan.FromSeconds(2);
    private long? _surgeSince;

    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.EditedMessage, UpdateType.CallbackQuery, UpdateType.ChannelPost];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var offset = (int)meta.Read(MetaStore.PollingOffset);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = await bot.GetUpdates(offset, BatchSize, options.Value.PollTimeoutSeconds, Wanted, stoppingToken).ConfigureAwait(false);
                failures = 0;
                if (updates.Length == 0)
                {
                    // A surge that ends here leaves the inbox full of people to answer: wake the processor for them.
                    processor.IntakeBehind = Surging(0);
                    processor.Signal();
                    continue;
                }

                var now = time.GetUtcNow();
                var fresh = updates.Where(u => u.Id >= offset).ToList();
                var items = fresh.Select(u => Take(u, now)).OfType<InboxItem>().ToList();
                var next = fresh.Count == 0 ? offset : Math.Max(offset, fresh.Max(u => u.Id) + 1);
                db.InTransaction(() =>
                {
                    inbox.AddRange(items);
                    meta.Write(MetaStore.PollingOffset, next);
                }, priority: true);
                offset = next;
                processor.IntakeBehind = Surging(updates.Length);
                processor.Signal();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(30_000, 500 * Math.Pow(2, Math.Min(failures, 6))) * (0.5 + (Random.Shared.NextDouble() / 2)));
                LogPollFailed(failures, delay.TotalMilliseconds, SecretRedactor.Describe(e));
                // Backing off from the network runs on the wall clock, whatever clock the hotline itself keeps.
                await Task.Delay(delay, TimeProvider.System, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Measured on the wall clock: it is about how busy this machine is, not about the hotline's time.</summary>
    private bool Surging(int taken)
    {
        if (taken == BatchSize)
        {
            _surgeSince ??= Stopwatch.GetTimestamp();
        }
        else if (taken < NearlyDrained)
        {
            _surgeSince = null;
        }

        return _surgeSince is { } since && Stopwatch.GetElapsedTime(since) < SurgeHold;
    }

    private InboxItem? Take(global::Telegram.Bot.Types.Update update, DateTimeOffset now)
    {
        try
        {
            if (UpdateMapper.ToInbound(update) is { } inbound)
            {
                return inbox.Prepare(inbound, engine.IsCrisis(inbound), now);
            }

            LogIgnored(update.Id, update.Type.ToString());
        }
        catch (Exception e)
        {
            // One malformed update must never hold up the others behind it.
            LogPoison(update.Id, SecretRedactor.Describe(e));
        }

        return null;
    }

    [LoggerMessage(LogLevel.Warning, "getUpdates failed ({Failures} in a row); retrying in {DelayMs:0} ms: {Error}")]
    private partial void LogPollFailed(int failures, double delayMs, string error);

    [LoggerMessage(LogLevel.Debug, "Update {UpdateId} of type {Type} needs no answer")]
    private partial void LogIgnored(long updateId, string type);

    [LoggerMessage(LogLevel.Error, "Update {UpdateId} could not be read and was skipped: {Error}")]
    private partial void LogPoison(long updateId, string error);
}
