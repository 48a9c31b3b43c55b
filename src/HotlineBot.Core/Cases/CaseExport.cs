using System.Globalization;
using System.Text;
using System.Text.Json;
using HotlineBot.Conversations;
using HotlineBot.Dialogs;
using HotlineBot.Settings;
using HotlineBot.Storage;

namespace HotlineBot.Cases;

/// <summary>Cases and their logs for reporting: JSON (one object per case with its events) or CSV (one row per event).</summary>
public static class CaseExport
{
    /// <summary>The transcripts in a report are in one language whoever runs it: Russian, the language of the hotline's reports.</summary>
    public const Language ReportLanguage = Language.Ru;

    // Kazakh and Russian stay readable in the file rather than becoming \u escapes.
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Json(ICaseStore store, DateTimeOffset? since, Func<long, string> workerName, int utcOffsetHours, UiText ui)
    {
        ArgumentNullException.ThrowIfNull(store);
        var cases = store.All(since).Select(c => new
        {
            c.Id, Language = c.Language.ToString().ToLowerInvariant(), Status = c.Status.ToString(), c.Urgent, Crisis = c.Crisis.ToString(),
            c.Topics, c.OpenedAt, c.TakenAt, c.ClosedAt, c.Outcome, c.Rating, c.RatingComment, c.PreviousCaseId,
            Risk = c.Risk.ToString(), ClosedBy = c.ClosedBy?.ToString(), Missed = CaseReport.IsMissed(c), RepeatContact = CaseReport.IsRepeat(c),
            WrapUp = c.WrapUp is { } w ? new { w.Category, w.Subcategory, w.Actions, w.RepeatContact, w.Summary, w.EditedAt } : null,
            Transcript = CaseTranscript.Format(c, store.Log(c.Id), workerName, utcOffsetHours, ui, ReportLanguage),
            Events = store.Log(c.Id).Select(e => new { e.At, Actor = e.Actor.ToString(), Kind = e.Kind.ToString(), Text = e.TextNaming(workerName), e.MediaKind }),
        });
        return JsonSerializer.Serialize(cases, JsonOptions);
    }

    public static string Csv(ICaseStore store, DateTimeOffset? since, Func<long, string> workerName)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(workerName);
        // The wrap-up columns come last, so readers of the older columns by position keep working.
        var text = new StringBuilder("case_id,language,status,urgent,opened_at,outcome,rating,event_at,actor,kind,media,text,category,subcategory,actions,repeat_contact,missed,summary\n");
        foreach (var c in store.All(since))
        {
            foreach (var e in store.Log(c.Id))
            {
                text.AppendJoin(',', c.Id.ToString(CultureInfo.InvariantCulture), c.Language.ToString().ToLowerInvariant(), c.Status, c.Urgent,
                    c.OpenedAt.ToString("o", CultureInfo.InvariantCulture), Quote(c.Outcome), c.Rating?.ToString(CultureInfo.InvariantCulture),
                    e.At.ToString("o", CultureInfo.InvariantCulture), e.Actor, e.Kind, Quote(e.MediaKind), Quote(e.TextNaming(workerName)),
                    Quote(c.WrapUp?.Category), Quote(c.WrapUp?.Subcategory), Quote(c.WrapUp is { } w ? string.Join(' ', w.Actions) : null),
                    CaseReport.IsRepeat(c), CaseReport.IsMissed(c), Quote(c.WrapUp?.Summary)).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Writes the export to <paramref name="target"/> and records, in the same commit, that each case's log was read:
    /// null when done, else why not. Runs in whichever process has the database open.
    /// </summary>
    public static string? WriteAudited(ITransactions db, ICaseStore store, HotlineOptions hotline, UiText ui, DateTimeOffset? since, string format, string target, string who, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(hotline);
        var text = format.ToLowerInvariant() switch
        {
            "csv" => Csv(store, since, hotline.WorkerName),
            "json" => Json(store, since, hotline.WorkerName, hotline.WorkingHours.UtcOffsetHours, ui),
            _ => null,
        };
        if (text is null)
        {
            return $"--format must be json or csv, not '{format}'";
        }

        File.WriteAllText(target, text);
        db.InTransaction(() => CaseAccessLog.RecordExport(store, store.All(since).Select(c => c.Id), who, at));
        return null;
    }

    private static string Quote(string? value) =>
        value is null ? string.Empty : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
