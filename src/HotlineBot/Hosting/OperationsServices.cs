using HotlineBot.Metrics;
using HotlineBot.Operations;
using HotlineBot.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace HotlineBot.Hosting;

/// <summary>What running as a service adds to the Telegram edge: intake (polling or webhook), the listener, metrics, the start-up line.</summary>
public static class OperationsServices
{
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The meter the .NET runtime publishes its own metrics under.</summary>
    public const string RuntimeMeterName = "System.Runtime";

    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OperationsOptions>().Bind(configuration.GetSection(OperationsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OperationsOptions>, OperationsOptionsValidator>();
        services.AddSingleton<IValidateOptions<TelegramOptions>, WebhookOptionsValidator>();
        services.AddSingleton<BotApiContact>();
        services.AddSingleton<UpdateIntake>();
        services.AddSingleton<WebhookReceiver>();
        services.AddSingleton<OperationsListener>();

        var webhook = configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>()?.Webhook ?? new WebhookOptions();
        // The listener starts before the webhook is set, so Telegram's first call finds someone listening.
        services.AddHostedService(sp => sp.GetRequiredService<OperationsListener>());
        if (webhook.Enabled)
        {
            services.AddHostedService<WebhookRegistrar>();
        }
        else
        {
            services.AddHostedService<UpdatePump>();
        }

        services.AddHostedService<StartupReport>();

        var prometheus = configuration.GetSection(OperationsOptions.Section).Get<OperationsOptions>()?.Enabled == true;
        var otlp = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(OtlpEndpointVariable));
        if (!prometheus && !otlp)
        {
            // Nobody reads the metrics: no meter provider, so recording them costs next to nothing.
            return services;
        }

        services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            // The runtime's own meter (.NET 9+): GC, JIT, thread pool and processor time, so an operator sees whether
            // the process is compiling, collecting or starved; its labels are runtime names, never a person's data.
            metrics.AddMeter(HotlineMetrics.MeterName, RuntimeMeterName);
            if (prometheus)
            {
                metrics.AddPrometheusExporter();
            }

            if (otlp)
            {
                // Endpoint, protocol and headers come from the standard OTEL_EXPORTER_OTLP_* variables.
                metrics.AddOtlpExporter();
            }
        });
        return services;
    }

    /// <summary>Logging:Format=json: one JSON object per line (message, level, category, time), for log collectors.</summary>
    public static void AddHotlineConsole(this ILoggingBuilder logging, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var format = configuration.GetSection(LogFormatOptions.Section).Get<LogFormatOptions>() ?? new LogFormatOptions();
        if (format.IsJson)
        {
            logging.AddJsonConsole(o =>
            {
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            });
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }
    }
}
