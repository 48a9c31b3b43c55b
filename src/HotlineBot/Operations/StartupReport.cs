using HotlineBot.Dialogs;
using HotlineBot.Hosting;
using HotlineBot.Safety;
using HotlineBot.Settings;
using HotlineBot.Storage;
using HotlineBot.Telegram;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace HotlineBot.Operations;

/// <summary>
/// The one line an operator reads first: which bot, how it hears Telegram, who is on staff, what content and which
/// database file, encrypted or not. And a warning when nobody could take a case.
/// </summary>
public sealed partial class StartupReport(
    ITelegramBotClient bot,
    DialogSet dialogs,
    OperationsListener listener,
    IOptions<TelegramOptions> telegram,
    IOptions<HotlineOptions> hotline,
    IOptions<StorageOptions> storage,
    IOptions<DialogsOptions> dialogsOptions,
    IOptions<OperationsOptions> operations,
    ILogger<StartupReport> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string name;
        User? me = null;
        try
        {
            me = await bot.GetMe(stoppingToken).ConfigureAwait(false);
            name = "@" + me.Username;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            name = "(getMe failed: " + SecretRedactor.Describe(e) + ")";
        }

        var webhook = telegram.Value.Webhook;
        var mode = webhook.Enabled ? $"webhook at {webhook.Path} on {listener.WebhookAddress}" : "long polling";
        var staff = hotline.Value;
        var http = operations.Value.Enabled ? $"health and metrics on {listener.OperationsAddress}" : "no health/metrics listener";
        LogStarted(name, mode, staff.Workers.Count, staff.Supervisors.Count, dialogs.Nodes.Count, dialogsOptions.Value.Path,
            storage.Value.Path, string.IsNullOrEmpty(storage.Value.Password) ? "not encrypted" : "encrypted", http);
        if (staff.Workers.Count == 0)
        {
            LogNoWorker();
        }

        if (me is not null)
        {
            await ReportTopicsAsync(me, staff, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Where cases live for staff, and a warning for each staff group where the bot cannot open topics (not an admin
    /// with the right to manage topics): its cases would land in the group's General topic, all mixed together.
    /// </summary>
    private async Task ReportTopicsAsync(User me, HotlineOptions staff, CancellationToken ct)
    {
        LogTopics(staff.StaffGroups.Count > 0 ? $"a topic per case in {staff.StaffGroups.Count} staff group(s)"
            : me.HasTopicsEnabled ? "a topic per case in each worker's private chat" : "one chat per worker (#N prefixes; turn on topics in @BotFather for a topic per case)");
        for (var i = 0; i < staff.StaffGroups.Count; i++)
        {
            try
            {
                var member = await bot.GetChatMember(staff.StaffGroups[i], me.Id, ct).ConfigureAwait(false);
                if (member is not (ChatMemberOwner or ChatMemberAdministrator { CanManageTopics: true }))
                {
                    LogGroupRights(i, staff.StaffGroups[i], member.Status.ToString().ToLowerInvariant());
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogGroupRights(i, staff.StaffGroups[i], SecretRedactor.Describe(e));
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "HotlineBot {Bot} started: {Mode}; {Workers} worker(s), {Supervisors} supervisor(s); {Screens} dialog screens from {Dialogs}; database {Database} ({Encryption}); {Http}")]
    private partial void LogStarted(string bot, string mode, int workers, int supervisors, int screens, string dialogs, string database, string encryption, string http);

    [LoggerMessage(LogLevel.Information, "Cases for staff: {Mode}")]
    private partial void LogTopics(string mode);

    [LoggerMessage(LogLevel.Warning, "Hotline:StaffGroups:{Index} ({Group}): the bot is not an administrator allowed to manage topics there ({Status}); cases cannot open topics in it. Make the bot an admin with 'Manage topics' and 'Pin messages'")]
    private partial void LogGroupRights(int index, long group, string status);

    [LoggerMessage(LogLevel.Warning, "No worker is configured (Hotline:Workers is empty): people who ask for a specialist will wait with nobody to take their case. Ask each worker to send /whoami to the bot, add the ids, restart")]
    private partial void LogNoWorker();
}
