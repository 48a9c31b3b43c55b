using Microsoft.Extensions.Configuration;

namespace HotlineBot.Conversations;

/// <summary>
/// TEST-ONLY faults, for the reliability tests that prove a failing or crashing update is parked, not lost or looped:
/// <c>Testing:FailOnText</c> makes handling a text equal to it throw, <c>Testing:CrashOnText</c> ends the process
/// at once. Read only when the environment variable HOTLINE_TEST_HOOKS is 1; a real deployment never sets it.
/// </summary>
public sealed class TestHooks
{
    public const string EnableVariable = "HOTLINE_TEST_HOOKS";

    public static readonly TestHooks None = new(null, null);

    private readonly string? _failOn;
    private readonly string? _crashOn;

    private TestHooks(string? failOn, string? crashOn)
    {
        _failOn = string.IsNullOrEmpty(failOn) ? null : failOn;
        _crashOn = string.IsNullOrEmpty(crashOn) ? null : crashOn;
    }

    public static TestHooks From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Environment.GetEnvironmentVariable(EnableVariable) == "1"
            ? new TestHooks(configuration["Testing:FailOnText"], configuration["Testing:CrashOnText"])
            : None;
    }

    public void BeforeHandling(Inbound inbound)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        if (_crashOn is not null && inbound.Text == _crashOn)
        {
            Environment.FailFast("test hook Testing:CrashOnText");
        }

        if (_failOn is not null && inbound.Text == _failOn)
        {
            throw new InvalidOperationException("test hook Testing:FailOnText");
        }
    }
}
