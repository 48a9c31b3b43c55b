using HotlineBot.Cases;
using HotlineBot.Conversations;
using HotlineBot.Storage;

namespace HotlineBot.Tests.Core;

/// <summary>
/// After a safe exit nothing anyone else sends reaches the person's screen: it is held, the worker is told so, and
/// it arrives in order, after one line saying what it is, the next time the person writes.
/// </summary>
public sealed class HeldWhileHiddenTests
{
    private const long Person = 7201;
    private const long Worker = CoreHarness.Worker1;

    private static CoreHarness TakenCase(IDictionary<string, string?>? settings = null)
    {
        var core = new CoreHarness(settings: settings);
        core.Onboard(Person);
        core.Press(Person, "a:escalate");
        core.Say(Person, "Мне нужна помощь");
        core.Press(Worker, "w:take:1");
        return core;
    }

    [Fact]
    public void A_workers_messages_wait_while_the_chat_is_hidden_and_arrive_in_order_when_the_person_returns()
    {
        using var core = TakenCase();
        var hid = core.Press(Person, "a:hide");
        Assert.Contains(hid, o => o.ChatId == Person && o.Kind == OutboundKind.ClearChat);
        Assert.Contains(hid, o => o.ChatId == Worker && o.Text!.Contains("бот придержит их", StringComparison.Ordinal));

        var first = core.Say(Worker, "Вы в безопасности?");
        Assert.DoesNotContain(first, o => o.ChatId == Person);
        Assert.Contains(first, o => o.ChatId == Worker && o.Text!.Contains("#1: сообщение придержано", StringComparison.Ordinal));
        var photo = core.Media(Worker, "photo", "Адрес центра");
        Assert.DoesNotContain(photo, o => o.ChatId == Person);
        var log = core.Get<ICaseStore>().Log(1);
        Assert.Contains(log, e => e.Kind == CaseEventKind.WorkerMessage && e.Text == "Вы в безопасности?");
        Assert.Equal(2, log.Count(e => e.Text == "worker's message held: the person's chat is hidden"));

        var back = core.Say(Person, "/start").Where(o => o.ChatId == Person).ToList();
        var intro = back.FindIndex(o => o.Text?.Contains("Пока чат был скрыт, для вас пришли сообщения (2)", StringComparison.Ordinal) == true);
        var text = back.FindIndex(o => o.Text == "Специалист: Вы в безопасности?");
        var copy = back.FindIndex(o => o.Kind == OutboundKind.Copy && o.CopyFromChatId == Worker);
        var menu = back.FindIndex(o => CoreHarness.ButtonData([o]).Contains("a:escalate"));
        Assert.True(intro >= 0 && intro < text && text < copy && copy < menu, string.Join("\n", back.Select(o => $"{o.Kind} {o.Text}")));
        Assert.Equal(Worker, back[text].ReportTo);
        Assert.Contains(core.Last, o => o.ChatId == Worker && o.Text == "#1: человек вернулся в чат. Придержанных сообщений передано: 2.");
        Assert.False(core.Get<IPersonStore>().Find(Person)!.Hidden);
        Assert.Empty(core.Get<IHeldStore>().Release(Person));

        // From now on the worker's words go straight through again.
        Assert.Contains(core.Say(Worker, "Хорошо, я здесь"), o => o.ChatId == Person && o.Text == "Специалист: Хорошо, я здесь");
    }

    [Fact]
    public void Hiding_again_keeps_them_held_and_a_case_closed_meanwhile_waits_too()
    {
        using var core = TakenCase();
        core.Press(Person, "a:hide");
        var closed = HotlineBot.Tests.Practice.WrapUpSteps.Close(core, Worker, 1);
        Assert.DoesNotContain(closed, o => o.ChatId == Person && o.Kind is OutboundKind.Send or OutboundKind.Edit or OutboundKind.Copy);
        Assert.Equal(CaseStatus.Closed, core.Get<ICaseStore>().Find(1)!.Status);

        // A second /hide (someone came close again) releases nothing.
        var again = core.Say(Person, "/hide");
        Assert.DoesNotContain(again, o => o.ChatId == Person && o.Text?.Contains("Пока чат был скрыт", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(again, o => o.ChatId == Person && o.Text?.Contains("Оцените", StringComparison.Ordinal) == true);

        var back = core.Say(Person, "привет");
        Assert.Contains(back, o => o.ChatId == Person && o.Text!.Contains("Пока чат был скрыт", StringComparison.Ordinal));
        Assert.Contains(back, o => o.ChatId == Person && CoreHarness.ButtonData([o]).Contains("r:5"));
    }

    [Fact]
    public void A_notice_from_the_timers_is_held_too_and_held_words_go_with_the_retention_window()
    {
        using var core = new CoreHarness(settings: new Dictionary<string, string?> { ["Hotline:RetentionDays"] = "30" });
        core.Onboard(Person);
        core.Press(Person, "a:escalate");
        core.Say(Person, "Мне нужна помощь");
        core.Press(Person, "a:hide");

        // Nobody took the case in time: the notice about other ways to get help waits for the person.
        core.Time.Advance(TimeSpan.FromMinutes(11));
        var pickup = core.Db.InTransaction(() => core.Engine.Tick(core.Time.GetUtcNow()));
        Assert.DoesNotContain(pickup.Outbounds, o => o.ChatId == Person);
        Assert.Contains(core.Get<ICaseStore>().Log(1), e => e.Text!.StartsWith("not taken within", StringComparison.Ordinal));

        // Held for longer than the hotline keeps any text: gone, like the words in closed case logs.
        core.Time.Advance(TimeSpan.FromDays(31));
        core.Db.InTransaction(() => core.Engine.Tick(core.Time.GetUtcNow()));
        var back = core.Say(Person, "/start");
        Assert.DoesNotContain(back, o => o.Text?.Contains("Пока чат был скрыт", StringComparison.Ordinal) == true);
        Assert.Contains(back, o => o.ChatId == Person && CoreHarness.ButtonData([o]).Contains("a:escalate"));
    }
}
