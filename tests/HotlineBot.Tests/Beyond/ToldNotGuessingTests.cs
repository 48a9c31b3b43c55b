using HotlineBot.Cases;
using HotlineBot.Conversations;
using HotlineBot.FakeTelegram;
using HotlineBot.Storage;
using HotlineBot.Tests.Core;
using HotlineBot.Tests.EndToEnd;
using static HotlineBot.Tests.Beyond.BeyondHelpers;
using static HotlineBot.Tests.EndToEnd.EscalationHelpers;

namespace HotlineBot.Tests.Beyond;

/// <summary>The person is told what happens: a transfer, a long silence, and quick replies in their own language.</summary>
public sealed class ToldNotGuessingTests
{
    private const long Person = 785000001;

    private static void TakenCase(CoreHarness core, string lang = "ru")
    {
        core.Onboard(Person, lang);
        core.Press(Person, "a:escalate", 1, lang);
        core.Say(Person, "помогите", lang);
        core.Press(CoreHarness.Worker1, "w:take:1");
    }

    [Fact]
    public void A_transfer_tells_the_person_in_their_language_that_another_specialist_continues_without_a_new_greeting()
    {
        using var core = new CoreHarness();
        TakenCase(core, "kk");
        var replies = core.Say(CoreHarness.Worker1, "/transfer 1 900002");
        var toPerson = Assert.Single(replies, o => o.ChatId == Person);
        Assert.Contains("Әңгімені басқа маман", toPerson.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(core.Dialogs.Ui.Get("case.taken", Language.Kk, ("worker", "Маман")), toPerson.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Сәлеметсіз бе", toPerson.Text, StringComparison.Ordinal);
        Assert.Contains(replies, o => o.ChatId == CoreHarness.Worker2);
    }

    [Fact]
    public void No_still_open_note_goes_into_a_hidden_chat_nor_waits_there_for_the_person()
    {
        using var core = new CoreHarness();
        TakenCase(core);
        core.Say(Person, "вы здесь?");
        core.Press(Person, "a:hide");
        core.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.DoesNotContain(core.Db.InTransaction(() => core.Engine.Tick(core.Time.GetUtcNow())).Outbounds, o => o.ChatId == Person);
        Assert.DoesNotContain(core.Get<ICaseStore>().Log(1), e => e.Text?.Contains("still open", StringComparison.Ordinal) == true);

        var back = core.Say(Person, "/start");
        Assert.DoesNotContain(back, o => o.Text?.Contains("по-прежнему открыто", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_silent_worker_leads_to_one_still_open_note_per_silence()
    {
        using var core = new CoreHarness();
        TakenCase(core);
        core.Say(Person, "вы здесь?");
        core.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.DoesNotContain(core.Engine.Tick(core.Time.GetUtcNow()).Outbounds, o => o.ChatId == Person);

        core.Time.Advance(TimeSpan.FromMinutes(6));
        var nudge = Assert.Single(core.Db.InTransaction(() => core.Engine.Tick(core.Time.GetUtcNow())).Outbounds, o => o.ChatId == Person);
        Assert.Contains("Ваше обращение №1 по-прежнему открыто", nudge.Text, StringComparison.Ordinal);
        Assert.Contains(core.Get<ICaseStore>().Log(1), e => e.Text?.Contains("person told the case is still open", StringComparison.Ordinal) == true);

        // Once per silence: the next tick says nothing, and neither does a further message from the person.
        core.Time.Advance(TimeSpan.FromMinutes(20));
        core.Say(Person, "ау");
        core.Time.Advance(TimeSpan.FromMinutes(20));
        Assert.DoesNotContain(core.Db.InTransaction(() => core.Engine.Tick(core.Time.GetUtcNow())).Outbounds, o => o.ChatId == Person);

        // The worker answers; a new silence after the person writes again gets a new note.
        core.Say(CoreHarness.Worker1, "Я здесь");
        core.Say(Person, "спасибо, а дальше?");
        core.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.Single(core.Db.InTransaction(() => core.Engine.Tick(core.Time.GetUtcNow())).Outbounds, o => o.ChatId == Person);
    }

    [Fact]
    public void No_nudge_after_a_safe_exit()
    {
        using var core = new CoreHarness();
        TakenCase(core);
        core.Say(Person, "вы здесь?");
        core.Press(Person, "a:hide");
        core.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.DoesNotContain(core.Db.InTransaction(() => core.Engine.Tick(core.Time.GetUtcNow())).Outbounds, o => o.ChatId == Person);
    }

    [Fact]
    public async Task A_quick_reply_arrives_in_the_person_s_language_whatever_the_worker_s_telegram_language()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        await TakenCaseAsync(api, Person, BotHost.WorkerA, language: "kk", question: "Көмек керек");

        // The worker's Telegram is in Russian: the buttons are Russian, the person gets Kazakh.
        var taken = api.BotMessages(BotHost.WorkerA).Last(m => m.Buttons.Any(b => b.CallbackData == "w:quick:1:here"));
        Assert.Contains(taken.Buttons, b => b.Text.Contains("Я здесь", StringComparison.Ordinal));
        var mark = LastId(api, Person);
        api.PressButton(BotHost.WorkerA, taken.MessageId, "w:quick:1:here");
        var quick = await WaitText(api, Person, "Мен осындамын", mark);
        Assert.Equal("Маман: Мен осындамын, сізбен біргемін. Асықпаңыз.", quick.Text);
        Assert.DoesNotContain(api.BotMessages(Person), m => m.Display?.Contains("Я здесь, я с вами", StringComparison.Ordinal) == true);
    }
}
