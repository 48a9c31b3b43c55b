using HotlineBot.Conversations;

namespace HotlineBot.Tests.Core;

/// <summary>
/// The person's conversation rules through the intents the code uses: every legal move, every move the rules refuse
/// (it throws and changes nothing), the guard, and the facts the entry and exit actions set.
/// </summary>
public sealed class ConversationRulesTests
{
    private static readonly Dictionary<string, Action<Person>> Intents = new(StringComparer.Ordinal)
    {
        ["ChooseLanguage"] = p => p.ChooseLanguage(Language.Ru),
        ["Browse"] = p => p.Browse(),
        ["StartQuestions"] = p => p.StartQuestions(),
        ["AskForSpecialist"] = p => p.AskForSpecialist(),
        ["EnterCrisis"] = p => p.EnterCrisis(),
        ["CaseOpened"] = p => p.CaseOpened(7),
        ["WorkerJoined"] = p => p.WorkerJoined(),
        ["CaseRequeued"] = p => p.CaseRequeued(),
        ["CaseReopened"] = p => p.CaseReopened(7),
        ["CaseClosed"] = p => p.CaseClosed(),
        ["Cancel"] = p => p.Cancel(),
        ["Rate"] = p => p.Rate(),
        ["Comment"] = p => p.Comment(),
    };

    [Theory]
    [InlineData(ConversationState.ChoosingLanguage, "ChooseLanguage", ConversationState.Browsing)]
    [InlineData(ConversationState.ChoosingLanguage, "EnterCrisis", ConversationState.WaitingForWorker)]
    [InlineData(ConversationState.ChoosingLanguage, "Browse", ConversationState.ChoosingLanguage)]
    [InlineData(ConversationState.Browsing, "Browse", ConversationState.Browsing)]
    [InlineData(ConversationState.Browsing, "ChooseLanguage", ConversationState.Browsing)]
    [InlineData(ConversationState.Browsing, "StartQuestions", ConversationState.Answering)]
    [InlineData(ConversationState.Browsing, "AskForSpecialist", ConversationState.DescribingProblem)]
    [InlineData(ConversationState.Browsing, "Cancel", ConversationState.Browsing)]
    [InlineData(ConversationState.Browsing, "CaseReopened", ConversationState.WaitingForWorker)]
    [InlineData(ConversationState.Answering, "Browse", ConversationState.Browsing)]
    [InlineData(ConversationState.Answering, "Cancel", ConversationState.Browsing)]
    [InlineData(ConversationState.DescribingProblem, "CaseOpened", ConversationState.WaitingForWorker)]
    [InlineData(ConversationState.DescribingProblem, "AskForSpecialist", ConversationState.DescribingProblem)]
    [InlineData(ConversationState.WaitingForWorker, "WorkerJoined", ConversationState.TalkingWithWorker)]
    [InlineData(ConversationState.WaitingForWorker, "Browse", ConversationState.WaitingForWorker)]
    [InlineData(ConversationState.WaitingForWorker, "StartQuestions", ConversationState.WaitingForWorker)]
    [InlineData(ConversationState.WaitingForWorker, "EnterCrisis", ConversationState.WaitingForWorker)]
    [InlineData(ConversationState.WaitingForWorker, "CaseRequeued", ConversationState.WaitingForWorker)]
    [InlineData(ConversationState.WaitingForWorker, "CaseOpened", ConversationState.WaitingForWorker)]
    [InlineData(ConversationState.WaitingForWorker, "Cancel", ConversationState.Browsing)]
    [InlineData(ConversationState.TalkingWithWorker, "StartQuestions", ConversationState.TalkingWithWorker)]
    [InlineData(ConversationState.TalkingWithWorker, "WorkerJoined", ConversationState.TalkingWithWorker)]
    [InlineData(ConversationState.TalkingWithWorker, "CaseRequeued", ConversationState.WaitingForWorker)]
    [InlineData(ConversationState.TalkingWithWorker, "CaseClosed", ConversationState.Rating)]
    [InlineData(ConversationState.TalkingWithWorker, "CaseOpened", ConversationState.WaitingForWorker)]
    [InlineData(ConversationState.TalkingWithWorker, "Cancel", ConversationState.Rating)]
    [InlineData(ConversationState.Rating, "Rate", ConversationState.RatingComment)]
    [InlineData(ConversationState.Rating, "AskForSpecialist", ConversationState.DescribingProblem)]
    [InlineData(ConversationState.Rating, "CaseReopened", ConversationState.WaitingForWorker)]
    [InlineData(ConversationState.RatingComment, "Comment", ConversationState.Browsing)]
    [InlineData(ConversationState.RatingComment, "Browse", ConversationState.Browsing)]
    public void Legal_intents_move_the_persons_state(ConversationState from, string intent, ConversationState to)
    {
        var person = new Person { State = from, Language = Language.Kk };
        Intents[intent](person);
        Assert.Equal(to, person.State);
    }

