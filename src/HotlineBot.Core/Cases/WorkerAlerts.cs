using HotlineBot.Conversations;
using HotlineBot.Dialogs;
using HotlineBot.Settings;
using HotlineBot.Storage;
using Microsoft.Extensions.Options;

namespace HotlineBot.Cases;

/// <summary>
/// What workers are shown of a waiting case: the queue board (<see cref="QueueBoard"/>), edited in place, for every case;
/// an urgent case also gets its own alert with its Take button, ahead of everything in the worker's chat. When the case
/// is taken or closed the alert is corrected to say who took it, so nobody wonders whether a case is theirs; an alert
/// still waiting behind the chat's pace is superseded by that correction and never sent (it would be stale).
/// </summary>
public sealed class WorkerAlerts(IWorkerStore workers, ICaseStore cases, DutyRoster duty, QueueBoard board, ScreenRenderer screens, IOptions<HotlineOptions> options)
{
    private const int FirstWordsShown = 500;

    private readonly HotlineOptions _hotline = options.Value;

    public void Announce(Case @case, string? firstWords, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var recipients = duty.ToAlert(@case, turn.Now);
        @case.NotifiedStaff = [.. (@case.NotifiedStaff ?? []).Union(recipients)];
        cases.Update(@case);
        if (@case.Urgent)
        {
            foreach (var staff in recipients)
            {
                var worker = workers.Get(staff);
                var text = screens.Text(UiKeys.WorkerUrgentCase, worker.Language,
                    ("number", @case.Id),
                    ("language", @case.Language.Code()),
                    ("topics", @case.Topics.Count == 0 ? "—" : string.Join(", ", @case.Topics)),
                    ("risk", RiskText(@case, worker.Language)),
                    ("text", Shorten(firstWords ?? string.Empty, FirstWordsShown)));
                turn.Add(new Outbound
                {
                    ChatId = staff, Text = text, Priority = OutboundPriority.Crisis, Tag = Tag(@case), ReplaceKey = Tag(@case), CaseId = @case.Id,
                    Buttons = [[screens.Button(UiKeys.WorkerTake, worker.Language, CallbackData.Worker(new WorkerCommand.Take(@case.Id)))]],
                });
            }
        }

        board.Refresh(turn);
    }

    /// <summary>
    /// The case left the queue (taken, closed): its alert, where one was shown, says who took it (or that it closed), and
    /// the boards no longer offer it. The worker who took it is included: an alert still waiting in their chat is stale too.
    /// </summary>
    public void Settle(Case @case, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(@case);
        foreach (var staff in @case.NotifiedStaff ?? _hotline.Staff)
        {
            var worker = workers.Get(staff);
            var text = screens.Text(UiKeys.WorkerTakenBy, worker.Language, ("number", @case.Id), ("worker", TakenBy(@case)));
            turn.Add(new Outbound
            {
                ChatId = staff, Kind = OutboundKind.Edit, EditTag = Tag(@case), ReplaceKey = Tag(@case), OnlyIfShown = true, Text = text, Priority = OutboundPriority.Bulk,
            });
        }

        board.Refresh(turn);
    }

    /// <summary>The queue changed without a case arriving or leaving (a risk set by hand): the boards show the new order.</summary>
    public void QueueChanged(Turn turn) => board.Refresh(turn);

    /// <summary>The level and, when the bot raised it, the words that did: a worker knows what to open with.</summary>
    public string RiskText(Case @case, Language language)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var level = @case.Risk.Mark() + " " + screens.Text(RiskKey(@case.Risk), language);
        return @case.RiskReason is { Length: > 0 } reason ? $"{level} · {reason}" : level;
    }

    public static string RiskKey(RiskLevel risk) => risk switch
    {
        RiskLevel.High => UiKeys.RiskHigh,
        RiskLevel.Medium => UiKeys.RiskMedium,
        _ => UiKeys.RiskLow,
    };

    public string TakenBy(Case @case) => @case.Status switch
    {
        CaseStatus.Closed => "—",
        _ => @case.WorkerId is { } id ? _hotline.WorkerName(id) : "—",
    };

    private static string Tag(Case @case) => $"case-{@case.Id}";

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
}
