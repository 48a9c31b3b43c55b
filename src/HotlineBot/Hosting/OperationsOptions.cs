using System.Net;
using Microsoft.Extensions.Options;

namespace HotlineBot.Hosting;

/// <summary>Hosting: the small HTTP listener for health and metrics (off unless HttpUrl is set).</summary>
public sealed class OperationsOptions
{
    public const string Section = "Hosting";

    /// <summary>Where /healthz and /metrics are served, e.g. http://127.0.0.1:9464; empty: not served.</summary>
    public string? HttpUrl { get; set; }

    /// <summary>An update or reply waiting longer than this makes /healthz answer 503.</summary>
    public int StuckAfterSeconds { get; set; } = 300;

    public bool Enabled => !string.IsNullOrWhiteSpace(HttpUrl);
}

/// <summary>Logging:Format: simple (one line per entry, the default) or json (one JSON object per line).</summary>
public sealed class LogFormatOptions
{
    public const string Section = "Logging";
    public const string Json = "json";
    public const string Simple = "simple";

    public string Format { get; set; } = Simple;

    public bool IsJson => string.Equals(Format, Json, StringComparison.OrdinalIgnoreCase);
}

/// <summary>An http://IP:port the listener binds; localhost means loopback. Port 0 picks a free one (tests).</summary>
public static class ListenAddress
{
    public static IPEndPoint? Parse(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/")
        {
            return null;
        }

        var host = uri.Host.Trim('[', ']');
        var address = host is "localhost" ? IPAddress.Loopback : IPAddress.TryParse(host, out var ip) ? ip : null;
        return address is null ? null : new IPEndPoint(address, uri.Port);
    }
}

internal sealed class OperationsOptionsValidator : IValidateOptions<OperationsOptions>
{
    public ValidateOptionsResult Validate(string? name, OperationsOptions options)
    {
        var failures = new List<string>();
        if (options.Enabled && ListenAddress.Parse(options.HttpUrl) is null)
        {
            failures.Add($"Hosting:HttpUrl '{options.HttpUrl}' is not an http:// address with an IP (or localhost) and a port, e.g. http://127.0.0.1:9464");
        }

        if (options.StuckAfterSeconds < 1)
        {
            failures.Add($"Hosting:StuckAfterSeconds {options.StuckAfterSeconds} must be at least 1");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

internal sealed class LogFormatOptionsValidator : IValidateOptions<LogFormatOptions>
{
    public ValidateOptionsResult Validate(string? name, LogFormatOptions options) =>
        string.Equals(options.Format, LogFormatOptions.Simple, StringComparison.OrdinalIgnoreCase) || options.IsJson
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Logging:Format '{options.Format}' is neither simple nor json");
}