    [Theory]
    [InlineData(ConversationState.Browsing, "WorkerJoined")]
    [InlineData(ConversationState.Browsing, "CaseClosed")]
    [InlineData(ConversationState.Browsing, "CaseOpened")]
    [InlineData(ConversationState.Browsing, "Rate")]
    [InlineData(ConversationState.ChoosingLanguage, "StartQuestions")]
    [InlineData(ConversationState.ChoosingLanguage, "CaseRequeued")]
    [InlineData(ConversationState.Answering, "CaseOpened")]
    [InlineData(ConversationState.WaitingForWorker, "Rate")]
    [InlineData(ConversationState.WaitingForWorker, "CaseReopened")]
    [InlineData(ConversationState.TalkingWithWorker, "Comment")]
    [InlineData(ConversationState.RatingComment, "WorkerJoined")]
    [InlineData(ConversationState.RatingComment, "Rate")]
    [InlineData(ConversationState.Rating, "CaseClosed")]
    public void Illegal_intents_throw_and_change_nothing(ConversationState state, string intent)
    {
        var person = new Person { State = state, Language = Language.Ru, ActiveCaseId = 3, LastCaseId = 3 };
        Assert.Throws<InvalidOperationException>(() => Intents[intent](person));
        Assert.Equal(state, person.State);
        Assert.Equal(3, person.ActiveCaseId);
    }

    [Fact]
    public void Asking_for_a_specialist_before_any_language_is_known_is_refused_by_the_guard()
    {
        var unknown = new Person();
        Assert.Throws<InvalidOperationException>(unknown.AskForSpecialist);
        Assert.Equal(ConversationState.ChoosingLanguage, unknown.State);

        // Guessed from words of crisis, before the person chose: the way to a specialist works like anyone's.
        var guessed = new Person { Language = Language.Kk };
        guessed.AskForSpecialist();
        Assert.Equal(ConversationState.DescribingProblem, guessed.State);
    }

    [Theory]
    [InlineData(ConversationState.ChoosingLanguage, false)]
    [InlineData(ConversationState.Browsing, true)]
    [InlineData(ConversationState.WaitingForWorker, true)]
    [InlineData(ConversationState.Rating, true)]
    public void The_questionnaire_may_start_once_a_language_was_chosen(ConversationState state, bool may)
    {
        var person = new Person { State = state, Language = Language.Ru };
        Assert.Equal(may, person.CanStartQuestions());
    }

    [Theory]
    [InlineData(ConversationState.Rating, true)]
    [InlineData(ConversationState.RatingComment, false)]
    [InlineData(ConversationState.TalkingWithWorker, false)]
    [InlineData(ConversationState.Browsing, false)]
    public void Stars_count_only_right_after_a_case_closed(ConversationState state, bool may) =>
        Assert.Equal(may, new Person { State = state }.CanRate());

    [Theory]
    [InlineData(ConversationState.Answering, true)]
    [InlineData(ConversationState.WaitingForWorker, true)]
    [InlineData(ConversationState.TalkingWithWorker, true)]
    [InlineData(ConversationState.Browsing, false)]
    [InlineData(ConversationState.Rating, false)]
    public void Answers_count_while_answering_or_alongside_a_case(ConversationState state, bool counts) =>
        Assert.Equal(counts, new Person { State = state }.AnswersQuestions());

    [Fact]
    public void A_case_opened_or_reopened_becomes_the_persons_open_and_latest_case_and_leaving_it_lets_go()
    {
        var person = new Person { State = ConversationState.DescribingProblem, Language = Language.Ru, LastCaseId = 1 };
        person.CaseOpened(4);
        Assert.Equal((4, 4), (person.ActiveCaseId, person.LastCaseId));

        person.WorkerJoined();
        Assert.Equal(4, person.ActiveCaseId);
        person.CaseClosed();
        Assert.Equal(ConversationState.Rating, person.State);
        Assert.Null(person.ActiveCaseId);
        Assert.Equal(4, person.LastCaseId);

        person.CaseReopened(4);
        Assert.Equal((ConversationState.WaitingForWorker, 4, 4), (person.State, person.ActiveCaseId, person.LastCaseId));

        person.Cancel();
        Assert.Equal(ConversationState.Browsing, person.State);
        Assert.Null(person.ActiveCaseId);
        Assert.Equal(4, person.LastCaseId);
    }

    [Fact]
    public void Crisis_then_a_case_takes_the_person_into_that_case_from_any_screen()
    {
        var person = new Person { State = ConversationState.Answering, Language = Language.Kk };
        person.EnterCrisis();
        person.CaseOpened(9);
        Assert.Equal((ConversationState.WaitingForWorker, 9), (person.State, person.ActiveCaseId));
    }

    [Fact]
    public void Choosing_a_language_sets_it()
    {
        var person = new Person();
        person.ChooseLanguage(Language.Kk);
        Assert.Equal((Language.Kk, ConversationState.Browsing), (person.Language, person.State));
    }
}
