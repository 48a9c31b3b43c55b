using System.Text.RegularExpressions;

namespace HotlineBot.Safety;

/// <summary>The bot token travels inside every request URL; anything that may be logged goes through here first.</summary>
public static partial class SecretRedactor
{
    public static string Redact(string? text) => text is null ? string.Empty : TokenPattern().Replace(text, "bot<redacted>");

    public static string Describe(Exception exception) =>
        exception is null ? string.Empty : $"{exception.GetType().Name}: {Redact(exception.Message)}";

    [GeneratedRegex(@"bot\d{3,20}:[A-Za-z0-9_-]+|\b\d{6,20}:[A-Za-z0-9_-]{30,}")]
    private static partial Regex TokenPattern();
}
