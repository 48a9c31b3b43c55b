using HotlineBot.Cases;
using HotlineBot.Conversations;
using HotlineBot.Storage;

namespace HotlineBot.Tests.Core;

/// <summary>The two state machines drawn from their code, and a conversation that survives a restart on a LiteDB file.</summary>
public sealed class MachineTests
{
    private const long Person = 9001;

    [Fact]
    public void The_conversation_graph_names_every_state()
    {
        var dot = Conversations.Person.Graph();
        Assert.Contains("digraph", dot, StringComparison.Ordinal);
        Assert.All(Enum.GetNames<ConversationState>(), s => Assert.Contains(s, dot, StringComparison.Ordinal));
        Assert.Contains(nameof(ConversationTrigger.WorkerJoined), dot, StringComparison.Ordinal);
        // The guard and the entry actions are part of the picture, not hidden in callers.
        Assert.Contains("a language is known", dot, StringComparison.Ordinal);
        Assert.Contains("their open case and their latest", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void The_case_graph_names_every_state()
    {
        var dot = Case.Graph();
        Assert.Contains("digraph", dot, StringComparison.Ordinal);
        Assert.All(Enum.GetNames<CaseStatus>(), s => Assert.Contains(s, dot, StringComparison.Ordinal));
        Assert.Contains(nameof(CaseTrigger.Reopen), dot, StringComparison.Ordinal);
        Assert.Contains("the person has no other open case", dot, StringComparison.Ordinal);
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
