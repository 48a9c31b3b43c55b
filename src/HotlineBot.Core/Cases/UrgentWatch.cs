using HotlineBot.Conversations;
using HotlineBot.Dialogs;
using HotlineBot.Settings;
using HotlineBot.Storage;
using Microsoft.Extensions.Options;

namespace HotlineBot.Cases;

/// <summary>
/// An urgent case that nobody has taken within UrgentPickupMinutes: supervisors are alerted (a high-risk contact is
/// never left alone), the workers get the alert again, and the person is told honestly that nobody has answered yet
/// and what to do meanwhile. Once per case.
/// </summary>
public sealed class UrgentWatch(CaseDesk desk, ICaseStore cases, IWorkerStore workers, WorkerAlerts alerts, ScreenRenderer screens, IOptions<HotlineOptions> options)
{
    private readonly HotlineOptions _hotline = options.Value;

    public void Check(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var limit = TimeSpan.FromMinutes(_hotline.UrgentPickupMinutes);
        foreach (var waiting in desk.Queue().Where(c => c.Urgent && c.UrgentEscalatedAt is null && turn.Now - (c.UrgentSince ?? c.OpenedAt) >= limit))
        {
            var minutes = (int)(turn.Now - (waiting.UrgentSince ?? waiting.OpenedAt)).TotalMinutes;
            waiting.UrgentEscalatedAt = turn.Now;
            // The person hears this instead of the ordinary "not taken yet" notice, which would only repeat it.
            waiting.PickupTimeoutSent = true;
            cases.Update(waiting);
            desk.Log(waiting, turn, ActorRole.System, CaseEventKind.StateChange, $"urgent and not taken within {minutes} min; supervisors alerted, workers reminded, person told");
            foreach (var supervisor in _hotline.Supervisors)
            {
                var language = workers.Get(supervisor).Language;
                turn.Send(supervisor, screens.Text(UiKeys.SupervisorUrgentWaiting, language, ("number", waiting.Id), ("minutes", minutes), ("risk", alerts.RiskText(waiting, language))),
                    [[screens.Button(UiKeys.WorkerTake, language, CallbackData.Worker(new WorkerCommand.Take(waiting.Id)))]], OutboundPriority.Crisis, caseId: waiting.Id);
            }

            alerts.Announce(waiting, null, turn);
            turn.Send(waiting.PersonChatId, screens.Text(UiKeys.CrisisWaiting, waiting.Language, ("number", waiting.Id)),
                screens.CaseRows(waiting.Language), OutboundPriority.Crisis, caseId: waiting.Id);
        }
    }
}
