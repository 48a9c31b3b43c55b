using HotlineBot.Conversations;
using HotlineBot.Dialogs;
using HotlineBot.Settings;
using HotlineBot.Storage;
using Microsoft.Extensions.Options;

namespace HotlineBot.Cases;

/// <summary>Whether a /duty command or button turns the worker's shift on, off, or only asks where they stand.</summary>
public enum DutyChange
{
    Show,
    On,
    Off,
}

/// <summary>
/// Shifts: /duty on|off (and its buttons). Going off duty with open cases asks for each to be handed over; when the last
/// worker goes off while people wait, they are told honestly that nobody is on now (with the round-the-clock numbers)
/// and the supervisors are alerted, so a waiting person is never left believing someone is about to answer.
/// </summary>
public sealed class Shifts(DutyRoster duty, CaseDesk desk, ICaseStore cases, IWorkerStore workers, ScreenRenderer screens, IOptions<HotlineOptions> options)
{
    private readonly HotlineOptions _hotline = options.Value;

    public static DutyChange? Parse(string? word) => word?.ToLowerInvariant() switch
    {
        null => DutyChange.Show,
        "on" => DutyChange.On,
        "off" => DutyChange.Off,
        _ => null,
    };

    public static string ButtonData(DutyChange change) => CallbackData.Worker(new WorkerCommand.Duty(change));

    public void Change(WorkerState worker, DutyChange change, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(turn);
        var wasAnyone = duty.AnyoneOnDuty(turn.Now);
        switch (change)
        {
            case DutyChange.On:
                worker.OnDuty = true;
                workers.Save(worker);
                Say(worker, UiKeys.DutyOn, turn, [[Button(worker, DutyChange.Off)]]);
                return;
            case DutyChange.Off:
                worker.OnDuty = false;
                workers.Save(worker);
                Say(worker, UiKeys.DutyOff, turn, [[Button(worker, DutyChange.On)]]);
                AskToHandOver(worker, turn);
                if (wasAnyone && !duty.AnyoneOnDuty(turn.Now))
                {
                    NobodyLeft(turn);
                }

                return;
            default:
                var on = duty.IsOnDuty(worker.Id, turn.Now);
                turn.Send(worker.Id, screens.Text(UiKeys.DutyStatus, worker.Language,
                        ("state", screens.Text(on ? UiKeys.DutyStateOn : UiKeys.DutyStateOff, worker.Language)),
                        ("count", duty.Load(worker.Id)), ("max", _hotline.MaxCasesPerWorker)),
                    [[Button(worker, on ? DutyChange.Off : DutyChange.On)]]);
                return;
        }
    }

    /// <summary>Each open case of a worker leaving gets its own message, so none is forgotten in a list.</summary>
    private void AskToHandOver(WorkerState worker, Turn turn)
    {
        foreach (var open in cases.Assigned().Where(c => c.WorkerId == worker.Id).OrderBy(c => c.Id))
        {
            turn.Send(worker.Id, screens.Text(UiKeys.DutyHandOver, worker.Language, ("number", open.Id)),
                [[screens.Button(UiKeys.DutyButtonRequeue, worker.Language, CallbackData.Worker(new WorkerCommand.Transfer(open.Id, null)))]], caseId: open.Id);
        }
    }

    private void NobodyLeft(Turn turn)
    {
        var waiting = desk.Queue();
        if (waiting.Count == 0)
        {
            return;
        }

        foreach (var c in waiting)
        {
            desk.Log(c, turn, ActorRole.System, CaseEventKind.StateChange, "the last worker went off duty; the person was told nobody is on now");
            turn.Send(c.PersonChatId, screens.Text(UiKeys.CaseNobodyOnDuty, c.Language, ("number", c.Id)), screens.CaseRows(c.Language),
                c.Urgent ? OutboundPriority.Crisis : OutboundPriority.Reply, caseId: c.Id);
        }

        var list = string.Join(", ", waiting.Select(c => $"{(c.Urgent ? RiskLevel.High : c.Risk).Mark()} #{c.Id}"));
        foreach (var supervisor in _hotline.Supervisors)
        {
            var language = workers.Get(supervisor).Language;
            turn.Send(supervisor, screens.Text(UiKeys.SupervisorNobodyOnDuty, language, ("count", waiting.Count), ("cases", list)),
                priority: waiting.Any(c => c.Urgent) ? OutboundPriority.Crisis : OutboundPriority.Reply);
        }
    }

    private OutButton Button(WorkerState worker, DutyChange change) =>
        screens.Button(change == DutyChange.On ? UiKeys.DutyButtonOn : UiKeys.DutyButtonOff, worker.Language, ButtonData(change));

    private void Say(WorkerState worker, string key, Turn turn, IReadOnlyList<IReadOnlyList<OutButton>> buttons) =>
        turn.Send(worker.Id, screens.Text(key, worker.Language, ("max", _hotline.MaxCasesPerWorker)), buttons);
}
