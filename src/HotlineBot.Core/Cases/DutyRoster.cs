using HotlineBot.Settings;
using HotlineBot.Storage;
using Microsoft.Extensions.Options;

namespace HotlineBot.Cases;

/// <summary>
/// Whether a human can be expected to answer now, and who may be alerted. The bot never tells a person that a specialist
/// is coming unless this says so: at 3 a.m., with nobody on staff or with everyone off duty, it says so plainly and gives
/// the numbers that work around the clock.
/// A worker is on duty after <c>/duty on</c> and off after <c>/duty off</c>; one who has never used /duty follows
/// <c>Hotline:DutyDefault</c>: <c>working-hours</c> (on duty while the line's working hours are open) or <c>off</c>.
/// </summary>
public sealed class DutyRoster(IWorkerStore workers, ICaseStore cases, IOptions<HotlineOptions> options)
{
    private readonly HotlineOptions _hotline = options.Value;

    public bool IsOnDuty(long staff, DateTimeOffset now) => workers.Get(staff).OnDuty ?? DefaultOnDuty(now);

    /// <summary>Staff on duty now: the ones a person may be promised.</summary>
    public IReadOnlyList<long> OnDuty(DateTimeOffset now) => [.. _hotline.Staff.Where(s => IsOnDuty(s, now))];

    public bool AnyoneOnDuty(DateTimeOffset now) => OnDuty(now).Count > 0;

    /// <summary>Open cases a worker holds now; at <c>Hotline:MaxCasesPerWorker</c> they are offered only urgent ones.</summary>
    public int Load(long staff) => cases.Assigned().Count(c => c.WorkerId == staff);

    /// <summary>
    /// Who gets the notice of a waiting case: those on duty, and of them only those under the case limit unless it is
    /// urgent. With nobody on duty (night, weekend) the notice still goes to staff who never said /duty off under the
    /// working-hours default, as before shifts existed, so the first shift finds it in their chat; the person has been
    /// told meanwhile that nobody is on now.
    /// </summary>
    public IReadOnlyList<long> ToAlert(Case @case, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var onDuty = OnDuty(now);
        if (onDuty.Count == 0)
        {
            return Reachable(now);
        }

        if (@case.Urgent)
        {
            return onDuty;
        }

        var assigned = cases.Assigned();
        return [.. onDuty.Where(s => assigned.Count(c => c.WorkerId == s) < _hotline.MaxCasesPerWorker)];
    }

    /// <summary>
    /// Who is shown the queue (the queue board): those on duty, or with nobody on duty the staff who never said /duty off
    /// under the working-hours default, as <see cref="ToAlert"/> does.
    /// </summary>
    public IReadOnlyList<long> Reachable(DateTimeOffset now)
    {
        var onDuty = OnDuty(now);
        return onDuty.Count > 0 ? onDuty
            : _hotline.DutyDefaultIsWorkingHours ? [.. _hotline.Staff.Where(s => workers.Get(s).OnDuty is null)] : [];
    }

    private bool DefaultOnDuty(DateTimeOffset now) => _hotline.DutyDefaultIsWorkingHours && _hotline.WorkingHours.IsOpen(now);
}
