using System.Globalization;
using System.Text;

namespace HotlineBot.Cases;

/// <summary>A case log written out so it reads like a conversation: for /history, /export and the reporting export.</summary>
public static class CaseTranscript
{
    public static string Format(Case @case, IEnumerable<CaseEvent> events, Func<long, string> workerName, int utcOffsetHours)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(workerName);
        var offset = TimeSpan.FromHours(utcOffsetHours);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"Case #{@case.Id} · {@case.Language.ToString().ToLowerInvariant()} · {@case.Status}{(@case.Urgent ? " · URGENT" : string.Empty)}");
        if (@case.Topics.Count > 0)
        {
            text.Append(" · topics: ").Append(string.Join(", ", @case.Topics));
        }

        if (@case.PreviousCaseId is { } previous)
        {
            text.Append(CultureInfo.InvariantCulture, $" · follows #{previous}");
        }

        // Each worker message that arrived leaves a "delivered" record; one count reads better than a line per message.
        var all = events.ToList();
        var delivered = all.Count(IsDelivered);
        if (delivered > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" · ✓ delivered to the person: {delivered}");
        }

        text.AppendLine();
        foreach (var e in all.Where(e => !IsDelivered(e)))
        {
            var who = e.Actor switch
            {
                ActorRole.Person => "Person",
                ActorRole.Worker or ActorRole.Supervisor => e.WorkerId is { } id ? $"Worker {workerName(id)}" : "Worker",
                _ => "System",
            };
            var what = e.Kind switch
            {
                CaseEventKind.Note => $"[note] {e.Text}",
                CaseEventKind.StateChange or CaseEventKind.Crisis or CaseEventKind.Delivery or CaseEventKind.Access or CaseEventKind.Consent or CaseEventKind.WrapUp => $"[{e.Kind.ToString().ToLowerInvariant()}] {e.Text}",
                CaseEventKind.Rating => $"[rating] {e.Text}",
                _ when e.MediaKind is not null => $"[{e.MediaKind}] {e.Text}",
                _ => e.Text,
            };
            text.Append(CultureInfo.InvariantCulture, $"{e.At.ToOffset(offset):yyyy-MM-dd HH:mm} {who}: {what}").AppendLine();
        }

        return text.ToString();
    }

    private static bool IsDelivered(CaseEvent e) => e.Kind == CaseEventKind.Delivery && e.Text == DeliveryReports.Delivered;
}
