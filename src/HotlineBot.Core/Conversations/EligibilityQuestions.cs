using HotlineBot.Dialogs;

namespace HotlineBot.Conversations;

/// <summary>
/// The short, skippable questionnaire: one question per screen, edited in place, then the benefits and services
/// the answers may point to (rules from dialogs/eligibility.yaml) and a way to a specialist.
/// A multi-select question ticks options on and off (✅/▫) in the same message until "Done".
/// The answers live only while the questionnaire runs: they are forgotten when it ends, however it ends.
/// </summary>
public sealed class EligibilityQuestions(ScreenRenderer screens)
{
    /// <summary>Results are sent in pieces of about this size, so a long set never hits Telegram's 4,096.</summary>
    private const int ResultPiece = 3500;
    private const string Ticked = "✅ ";
    private const string Unticked = "▫ ";

    private Questionnaire Questionnaire => screens.Dialogs.Questionnaire;

    public Question? Current(Person person) => Questionnaire.Find(person.QuestionId ?? string.Empty);

    /// <summary>Starts over from the first question; false when the content has no questions or the machine refuses.</summary>
    public bool Start(Person person, int? edit, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(person);
        var all = Questionnaire.Questions;
        // The person's rules decide whether a questionnaire may start here; a question is shown only when it may.
        if (all.Count == 0 || !person.CanStartQuestions())
        {
            return false;
        }

        person.StartQuestions();
        person.Answers.Clear();
        person.RememberTopic(Person.QuestionnaireTopic);
        turn.Send(person.Id, screens.Text(UiKeys.QuestionnaireIntro, person.Language!.Value));
        Ask(person, all[0], edit, turn);
        return true;
    }

    /// <summary>
    /// Nothing the person answered (the safety question above all) outlives the questionnaire: called after every
    /// update, it forgets the answers once the person is no longer answering (results shown, menu, a case, /cancel).
    /// </summary>
    public static void ForgetOutsideQuestionnaire(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (person.State != ConversationState.Answering && person.Answers.Count > 0)
        {
            person.Answers.Clear();
        }
    }

    public void Ask(Person person, Question question, int? edit, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(question);
        var language = person.Language!.Value;
        person.QuestionId = question.Id;
        var all = Questionnaire.Questions;
        var index = all.ToList().IndexOf(question) + 1;
        var picked = QuestionAnswers.Values(person.Answers.GetValueOrDefault(question.Id));
        var options = question.Options.Select(o => new OutButton(
            question.Multi ? (picked.Contains(o.Value) ? Ticked : Unticked) + o.Label.For(language) : o.Label.For(language),
            CallbackData.Answer(question.Id, o.Value)));
        var rows = ScreenRenderer.Pack(options);

        // Back from the first question is back to the menu; a multi-select question ends with "Done", a single one is skipped.
        var back = Questionnaire.Before(question.Id) is null
            ? screens.Button(UiKeys.ButtonBack, language, CallbackData.Action(DialogAction.Menu))
            : screens.Button(UiKeys.ButtonBack, language, CallbackData.Answer(question.Id, EligibilityControls.Back));
        var onward = question.Multi
            ? screens.Button(UiKeys.ButtonDone, language, CallbackData.Answer(question.Id, EligibilityControls.Done))
            : screens.Button(UiKeys.ButtonSkip, language, CallbackData.Skip(question.Id));
        rows.Add([back, onward]);
        rows.Add([screens.Button(UiKeys.ButtonSpecialist, language, CallbackData.Action(DialogAction.Escalate))]);
        rows.Add([screens.Button(UiKeys.ButtonMenu, language, CallbackData.Action(DialogAction.Menu)), .. screens.HideRow(language)]);
        var progress = screens.Text(UiKeys.QuestionnaireProgress, language, ("n", index), ("total", all.Count));
        turn.Show(person.Id, edit, progress + "\n\n" + screens.Fill(question.Text.For(language), language), rows);
    }

    /// <summary>
    /// One press on a question's keyboard: an option (answers a single question, ticks or unticks in a multi-select one),
    /// skip, done or back. Then the next question, the same one again, or what may apply.
    /// </summary>
    public void Answer(Person person, string questionId, string value, int? edit, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (Questionnaire.Find(questionId) is not { } question)
        {
            return;
        }

        switch (value)
        {
            case EligibilityControls.Back:
                Ask(person, Questionnaire.Before(questionId) ?? question, edit, turn);
                return;
            case EligibilityControls.Skip:
                person.Answers.Remove(questionId);
                break;
            case EligibilityControls.Done:
                break;
            default:
                if (question.Options.FirstOrDefault(o => o.Value == value) is not { } option)
                {
                    Ask(person, question, edit, turn);
                    return;
                }

                if (question.Multi)
                {
                    Toggle(person, question, option);
                    Ask(person, question, edit, turn);
                    return;
                }

                person.Answers[questionId] = value;
                break;
        }

        if (Questionnaire.After(questionId) is { } next)
        {
            Ask(person, next, edit, turn);
            return;
        }

        ShowResults(person, edit, turn);
    }

    private static void Toggle(Person person, Question question, QuestionOption option)
    {
        var picked = QuestionAnswers.Values(person.Answers.GetValueOrDefault(question.Id)).ToList();
        if (!picked.Remove(option.Value))
        {
            // "None of these" and a real option cannot both be true.
            picked.RemoveAll(v => option.Exclusive || question.Options.Any(o => o.Value == v && o.Exclusive));
            picked.Add(option.Value);
        }

        var ordered = question.Options.Select(o => o.Value).Where(picked.Contains).ToList();
        if (ordered.Count == 0)
        {
            person.Answers.Remove(question.Id);
        }
        else
        {
            person.Answers[question.Id] = QuestionAnswers.Join(ordered);
        }
    }

    private void ShowResults(Person person, int? edit, Turn turn)
    {
        person.QuestionId = null;
        var language = person.Language!.Value;
        var matches = Questionnaire.Evaluate(person.Answers);
        person.Answers.Clear();
        person.Browse();

        var parts = matches.Count == 0
            ? [Questionnaire.Fallback.For(language)]
            : matches.Select(m => m.Text.For(language)).ToList();
        var pieces = new List<string> { screens.Text(UiKeys.QuestionnaireResults, language) };
        foreach (var part in parts.Select(p => screens.Fill(p, language)))
        {
            if (pieces[^1].Length + part.Length + 2 > ResultPiece)
            {
                pieces.Add(part);
            }
            else
            {
                pieces[^1] += "\n\n" + part;
            }
        }

        IReadOnlyList<IReadOnlyList<OutButton>> buttons =
        [
            [screens.Button(UiKeys.ButtonSpecialist, language, CallbackData.Action(DialogAction.Escalate))],
            [screens.Button(UiKeys.ButtonNumbers, language, CallbackData.Action(DialogAction.Numbers))],
            [screens.Button(UiKeys.ButtonMenu, language, CallbackData.Action(DialogAction.Menu))],
            screens.HideRow(language),
        ];
        for (var i = 0; i < pieces.Count; i++)
        {
            var last = i == pieces.Count - 1;
            if (i == 0)
            {
                turn.Show(person.Id, edit, pieces[i], last ? buttons : null);
            }
            else
            {
                turn.Send(person.Id, pieces[i], last ? buttons : null);
            }
        }
    }
}
