using System.Globalization;
using System.Text.Json;
using HotlineBot.Cases;
using HotlineBot.Dialogs;
using HotlineBot.Safety;
using HotlineBot.Settings;
using HotlineBot.Storage;
using Microsoft.Extensions.Options;

namespace HotlineBot.Conversations;

/// <summary>
/// Where an update goes that failed every try: parked whole in the dead-letter store (never dropped), noted in the
/// person's open case (with their words, so /history and the export show them), and the supervisors told that a
/// message is kept, with no text and no person id. Runs in the processor's transaction that removes it from the inbox.
/// </summary>
public sealed class DeadLetters(
    IDeadLetterStore letters,
    IPersonStore people,
    ICaseStore cases,
    IWorkerStore workers,
    ScreenRenderer screens,
    IOptions<HotlineOptions> options)
{
    public Turn Park(InboxItem item, int attempts, Exception error, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(error);
        var turn = new Turn(now);
        var caseId = people.Find(item.ChatId)?.ActiveCaseId is { } active && cases.Find(active) is { IsOpen: true } @case ? @case.Id : (int?)null;
        var number = letters.Park(new DeadLetter
        {
            UpdateId = item.Id,
            ChatId = item.ChatId,
            Payload = item.Payload,
            ErrorType = error.GetType().FullName ?? error.GetType().Name,
            ErrorMessage = SecretRedactor.Redact(error.Message),
            Attempts = attempts,
            At = now,
            CaseId = caseId,
        });

        if (caseId is { } id)
        {
            var words = WordsOf(item);
            cases.Append(new CaseEvent
            {
                CaseId = id, At = now, Actor = ActorRole.System, Kind = CaseEventKind.StateChange,
                Text = string.Create(CultureInfo.InvariantCulture, $"a message could not be processed and is kept (dead letter #{number})")
                    + (words is null ? string.Empty : $": {words}"),
            });
        }

        foreach (var supervisor in options.Value.Supervisors.Distinct())
        {
            var language = workers.Get(supervisor).Language;
            var text = caseId is { } open
                ? screens.Text(UiKeys.SupervisorDeadLetterCase, language, ("number", open), ("letter", number))
                : screens.Text(UiKeys.SupervisorDeadLetter, language, ("letter", number));
            turn.Send(supervisor, text, priority: OutboundPriority.Crisis);
        }

        return turn;
    }

    /// <summary>What the person wrote, when the payload can still be read (it may be the very thing that is broken).</summary>
    private static string? WordsOf(InboxItem item)
    {
        try
        {
            var inbound = JsonSerializer.Deserialize<Inbound>(item.Payload, StorageJson.Options);
            return inbound?.Text ?? inbound?.Media?.Caption ?? (inbound?.Media is { } media ? $"[{media.Kind}]" : inbound?.ButtonData is { } data ? $"[button {data}]" : null);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
