using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace HotlineBot.Telegram;

/// <summary>Telegram:Webhook: Telegram calls the bot (behind a reverse proxy) instead of the bot long-polling.</summary>
public sealed partial class WebhookOptions
{
    /// <summary>The public HTTPS address Telegram calls; empty means long polling. Its path is the path served.</summary>
    public string? Url { get; set; }

    /// <summary>The local address the reverse proxy forwards to.</summary>
    public string Listen { get; set; } = "http://127.0.0.1:8443";

    /// <summary>Sent by Telegram in X-Telegram-Bot-Api-Secret-Token; requests without it are refused.</summary>
    public string? SecretToken { get; set; }

    /// <summary>Simultaneous connections Telegram may open (1-100).</summary>
    public int MaxConnections { get; set; } = 40;

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    /// <summary>The path the listener serves, from <see cref="Url"/>.</summary>
    public string Path => Enabled && Uri.TryCreate(Url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : "/";

    public static bool IsSecretWellFormed(string? secret) => secret is not null && SecretPattern().IsMatch(secret);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretPattern();
}
