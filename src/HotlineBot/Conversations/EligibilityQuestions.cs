using HotlineBot.Dialogs;

namespace HotlineBot.Conversations;

/// <summary>
/// The short, skippable questionnaire: one question per screen, edited in place, then the benefits and services
/// the answers may point to (rules from dialogs/eligibility.yaml) and a way to a specialist.
/// </summary>
public sealed class EligibilityQuestions(ScreenRenderer screens)
{
    private Questionnaire Questionnaire => screens.Dialogs.Questionnaire;

    public Question? Current(Person person) => Questionnaire.Find(person.QuestionId ?? string.Empty);

    /// <summary>Starts over from the first question; false when the content has no questions or the machine refuses.</summary>
    public bool Start(Person person, int? edit, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(person);
        var all = Questionnaire.Questions;
        // The machine decides whether a questionnaire may start here; a question is shown only when it may.
        if (all.Count == 0 || !new ConversationMachine(person).TryFire(ConversationTrigger.StartQuestions))
        {
            return false;
        }

        person.Answers.Clear();
        person.RememberTopic("questionnaire");
        turn.Send(person.Id, screens.Text(UiKeys.QuestionnaireIntro, person.Language!.Value));
        Ask(person, all[0], edit, turn);
        return true;
    }

    public void Ask(Person person, Question question, int? edit, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(person);
        var language = person.Language!.Value;
        person.QuestionId = question.Id;
        var all = Questionnaire.Questions;
        var index = all.ToList().IndexOf(question) + 1;
        var rows = question.Options.Select(o => (IReadOnlyList<OutButton>)[new OutButton(o.Label.For(language), CallbackData.Answer(question.Id, o.Value))]).ToList();
        rows.Add([screens.Button(UiKeys.ButtonSkip, language, CallbackData.Skip(question.Id)), screens.Button(UiKeys.ButtonMenu, language, CallbackData.Action(DialogActions.Menu))]);
        var progress = screens.Text(UiKeys.QuestionnaireProgress, language, ("n", index), ("total", all.Count));
        turn.Show(person.Id, edit, progress + "\n\n" + question.Text.For(language), rows);
    }

    /// <summary>Records an answer ("-" skips) and asks the next question, or shows what may apply.</summary>
    public void Answer(Person person, string questionId, string value, int? edit, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (value != "-")
        {
            person.Answers[questionId] = value;
        }

        if (Questionnaire.After(questionId) is { } next)
        {
            Ask(person, next, edit, turn);
            return;
        }

        person.QuestionId = null;
        var language = person.Language!.Value;
        var matches = Questionnaire.Evaluate(person.Answers);
        var body = matches.Count == 0
            ? Questionnaire.Fallback.For(language)
            : string.Join("\n\n", matches.Select(m => m.Text.For(language)));
        new ConversationMachine(person).TryFire(ConversationTrigger.Browse);
        turn.Show(person.Id, edit, screens.Fill(screens.Text(UiKeys.QuestionnaireResults, language) + "\n\n" + body, language), screens.WayOut(language));
    }
}
