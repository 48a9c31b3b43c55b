using HotlineBot.Cases;
using HotlineBot.Crisis;
using HotlineBot.Dialogs;
using HotlineBot.Settings;
using Microsoft.Extensions.Options;

namespace HotlineBot.Conversations;

/// <summary>
/// What the bot does when a person's words speak of danger, whatever screen they were on.
/// Clear danger: the numbers at once and an urgent case at the top of the queue. A worrying but unclear message: one
/// gentle, direct question, and "yes" leads to the first path. Every reply is true in its situation: a specialist is
/// said to have the message only when one on duty was alerted; in a live chat the person hears one short line (their
/// specialist sees it), not the whole block again; a second matching message within minutes gets a short line.
/// </summary>
public sealed class CrisisResponse(CaseDesk desk, ScreenRenderer screens, DutyRoster duty, IOptions<HotlineOptions> options)
{
    private readonly HotlineOptions _hotline = options.Value;

    public void OnClear(Person person, Inbound inbound, CrisisAssessment crisis, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(crisis);
        var language = ReplyLanguage(person, inbound);
        var repeat = person.LastCrisisReplyAt is { } last && turn.Now - last < TimeSpan.FromMinutes(_hotline.CrisisRepeatMinutes);
        person.Concern = null;
        if (desk.OpenCaseOf(person) is { } open)
        {
            desk.Escalate(open, crisis, inbound, turn);
            Reply(person, open, language, open.Status == CaseStatus.Assigned
                ? (repeat ? UiKeys.CrisisRepeatLive : UiKeys.CrisisReplyLive)
                : (repeat ? UiKeys.CrisisRepeat : QueuedReply(turn)), turn);
        }
        else
        {
            person.EnterCrisis();
            var opened = desk.Open(person, inbound, crisis, turn);
            Reply(person, opened, language, QueuedReply(turn), turn);
        }

        person.LastCrisisReplyAt = turn.Now;
    }

    /// <summary>
    /// Worrying but unclear. In a live chat the specialist sees the message, marked, and asks themself; otherwise the bot
    /// asks its one direct question and keeps the words until the answer.
    /// </summary>
    public void OnUnclear(Person person, Inbound inbound, CrisisAssessment concern, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(concern);
        var open = desk.OpenCaseOf(person);
        if (open is { Status: CaseStatus.Assigned })
        {
            desk.Concern(open, concern, inbound, turn, asked: false);
            return;
        }

        var language = ReplyLanguage(person, inbound);
        if (open is null && person.State == ConversationState.DescribingProblem)
        {
            // They asked for a specialist and wrote this: the case opens with their words (medium risk), and the
            // question is asked while they wait, so a "yes" raises the case they already have.
            desk.Open(person, inbound, concern, turn);
            person.Concern = Pending(inbound, concern, turn);
            Ask(person, concern, language, desk.OpenCaseOf(person), turn);
            return;
        }

        person.Concern = Pending(inbound, concern, turn);
        if (open is not null)
        {
            // Waiting in the queue: the words are in the case already, and the case rises in the queue while we ask.
            desk.Concern(open, concern, inbound, turn, asked: true);
        }

        Ask(person, concern, language, open, turn);
    }

    private static PendingConcern Pending(Inbound inbound, CrisisAssessment concern, Turn turn) => new()
    {
        Text = inbound.Text ?? inbound.Media?.Caption ?? string.Empty,
        Kind = concern.Kind,
        PatternId = concern.PatternId,
        Matched = concern.Matched,
        MessageId = inbound.MessageId,
        At = turn.Now,
    };

    private void Ask(Person person, CrisisAssessment concern, Language? language, Case? open, Turn turn)
    {
        var key = concern.Kind is CrisisKind.Suicide or CrisisKind.SelfHarm ? UiKeys.CrisisQuestionSuicide : UiKeys.CrisisQuestionSafety;
        var buttonsLanguage = language ?? person.Language ?? Language.Ru;
        turn.Send(person.Id, screens.Text(key, language), QuestionButtons(buttonsLanguage), OutboundPriority.Crisis, caseId: open?.Id);
    }

