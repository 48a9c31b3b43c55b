using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace HotlineBot.Telegram;

public sealed partial class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>From BotFather, e.g. 123456789:AA…; secret: keep it in the environment, never in config files.</summary>
    public string? Token { get; set; }

    /// <summary>A self-hosted Bot API server or an emulator; empty means Telegram's own.</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>Seconds a getUpdates call waits for news; Telegram allows up to 50.</summary>
    [Range(0, 50)]
    public int PollTimeoutSeconds { get; set; } = 25;

    /// <summary>Webhook mode instead of long polling, when its Url is set.</summary>
    public WebhookOptions Webhook { get; set; } = new();

    public static bool IsWellFormed(string? token) => token is not null && TokenPattern().IsMatch(token);

    [GeneratedRegex(@"^\d{3,20}:[A-Za-z0-9_-]{20,}$")]
    private static partial Regex TokenPattern();
}
