using HotlineBot.Cases;
using HotlineBot.Conversations;
using HotlineBot.Dialogs;
using HotlineBot.Operations;
using HotlineBot.Storage;
using HotlineBot.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace HotlineBot.Hosting;

public static class HotlineServices
{
    /// <summary>Options, storage, dialogs and the core: everything both the Telegram and the terminal edge need.</summary>
    public static IServiceCollection AddHotlineCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DialogsOptions>().Bind(configuration.GetSection(DialogsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HotlineOptions>().Bind(configuration.GetSection(HotlineOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<HotlineOptions>, HotlineOptionsValidator>();
        services.AddHotlineStorage();
        services.AddSingleton(sp => DialogCatalog.LoadOrThrow(
            sp.GetRequiredService<IOptions<DialogsOptions>>().Value.Path,
            sp.GetRequiredService<IOptions<HotlineOptions>>().Value.Numbers.Select(n => n.Number).ToList()));
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<HotlineMetrics>();
        services.AddSingleton<ScreenRenderer>();
        services.AddSingleton<WorkerAlerts>();
        services.AddSingleton<CaseDesk>();
        services.AddSingleton<WorkerDesk>();
        services.AddSingleton<WrapUpDesk>();
        services.AddSingleton<Shifts>();
        services.AddSingleton<Supervision>();
        services.AddSingleton<CaseReport>();
        services.AddSingleton<DeliveryReports>();
        services.AddSingleton<EligibilityQuestions>();
        services.AddSingleton<PersonPrivacy>();
        services.AddSingleton<DutyRoster>();
        services.AddSingleton<CrisisResponse>();
        services.AddSingleton<UrgentWatch>();
        services.AddSingleton<CaseCancellation>();
        services.AddSingleton<HeldMessages>();
        services.AddSingleton<PersonConversation>();
        services.AddSingleton<ConversationEngine>();
        return services;
    }

    /// <summary>The Telegram edge: polling into the inbox, the one processing thread, and the sender.</summary>
    public static IServiceCollection AddTelegramEdge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelegramOptions>().Bind(configuration.GetSection(TelegramOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            // A plain handler, not IHttpClientFactory: its logging writes request URLs, and the token is in every URL.
            var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 64 })
            {
                Timeout = TimeSpan.FromSeconds(options.PollTimeoutSeconds + 30),
            };
            var clientOptions = new TelegramBotClientOptions(options.Token!, string.IsNullOrWhiteSpace(options.ApiBaseUrl) ? null : options.ApiBaseUrl)
            {
                // 429s are ours to handle per chat; the library's own wait would stall a whole sending slot.
                RetryThreshold = 0,
            };
            return new TelegramBotClient(clientOptions, http);
        });
        services.AddSingleton<TelegramGateway>();
        // Telegram's limits run on the wall clock, whatever clock the hotline itself keeps.
        services.AddSingleton(_ => new DeliveryLimits(TimeProvider.System));
        services.AddSingleton<DeliveryRecords>();
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<IReplySink>(sp => sp.GetRequiredService<OutboxSender>());
        services.AddSingleton<InboxProcessor>();
        services.AddHostedService<CommandRegistrar>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddHostedService(sp => sp.GetRequiredService<InboxProcessor>());
        services.AddOperations(configuration);

        // Only the long-running bot marks its database as in use and answers the command line's requests.
        services.AddHostedService<AdminRequestWatcher>();
        return services;
    }
}

internal sealed class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options) =>
        string.IsNullOrWhiteSpace(options.Token)
            ? ValidateOptionsResult.Fail("Telegram:Token is not set: get a token from @BotFather and set Telegram__Token, or try the bot without one: dotnet run --project src/HotlineBot -- console")
            : !TelegramOptions.IsWellFormed(options.Token)
                ? ValidateOptionsResult.Fail("Telegram:Token is malformed: expected digits, a colon and at least 20 letters, digits, _ or - (as @BotFather gives it)")
                : !string.IsNullOrWhiteSpace(options.ApiBaseUrl) && !Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out _)
                    ? ValidateOptionsResult.Fail($"Telegram:ApiBaseUrl '{options.ApiBaseUrl}' is not an absolute URL (e.g. http://127.0.0.1:8081)")
                    : ValidateOptionsResult.Success;
}

internal sealed class HotlineOptionsValidator : IValidateOptions<HotlineOptions>
{
    public ValidateOptionsResult Validate(string? name, HotlineOptions options)
    {
        var failures = new List<string>();
        if (options.Numbers.Count == 0)
        {
            failures.Add("Hotline:Numbers is empty: people in crisis must be given numbers to call");
        }

        if (options.WorkingHours.End <= options.WorkingHours.Start && !options.WorkingHours.AlwaysOpen)
        {
            failures.Add("Hotline:WorkingHours:End must be after Start");
        }

        if (!string.Equals(options.DutyDefault, HotlineOptions.DutyDefaultWorkingHours, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(options.DutyDefault, HotlineOptions.DutyDefaultOff, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"Hotline:DutyDefault must be '{HotlineOptions.DutyDefaultWorkingHours}' or '{HotlineOptions.DutyDefaultOff}', not '{options.DutyDefault}'");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
