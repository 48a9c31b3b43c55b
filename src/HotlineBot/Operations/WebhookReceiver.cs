using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HotlineBot.Hosting;
using HotlineBot.Safety;
using HotlineBot.Telegram;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace HotlineBot.Operations;

/// <summary>
/// Telegram's POST of one update to the webhook path. Without the configured secret in
/// X-Telegram-Bot-Api-Secret-Token the answer is 403 and nothing is read or stored. An accepted update is committed
/// to the durable inbox, exactly as polling commits it, before the answer 200: if the bot dies first, Telegram
/// delivers it again, and one seen twice is skipped by its id.
/// </summary>
public sealed partial class WebhookReceiver(UpdateIntake intake, BotApiContact contact, IOptions<TelegramOptions> options, ILogger<WebhookReceiver> logger)
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    private readonly byte[] _secret = Encoding.UTF8.GetBytes(options.Value.Webhook.SecretToken ?? "");

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var given = Encoding.UTF8.GetBytes(context.Request.Headers[SecretHeader].ToString());
        if (_secret.Length == 0 || !CryptographicOperations.FixedTimeEquals(given, _secret))
        {
            LogRefused(context.Connection.RemoteIpAddress?.ToString() ?? "?");
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(context.Request.Body, JsonBotAPI.Options, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            LogUnreadable(e.Message);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (update is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        try
        {
            intake.Take([update], skipKnown: true);
        }
        catch (Exception e)
        {
            // Not committed: anything but 2xx makes Telegram deliver it again later.
            LogNotStored(update.Id, SecretRedactor.Describe(e));
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        contact.Succeeded();
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    [LoggerMessage(LogLevel.Warning, "Webhook request from {Remote} refused (403): missing or wrong secret token")]
    private partial void LogRefused(string remote);

    [LoggerMessage(LogLevel.Warning, "Webhook request with an unreadable update refused (400): {Error}")]
    private partial void LogUnreadable(string error);

    [LoggerMessage(LogLevel.Error, "Webhook update {UpdateId} could not be stored (500, Telegram will retry): {Error}")]
    private partial void LogNotStored(long updateId, string error);
}
