namespace HotlineBot.Tests.Operations;

/// <summary>
/// OpenTelemetry listens to meters by name across the whole process, so a bot host started by a test running alongside would
/// publish its own "HotlineBot" instruments to this test's exporter too (same names: one of the two is dropped). In production
/// there is one host per process; here the tests that read /metrics run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsReadAlone
{
    public const string Name = "metrics read alone";
}
