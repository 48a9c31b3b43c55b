using HotlineBot.Conversations;
using HotlineBot.Dialogs;
using HotlineBot.Settings;
using HotlineBot.Storage;
using Microsoft.Extensions.Options;

namespace HotlineBot.Cases;

/// <summary>
/// The notice every worker gets about a waiting case, with its Take button, and its later edit to say who took it,
/// so nobody wonders whether a case is theirs. Urgent notices go out ahead of everything; the rest are bulk.
/// </summary>
public sealed class WorkerAlerts(IWorkerStore workers, ICaseStore cases, DutyRoster duty, ScreenRenderer screens, IOptions<HotlineOptions> options)
{
    private const int FirstWordsShown = 500;

    private readonly HotlineOptions _hotline = options.Value;

    public void Announce(Case @case, string? firstWords, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var recipients = duty.ToAlert(@case, turn.Now);
        @case.NotifiedStaff = [.. (@case.NotifiedStaff ?? []).Union(recipients)];
        cases.Update(@case);
        foreach (var staff in recipients)
        {
            var worker = workers.Get(staff);
            var key = @case.Urgent ? UiKeys.WorkerUrgentCase : UiKeys.WorkerNewCase;
            var text = screens.Text(key, worker.Language,
                ("number", @case.Id),
                ("language", @case.Language.Code()),
                ("topics", @case.Topics.Count == 0 ? "—" : string.Join(", ", @case.Topics)),
                ("risk", RiskText(@case, worker.Language)),
                ("text", Shorten(firstWords ?? string.Empty, FirstWordsShown)));
            turn.Send(staff, text, [[screens.Button(UiKeys.WorkerTake, worker.Language, CallbackData.Worker(new WorkerCommand.Take(@case.Id)))]],
                @case.Urgent ? OutboundPriority.Crisis : OutboundPriority.Bulk, tag: Tag(@case), caseId: @case.Id);
        }
    }

    /// <summary>Everyone but the worker who has it sees, on the notice itself, who took the case (or that it closed).</summary>
    public void Settle(Case @case, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(@case);
        foreach (var staff in (@case.NotifiedStaff ?? _hotline.Staff).Where(s => s != @case.WorkerId))
        {
            var worker = workers.Get(staff);
            var text = screens.Text(UiKeys.WorkerTakenBy, worker.Language, ("number", @case.Id), ("worker", TakenBy(@case)));
            turn.Add(new Outbound { ChatId = staff, Kind = OutboundKind.Edit, EditTag = Tag(@case), Text = text, Priority = OutboundPriority.Bulk });
        }
    }

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
