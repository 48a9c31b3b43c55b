using HotlineBot.Hosting;
using Microsoft.Extensions.Options;

namespace HotlineBot.Cases;

/// <summary>
/// Whether a human can be expected to answer now. The bot never tells a person that a specialist is coming unless
/// this says so: at 3 a.m., or with nobody on staff, it says so plainly and gives the numbers that work around the clock.
/// </summary>
public sealed class DutyRoster(IOptions<HotlineOptions> options)
{
    private readonly HotlineOptions _hotline = options.Value;

    /// <summary>Staff who may be alerted now.</summary>
    public IReadOnlyList<long> OnDuty(DateTimeOffset now) =>
        _hotline.WorkingHours.IsOpen(now) ? [.. _hotline.Staff] : [];

    public bool AnyoneOnDuty(DateTimeOffset now) => OnDuty(now).Count > 0;
}
