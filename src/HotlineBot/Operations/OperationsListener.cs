using System.Net;
using System.Text.Json;
using HotlineBot.Hosting;
using HotlineBot.Storage;
using HotlineBot.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace HotlineBot.Operations;

/// <summary>
/// The one small HTTP listener (Kestrel): /healthz and /metrics on Hosting:HttpUrl, and in webhook mode the path of
/// Telegram:Webhook:Url on Telegram:Webhook:Listen (the same address may serve both). Started before the webhook is
/// registered, so Telegram never calls a port nobody listens on. Nothing listens when neither is configured.
/// </summary>
public sealed class OperationsListener(IServiceProvider services, IOptions<OperationsOptions> operations, IOptions<TelegramOptions> telegram) : IHostedService, IAsyncDisposable
{
    public const string HealthPath = "/healthz";
    public const string MetricsPath = "/metrics";

    private WebApplication? _app;
    private ListenOptions? _operationsEndpoint;
    private ListenOptions? _webhookEndpoint;

    /// <summary>The bound address of /healthz and /metrics (the real port when 0 was configured), once started.</summary>
    public Uri? OperationsAddress => AddressOf(_operationsEndpoint);

    /// <summary>The bound address of the webhook listener, once started.</summary>
    public Uri? WebhookAddress => AddressOf(_webhookEndpoint);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var ops = operations.Value;
        var webhook = telegram.Value.Webhook;
        if (!ops.Enabled && !webhook.Enabled)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(services.GetRequiredService<ILoggerFactory>());
        builder.WebHost.UseSetting(WebHostDefaults.PreferHostingUrlsKey, "false");
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            var opsAt = ops.Enabled ? ListenAddress.Parse(ops.HttpUrl) : null;
            var hookAt = webhook.Enabled ? ListenAddress.Parse(webhook.Listen) : null;
            if (opsAt is not null)
            {
                k.Listen(opsAt, lo => _operationsEndpoint = lo);
            }

            if (hookAt is not null && (opsAt is null || !hookAt.Equals(opsAt) || hookAt.Port == 0))
            {
                k.Listen(hookAt, lo => _webhookEndpoint = lo);
            }
            else if (hookAt is not null)
            {
                _webhookEndpoint = _operationsEndpoint;
            }
        });
        AddHealthChecks(builder.Services);
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            // Each path answers only on its own address: metrics never on the port the reverse proxy exposes.
            var path = context.Request.Path;
            var port = context.Connection.LocalPort;
            var wrongPort = path == HealthPath || path == MetricsPath ? !Serves(_operationsEndpoint, port)
                : webhook.Enabled && path == webhook.Path && !Serves(_webhookEndpoint, port);
            if (wrongPort)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        app.UseRouting();
        if (ops.Enabled)
        {
            app.MapHealthChecks(HealthPath, new HealthCheckOptions
            {
                ResponseWriter = WriteHealthAsync,
                ResultStatusCodes = { [HealthStatus.Healthy] = 200, [HealthStatus.Degraded] = 200, [HealthStatus.Unhealthy] = 503 },
            });
            app.MapPrometheusScrapingEndpoint(MetricsPath, services.GetRequiredService<MeterProvider>(), null, null);
        }

        if (webhook.Enabled)
        {
            var receiver = services.GetRequiredService<WebhookReceiver>();
            app.MapPost(webhook.Path, (RequestDelegate)receiver.HandleAsync);
        }

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void AddHealthChecks(IServiceCollection web)
    {
        var time = services.GetRequiredService<TimeProvider>();
        var inbox = services.GetRequiredService<IInboxStore>();
        var outbox = services.GetRequiredService<IOutboxStore>();
        web.AddHealthChecks()
            .Add(new HealthCheckRegistration("telegram", _ => ActivatorUtilities.CreateInstance<TelegramHealthCheck>(services), null, null))
            .Add(new HealthCheckRegistration("database", _ => ActivatorUtilities.CreateInstance<DatabaseHealthCheck>(services), null, null))
            .Add(new HealthCheckRegistration("inbox", _ => new QueueHealthCheck(inbox.OldestReceivedAt, time, operations), null, null))
            .Add(new HealthCheckRegistration("outbox", _ => new QueueHealthCheck(outbox.OldestCreatedAt, time, operations), null, null));
    }

    /// <summary>{"status":"healthy","failed":[]} or {"status":"unhealthy","failed":["telegram",…]}: which check, nothing more.</summary>
    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var failed = report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => e.Key).Order(StringComparer.Ordinal).ToArray();
        var body = new HealthBody(failed.Length == 0 ? "healthy" : "unhealthy", failed);
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, HealthJson.Options));
    }

    private static bool Serves(ListenOptions? endpoint, int port) => endpoint?.IPEndPoint?.Port == port;

    private static Uri? AddressOf(ListenOptions? endpoint) =>
        endpoint?.IPEndPoint is { } ip ? new Uri($"http://{(ip.Address.Equals(IPAddress.Any) ? IPAddress.Loopback : ip.Address)}:{ip.Port}") : null;

    private sealed record HealthBody(string Status, string[] Failed);

    private static class HealthJson
    {
        public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
    }
}
