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
/// The rules of a person's conversation, configured in one place, as in Stateless's BugTracker sample: the person owns
/// the machine and callers say what happened (<see cref="ChooseLanguage"/>, <see cref="AskForSpecialist"/>,
/// <see cref="CaseOpened"/>…). A move the rules do not allow throws <see cref="InvalidOperationException"/>; what may
/// be refused in the ordinary course is asked first (<see cref="CanStartQuestions"/>, <see cref="CanRate"/>). Moves that
/// change nothing in some states (a menu while a case is open) are declared as ignored there, not left to chance.
/// The state is <see cref="State"/>, stored in LiteDB, so the machine is built lazily per loaded person (a private field,
/// never mapped) and a restart resumes every conversation where it was.
/// </summary>
public sealed partial class Person
{
    private StateMachine<ConversationState, ConversationTrigger>? _machine;
    private StateMachine<ConversationState, ConversationTrigger>.TriggerWithParameters<int>? _caseOpened;
    private StateMachine<ConversationState, ConversationTrigger>.TriggerWithParameters<int>? _caseReopened;

    /// <summary>The person picked a language; on the first pick the conversation starts.</summary>
    public void ChooseLanguage(Language language)
    {
        Language = language;
        Machine.Fire(ConversationTrigger.LanguageChosen);
    }

    /// <summary>A menu screen is shown. While a case is open the case, not the screen, decides the state.</summary>
    public void Browse() => Machine.Fire(ConversationTrigger.Browse);

    /// <summary>Not before a language is chosen; alongside an open case it runs without changing the state.</summary>
    public bool CanStartQuestions() => Machine.CanFire(ConversationTrigger.StartQuestions);

    public void StartQuestions() => Machine.Fire(ConversationTrigger.StartQuestions);

    /// <summary>Whether the questionnaire's answer buttons count now: while answering, or alongside an open case.</summary>
    public bool AnswersQuestions() => Machine.IsInState(ConversationState.Answering) || Machine.IsInState(ConversationState.InCase);

    /// <summary>The person wants a specialist: their next words open a case. Needs a language (the prompt is in it).</summary>
    public void AskForSpecialist() => Machine.Fire(ConversationTrigger.AskSpecialist);

    /// <summary>Words of danger: the person is in the queue at once, whatever screen they were on.</summary>
    public void EnterCrisis() => Machine.Fire(ConversationTrigger.Crisis);

    /// <summary>A case opened for them (see CaseDesk.Open): it is their open case and their latest.</summary>
    public void CaseOpened(int caseId)
    {
        Machine.Fire(_caseOpened!, caseId);
        // Set here rather than as an entry action: crisis words may have put them in the queue a moment before the
        // case opened, and a move from the queue to the queue does not run its entry action.
        InCase(caseId);
    }

    public void WorkerJoined() => Machine.Fire(ConversationTrigger.WorkerJoined);

    /// <summary>Their worker handed the case back to the queue.</summary>
    public void CaseRequeued() => Machine.Fire(ConversationTrigger.CaseRequeued);

    /// <summary>A worker reopened their closed case: it is open again, in the queue.</summary>
    public void CaseReopened(int caseId) => Machine.Fire(_caseReopened!, caseId);

    /// <summary>A worker closed the case: the person may rate it.</summary>
    public void CaseClosed() => Machine.Fire(ConversationTrigger.CaseClosed);

    /// <summary>/cancel or closing their own case (after confirming): back to the menu, or to rating a talk that happened.</summary>
    public void Cancel() => Machine.Fire(ConversationTrigger.Cancel);

    /// <summary>Stars count only right after a case closed (rating is optional: anything else moves on).</summary>
    public bool CanRate() => Machine.CanFire(ConversationTrigger.Rated);

    public void Rate() => Machine.Fire(ConversationTrigger.Rated);

    public void Comment() => Machine.Fire(ConversationTrigger.Commented);

    /// <summary>The machine as a DOT graph, drawn from this configuration so the picture never drifts from the code.</summary>
    public static string Graph() => UmlDotGraph.Format(new Person().Machine.GetInfo());

    private StateMachine<ConversationState, ConversationTrigger> Machine => _machine ??= Configure();

    /// <summary>
    /// Lets the machine go (it keeps its state in <see cref="State"/>, so the next move builds it again): a person kept
    /// in the store's cache between turns then costs only its stored properties.
    /// </summary>
    internal void ForgetMachine() => _machine = null;

    private StateMachine<ConversationState, ConversationTrigger> Configure()
    {
        var m = new StateMachine<ConversationState, ConversationTrigger>(() => State, s => State = s);
        _caseOpened = m.SetTriggerParameters<int>(ConversationTrigger.CaseOpened);
        _caseReopened = m.SetTriggerParameters<int>(ConversationTrigger.CaseReopened);

        // Outside a case, crisis words or a worker reopening an old case bring the person into the queue,
        // whatever screen they were on.
        m.Configure(ConversationState.OutsideCase)
            .Permit(ConversationTrigger.Crisis, ConversationState.WaitingForWorker)
            .Permit(ConversationTrigger.CaseReopened, ConversationState.WaitingForWorker);

        m.Configure(ConversationState.ChoosingLanguage)
            .SubstateOf(ConversationState.OutsideCase)
            .Permit(ConversationTrigger.LanguageChosen, ConversationState.Browsing)
            // A language can be known before it was chosen (guessed from words of crisis); then the person may ask for
            // a specialist like anyone, and their next words open the case instead of asking for the language again.
            .PermitIf(ConversationTrigger.AskSpecialist, ConversationState.DescribingProblem, () => Language is not null, "a language is known")
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
            .Permit(ConversationTrigger.CaseOpened, ConversationState.WaitingForWorker)
            .OnExit(() => ActiveCaseId = null, "the case is no longer theirs to write to");

        m.Configure(ConversationState.WaitingForWorker)
            .SubstateOf(ConversationState.InCase)
            .Ignore(ConversationTrigger.CaseRequeued)
            .Permit(ConversationTrigger.WorkerJoined, ConversationState.TalkingWithWorker)
            .Permit(ConversationTrigger.Cancel, ConversationState.Browsing)
            .OnEntryFrom(_caseReopened, InCase, "their open case and their latest");

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
        return m;
    }

    private void InCase(int caseId)
    {
        ActiveCaseId = caseId;
        LastCaseId = caseId;
    }
}
