using HotlineBot.Telegram;
using Microsoft.Extensions.Options;

namespace HotlineBot.Hosting;

internal sealed class WebhookOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var webhook = options.Webhook;
        if (!webhook.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"Telegram:Webhook:Url '{webhook.Url}' is not an absolute https:// address (Telegram calls webhooks over HTTPS only)");
        }

        if (!WebhookOptions.IsSecretWellFormed(webhook.SecretToken))
        {
            failures.Add("Telegram:Webhook:SecretToken must be set in webhook mode: 1-256 characters of A-Z, a-z, 0-9, _ and - (keep it in the environment)");
        }

        if (ListenAddress.Parse(webhook.Listen) is null)
        {
            failures.Add($"Telegram:Webhook:Listen '{webhook.Listen}' is not an http:// address with an IP (or localhost) and a port, e.g. http://127.0.0.1:8443");
        }

        if (webhook.MaxConnections is < 1 or > 100)
        {
            failures.Add($"Telegram:Webhook:MaxConnections {webhook.MaxConnections} is outside 1-100");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
