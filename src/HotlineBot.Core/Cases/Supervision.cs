using HotlineBot.Conversations;
using HotlineBot.Dialogs;
using HotlineBot.Settings;
using HotlineBot.Storage;
using Microsoft.Extensions.Options;

namespace HotlineBot.Cases;

/// <summary>
/// What a supervisor does on a shift: sees every open case (/live), reads any log (/history, audited), sends the worker
/// a note the person never sees (/whisper), and takes a case over (/takeover). Callers check that the user is a supervisor.
/// </summary>
public sealed class Supervision(CaseDesk desk, ICaseStore cases, IWorkerStore workers, WorkerAlerts alerts, ScreenRenderer screens, IOptions<HotlineOptions> options)
{
    /// <summary>Telegram shows a keyboard of a few dozen buttons well; the text lists every case.</summary>
    private const int CasesWithButtons = 20;

    /// <summary>What the access audit calls a /live view of a case.</summary>
    public const string LiveView = "live";

    private readonly HotlineOptions _hotline = options.Value;

    /// <summary>Every open case with its worker, age, risk and last activity; each listed case records the view in its audit.</summary>
    public void Live(WorkerState supervisor, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        ArgumentNullException.ThrowIfNull(turn);
        var open = cases.Queued().Concat(cases.Assigned()).OrderBy(c => c.QueueRank()).ThenBy(c => c.Id).ToList();
        if (open.Count == 0)
        {
            turn.Send(supervisor.Id, screens.Text(UiKeys.LiveEmpty, supervisor.Language));
            return;
        }

        var language = supervisor.Language;
        var lines = new List<string> { screens.Text(UiKeys.LiveHeader, language, ("count", open.Count)) };
        foreach (var c in open)
        {
            // A view is not activity: the audit's own lines and delivery receipts do not count as "last activity".
            var last = cases.Log(c.Id).Where(e => e.Kind is not (CaseEventKind.Access or CaseEventKind.Delivery)).Select(e => e.At).DefaultIfEmpty(c.OpenedAt).Max();
            lines.Add(screens.Text(UiKeys.LiveLine, language,
                ("risk", alerts.RiskText(c, language)),
                ("number", c.Id),
                ("worker", c.WorkerId is { } w ? _hotline.WorkerName(w) : screens.Text(UiKeys.LiveInQueue, language)),
                ("age", Minutes(turn.Now - c.OpenedAt)),
                ("idle", Minutes(turn.Now - last))));
        }

        turn.Send(supervisor.Id, string.Join("\n", lines), open.Take(CasesWithButtons).Select(c => (IReadOnlyList<OutButton>)[
            new OutButton(screens.Text(UiKeys.LiveButtonLog, language, ("number", c.Id)), CallbackData.Worker(new WorkerCommand.History(c.Id))),
            new OutButton(screens.Text(UiKeys.LiveButtonTakeOver, language, ("number", c.Id)), CallbackData.Worker(new WorkerCommand.TakeOver(c.Id)))]).ToList());
        foreach (var c in open)
        {
            CaseAccessLog.Record(cases, c.Id, ActorRole.Supervisor, supervisor.Id, LiveView, turn.Now);
        }
    }

    /// <summary>A note for the worker on the case only: logged as the supervisor's, never relayed to the person.</summary>
    public void Whisper(WorkerState supervisor, Case @case, string text, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        ArgumentNullException.ThrowIfNull(@case);
        var to = @case.WorkerId;
        desk.Log(@case, turn, ActorRole.Supervisor, CaseEventKind.Note,
            $"supervisor note{(to is { } w ? " to " + _hotline.WorkerName(w) : string.Empty)}: {text}", supervisor.Id);
        if (@case.IsOpen && to is { } worker)
        {
            var language = workers.Get(worker).Language;
            turn.SendInCaseThread(worker, @case.Id, screens.Text(UiKeys.WhisperToWorker, language, ("supervisor", _hotline.WorkerName(supervisor.Id)), ("number", @case.Id), ("text", text)));
            Say(supervisor, UiKeys.WhisperSent, turn, ("worker", _hotline.WorkerName(worker)), ("number", @case.Id));
        }
        else
        {
            Say(supervisor, UiKeys.WhisperNoWorker, turn, ("number", @case.Id));
        }
    }

    /// <summary>The supervisor becomes the case's worker: from the queue as a take, from a colleague as a logged takeover.</summary>
    public void TakeOver(WorkerState supervisor, Case @case, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        ArgumentNullException.ThrowIfNull(@case);
        switch (@case.Status)
        {
            case CaseStatus.Queued:
                desk.Take(@case, supervisor.Id, turn);
                break;
            case CaseStatus.Assigned when @case.WorkerId != supervisor.Id:
                desk.TakeOver(@case, supervisor.Id, turn);
                break;
            default:
                Say(supervisor, UiKeys.WorkerNotYours, turn, ("number", @case.Id));
                break;
        }
    }

    private static int Minutes(TimeSpan span) => Math.Max(0, (int)span.TotalMinutes);

    private void Say(WorkerState worker, string key, Turn turn, params (string Name, object? Value)[] values) =>
        turn.Send(worker.Id, screens.Text(key, worker.Language, values));
}
