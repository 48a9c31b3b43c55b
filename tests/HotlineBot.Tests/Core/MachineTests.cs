using HotlineBot.Cases;
using HotlineBot.Conversations;
using HotlineBot.Storage;

namespace HotlineBot.Tests.Core;

/// <summary>The two state machines, and a conversation that survives a restart on a LiteDB file.</summary>
public sealed class MachineTests
{
    private const long Person = 9001;

    [Fact]
    public void The_conversation_graph_names_every_state()
    {
        var dot = ConversationMachine.Graph();
        Assert.Contains("digraph", dot, StringComparison.Ordinal);
        Assert.All(Enum.GetNames<ConversationState>(), s => Assert.Contains(s, dot, StringComparison.Ordinal));
        Assert.Contains(nameof(ConversationTrigger.WorkerJoined), dot, StringComparison.Ordinal);
    }

    [Fact]
    public void The_case_graph_names_every_state()
    {
        var dot = CaseMachine.Graph();
        Assert.Contains("digraph", dot, StringComparison.Ordinal);
        Assert.All(Enum.GetNames<CaseStatus>(), s => Assert.Contains(s, dot, StringComparison.Ordinal));
        Assert.Contains(nameof(CaseTrigger.Reopen), dot, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ConversationState.Browsing, ConversationTrigger.WorkerJoined)]
    [InlineData(ConversationState.Browsing, ConversationTrigger.CaseClosed)]
    [InlineData(ConversationState.ChoosingLanguage, ConversationTrigger.AskSpecialist)]
    [InlineData(ConversationState.ChoosingLanguage, ConversationTrigger.StartQuestions)]
    [InlineData(ConversationState.Answering, ConversationTrigger.CaseOpened)]
    [InlineData(ConversationState.WaitingForWorker, ConversationTrigger.Rated)]
    [InlineData(ConversationState.RatingComment, ConversationTrigger.WorkerJoined)]
    public void Illegal_triggers_are_refused_and_change_nothing(ConversationState state, ConversationTrigger trigger)
    {
        var person = new Person { State = state };
        var machine = new ConversationMachine(person);
        Assert.False(machine.TryFire(trigger));
        Assert.Equal(state, person.State);
        Assert.Equal(state, machine.State);
    }

    [Theory]
    [InlineData(ConversationState.ChoosingLanguage, ConversationTrigger.LanguageChosen, ConversationState.Browsing)]
    [InlineData(ConversationState.ChoosingLanguage, ConversationTrigger.Crisis, ConversationState.WaitingForWorker)]
    [InlineData(ConversationState.Browsing, ConversationTrigger.StartQuestions, ConversationState.Answering)]
    [InlineData(ConversationState.Browsing, ConversationTrigger.AskSpecialist, ConversationState.DescribingProblem)]
    [InlineData(ConversationState.DescribingProblem, ConversationTrigger.CaseOpened, ConversationState.WaitingForWorker)]
    [InlineData(ConversationState.WaitingForWorker, ConversationTrigger.WorkerJoined, ConversationState.TalkingWithWorker)]
    [InlineData(ConversationState.WaitingForWorker, ConversationTrigger.Browse, ConversationState.WaitingForWorker)]
    [InlineData(ConversationState.WaitingForWorker, ConversationTrigger.StartQuestions, ConversationState.WaitingForWorker)]
    [InlineData(ConversationState.TalkingWithWorker, ConversationTrigger.StartQuestions, ConversationState.TalkingWithWorker)]
    [InlineData(ConversationState.TalkingWithWorker, ConversationTrigger.CaseRequeued, ConversationState.WaitingForWorker)]
    [InlineData(ConversationState.TalkingWithWorker, ConversationTrigger.CaseClosed, ConversationState.Rating)]
    [InlineData(ConversationState.TalkingWithWorker, ConversationTrigger.CaseOpened, ConversationState.WaitingForWorker)]
    [InlineData(ConversationState.WaitingForWorker, ConversationTrigger.CaseOpened, ConversationState.WaitingForWorker)]
    [InlineData(ConversationState.Rating, ConversationTrigger.Rated, ConversationState.RatingComment)]
    [InlineData(ConversationState.RatingComment, ConversationTrigger.Commented, ConversationState.Browsing)]
    public void Legal_triggers_move_the_persons_state(ConversationState from, ConversationTrigger trigger, ConversationState to)
    {
        var person = new Person { State = from };
        Assert.True(new ConversationMachine(person).TryFire(trigger));
        Assert.Equal(to, person.State);
    }

    [Fact]
    public void The_case_machine_refuses_taking_a_closed_case_and_allows_reopening()
    {
        var @case = new Case { Status = CaseStatus.Closed };
        var machine = new CaseMachine(@case);
        Assert.False(machine.TryFire(CaseTrigger.Take));
        Assert.False(machine.CanFire(CaseTrigger.TransferToQueue));
        Assert.Equal(CaseStatus.Closed, @case.Status);
        Assert.True(machine.TryFire(CaseTrigger.Reopen));
        Assert.Equal(CaseStatus.Queued, @case.Status);
        Assert.True(machine.TryFire(CaseTrigger.Take));
        Assert.False(machine.TryFire(CaseTrigger.Take));
        Assert.Equal(CaseStatus.Assigned, @case.Status);
    }

    [Theory]
    [InlineData("ru", "Здесь:", "Виды государственных пособий (1–4)")]
    [InlineData("kk", "Мұнда:", "Мемлекеттік жәрдемақы түрлері (1–4)")]
    public void A_restart_resumes_where_the_person_was(string lang, string benefits, string kinds)
    {
        using var dir = new TempDir();
        var path = dir.File("hotline.db");
        using (var before = new CoreHarness(path))
        {
            before.Onboard(Person, lang);
            before.Press(Person, "n:benefits", lang: lang);
            before.Press(Person, "n:benefits.kinds.1", lang: lang);
            Assert.Contains(kinds, before.TextTo(Person), StringComparison.Ordinal);
        }

        using var after = new CoreHarness(path);
        var person = after.Get<IPersonStore>().Find(Person)!;
        Assert.Equal("benefits.kinds.1", person.NodeId);

        // The hint says the other language: the stored choice must win.
        after.Press(Person, "a:back", lang: lang == "ru" ? "kk" : "ru");
        Assert.Contains(benefits, after.TextTo(Person), StringComparison.Ordinal);
        after.Press(Person, "a:back");
        Assert.Contains(lang == "ru" ? "Это помощник телефона доверия" : "Бұл — сенім телефонының көмекшісі", after.TextTo(Person), StringComparison.Ordinal);
    }

    [Fact]
    public void A_restart_keeps_an_open_case_and_its_queue_position()
    {
        using var dir = new TempDir();
        var path = dir.File("hotline.db");
        using (var before = new CoreHarness(path))
        {
            before.Onboard(Person);
            before.Press(Person, "a:escalate");
            before.Say(Person, "Нужна консультация");
        }

        using var after = new CoreHarness(path);
        after.Say(Person, "Я ещё здесь");
        Assert.Contains("Добавлено к обращению №1", after.TextTo(Person), StringComparison.Ordinal);
        after.Press(Person, "a:escalate");
        Assert.Contains("Ваше обращение №1 ещё открыто, место в очереди: 1.", after.TextTo(Person), StringComparison.Ordinal);
    }
}
