using Stateless;
using Stateless.Graph;

namespace HotlineBot.Conversations;

public enum ConversationTrigger
{
    LanguageChosen,
    Browse,
    StartQuestions,
    AskSpecialist,
    CaseOpened,
    WorkerJoined,
    CaseRequeued,
    CaseClosed,
    Cancel,
    Crisis,
    Rated,
    Commented,
    CaseReopened,
}

/// <summary>
/// The rules of a person's conversation, configured in one place. The state itself lives on <see cref="Person"/>
/// (stored in LiteDB), so a machine is built per turn and a restart resumes every conversation where it was.
/// </summary>
public sealed class ConversationMachine
{
    private readonly StateMachine<ConversationState, ConversationTrigger> _machine;

    public ConversationMachine(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        _machine = new StateMachine<ConversationState, ConversationTrigger>(() => person.State, s => person.State = s);
        Configure(_machine);
    }

    public ConversationState State => _machine.State;

    /// <summary>Fires when the rules allow it; returns false (and changes nothing) when they do not.</summary>
    public bool TryFire(ConversationTrigger trigger)
    {
        if (!_machine.CanFire(trigger))
        {
            return false;
        }

        _machine.Fire(trigger);
        return true;
    }

    /// <summary>Whether the questionnaire's answer buttons count now: while answering, or alongside an open case.</summary>
    public bool AnswersQuestions => _machine.IsInState(ConversationState.Answering) || _machine.IsInState(ConversationState.InCase);

    /// <summary>The machine as a DOT graph, drawn from this configuration so the picture never drifts from the code.</summary>
    public static string Graph() => UmlDotGraph.Format(new ConversationMachine(new Person())._machine.GetInfo());

    private static void Configure(StateMachine<ConversationState, ConversationTrigger> m)
    {
        // Outside a case, crisis words or a worker reopening an old case bring the person into the queue,
        // whatever screen they were on.
        m.Configure(ConversationState.OutsideCase)
            .Permit(ConversationTrigger.Crisis, ConversationState.WaitingForWorker)
            .Permit(ConversationTrigger.CaseReopened, ConversationState.WaitingForWorker);

        m.Configure(ConversationState.ChoosingLanguage)
            .SubstateOf(ConversationState.OutsideCase)
            .Permit(ConversationTrigger.LanguageChosen, ConversationState.Browsing)
            .Ignore(ConversationTrigger.Browse)
            .Ignore(ConversationTrigger.Cancel);

        m.Configure(ConversationState.Browsing)
            .SubstateOf(ConversationState.OutsideCase)
            .PermitReentry(ConversationTrigger.Browse)
            .Ignore(ConversationTrigger.LanguageChosen)
            .Ignore(ConversationTrigger.Cancel)
            .Permit(ConversationTrigger.StartQuestions, ConversationState.Answering)
            .Permit(ConversationTrigger.AskSpecialist, ConversationState.DescribingProblem);

        m.Configure(ConversationState.Answering)
            .SubstateOf(ConversationState.OutsideCase)
            .PermitReentry(ConversationTrigger.StartQuestions)
            .Ignore(ConversationTrigger.LanguageChosen)
            .Permit(ConversationTrigger.Browse, ConversationState.Browsing)
            .Permit(ConversationTrigger.Cancel, ConversationState.Browsing)
            .Permit(ConversationTrigger.AskSpecialist, ConversationState.DescribingProblem);

        m.Configure(ConversationState.DescribingProblem)
            .SubstateOf(ConversationState.OutsideCase)
            .Ignore(ConversationTrigger.AskSpecialist)
            .Ignore(ConversationTrigger.LanguageChosen)
            .Permit(ConversationTrigger.CaseOpened, ConversationState.WaitingForWorker)
            .Permit(ConversationTrigger.Browse, ConversationState.Browsing)
            .Permit(ConversationTrigger.StartQuestions, ConversationState.Answering)
            .Permit(ConversationTrigger.Cancel, ConversationState.Browsing);

        // While a case is open the person may still read the menus; the case, not the screen, decides the state.
        m.Configure(ConversationState.InCase)
            .Ignore(ConversationTrigger.Browse)
            // Someone waiting in the queue may well want to read what benefits could apply: the questionnaire runs
            // alongside the case (its answers are accepted, see AnswersQuestions), and words still go to the case.
            .Ignore(ConversationTrigger.StartQuestions)
            .Ignore(ConversationTrigger.LanguageChosen)
            .Ignore(ConversationTrigger.AskSpecialist)
            .Ignore(ConversationTrigger.Crisis)
            .Permit(ConversationTrigger.CaseClosed, ConversationState.Rating)
            // The case closed under them (a worker closed it a moment ago) and they wrote: a new case takes their words.
            .Permit(ConversationTrigger.CaseOpened, ConversationState.WaitingForWorker);

        m.Configure(ConversationState.WaitingForWorker)
            .SubstateOf(ConversationState.InCase)
            .Ignore(ConversationTrigger.CaseRequeued)
            .Permit(ConversationTrigger.WorkerJoined, ConversationState.TalkingWithWorker)
            .Permit(ConversationTrigger.Cancel, ConversationState.Browsing);

        m.Configure(ConversationState.TalkingWithWorker)
            .SubstateOf(ConversationState.InCase)
            .PermitReentry(ConversationTrigger.WorkerJoined)
            .Permit(ConversationTrigger.CaseRequeued, ConversationState.WaitingForWorker)
            .Permit(ConversationTrigger.Cancel, ConversationState.Rating);

        // After a case closed: rating is optional, so anything else the person does simply moves on.
        m.Configure(ConversationState.AfterCase)
            .SubstateOf(ConversationState.OutsideCase)
            .Ignore(ConversationTrigger.LanguageChosen)
            .Permit(ConversationTrigger.Browse, ConversationState.Browsing)
            .Permit(ConversationTrigger.Cancel, ConversationState.Browsing)
            .Permit(ConversationTrigger.StartQuestions, ConversationState.Answering)
            .Permit(ConversationTrigger.AskSpecialist, ConversationState.DescribingProblem);

        m.Configure(ConversationState.Rating)
            .SubstateOf(ConversationState.AfterCase)
            .Permit(ConversationTrigger.Rated, ConversationState.RatingComment);

        m.Configure(ConversationState.RatingComment)
            .SubstateOf(ConversationState.AfterCase)
            .Permit(ConversationTrigger.Commented, ConversationState.Browsing);
    }
}
