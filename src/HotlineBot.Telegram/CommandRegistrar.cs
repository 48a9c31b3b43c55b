using HotlineBot.Conversations;
using HotlineBot.Dialogs;
using HotlineBot.Safety;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace HotlineBot.Telegram;

/// <summary>Registers the command menu with Telegram in each language, so a person sees "/menu — Басты мәзір" in Kazakh.</summary>
public sealed partial class CommandRegistrar(ITelegramBotClient bot, DialogSet dialogs, ILogger<CommandRegistrar> logger) : IHostedService
{
    private static readonly (string Command, string Key)[] Commands =
    [
        ("start", UiKeys.CommandStart), ("menu", UiKeys.CommandMenu), ("language", UiKeys.CommandLanguage),
        ("help", UiKeys.CommandHelp), ("cancel", UiKeys.CommandCancel), ("hide", UiKeys.CommandHide),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var language in new[] { Language.Kk, Language.Ru })
            {
                await bot.SetMyCommands(List(language), languageCode: language.Code(), cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            // Everyone else (phones in English and other languages) gets Russian, the language most widely read here.
            await bot.SetMyCommands(List(Language.Ru), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The command menu is a convenience: the bot must still start and answer without it.
            LogFailed(SecretRedactor.Describe(e));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<BotCommand> List(Language language) =>
        Commands.Select(c => new BotCommand(c.Command, dialogs.Ui.Get(c.Key, language)));

    [LoggerMessage(LogLevel.Warning, "Could not register the command menu: {Error}")]
    private partial void LogFailed(string error);
}
