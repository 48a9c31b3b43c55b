using HotlineBot.Storage;

namespace HotlineBot.Cases;

/// <summary>
/// Every reading of a case log (/history, /export, the reporting export) is itself written into that case's log,
/// so a supervisor can see who looked at what and when (/audit). Reading is recorded, never refused here:
/// who may read is decided where the request arrives.
/// </summary>
public static class CaseAccessLog
{
    public const string History = "history";
    public const string Export = "export";

    public static void Record(ICaseStore store, int caseId, ActorRole actor, long? workerId, string what, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Append(new CaseEvent { CaseId = caseId, At = at, Actor = actor, WorkerId = workerId, Kind = CaseEventKind.Access, Text = what });
    }

    /// <summary>
    /// For the command-line export: one access record per exported case, by <paramref name="who"/> (e.g. "cli").
    /// Call it after the export is written, inside one transaction if the caller has one.
    /// </summary>
    public static void RecordExport(ICaseStore store, IEnumerable<int> caseIds, string who, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        foreach (var id in caseIds.Distinct())
        {
            Record(store, id, ActorRole.System, null, $"{Export} by {who}", at);
        }
    }

    /// <summary>The most recent access records, newest first; for one case when <paramref name="caseId"/> is given.</summary>
    public static IReadOnlyList<CaseEvent> Recent(ICaseStore store, int? caseId, int max)
    {
        ArgumentNullException.ThrowIfNull(store);
        return caseId is { } id
            ? store.Log(id).Where(e => e.Kind == CaseEventKind.Access).OrderByDescending(e => e.Id).Take(max).ToList()
            : store.Recent(CaseEventKind.Access, max);
    }
}
