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

    /// <summary>The machine as a DOT graph, drawn from this configuration so the picture never drifts from the code.</summary>
    public static string Graph() => UmlDotGraph.Format(new ConversationMachine(new Person())._machine.GetInfo());

    private static void Configure(StateMachine<ConversationState, ConversationTrigger> m)
    {
        m.Configure(ConversationState.ChoosingLanguage)
            .Permit(ConversationTrigger.LanguageChosen, ConversationState.Browsing)
            .Permit(ConversationTrigger.Crisis, ConversationState.WaitingForWorker)
            .Permit(ConversationTrigger.CaseReopened, ConversationState.WaitingForWorker)
            .Ignore(ConversationTrigger.Browse)
            .Ignore(ConversationTrigger.Cancel);

        m.Configure(ConversationState.Browsing)
            .PermitReentry(ConversationTrigger.Browse)
            .Ignore(ConversationTrigger.LanguageChosen)
            .Ignore(ConversationTrigger.Cancel)
            .Permit(ConversationTrigger.StartQuestions, ConversationState.Answering)
            .Permit(ConversationTrigger.AskSpecialist, ConversationState.DescribingProblem)
            .Permit(ConversationTrigger.Crisis, ConversationState.WaitingForWorker)
            .Permit(ConversationTrigger.CaseReopened, ConversationState.WaitingForWorker);

        m.Configure(ConversationState.Answering)
            .PermitReentry(ConversationTrigger.StartQuestions)
            .Ignore(ConversationTrigger.LanguageChosen)
            .Permit(ConversationTrigger.Browse, ConversationState.Browsing)
            .Permit(ConversationTrigger.Cancel, ConversationState.Browsing)
            .Permit(ConversationTrigger.AskSpecialist, ConversationState.DescribingProblem)
            .Permit(ConversationTrigger.Crisis, ConversationState.WaitingForWorker)
            .Permit(ConversationTrigger.CaseReopened, ConversationState.WaitingForWorker);

        m.Configure(ConversationState.DescribingProblem)
            .Ignore(ConversationTrigger.AskSpecialist)
            .Ignore(ConversationTrigger.LanguageChosen)
            .Permit(ConversationTrigger.CaseOpened, ConversationState.WaitingForWorker)
            .Permit(ConversationTrigger.Browse, ConversationState.Browsing)
            .Permit(ConversationTrigger.StartQuestions, ConversationState.Answering)
            .Permit(ConversationTrigger.Cancel, ConversationState.Browsing)
            .Permit(ConversationTrigger.Crisis, ConversationState.WaitingForWorker)
            .Permit(ConversationTrigger.CaseReopened, ConversationState.WaitingForWorker);

        // While a case is open the person may still read the menus; the case, not the screen, decides the state.
        m.Configure(ConversationState.WaitingForWorker)
            .Ignore(ConversationTrigger.Browse)
            .Ignore(ConversationTrigger.LanguageChosen)
            .Ignore(ConversationTrigger.AskSpecialist)
            .Ignore(ConversationTrigger.Crisis)
            .Ignore(ConversationTrigger.CaseRequeued)
            .Permit(ConversationTrigger.WorkerJoined, ConversationState.TalkingWithWorker)
            .Permit(ConversationTrigger.Cancel, ConversationState.Browsing)
            .Permit(ConversationTrigger.CaseClosed, ConversationState.Rating);

        m.Configure(ConversationState.TalkingWithWorker)
            .Ignore(ConversationTrigger.Browse)
            .Ignore(ConversationTrigger.LanguageChosen)
            .Ignore(ConversationTrigger.AskSpecialist)
            .Ignore(ConversationTrigger.Crisis)
            .PermitReentry(ConversationTrigger.WorkerJoined)
            .Permit(ConversationTrigger.CaseRequeued, ConversationState.WaitingForWorker)
            .Permit(ConversationTrigger.CaseClosed, ConversationState.Rating)
            .Permit(ConversationTrigger.Cancel, ConversationState.Rating);

        m.Configure(ConversationState.Rating)
            .Ignore(ConversationTrigger.LanguageChosen)
            .Permit(ConversationTrigger.Rated, ConversationState.RatingComment)
            .Permit(ConversationTrigger.Browse, ConversationState.Browsing)
            .Permit(ConversationTrigger.Cancel, ConversationState.Browsing)
            .Permit(ConversationTrigger.StartQuestions, ConversationState.Answering)
            .Permit(ConversationTrigger.AskSpecialist, ConversationState.DescribingProblem)
            .Permit(ConversationTrigger.Crisis, ConversationState.WaitingForWorker)
            .Permit(ConversationTrigger.CaseReopened, ConversationState.WaitingForWorker);

        m.Configure(ConversationState.RatingComment)
            .Ignore(ConversationTrigger.LanguageChosen)
            .Permit(ConversationTrigger.Commented, ConversationState.Browsing)
            .Permit(ConversationTrigger.Browse, ConversationState.Browsing)
            .Permit(ConversationTrigger.Cancel, ConversationState.Browsing)
            .Permit(ConversationTrigger.StartQuestions, ConversationState.Answering)
            .Permit(ConversationTrigger.AskSpecialist, ConversationState.DescribingProblem)
            .Permit(ConversationTrigger.Crisis, ConversationState.WaitingForWorker)
            .Permit(ConversationTrigger.CaseReopened, ConversationState.WaitingForWorker);
    }
}
