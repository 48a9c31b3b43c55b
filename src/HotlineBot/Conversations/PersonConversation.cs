using System.Globalization;
using HotlineBot.Cases;
using HotlineBot.Crisis;
using HotlineBot.Dialogs;
using HotlineBot.Storage;

namespace HotlineBot.Conversations;

/// <summary>
/// A person's side of the hotline: commands, menus, the questionnaire, asking for a specialist, rating.
/// Global interrupts (/start, /menu, /language, /help, /cancel, crisis words) are handled before any step.
/// </summary>
public sealed class PersonConversation(IPersonStore people, CaseDesk desk, ScreenRenderer screens, IChatMessageLog chatLog)
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
        if (inbound.Kind != InboundKind.Button && inbound.MessageId is { } own)
        {
            // Their own message sits in the chat too: safe exit must be able to remove it.
            chatLog.Remember(person.Id, [own], turn.Now);
        }

        var crisis = inbound.Kind is InboundKind.Text or InboundKind.Media or InboundKind.Edited
            ? Dialogs.Crisis.Detect(inbound.Text ?? inbound.Media?.Caption)
            : CrisisKind.None;

        if (crisis != CrisisKind.None)
        {
            OnCrisis(person, inbound, crisis, turn);
        }
        else
        {
            switch (inbound.Kind)
            {
                case InboundKind.Button: OnButton(person, inbound, turn); break;
                case InboundKind.Text when inbound.Text?.StartsWith('/') == true: OnCommand(person, inbound, turn); break;
                case InboundKind.Text: OnText(person, inbound, turn); break;
                case InboundKind.Media: OnMedia(person, inbound, turn); break;
                case InboundKind.Edited: OnEdited(person, inbound, turn); break;
                case InboundKind.Contact: OnContact(person, inbound, turn); break;
                default: Reply(person, inbound, UiKeys.MediaInMenu, turn); break;
            }
        }

        people.Save(person);
    }

    private static Language LanguageOf(Person person, Inbound inbound) => person.Language ?? LanguageCodes.Suggest(inbound.LanguageHint);

    /// <summary>Whatever screen the person was on: numbers first, then an urgent case every worker hears about.</summary>
    private void OnCrisis(Person person, Inbound inbound, CrisisKind crisis, Turn turn)
    {
        person.Language ??= LanguageCodes.Suggest(inbound.LanguageHint);
        turn.Send(person.Id, screens.Text(UiKeys.CrisisReply, person.Language.Value), priority: OutboundPriority.Crisis);
        if (person.ActiveCaseId is { } id && desk.Find(id) is { IsOpen: true } open)
        {
            desk.Escalate(open, crisis, inbound, turn);
            return;
        }

        new ConversationMachine(person).TryFire(ConversationTrigger.Crisis);
        desk.Open(person, inbound, crisis, turn);
    }

    private void OnCommand(Person person, Inbound inbound, Turn turn)
    {
        var parts = inbound.Text!.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var command = parts[0].Split('@')[0].ToLowerInvariant();
        var argument = parts.Length > 1 ? parts[1] : null;
        switch (command)
        {
            case "/start": Start(person, inbound, argument, turn); break;
            case "/menu": ShowNode(person, Dialogs.Root, null, turn, resetTrail: true); break;
            case "/language": AskLanguage(person, inbound, null, turn); break;
            case "/help": ShowHelp(person, inbound, turn); break;
            case "/cancel": Cancel(person, inbound, turn); break;
            case "/hide": Hide(person, inbound, turn); break;
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

    private void Start(Person person, Inbound inbound, string? payload, Turn turn)
    {
        var target = payload is null ? null : Dialogs.FindDeepLink(payload);
        var wantsSpecialist = string.Equals(payload, "specialist", StringComparison.OrdinalIgnoreCase);
        if (person.Language is null)
        {
            person.NodeId = target?.Id ?? (wantsSpecialist ? "specialist" : null);
            AskLanguage(person, inbound, null, turn);
            return;
        }

        if (wantsSpecialist)
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

        turn.Show(person.Id, editMessageId, screens.Text(UiKeys.LanguagePrompt, suggested), buttons);
    }

    /// <summary>
    /// Safe exit: everything the bot can delete in this chat goes, and one line without a word about the hotline stays.
    /// The case and its log stay on the server; /start brings the person back where they were.
    /// </summary>
    private void Hide(Person person, Inbound inbound, Turn turn)
    {
        var language = LanguageOf(person, inbound);
        turn.Add(new Outbound { ChatId = person.Id, Kind = OutboundKind.ClearChat, Priority = OutboundPriority.Crisis });
        turn.Send(person.Id, screens.Text(UiKeys.HideNeutral, language), priority: OutboundPriority.Crisis);
        person.MenuMessageId = null;
        if (person.ActiveCaseId is { } id && desk.Find(id) is { IsOpen: true } open)
        {
            desk.PersonHid(open, turn);
        }
    }

    /// <summary>Consent first: who will see the number and why, then Telegram's own one-tap "share my contact" keyboard.</summary>
    private void AskForPhone(Person person, Inbound inbound, Turn turn)
    {
        var language = LanguageOf(person, inbound);
        if (person.ActiveCaseId is not { } id || desk.Find(id) is not { IsOpen: true } open)
        {
            Reply(person, inbound, UiKeys.CallBackNoCase, turn);
            return;
        }

        person.PhoneConsentAsked = true;
        turn.Add(new Outbound
        {
            ChatId = person.Id,
            Text = screens.Text(UiKeys.CallBackExplain, language, ("number", open.Id)),
            RequestContactLabel = screens.Text(UiKeys.CallBackShare, language),
            CaseId = open.Id,
        });
    }

    /// <summary>A contact is taken only after the consent step, only the person's own, and only for an open case; otherwise it is neither kept nor passed on.</summary>
    private void OnContact(Person person, Inbound inbound, Turn turn)
    {
        var language = LanguageOf(person, inbound);
        var open = person.ActiveCaseId is { } id && desk.Find(id) is { IsOpen: true } found ? found : null;
        if (person.PhoneConsentAsked && inbound.ContactIsOwn && open is not null && !string.IsNullOrWhiteSpace(inbound.ContactPhone))
        {
            person.PhoneConsentAsked = false;
            desk.SharePhone(open, inbound.ContactPhone, turn);
            turn.Add(new Outbound { ChatId = person.Id, Text = screens.Text(UiKeys.CallBackThanks, language, ("number", open.Id)), RemoveKeyboard = true, CaseId = open.Id });
            return;
        }

        turn.Add(new Outbound { ChatId = person.Id, Text = screens.Text(UiKeys.ContactNotAsked, language), RemoveKeyboard = true });
    }

    private void ShowHelp(Person person, Inbound inbound, Turn turn)
    {
        var language = LanguageOf(person, inbound);
        turn.Send(person.Id, screens.Text(UiKeys.Help, language), [screens.Navigation(language).Skip(1).ToList(),
            [screens.Button(UiKeys.ButtonSpecialist, language, CallbackData.Action(DialogActions.Escalate))], screens.HideRow(language)]);
    }

    private void Cancel(Person person, Inbound inbound, Turn turn)
    {
        var language = LanguageOf(person, inbound);
        switch (person.State)
        {
            case ConversationState.WaitingForWorker or ConversationState.TalkingWithWorker when person.ActiveCaseId is { } id && desk.Find(id) is { IsOpen: true } open:
                desk.Close(open, ActorRole.Person, null, "cancelled by the person", turn, person);
                turn.Send(person.Id, screens.Text(UiKeys.CaseCancelled, language, ("number", open.Id)));
                ShowNode(person, Dialogs.Root, null, turn, resetTrail: true);
                break;
            case ConversationState.ChoosingLanguage:
                AskLanguage(person, inbound, null, turn);
                break;
            default:
                new ConversationMachine(person).TryFire(ConversationTrigger.Cancel);
                person.QuestionId = null;
                turn.Send(person.Id, screens.Text(UiKeys.Cancelled, language));
                ShowNode(person, Dialogs.Root, null, turn, resetTrail: true);
                break;
        }
    }

    private void OnButton(Person person, Inbound inbound, Turn turn)
    {
        turn.AnswerButton(person.Id, inbound.CallbackId);
        var (prefix, parts) = CallbackData.Parse(inbound.ButtonData);
        if (person.Language is null && prefix != "l")
        {
            AskLanguage(person, inbound, null, turn);
            return;
        }

        var edit = inbound.MessageId;
        switch (prefix)
        {
            case "l" when LanguageCodes.Parse(parts[0]) is { } chosen:
                ChooseLanguage(person, chosen, edit, turn);
                break;
            case "n" when Dialogs.Find(parts[0]) is { } node:
                ShowNode(person, node, edit, turn);
                break;
            case "a":
                OnAction(person, inbound, parts[0], edit, turn);
                break;
            case "q" when parts.Length == 2 && person.State == ConversationState.Answering && person.QuestionId == parts[0]:
                Answer(person, parts[0], parts[1], edit, turn);
                break;
            case "r" when person.State == ConversationState.Rating && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var stars) && stars is >= 1 and <= 5:
                Rate(person, stars, turn);
                break;
            default:
                // A button from an old menu, or data that is not ours (including forged worker buttons): same kind answer.
                Reply(person, inbound, UiKeys.StaleButton, turn);
                break;
        }
    }

    private void OnAction(Person person, Inbound inbound, string action, int? edit, Turn turn)
    {
        switch (action)
        {
            case DialogActions.Menu:
                ShowNode(person, Dialogs.Root, edit, turn, resetTrail: true);
                break;
            case DialogActions.Back:
                var previous = person.Trail.Count > 0 ? person.Trail[^1] : null;
                if (previous is not null)
                {
                    person.Trail.RemoveAt(person.Trail.Count - 1);
                }

                ShowNode(person, Dialogs.Find(previous) ?? Dialogs.Root, edit, turn, remember: false);
                break;
            case DialogActions.Language:
                AskLanguage(person, inbound, edit, turn);
                break;
            case DialogActions.Numbers when Dialogs.Find("numbers") is { } numbers:
                ShowNode(person, numbers, edit, turn);
                break;
            case DialogActions.Escalate:
                Escalate(person, edit, turn);
                break;
            case DialogActions.Questionnaire:
                StartQuestions(person, edit, turn);
                break;
            case "cancelcase":
                Cancel(person, inbound, turn);
                break;
            case DialogActions.Hide:
                Hide(person, inbound, turn);
                break;
            case DialogActions.CallBack:
                AskForPhone(person, inbound, turn);
                break;
            default:
                Reply(person, inbound, UiKeys.StaleButton, turn);
                break;
        }
    }

    private void ChooseLanguage(Person person, Language chosen, int? edit, Turn turn)
    {
        person.Language = chosen;
        var pending = person.NodeId;
        var wasNew = new ConversationMachine(person).TryFire(ConversationTrigger.LanguageChosen) && person.State == ConversationState.Browsing;
        var saved = screens.Text(UiKeys.LanguageSaved, chosen);
        if (wasNew && pending == "specialist")
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

        var machine = new ConversationMachine(person);
        machine.TryFire(ConversationTrigger.Browse);
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
        if (person.ActiveCaseId is { } id && desk.Find(id) is { IsOpen: true } open)
        {
            turn.Send(person.Id, screens.Text(UiKeys.CaseStillOpen, language, ("number", open.Id), ("position", desk.PositionOf(open))),
                [[screens.Button(UiKeys.ButtonCancel, language, CallbackData.Action("cancelcase"))], .. screens.CaseRows(language)]);
            return;
        }

        new ConversationMachine(person).TryFire(ConversationTrigger.AskSpecialist);
        person.RememberTopic("specialist");
        turn.Show(person.Id, edit, screens.Text(UiKeys.EscalatePrompt, language),
            [[screens.Button(UiKeys.ButtonCancel, language, CallbackData.Action(DialogActions.Menu))], screens.HideRow(language)]);
    }

    private void StartQuestions(Person person, int? edit, Turn turn)
    {
        var questions = Dialogs.Questionnaire.Questions;
        var first = questions.Count > 0 ? questions[0] : null;
        if (first is null)
        {
            ShowNode(person, Dialogs.Root, edit, turn);
            return;
        }

        new ConversationMachine(person).TryFire(ConversationTrigger.StartQuestions);
        person.Answers.Clear();
        person.RememberTopic("questionnaire");
        turn.Send(person.Id, screens.Text(UiKeys.QuestionnaireIntro, person.Language!.Value));
        AskQuestion(person, first, edit, turn);
    }

    private void AskQuestion(Person person, Question question, int? edit, Turn turn)
    {
        var language = person.Language!.Value;
        person.QuestionId = question.Id;
        var questions = Dialogs.Questionnaire.Questions;
        var index = questions.ToList().IndexOf(question) + 1;
        var rows = question.Options.Select(o => (IReadOnlyList<OutButton>)[new OutButton(o.Label.For(language), CallbackData.Answer(question.Id, o.Value))]).ToList();
        rows.Add([screens.Button(UiKeys.ButtonSkip, language, CallbackData.Skip(question.Id)), screens.Button(UiKeys.ButtonMenu, language, CallbackData.Action(DialogActions.Menu))]);
        var progress = screens.Text(UiKeys.QuestionnaireProgress, language, ("n", index), ("total", questions.Count));
        turn.Show(person.Id, edit, progress + "\n\n" + question.Text.For(language), rows);
    }

    private void Answer(Person person, string questionId, string value, int? edit, Turn turn)
    {
        if (value != "-")
        {
            person.Answers[questionId] = value;
        }

        if (Dialogs.Questionnaire.After(questionId) is { } next)
        {
            AskQuestion(person, next, edit, turn);
            return;
        }

        person.QuestionId = null;
        var language = person.Language!.Value;
        var matches = Dialogs.Questionnaire.Evaluate(person.Answers);
        var body = matches.Count == 0
            ? Dialogs.Questionnaire.Fallback.For(language)
            : string.Join("\n\n", matches.Select(m => m.Text.For(language)));
        new ConversationMachine(person).TryFire(ConversationTrigger.Browse);
        turn.Show(person.Id, edit, screens.Fill(screens.Text(UiKeys.QuestionnaireResults, language) + "\n\n" + body, language),
        [
            [screens.Button(UiKeys.ButtonSpecialist, language, CallbackData.Action(DialogActions.Escalate))],
            [screens.Button(UiKeys.ButtonMenu, language, CallbackData.Action(DialogActions.Menu))],
        ]);
    }

    private void Rate(Person person, int stars, Turn turn)
    {
        if (person.LastCaseId is { } id && desk.Find(id) is { } closed)
        {
            desk.Rate(closed, stars, turn);
        }

        new ConversationMachine(person).TryFire(ConversationTrigger.Rated);
        var language = person.Language!.Value;
        turn.Send(person.Id, screens.Text(UiKeys.RateCommentPrompt, language),
            [[screens.Button(UiKeys.ButtonSkip, language, CallbackData.Action(DialogActions.Menu))]]);
    }

    private void OnText(Person person, Inbound inbound, Turn turn)
    {
        if (string.IsNullOrWhiteSpace(inbound.Text))
        {
            Reply(person, inbound, UiKeys.EmptyMessage, turn);
            return;
        }

        var language = LanguageOf(person, inbound);
        switch (person.State)
        {
            case ConversationState.ChoosingLanguage:
                AskLanguage(person, inbound, null, turn);
                break;
            case ConversationState.DescribingProblem:
                OpenCase(person, inbound, turn);
                break;
            case ConversationState.WaitingForWorker or ConversationState.TalkingWithWorker:
                AddToCase(person, inbound, turn);
                break;
            case ConversationState.Answering when Dialogs.Questionnaire.Find(person.QuestionId ?? string.Empty) is { } question:
                AskQuestion(person, question, null, turn);
                break;
            case ConversationState.Rating when int.TryParse(inbound.Text.Trim(), CultureInfo.InvariantCulture, out var stars) && stars is >= 1 and <= 5:
                Rate(person, stars, turn);
                break;
            case ConversationState.RatingComment when person.LastCaseId is { } id && desk.Find(id) is { } rated:
                desk.Comment(rated, inbound.Text, turn);
                new ConversationMachine(person).TryFire(ConversationTrigger.Commented);
                turn.Send(person.Id, screens.Text(UiKeys.RateThanks, language));
                ShowNode(person, Dialogs.Root, null, turn, resetTrail: true);
                break;
            case ConversationState.Rating:
                // Writing again after a case closed: a new case, linked to the old one.
                new ConversationMachine(person).TryFire(ConversationTrigger.AskSpecialist);
                OpenCase(person, inbound, turn);
                break;
            default:
                turn.Send(person.Id, screens.Text(UiKeys.FreeTextInMenu, language),
                [
                    [screens.Button(UiKeys.ButtonSpecialist, language, CallbackData.Action(DialogActions.Escalate))],
                    [screens.Button(UiKeys.ButtonMenu, language, CallbackData.Action(DialogActions.Menu))],
                ]);
                break;
        }
    }

    private void OnMedia(Person person, Inbound inbound, Turn turn)
    {
        switch (person.State)
        {
            case ConversationState.DescribingProblem:
                OpenCase(person, inbound, turn);
                break;
            case ConversationState.WaitingForWorker or ConversationState.TalkingWithWorker:
                AddToCase(person, inbound, turn);
                break;
            default:
                Reply(person, inbound, UiKeys.MediaInMenu, turn);
                break;
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

    private void OpenCase(Person person, Inbound inbound, Turn turn)
    {
        desk.Open(person, inbound, CrisisKind.None, turn);
        new ConversationMachine(person).TryFire(ConversationTrigger.CaseOpened);
    }

    private void AddToCase(Person person, Inbound inbound, Turn turn)
    {
        if (person.ActiveCaseId is { } id && desk.Find(id) is { IsOpen: true } open)
        {
            desk.AddPersonMessage(open, inbound, turn);
            return;
        }

        // The case closed under them (e.g. a worker closed it a moment ago): never drop the words, open a new one.
        person.State = ConversationState.DescribingProblem;
        OpenCase(person, inbound, turn);
    }

    private void Reply(Person person, Inbound inbound, string key, Turn turn)
    {
        var language = LanguageOf(person, inbound);
        turn.Send(person.Id, screens.Text(key, language),
        [
            [screens.Button(UiKeys.ButtonSpecialist, language, CallbackData.Action(DialogActions.Escalate))],
            [screens.Button(UiKeys.ButtonMenu, language, CallbackData.Action(DialogActions.Menu))],
        ]);
    }
}
