using System.Globalization;
using System.Text;
using HotlineBot.Conversations;
using HotlineBot.Dialogs;

namespace HotlineBot.Cases;

/// <summary>
/// A case log written out so it reads like a conversation: for /history, /export and the reporting export.
/// Its words (header, who spoke) come from dialogs/ui.yaml in the reader's language; what the log recorded stays as written.
/// </summary>
public static class CaseTranscript
{
    public static string Format(Case @case, IEnumerable<CaseEvent> events, Func<long, string> workerName, int utcOffsetHours, UiText ui, Language language)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(workerName);
        ArgumentNullException.ThrowIfNull(ui);
        var offset = TimeSpan.FromHours(utcOffsetHours);
        var text = new StringBuilder(ui.Get(UiKeys.TranscriptHeader, language,
            ("number", @case.Id), ("language", @case.Language.Code()), ("status", ui.Get(StatusKey(@case.Status), language))));
        if (@case.Urgent)
        {
            text.Append(" · ").Append(ui.Get(UiKeys.TranscriptUrgent, language));
        }

        if (@case.Topics.Count > 0)
        {
            text.Append(" · ").Append(ui.Get(UiKeys.TranscriptTopics, language, ("topics", string.Join(", ", @case.Topics))));
        }

        if (@case.PreviousCaseId is { } previous)
        {
            text.Append(" · ").Append(ui.Get(UiKeys.TranscriptFollows, language, ("number", previous)));
        }

        // Each worker message that arrived leaves a "delivered" record; one count reads better than a line per message.
        var all = events.ToList();
        var delivered = all.Count(IsDelivered);
        if (delivered > 0)
        {
            text.Append(" · ").Append(ui.Get(UiKeys.TranscriptDelivered, language, ("count", delivered)));
        }

        text.AppendLine();
        var person = ui.Get(UiKeys.TranscriptPerson, language);
        var worker = ui.Get(UiKeys.TranscriptWorker, language);
        var system = ui.Get(UiKeys.TranscriptSystem, language);
        foreach (var e in all.Where(e => !IsDelivered(e)))
        {
            var who = e.Actor switch
            {
                ActorRole.Person => person,
                ActorRole.Worker or ActorRole.Supervisor => e.WorkerId is { } id ? $"{worker} {workerName(id)}" : worker,
                _ => system,
            };
            var said = e.TextNaming(workerName);
            var what = e.Kind switch
            {
                CaseEventKind.Note => $"[note] {said}",
                CaseEventKind.StateChange or CaseEventKind.Crisis or CaseEventKind.Delivery or CaseEventKind.Access or CaseEventKind.Consent or CaseEventKind.WrapUp => $"[{e.Kind.ToString().ToLowerInvariant()}] {said}",
                CaseEventKind.Rating => $"[rating] {said}",
                CaseEventKind.RatingComment => $"[rating] comment: {said}",
                _ when e.MediaKind is not null => $"[{e.MediaKind}] {said}",
                _ => said,
            };
            text.Append(CultureInfo.InvariantCulture, $"{e.At.ToOffset(offset):yyyy-MM-dd HH:mm} {who}: {what}").AppendLine();
        }

        return text.ToString();
    }

    private static string StatusKey(CaseStatus status) => status switch
    {
        CaseStatus.Queued => UiKeys.TranscriptStatusQueued,
        CaseStatus.Assigned => UiKeys.TranscriptStatusAssigned,
        _ => UiKeys.TranscriptStatusClosed,
    };

    private static bool IsDelivered(CaseEvent e) => e.Kind == CaseEventKind.Delivery && e.Text == DeliveryReports.Delivered;
}
