using HotlineBot.Dialogs;
using HotlineBot.Settings;
using HotlineBot.Storage;
using HotlineBot.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HotlineBot.Hosting;

public enum HostMode
{
    Telegram,
    Terminal,
}

/// <summary>Builds the Generic Host: config/appsettings.json, then environment variables (Section__Key), then the command line.</summary>
public static class HotlineHost
{
    public const string ConfigFile = ContentRoot.ConfigFile;

    public static HostApplicationBuilder CreateBuilder(string[] args, HostMode mode, Action<IConfigurationBuilder>? configure = null)
    {
        var content = ContentRoot.Find();
        var root = content.Path ?? Directory.GetCurrentDirectory();
        var configuration = new ConfigurationManager();
        configuration.SetBasePath(root);
        configuration.AddJsonFile(ConfigFile, optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
        if (mode == HostMode.Terminal)
        {
            // Trying the bot out must not need, or touch, the real case files.
            configuration.AddInMemoryCollection([new("Storage:Path", ":memory:"), new("Storage:Password", null)]);
        }

        configure?.Invoke(configuration);

        // Relative paths in the settings mean "in the content root", wherever the bot was started from.
        configuration.AddInMemoryCollection([
            new("Dialogs:Path", content.Resolve(configuration["Dialogs:Path"] ?? "dialogs")),
            new("Storage:Path", content.Resolve(configuration["Storage:Path"] ?? "data/hotline.db")),
        ]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            Configuration = configuration,
            ContentRootPath = root,
            DisableDefaults = true,
        });
        builder.Logging.AddHotlineConsole(builder.Configuration);
        builder.Services.AddSystemd();
        builder.Services.AddOptions<LogFormatOptions>().Bind(builder.Configuration.GetSection(LogFormatOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LogFormatOptions>, LogFormatOptionsValidator>();
        builder.Logging.SetMinimumLevel(mode == HostMode.Terminal ? LogLevel.Warning : LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Services.AddSingleton(content);
        builder.Services.AddHotlineCore(builder.Configuration);
        if (mode == HostMode.Telegram)
        {
            builder.Services.AddTelegramEdge(builder.Configuration);
        }

        return builder;
    }

    /// <summary>
    /// Resolves what can be wrong with the setup before anything starts, and turns it into readable lines:
    /// the bot never starts half-configured or with half its dialogs.
    /// </summary>
    public static IReadOnlyList<string> Preflight(IServiceProvider services, HostMode mode)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService<ContentRoot>() is { Found: false } content)
        {
            // Without the settings file every later complaint ("Hotline:Numbers is empty") would hide the real cause.
            return [content.NotFoundProblem];
        }

        try
        {
            _ = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            _ = services.GetRequiredService<IOptions<HotlineOptions>>().Value;
            _ = services.GetRequiredService<IOptions<LogFormatOptions>>().Value;
            if (mode == HostMode.Telegram)
            {
                _ = services.GetRequiredService<IOptions<TelegramOptions>>().Value;
                _ = services.GetRequiredService<IOptions<OperationsOptions>>().Value;
                _ = services.GetRequiredService<HotlineDatabase>();
            }

            _ = services.GetRequiredService<DialogSet>();
            if (mode == HostMode.Telegram)
            {
                // Opens the database and takes its lock: a second bot on the same file stops here.
                _ = services.GetRequiredService<Storage.HotlineDatabase>();
            }

            return [];
        }
        catch (OptionsValidationException e)
        {
            return e.Failures.ToList();
        }
        catch (LiteDB.LiteException e) when (StorageProblem.Describe(e, services) is { } line)
        {
            return [line];
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            // A value of the wrong type (a day named "Funday", letters for a number): the binder's message names the key.
            return [e.Message];
        }
        catch (Storage.DatabaseInUseException e)
        {
            return [e.Message];
        }
        catch (DialogLoadException e)
        {
            return ["The bot did not start: the dialogs have problems.", .. e.Problems.Select(p => p.ToString())];
        }
    }
}