    /// <summary>The person answered the direct question; false when there was no question to answer.</summary>
    public bool OnAnswer(Person person, ConcernAnswer answer, Inbound inbound, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(inbound);
        if (person.Concern is not { } pending)
        {
            return false;
        }

        var words = inbound with
        {
            Kind = InboundKind.Text,
            Text = pending.Text,
            MessageId = pending.MessageId,
            ButtonData = null,
            CallbackId = null,
        };
        var language = person.Language ?? LanguageCodes.Suggest(inbound.LanguageHint);
        switch (answer)
        {
            case ConcernAnswer.Yes:
                var clear = new CrisisAssessment(CrisisLevel.Clear, pending.Kind == CrisisKind.None ? CrisisKind.Suicide : pending.Kind,
                    pending.PatternId, pending.Matched, "answered yes to the direct question");
                if (desk.OpenCaseOf(person) is { } open)
                {
                    desk.AnsweredConcern(open, answer, turn);
                    person.Concern = null;
                    desk.MarkUrgent(open, clear, turn);
                    Reply(person, open, language, open.Status == CaseStatus.Assigned ? UiKeys.CrisisReplyLive : QueuedReply(turn), turn);
                    person.LastCrisisReplyAt = turn.Now;
                }
                else
                {
                    OnClear(person, words, clear, turn);
                    if (desk.OpenCaseOf(person) is { } opened)
                    {
                        desk.AnsweredConcern(opened, answer, turn);
                    }
                }

                break;
            case ConcernAnswer.Talk:
                person.Concern = null;
                if (desk.OpenCaseOf(person) is { } waiting)
                {
                    desk.AnsweredConcern(waiting, answer, turn);
                    turn.Send(person.Id, screens.Text(UiKeys.CaseAddedToQueue, waiting.Language, ("number", waiting.Id)), screens.CaseRows(waiting.Language), caseId: waiting.Id);
                }
                else
                {
                    person.EnterCrisis();
                    var concern = new CrisisAssessment(CrisisLevel.Unclear, pending.Kind, pending.PatternId, pending.Matched, "asked to talk to a specialist");
                    var opened = desk.Open(person, words, concern, turn);
                    desk.AnsweredConcern(opened, answer, turn);
                }

                break;
            default:
                if (desk.OpenCaseOf(person) is { } stays)
                {
                    desk.AnsweredConcern(stays, answer, turn);
                }

                // The words stay with the person until they act again, so "talk to a specialist" below still carries them.
                turn.Send(person.Id, screens.Text(UiKeys.CrisisAnswerNo, language),
                    [[screens.Button(UiKeys.CrisisButtonTalk, language, CallbackData.Concern(ConcernAnswer.Talk))],
                     [screens.Button(UiKeys.ButtonMenu, language, CallbackData.Action(DialogAction.Menu))],
                     screens.HideRow(language)]);
                break;
        }

        return true;
    }

    /// <summary>With someone on duty the urgent case's alert went to them; otherwise the person is told so, with the 24-hour lines.</summary>
    private string QueuedReply(Turn turn) => duty.AnyoneOnDuty(turn.Now) ? UiKeys.CrisisReply : UiKeys.CrisisReplyOffHours;

    private void Reply(Person person, Case @case, Language? language, string key, Turn turn)
    {
        var buttonsLanguage = language ?? @case.Language;
        turn.Send(person.Id, screens.Text(key, language, ("number", @case.Id), ("hours", screens.HoursText(buttonsLanguage))),
            screens.CaseRows(buttonsLanguage), OutboundPriority.Crisis, caseId: @case.Id);
    }

    private IReadOnlyList<IReadOnlyList<OutButton>> QuestionButtons(Language language) =>
    [
        [screens.Button(UiKeys.CrisisButtonYes, language, CallbackData.Concern(ConcernAnswer.Yes)),
         screens.Button(UiKeys.CrisisButtonNo, language, CallbackData.Concern(ConcernAnswer.No))],
        [screens.Button(UiKeys.CrisisButtonTalk, language, CallbackData.Concern(ConcernAnswer.Talk))],
        screens.HideRow(language),
    ];

    /// <summary>
    /// A person who chose a language hears it; before that, the language their words are written in, or both when
    /// that is unclear. The case is opened in the guessed language, else the one their phone suggests.
    /// </summary>
    private static Language? ReplyLanguage(Person person, Inbound inbound)
    {
        if (person.Language is { } chosen)
        {
            return chosen;
        }

        var guessed = TextLanguage.Guess(inbound.Text ?? inbound.Media?.Caption);
        person.Language = guessed ?? LanguageCodes.Suggest(inbound.LanguageHint);
        return guessed;
    }

}
