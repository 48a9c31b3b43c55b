using System.Globalization;
using HotlineBot.Cases;
using HotlineBot.Crisis;
using HotlineBot.Dialogs;
using HotlineBot.Storage;

namespace HotlineBot.Conversations;

/// <summary>
/// A person's side of the hotline: commands, menus, asking for a specialist, rating; the questionnaire and the
/// privacy requests (safe exit, phone with consent) have their own classes.
/// Global interrupts (/start, /menu, /language, /help, /cancel, crisis words) are handled before any step.
/// </summary>
public sealed class PersonConversation(
    IPersonStore people,
    CaseDesk desk,
    ScreenRenderer screens,
    IChatMessageLog chatLog,
    EligibilityQuestions questions,
    PersonPrivacy privacy,
    CrisisResponse crisisResponse,
    HeldMessages held,
    CaseCancellation cancellation)
{
    private DialogSet Dialogs => screens.Dialogs;

    public void Handle(Inbound inbound, Turn turn)
    {
        var person = people.Find(inbound.ChatId) ?? new Person { Id = inbound.ChatId, CreatedAt = turn.Now };
        person.UpdatedAt = turn.Now;
        if (person.Unreachable)
        {
            // They wrote, so the chat works again (unblocked, or a new chat after a deleted one).
            person.Unreachable = false;
            person.UnreachableReason = null;
        }
        if (person.Hidden && !AsksToHide(inbound))
        {
            held.Release(person, LanguageOf(person, inbound), turn);
        }
        if (inbound.Kind != InboundKind.Button && inbound.MessageId is { } own)
        {
            // Their own message sits in the chat too: safe exit must be able to remove it.
            chatLog.Remember(person.Id, [own], turn.Now);
        }

        var crisis = inbound.Kind is InboundKind.Text or InboundKind.Media or InboundKind.Edited
            ? Dialogs.Crisis.Assess(inbound.Text ?? inbound.Media?.Caption)
            : CrisisAssessment.None;
        if (crisis.PatternId == CrisisLexicon.LearnedId && person.ActiveCaseId is not null)
        {
            // In an open case a specialist reads every word; the learned model's guess would only interrupt with a question
            // (it asks, it never alarms). It speaks where the bot alone answers; the patterns still judge every message here.
            crisis = CrisisAssessment.None;
        }

        var pendingBefore = person.PendingWords;
        if (crisis.Level == CrisisLevel.Clear)
        {
            crisisResponse.OnClear(person, inbound, crisis, turn);
        }
        else if (crisis.Level == CrisisLevel.Unclear)
        {
            crisisResponse.OnUnclear(person, inbound, crisis, turn);
        }
        else
        {
            switch (inbound.Kind)
            {
                case InboundKind.Button: OnButton(person, inbound, turn); break;
                case InboundKind.Text when inbound.Text?.StartsWith('/') == true: OnCommand(person, inbound, turn); break;
                case InboundKind.Text when TypedConcernAnswer(person, inbound) is { } typed: crisisResponse.OnAnswer(person, typed, inbound, turn); break;
                case InboundKind.Text: OnText(person, inbound, turn); break;
                case InboundKind.Media: OnMedia(person, inbound, turn); break;
                case InboundKind.Edited: OnEdited(person, inbound, turn); break;
                case InboundKind.Contact: privacy.OnContact(person, inbound, turn); break;
                default: Reply(person, inbound, UiKeys.MediaInMenu, turn); break;
            }
        }

        ForgetUnlessJustOffered(person, pendingBefore);
        EligibilityQuestions.ForgetOutsideQuestionnaire(person);
        people.Save(person);
    }

    /// <summary>Words offered to a specialist are kept for one answer only: whatever the person does next, they are forgotten unless new words were just offered.</summary>
    private static void ForgetUnlessJustOffered(Person person, string? pendingBefore)
    {
        if (ReferenceEquals(person.PendingWords, pendingBefore))
        {
            person.TakeWords();
        }
    }

    private static bool AsksToHide(Inbound inbound) => inbound.Kind == InboundKind.Button
        ? ButtonIntent.Parse(inbound.ButtonData) is ActionButton { Action: DialogAction.Hide, CaseId: null }
        : inbound.Text is { } text && PersonCommand.Parse(text) is PersonCommand.Hide;

    private static Language LanguageOf(Person person, Inbound inbound) => person.Language ?? LanguageCodes.Suggest(inbound.LanguageHint);

    /// <summary>
    /// "да" / "иә" / "нет" typed instead of pressing a button, while the bot waits for the answer to its direct question.
    /// The words that count are content (crisis.answer.words.*), so an editor can add the ones people use.
    /// </summary>
    private ConcernAnswer? TypedConcernAnswer(Person person, Inbound inbound)
    {
        if (person.Concern is null || string.IsNullOrWhiteSpace(inbound.Text))
        {
            return null;
        }

        return SaidWords.IsOneOf(Dialogs.Ui, UiKeys.CrisisAnswerWordsYes, inbound.Text) ? ConcernAnswer.Yes
            : SaidWords.IsOneOf(Dialogs.Ui, UiKeys.CrisisAnswerWordsNo, inbound.Text) ? ConcernAnswer.No
            : null;
    }

    private void OnCommand(Person person, Inbound inbound, Turn turn)
    {
        switch (PersonCommand.Parse(inbound.Text!))
        {
            case PersonCommand.Start start: Start(person, inbound, start, turn); break;
            case PersonCommand.Menu: ShowNode(person, Dialogs.Root, null, turn, resetTrail: true); break;
            case PersonCommand.ChooseLanguage: AskLanguage(person, inbound, null, turn); break;
            case PersonCommand.Help: ShowHelp(person, inbound, turn); break;
            case PersonCommand.Cancel: Cancel(person, inbound, turn); break;
            case PersonCommand.Hide: privacy.Hide(person, LanguageOf(person, inbound), turn); break;
            default:
                if (person.State is ConversationState.DescribingProblem or ConversationState.WaitingForWorker or ConversationState.TalkingWithWorker)
                {
                    // Inside a case a slash is just a character: nothing a person writes to a worker is lost.
                    OnText(person, inbound, turn);
                }
                else
                {
                    Reply(person, inbound, UiKeys.UnknownCommand, turn);
                }

                break;
        }
    }

    private void Start(Person person, Inbound inbound, PersonCommand.Start start, Turn turn)
    {
        var target = start.Payload is { } payload ? Dialogs.FindDeepLink(payload) : null;
        if (person.Language is null)
        {
            // The screen (or the specialist) the link leads to comes right after the language is chosen.
            person.NodeId = target?.Id;
            person.SpecialistFirst = start.AsksForSpecialist;
            AskLanguage(person, inbound, null, turn);
            return;
        }

        if (start.AsksForSpecialist)
        {
            Escalate(person, null, turn);
            return;
        }

        ShowNode(person, target ?? Dialogs.Root, null, turn, resetTrail: true);
    }

    private void AskLanguage(Person person, Inbound inbound, int? editMessageId, Turn turn)
    {
        var suggested = LanguageOf(person, inbound);
        var buttons = ScreenRenderer.LanguageButtons();
        if (suggested == Language.Ru)
        {
            buttons = [[buttons[0][1], buttons[0][0]]];
        }

        turn.Show(person.Id, editMessageId, screens.Text(UiKeys.LanguagePrompt, suggested), [.. buttons, screens.HideRow(suggested)]);
    }

    private void ShowHelp(Person person, Inbound inbound, Turn turn)
    {
        var language = LanguageOf(person, inbound);
        turn.Send(person.Id, screens.Text(UiKeys.Help, language), [screens.Navigation(language).Skip(1).ToList(),
            [screens.Button(UiKeys.ButtonSpecialist, language, CallbackData.Action(DialogAction.Escalate))], screens.HideRow(language)]);
    }

    private void Cancel(Person person, Inbound inbound, Turn turn)
    {
        var language = LanguageOf(person, inbound);
        switch (person.State)
        {
            case ConversationState.WaitingForWorker or ConversationState.TalkingWithWorker when desk.OpenCaseOf(person) is { } open:
                // A case, urgent or not, is never closed on one word: the person confirms first.
                cancellation.Ask(person, open, turn);
                break;
            case ConversationState.ChoosingLanguage:
                AskLanguage(person, inbound, null, turn);
                break;
            default:
                person.Cancel();
                person.QuestionId = null;
                turn.Send(person.Id, screens.Text(UiKeys.Cancelled, language));
                ShowNode(person, Dialogs.Root, null, turn, resetTrail: true);
                break;
        }
    }

    private void OnButton(Person person, Inbound inbound, Turn turn)
    {
        turn.AnswerButton(person.Id, inbound.CallbackId);
        var intent = ButtonIntent.Parse(inbound.ButtonData);
        if (person.Language is null && intent is not LanguageButton)
        {
            AskLanguage(person, inbound, null, turn);
            return;
        }

        var edit = inbound.MessageId;
        switch (intent)
        {
            case LanguageButton { Language: var chosen }:
                ChooseLanguage(person, chosen, edit, turn);
                break;
            case NodeButton { NodeId: var id } when Dialogs.Find(id) is { } node:
                ShowNode(person, node, edit, turn);
                break;
            case ActionButton action:
                OnAction(person, inbound, action, edit, turn);
                break;
            case AnswerButton answer when person.QuestionId == answer.QuestionId && person.AnswersQuestions():
                questions.Answer(person, answer.QuestionId, answer.Value, edit, turn);
                break;
            case ConcernButton { Answer: var answer }:
                if (!crisisResponse.OnAnswer(person, answer, inbound, turn))
                {
                    Reply(person, inbound, UiKeys.StaleButton, turn);
                }

                break;
            case RateButton { Stars: var stars } when person.CanRate():
                Rate(person, stars, turn);
                break;
            default:
                // A button from an old menu, or data that is not ours (including forged worker buttons): same kind answer.
                Reply(person, inbound, UiKeys.StaleButton, turn);
                break;
        }
    }

    private void OnAction(Person person, Inbound inbound, ActionButton button, int? edit, Turn turn)
    {
        var caseId = button.CaseId;
        switch (button.Action)
        {
            case DialogAction.Menu:
                ShowNode(person, Dialogs.Root, edit, turn, resetTrail: true);
                break;
            case DialogAction.Back:
                var previous = person.Trail.Count > 0 ? person.Trail[^1] : null;
                if (previous is not null)
                {
                    person.Trail.RemoveAt(person.Trail.Count - 1);
                }

                ShowNode(person, Dialogs.Find(previous) ?? Dialogs.Root, edit, turn, remember: false);
                break;
            case DialogAction.Language:
                AskLanguage(person, inbound, edit, turn);
                break;
            case DialogAction.Numbers when Dialogs.Find(DialogSet.NumbersId) is { } numbers:
                ShowNode(person, numbers, edit, turn);
                break;
            case DialogAction.Escalate:
                Escalate(person, edit, turn);
                break;
            case DialogAction.Questionnaire:
                if (!questions.Start(person, edit, turn))
                {
                    ShowNode(person, Dialogs.Root, edit, turn);
                }

                break;
            case DialogAction.CancelCase:
                cancellation.FromQueueMessage(person, caseId, turn);
                break;
            case DialogAction.CancelCaseConfirm:
                if (cancellation.Confirm(person, caseId, turn))
                {
                    ShowNode(person, Dialogs.Root, null, turn, resetTrail: true);
                }

                break;
            case DialogAction.CancelCaseKeep:
                cancellation.Keep(person, caseId, turn);
                break;
            case DialogAction.Hide:
                privacy.Hide(person, LanguageOf(person, inbound), turn);
                break;
            case DialogAction.PassWords:
                PassWords(person, inbound, edit, turn);
                break;
            case DialogAction.CallBack:
                if (!privacy.AskForPhone(person, LanguageOf(person, inbound), turn))
                {
                    Reply(person, inbound, UiKeys.CallBackNoCase, turn);
                }

                break;
            default:
                Reply(person, inbound, UiKeys.StaleButton, turn);
                break;
        }
    }

    private void ChooseLanguage(Person person, Language chosen, int? edit, Turn turn)
    {
        var pending = person.NodeId;
        var specialistFirst = person.SpecialistFirst;
        person.SpecialistFirst = false;
        person.ChooseLanguage(chosen);
        if (desk.OpenCaseOf(person) is { } open && open.Language != chosen)
        {
            desk.PersonSpeaks(open, chosen);
        }

        // Browsing now: they had not chosen before (or were on a menu), so the screen starts afresh in the new language.
        var wasNew = person.State == ConversationState.Browsing;
        var saved = screens.Text(UiKeys.LanguageSaved, chosen);
        if (wasNew && specialistFirst)
        {
            turn.Show(person.Id, edit, saved, null);
            Escalate(person, null, turn);
            return;
        }

        // One message, edited in place: the confirmation on top of the screen the person goes on to.
        var target = (wasNew ? Dialogs.Find(pending) : null) ?? Dialogs.Find(person.NodeId) ?? Dialogs.Root;
        ShowNode(person, target, edit, turn, resetTrail: wasNew, lead: saved);
    }

    private void ShowNode(Person person, DialogNode node, int? edit, Turn turn, bool resetTrail = false, bool remember = true, string? lead = null)
    {
        if (person.Language is not { } language)
        {
            return;
        }

        person.Browse();
        if (resetTrail)
        {
            person.Trail.Clear();
        }
        else if (remember && person.NodeId is { } current && current != node.Id)
        {
            person.Trail.Add(current);
            if (person.Trail.Count > Person.MaxTrail)
            {
                person.Trail.RemoveAt(0);
            }
        }

        person.NodeId = node.Id;
        person.RememberTopic(node.Topic);
        var screen = screens.Node(node, language);
        turn.Show(person.Id, edit, lead is null ? screen.Text : lead + "\n\n" + screen.Text, screen.Buttons);
    }

    private void Escalate(Person person, int? edit, Turn turn)
    {
        var language = person.Language!.Value;
        if (desk.OpenCaseOf(person) is { } open)
        {
            PointToOpenCase(person, open, language, turn);
            return;
        }

        person.AskForSpecialist();
        person.RememberTopic(Person.SpecialistTopic);
        turn.Show(person.Id, edit, screens.Text(UiKeys.EscalatePrompt, language),
            [[screens.Button(UiKeys.ButtonCancel, language, CallbackData.Action(DialogAction.Menu))], screens.HideRow(language)]);
    }

    /// <summary>A case is open already: a place in the queue while it waits, and "a specialist is with you" once one is.</summary>
    private void PointToOpenCase(Person person, Case open, Language language, Turn turn)
    {
        if (open.Status == CaseStatus.Assigned)
        {
            turn.Send(person.Id, screens.Text(UiKeys.CaseWithSpecialist, language, ("number", open.Id)), screens.CaseRows(language));
            return;
        }

        turn.Send(person.Id, screens.Text(UiKeys.CaseStillOpen, language, ("number", open.Id), ("position", desk.PositionOf(open))),
            [[screens.Button(UiKeys.ButtonCancel, language, CallbackData.Action(DialogAction.CancelCase, open.Id))], .. screens.CaseRows(language)]);
    }

    private void Rate(Person person, int stars, Turn turn)
    {
        if (person.LastCaseId is { } id && desk.Find(id) is { } closed)
        {
            desk.Rate(closed, stars, turn);
        }

        person.Rate();
        var language = person.Language!.Value;
        turn.Send(person.Id, screens.Text(UiKeys.RateCommentPrompt, language),
            [[screens.Button(UiKeys.ButtonSkip, language, CallbackData.Action(DialogAction.Menu))]]);
    }

    private void OnText(Person person, Inbound inbound, Turn turn)
    {
        if (string.IsNullOrWhiteSpace(inbound.Text))
        {
            Reply(person, inbound, UiKeys.EmptyMessage, turn);
            return;
        }

        if (IntoCase(person, inbound, turn))
        {
            return;
        }

        var language = LanguageOf(person, inbound);
        switch (person.State)
        {
            case ConversationState.ChoosingLanguage:
                AskLanguage(person, inbound, null, turn);
                break;
            case ConversationState.Answering when questions.Current(person) is { } question:
                questions.Ask(person, question, null, turn);
                break;
            case ConversationState.Rating when int.TryParse(inbound.Text.Trim(), CultureInfo.InvariantCulture, out var stars) && stars is >= 1 and <= 5:
                Rate(person, stars, turn);
                break;
            case ConversationState.RatingComment when person.LastCaseId is { } id && desk.Find(id) is { } rated:
                desk.Comment(rated, inbound.Text, turn);
                person.Comment();
                turn.Send(person.Id, screens.Text(UiKeys.RateThanks, language));
                ShowNode(person, Dialogs.Root, null, turn, resetTrail: true);
                break;
            case ConversationState.Rating:
                // Writing again after a case closed: a new case, linked to the old one.
                person.AskForSpecialist();
                OpenCase(person, inbound, turn);
                break;
            default:
                OfferToPass(person, inbound, turn);
                break;
        }
    }

    /// <summary>
    /// Free text outside a case: a greeting gets a hello and the menu; anything else is offered to a specialist,
    /// words kept, so the person never has to type them again. (Crisis words never get here: they were matched first.)
    /// </summary>
    private void OfferToPass(Person person, Inbound inbound, Turn turn)
    {
        var language = LanguageOf(person, inbound);
        if (person.Language is not null && IsGreeting(inbound.Text))
        {
            ShowNode(person, Dialogs.Root, null, turn, resetTrail: true, lead: screens.Text(UiKeys.GreetingReply, language));
            return;
        }

        person.KeepWords(inbound.Text, turn.Now);
        turn.Send(person.Id, screens.Text(UiKeys.FreeTextInMenu, language),
        [
            [screens.Button(UiKeys.ButtonPassWords, language, CallbackData.Action(DialogAction.PassWords))],
            [screens.Button(UiKeys.ButtonMenu, language, CallbackData.Action(DialogAction.Menu))],
            screens.HideRow(language),
        ]);
    }

    /// <summary>A message that is only a greeting, in either language (greeting.words in ui.yaml), folded like crisis words.</summary>
    private bool IsGreeting(string? text) => SaidWords.IsOneOf(Dialogs.Ui, UiKeys.GreetingWords, text);

    /// <summary>Yes to "pass my words on": a case opens with the words the person already wrote as its first message.</summary>
    private void PassWords(Person person, Inbound inbound, int? edit, Turn turn)
    {
        if (person.TakeWords() is not { } words)
        {
            // The offer is old (the words were forgotten): ask for them the usual way.
            Escalate(person, edit, turn);
            return;
        }

        var written = inbound with { Kind = InboundKind.Text, Text = words, ButtonData = null, CallbackId = null };
        if (desk.OpenCaseOf(person) is not null)
        {
            AddToCase(person, written, turn);
            return;
        }

        person.AskForSpecialist();
        person.RememberTopic(Person.SpecialistTopic);
        OpenCase(person, written, turn);
    }

    private void OnMedia(Person person, Inbound inbound, Turn turn)
    {
        if (!IntoCase(person, inbound, turn))
        {
            Reply(person, inbound, UiKeys.MediaInMenu, turn);
        }
    }

    /// <summary>Words or media for a specialist open a case or go into the open one; false when the person is elsewhere.</summary>
    private bool IntoCase(Person person, Inbound inbound, Turn turn)
    {
        switch (person.State)
        {
            case ConversationState.DescribingProblem:
                OpenCase(person, inbound, turn);
                return true;
            case ConversationState.WaitingForWorker or ConversationState.TalkingWithWorker:
                AddToCase(person, inbound, turn);
                return true;
            default:
                return false;
        }
    }

    private void OnEdited(Person person, Inbound inbound, Turn turn)
    {
        if (person.State is ConversationState.WaitingForWorker or ConversationState.TalkingWithWorker && !string.IsNullOrWhiteSpace(inbound.Text))
        {
            AddToCase(person, inbound, turn);
        }
        else
        {
            Reply(person, inbound, UiKeys.EditedIgnored, turn);
        }
    }

    /// <summary>The case opens with these words; CaseDesk.Open moves the person into it.</summary>
    private void OpenCase(Person person, Inbound inbound, Turn turn) => desk.Open(person, inbound, CrisisAssessment.None, turn);

    private void AddToCase(Person person, Inbound inbound, Turn turn)
    {
        if (desk.OpenCaseOf(person) is { } open)
        {
            desk.AddPersonMessage(open, inbound, turn);
            return;
        }

        // The case closed under them (e.g. a worker closed it a moment ago): never drop the words, open a new one.
        OpenCase(person, inbound, turn);
    }

    private void Reply(Person person, Inbound inbound, string key, Turn turn)
    {
        var language = LanguageOf(person, inbound);
        turn.Send(person.Id, screens.Text(key, language), screens.WayOut(language));
    }
}
