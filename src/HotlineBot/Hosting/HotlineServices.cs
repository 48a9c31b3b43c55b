using HotlineBot.Cases;
using HotlineBot.Conversations;
using HotlineBot.Dialogs;
using HotlineBot.Metrics;
using HotlineBot.Operations;
using HotlineBot.Settings;
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
        services.AddOptions<HotlineOptions>().Bind(configuration.GetSection(HotlineOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HotlineOptions>>(new HotlineOptionsValidator(configuration.GetSection(HotlineOptions.Section)));
        services.AddHotlineStorage();
        services.AddSingleton(sp => DialogCatalog.LoadOrThrow(
            sp.GetRequiredService<IOptions<DialogsOptions>>().Value.Path,
            sp.GetRequiredService<IOptions<HotlineOptions>>().Value.Numbers.Select(n => n.Number).ToList(),
            ModelFolder(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Path)));
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<HotlineMetrics>();
        services.AddSingleton<ScreenRenderer>();
        services.AddSingleton<WorkerAlerts>();
        services.AddSingleton<CaseTopics>();
        services.AddSingleton<CaseNotices>();
        services.AddSingleton<QueueBoard>();
        services.AddSingleton<CaseDesk>();
        services.AddSingleton<WorkerDesk>();
        services.AddSingleton<WrapUpDesk>();
        services.AddSingleton<Shifts>();
        services.AddSingleton<Supervision>();
        services.AddSingleton<CaseReport>();
        services.AddSingleton<DeliveryReports>();
        services.AddSingleton<DeliveryFacts>();
        services.AddSingleton<InboxBell>();
        services.AddSingleton<EligibilityQuestions>();
        services.AddSingleton<PersonPrivacy>();
        services.AddSingleton<DutyRoster>();
        services.AddSingleton<CrisisResponse>();
        services.AddSingleton<UrgentWatch>();
        services.AddSingleton<CaseCancellation>();
        services.AddSingleton<HeldMessages>();
        services.AddSingleton<PersonConversation>();
        services.AddSingleton<ConversationEngine>();
        services.AddSingleton<DeadLetters>();
        services.AddSingleton(TestHooks.From(configuration));
        return services;
    }

    // The learned crisis model is kept beside the database (the one folder the service may write, /var/lib/hotline under
    // systemd), so a start reads it back instead of learning it again; an in-memory database keeps nothing.
    private static string? ModelFolder(string database) =>
        database == ":memory:" ? null : Path.GetDirectoryName(Path.GetFullPath(database));

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
        services.AddSingleton<CaseThreads>();
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

/// <summary>
/// Every value of the Hotline section, nested ones included, checked at start: a wrong setting stops the bot with a
/// line naming it (Hotline:WorkingHours:UtcOffsetHours …) instead of throwing later, when a person opens a case.
/// </summary>
internal sealed class HotlineOptionsValidator(IConfiguration? section = null) : IValidateOptions<HotlineOptions>
{
    public ValidateOptionsResult Validate(string? name, HotlineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string S = HotlineOptions.Section;
        // The binder silently skips a list element it cannot convert ("Funday", a worker id with a letter in it),
        // so the raw values are looked at too: a typo must not quietly remove a working day or a worker.
        RawItems(failures, "WorkingHours:Days", v => Enum.TryParse<DayOfWeek>(v, ignoreCase: true, out var day) && Enum.IsDefined(day), "must be a day of the week (Monday … Sunday)");
        RawItems(failures, "Workers", IsUserId, "is not a Telegram user id (a positive number)");
        RawItems(failures, "Supervisors", IsUserId, "is not a Telegram user id (a positive number)");
        InRange(failures, $"{S}:PickupMinutes", options.PickupMinutes, 1, 24 * 60);
        InRange(failures, $"{S}:ReplyNudgeMinutes", options.ReplyNudgeMinutes, 1, 24 * 60);
        InRange(failures, $"{S}:RetentionDays", options.RetentionDays, 0, 36500);
        InRange(failures, $"{S}:UrgentPickupMinutes", options.UrgentPickupMinutes, 1, 24 * 60);
        InRange(failures, $"{S}:CrisisRepeatMinutes", options.CrisisRepeatMinutes, 1, 24 * 60);
        InRange(failures, $"{S}:MaxCasesPerWorker", options.MaxCasesPerWorker, 1, 100);
        RawItems(failures, "StaffGroups", IsSupergroupId, "is not a supergroup chat id (a negative number beginning with -100, as the group's link or @RawDataBot shows it)");
        foreach (var (key, language) in options.StaffGroupLanguages)
        {
            if (!long.TryParse(key, System.Globalization.CultureInfo.InvariantCulture, out var group) || !options.StaffGroups.Contains(group))
            {
                failures.Add($"{S}:StaffGroupLanguages:{key} is not one of Hotline:StaffGroups");
            }
            else if (language is not ("kk" or "ru"))
            {
                failures.Add($"{S}:StaffGroupLanguages:{key} must be 'kk' or 'ru' (it is '{language}')");
            }
        }

        StaffIds(failures, $"{S}:Workers", options.Workers);
        StaffIds(failures, $"{S}:Supervisors", options.Supervisors);
        foreach (var key in options.WorkerNames.Keys.Where(k => !long.TryParse(k, System.Globalization.CultureInfo.InvariantCulture, out var id) || id <= 0))
        {
            failures.Add($"{S}:WorkerNames:{key} is not a Telegram user id (a positive number)");
        }

        NotBlank(failures, $"{S}:WorkerDisplayName:Kk", options.WorkerDisplayName?.Kk);
        NotBlank(failures, $"{S}:WorkerDisplayName:Ru", options.WorkerDisplayName?.Ru);

        var hours = options.WorkingHours;
        if (hours is null)
        {
            failures.Add($"{S}:WorkingHours is missing");
        }
        else
        {
            InRange(failures, $"{S}:WorkingHours:UtcOffsetHours", hours.UtcOffsetHours, -12, 14);
            for (var i = 0; i < hours.Days.Count; i++)
            {
                if (!Enum.IsDefined(hours.Days[i]))
                {
                    failures.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{S}:WorkingHours:Days:{i} must be a day of the week (Monday … Sunday)"));
                }
            }

            if (!hours.AlwaysOpen && hours.Days.Count == 0)
            {
                failures.Add($"{S}:WorkingHours:Days is empty: name the days workers are on duty, or set AlwaysOpen");
            }

            if (hours.End <= hours.Start && !hours.AlwaysOpen)
            {
                failures.Add($"{S}:WorkingHours:End must be after Start");
            }
        }

        if (options.Numbers.Count == 0)
        {
            failures.Add($"{S}:Numbers is empty: people in crisis must be given numbers to call");
        }

        for (var i = 0; i < options.Numbers.Count; i++)
        {
            var number = options.Numbers[i];
            if (number is null)
            {
                failures.Add($"{S}:Numbers:{i} is empty");
                continue;
            }

            NotBlank(failures, $"{S}:Numbers:{i}:Number", number.Number);
            NotBlank(failures, $"{S}:Numbers:{i}:Kk", number.Kk);
            NotBlank(failures, $"{S}:Numbers:{i}:Ru", number.Ru);
        }

        if (!string.Equals(options.DutyDefault, HotlineOptions.DutyDefaultWorkingHours, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(options.DutyDefault, HotlineOptions.DutyDefaultOff, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"Hotline:DutyDefault must be '{HotlineOptions.DutyDefaultWorkingHours}' or '{HotlineOptions.DutyDefaultOff}', not '{options.DutyDefault}'");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures.Distinct());
    }

    /// <summary>Supergroup ids are -100 followed by the group's own number.</summary>
    private static bool IsSupergroupId(string value) => long.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var id) && id < -1_000_000_000_000;

    private static bool IsUserId(string value) => long.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0;

    private void RawItems(List<string> failures, string key, Func<string, bool> valid, string problem)
    {
        foreach (var item in section?.GetSection(key).GetChildren() ?? [])
        {
            if (item.Value is not { } value || !valid(value.Trim()))
            {
                failures.Add($"{HotlineOptions.Section}:{key}:{item.Key} {problem}");
            }
        }
    }

    private static void InRange(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{key} must be between {min} and {max} (it is {value})"));
        }
    }

    private static void NotBlank(List<string> failures, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{key} is empty");
        }
    }

    private static void StaffIds(List<string> failures, string key, List<long> ids)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] <= 0)
            {
                failures.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{key}:{i} is not a Telegram user id (a positive number)"));
            }
        }
    }
}
