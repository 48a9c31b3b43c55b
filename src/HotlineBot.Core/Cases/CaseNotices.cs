using System.Globalization;
using HotlineBot.Conversations;
using HotlineBot.Dialogs;
using HotlineBot.Settings;
using HotlineBot.Storage;
using Microsoft.Extensions.Options;

namespace HotlineBot.Cases;

/// <summary>
/// Says what a case's moves raised (<see cref="CaseNotice"/>): to the person in the case's language, with a specialist
/// only ever the configured display name; to a worker in their language, or in the staff group's for its room, with
/// colleagues named as the configuration names them. The anonymity rules of a move's messages live here.
/// </summary>
public sealed class CaseNotices(ICaseStore cases, IWorkerStore workers, CaseTopics topics, ScreenRenderer screens, IOptions<HotlineOptions> options)
{
    private readonly HotlineOptions _hotline = options.Value;

    /// <summary>Everything the case's moves raised since it was last told, in the order they raised it.</summary>
    public void Tell(Case @case, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(turn);
        foreach (var notice in @case.TakeRaisedNotices())
        {
            if (notice.To == CaseAudience.Person)
            {
                ToPerson(@case, notice, turn);
            }
            else
            {
                ToWorker(@case, notice, workers.Get(notice.WorkerId!.Value), turn);
            }
        }
    }

    /// <summary>The buttons under what a worker reads of their case: its log, hand it on, close it, and the quick replies.</summary>
    public IReadOnlyList<IReadOnlyList<OutButton>> WorkerButtons(Case @case, Language language) =>
    [
        [screens.Button(UiKeys.WorkerButtonHistory, language, CallbackData.Worker(new WorkerCommand.History(@case.Id))), screens.Button(UiKeys.WorkerButtonTransfer, language, CallbackData.Worker(new WorkerCommand.Transfer(@case.Id, null)))],
        [screens.Button(UiKeys.WorkerButtonClose, language, CallbackData.Worker(new WorkerCommand.Close(@case.Id)))],
        .. screens.Dialogs.QuickReplies.Select(q => (IReadOnlyList<OutButton>)[new OutButton("💬 " + q.Label.For(language), CallbackData.Worker(new WorkerCommand.QuickReply(@case.Id, q.Id)))]),
    ];

    private void ToPerson(Case @case, CaseNotice notice, Turn turn)
    {
        var language = @case.Language;
        var text = screens.Text(notice.Key, language, [("number", @case.Id), ("worker", _hotline.WorkerDisplayName.For(language))]);
        switch (notice.Form)
        {
            case NoticeForm.Joined:
                turn.Send(@case.PersonChatId, text, screens.CaseRows(language), @case.Urgent ? OutboundPriority.Crisis : OutboundPriority.Reply, caseId: @case.Id);
                break;
            case NoticeForm.AskRating:
                turn.Send(@case.PersonChatId, text, RatingButtons(language), caseId: @case.Id);
                break;
            default:
                turn.Send(@case.PersonChatId, text, caseId: @case.Id);
                break;
        }
    }

    private void ToWorker(Case @case, CaseNotice notice, WorkerState worker, Turn turn)
    {
        switch (notice.Form)
        {
            case NoticeForm.Greeting:
                Greet(@case, worker, Text(@case, notice, worker.Language), turn);
                break;
            case NoticeForm.Personal:
                turn.Send(worker.Id, Text(@case, notice, worker.Language));
                break;
            default:
                // The case's room: the worker's chat (its topic, when the bot has topics) or the case's staff group topic.
                turn.SendInCaseThread(topics.RoomOf(@case, worker.Id), @case.Id, Text(@case, notice, topics.LanguageIn(@case, worker.Id)));
                break;
        }
    }

    private string Text(Case @case, CaseNotice notice, Language language) =>
        screens.Text(notice.Key, language,
            [("number", @case.Id), .. notice.Staff.Select(s => (s.Placeholder, (object?)_hotline.WorkerName(s.StaffId))), .. notice.Values.Select(v => (v.Placeholder, (object?)v.Value))]);

    /// <summary>
    /// What the worker who now has the case reads first, in the case's thread: in their own chat the handover note,
    /// the case's history and its media (the topic opens with the whole story); in a staff group, where the story is
    /// already in the topic, only a handover note if there is one.
    /// </summary>
    private void Greet(Case @case, WorkerState worker, string intro, Turn turn)
    {
        if (topics.GroupOf(@case) is { } group)
        {
            if (@case.HandoverNote is not null)
            {
                turn.SendInCaseThread(group, @case.Id, HandoverFirst(@case, worker).TrimEnd(), WorkerButtons(@case, topics.LanguageIn(@case, worker.Id)));
            }

            return;
        }

        var history = CaseTranscript.Format(@case, cases.Log(@case.Id), _hotline.WorkerName, _hotline.WorkingHours.UtcOffsetHours, screens.Dialogs.Ui, worker.Language);
        turn.SendInCaseThread(worker.Id, @case.Id, HandoverFirst(@case, worker) + intro + "\n\n" + history, WorkerButtons(@case, worker.Language));
        ReplayMedia(@case, worker.Id, turn);
    }

    /// <summary>The handover note, once, at the top of what the next worker reads; then it lives on in the log only.</summary>
    private string HandoverFirst(Case @case, WorkerState next)
    {
        if (@case.HandoverNote is not { } note)
        {
            return string.Empty;
        }

        var who = @case.HandoverFrom is { } from ? _hotline.WorkerName(from) : "—";
        @case.HandoverNote = null;
        @case.HandoverFrom = null;
        cases.Update(@case);
        return screens.Text(UiKeys.HandoverNote, next.Language, ("worker", who), ("number", @case.Id), ("note", note)) + "\n\n";
    }

    /// <summary>Media the person sent before a worker joined is copied to the worker who takes the case.</summary>
    private void ReplayMedia(Case @case, long workerId, Turn turn)
    {
        foreach (var media in cases.Log(@case.Id).Where(e => e.Kind == CaseEventKind.PersonMessage && e.MediaMessageId is not null))
        {
            turn.Add(new Outbound { ChatId = workerId, Kind = OutboundKind.Copy, CopyFromChatId = media.MediaChatId, CopyMessageId = media.MediaMessageId, CaseId = @case.Id, InCaseThread = true });
        }
    }

    private IReadOnlyList<IReadOnlyList<OutButton>> RatingButtons(Language language) =>
    [
        [.. Enumerable.Range(1, 5).Select(n => new OutButton(new string('⭐', 1) + n.ToString(CultureInfo.InvariantCulture), CallbackData.Rate(n)))],
        [screens.Button(UiKeys.ButtonSkip, language, CallbackData.Action(DialogAction.Menu))],
    ];
}
