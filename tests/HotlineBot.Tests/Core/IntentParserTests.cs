using HotlineBot.Cases;
using HotlineBot.Conversations;
using HotlineBot.Dialogs;

namespace HotlineBot.Tests.Core;

/// <summary>
/// The one reader of button data and commands: every intent round-trips through its data, the data is the same the
/// buttons already in people's chats carry, typed and tapped commands are the same command, and garbage is a typed
/// unknown that gets the kind answer it always got.
/// </summary>
public sealed class IntentParserTests
{
    private const long Person = 9101;

    public static TheoryData<ButtonIntent> EveryButton()
    {
        var all = new TheoryData<ButtonIntent>
        {
            new NodeButton("benefits.kinds.1"),
            new LanguageButton(Language.Kk),
            new LanguageButton(Language.Ru),
            new AnswerButton("income", "low"),
            new AnswerButton("income", EligibilityControls.Skip),
            new AnswerButton("income", EligibilityControls.Done),
            new AnswerButton("income", EligibilityControls.Back),
            new StaffButton(new WorkerCommand.Take(12)),
            new StaffButton(new WorkerCommand.History(12)),
            new StaffButton(new WorkerCommand.Transfer(12, null)),
            new StaffButton(new WorkerCommand.Close(12)),
            new StaffButton(new WorkerCommand.Switch(12)),
            new StaffButton(new WorkerCommand.TakeOver(12)),
            new StaffButton(new WorkerCommand.Duty(DutyChange.On)),
            new StaffButton(new WorkerCommand.Duty(DutyChange.Off)),
            new StaffButton(new WorkerCommand.QuickReply(12, "breathe")),
        };
        foreach (var action in Enum.GetValues<DialogAction>())
        {
            all.Add(new ActionButton(action));
            all.Add(new ActionButton(action, 12));
        }

        foreach (var stars in Enumerable.Range(1, 5))
        {
            all.Add(new RateButton(stars));
        }

        foreach (var answer in Enum.GetValues<ConcernAnswer>())
        {
            all.Add(new ConcernButton(answer));
        }

        foreach (var kind in Enum.GetValues<WrapUpInputKind>())
        {
            all.Add(new StaffButton(new WorkerCommand.WrapUpTap(12, new WrapUpInput(kind, null))));
            all.Add(new StaffButton(new WorkerCommand.WrapUpTap(12, new WrapUpInput(kind, "family"))));
        }

        return all;
    }

    [Theory]
    [MemberData(nameof(EveryButton))]
    public void Every_button_intent_reads_back_as_itself_and_fits_in_telegrams_64_bytes(ButtonIntent intent)
    {
        var data = intent.ToData();
        Assert.Equal(intent, ButtonIntent.Parse(data));
        Assert.True(CallbackData.Bytes(data) <= CallbackData.MaxBytes, data);
    }

    /// <summary>Buttons sent before this code stay in chats for days: their data must mean what it meant.</summary>
    [Theory]
    [InlineData("n:benefits", typeof(NodeButton))]
    [InlineData("l:kk", typeof(LanguageButton))]
    [InlineData("a:escalate", typeof(ActionButton))]
    [InlineData("a:cancelcase:12", typeof(ActionButton))]
    [InlineData("a:cancelyes:12", typeof(ActionButton))]
    [InlineData("a:cancelno:12", typeof(ActionButton))]
    [InlineData("a:pass", typeof(ActionButton))]
    [InlineData("a:callback", typeof(ActionButton))]
    [InlineData("a:hide", typeof(ActionButton))]
    [InlineData("q:income:-", typeof(AnswerButton))]
    [InlineData("r:3", typeof(RateButton))]
    [InlineData("c:talk", typeof(ConcernButton))]
    [InlineData("w:take:5", typeof(StaffButton))]
    [InlineData("w:requeue:5", typeof(StaffButton))]
    [InlineData("w:duty:0:on", typeof(StaffButton))]
    [InlineData("w:wu:5:c:family", typeof(StaffButton))]
    [InlineData("w:wu:5:f", typeof(StaffButton))]
    [InlineData("w:quick:5:breathe", typeof(StaffButton))]
    [InlineData("w:over:5", typeof(StaffButton))]
    public void The_data_of_buttons_already_sent_still_reads_the_same(string data, Type kind)
    {
        var intent = ButtonIntent.Parse(data);
        Assert.IsType(kind, intent);
        Assert.Equal(data, intent.ToData());
    }

    [Fact]
    public void What_the_buttons_mean_is_typed()
    {
        Assert.Equal(new ActionButton(DialogAction.CancelCase, 12), ButtonIntent.Parse("a:cancelcase:12"));
        Assert.Equal(new StaffButton(new WorkerCommand.Transfer(5, null)), ButtonIntent.Parse("w:requeue:5"));
        Assert.Equal(new StaffButton(new WorkerCommand.WrapUpTap(5, new WrapUpInput(WrapUpInputKind.Category, "family"))), ButtonIntent.Parse("w:wu:5:c:family"));
        // The outcome buttons of older messages open the wrap-up form like Close.
        Assert.Equal(new StaffButton(new WorkerCommand.Close(5)), ButtonIntent.Parse("w:close:5:consulted"));
        // An action button whose number is unreadable means the open case of that moment.
        Assert.Equal(new ActionButton(DialogAction.CancelCase), ButtonIntent.Parse("a:cancelcase:abc"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("zz:1")]
    [InlineData("n-benefits")]
    [InlineData("a:nosuch")]
    [InlineData("r:0")]
    [InlineData("r:9")]
    [InlineData("r:three")]
    [InlineData("q:income")]
    [InlineData("q:income:low:extra")]
    [InlineData("c:maybe")]
    [InlineData("l:en")]
    [InlineData("w:take")]
    [InlineData("w:take:abc")]
    [InlineData("w:fly:5")]
    [InlineData("w:duty:0:show")]
    [InlineData("w:duty:0")]
    [InlineData("w:wu:5:zz")]
    [InlineData("w:wu:5")]
    [InlineData("w:quick:5")]
    public void Garbage_is_an_unknown_button_that_keeps_its_data(string? data) =>
        Assert.Equal(new UnknownButton(data), ButtonIntent.Parse(data));

    public static TheoryData<string, WorkerCommand> TypedCommands => new()
    {
        { "/queue", new WorkerCommand.WaitingCases() },
        { "/take 5", new WorkerCommand.Take(5) },
        { "/take #5", new WorkerCommand.Take(5) },
        { "/TAKE@HotlineBot 5", new WorkerCommand.Take(5) },
        { "/mycases", new WorkerCommand.MyCases() },
        { "/note call back after six", new WorkerCommand.Note("call back after six") },
        { "/transfer", new WorkerCommand.Transfer(null, null) },
        { "/transfer 5", new WorkerCommand.Transfer(5, null) },
        { "/transfer 5 Aigerim she prefers Kazakh", new WorkerCommand.Transfer(5, "Aigerim she prefers Kazakh") },
        { "/close", new WorkerCommand.Close(null) },
        { "/close 5", new WorkerCommand.Close(5) },
        { "/wrapup 5", new WorkerCommand.EditWrapUp(5) },
        { "/history", new WorkerCommand.History(null) },
        { "/history #5", new WorkerCommand.History(5) },
        { "/export 5", new WorkerCommand.Export(5) },
        { "/switch 5", new WorkerCommand.Switch(5) },
        { "/reopen 5", new WorkerCommand.Reopen(5) },
        { "/risk high", new WorkerCommand.SetRisk(RiskLevel.High, null) },
        { "/risk m 5", new WorkerCommand.SetRisk(RiskLevel.Medium, 5) },
        { "/duty", new WorkerCommand.Duty(DutyChange.Show) },
        { "/duty on", new WorkerCommand.Duty(DutyChange.On) },
        { "/duty OFF", new WorkerCommand.Duty(DutyChange.Off) },
        { "/live", new WorkerCommand.Live() },
        { "/whisper 5 ask about the children", new WorkerCommand.Whisper(5, "ask about the children") },
        { "/takeover 5", new WorkerCommand.TakeOver(5) },
        { "/stats", new WorkerCommand.Stats() },
        { "/audit", new WorkerCommand.Audit(null) },
        { "/audit 5", new WorkerCommand.Audit(5) },
        { "/start", new WorkerCommand.Help() },
        { "/help", new WorkerCommand.Help() },
        // The shape is wrong: the usage line, as before.
        { "/take", new WorkerCommand.Unknown() },
        { "/take five", new WorkerCommand.Unknown() },
        { "/note", new WorkerCommand.Unknown() },
        { "/risk", new WorkerCommand.Unknown() },
        { "/risk purple 5", new WorkerCommand.Unknown() },
        { "/duty maybe", new WorkerCommand.Unknown() },
        { "/whisper 5", new WorkerCommand.Unknown() },
        { "/switch", new WorkerCommand.Unknown() },
        { "/fly", new WorkerCommand.Unknown() },
        { "/", new WorkerCommand.Unknown() },
    };

    [Theory]
    [MemberData(nameof(TypedCommands))]
    public void Typed_commands_read_as_their_command(string text, WorkerCommand expected) =>
        Assert.Equal(expected, WorkerCommand.Parse(text));

    [Theory]
    [InlineData("/take 5", "w:take:5")]
    [InlineData("/history 5", "w:history:5")]
    [InlineData("/transfer 5", "w:requeue:5")]
    [InlineData("/close 5", "w:close:5")]
    [InlineData("/switch 5", "w:switch:5")]
    [InlineData("/takeover 5", "w:over:5")]
    [InlineData("/duty on", "w:duty:0:on")]
    [InlineData("/duty off", "w:duty:0:off")]
    public void Typed_and_tapped_are_the_same_command(string text, string data)
    {
        var typed = WorkerCommand.Parse(text);
        Assert.Equal(new StaffButton(typed), ButtonIntent.Parse(data));
        Assert.Equal(data, typed.ToData());
    }

    [Fact]
    public void A_command_with_no_button_says_so_instead_of_making_data_up()
    {
        Assert.Throws<InvalidOperationException>(() => new WorkerCommand.Note("x").ToData());
        Assert.Throws<InvalidOperationException>(() => new WorkerCommand.Transfer(5, "Aigerim").ToData());
        Assert.Throws<InvalidOperationException>(() => new WorkerCommand.Duty(DutyChange.Show).ToData());
    }

    [Theory]
    [InlineData("/start", typeof(PersonCommand.Start))]
    [InlineData("/start@HotlineBot specialist", typeof(PersonCommand.Start))]
    [InlineData("/menu", typeof(PersonCommand.Menu))]
    [InlineData("/LANGUAGE", typeof(PersonCommand.ChooseLanguage))]
    [InlineData("/help", typeof(PersonCommand.Help))]
    [InlineData("/cancel", typeof(PersonCommand.Cancel))]
    [InlineData("/hide", typeof(PersonCommand.Hide))]
    [InlineData("/hide now", typeof(PersonCommand.Hide))]
    [InlineData("/whatever", typeof(PersonCommand.Other))]
    [InlineData("/", typeof(PersonCommand.Other))]
    public void A_persons_commands_are_typed(string text, Type kind) => Assert.IsType(kind, PersonCommand.Parse(text));

    [Fact]
    public void The_specialist_link_is_told_apart_from_a_screens_link()
    {
        Assert.True(Assert.IsType<PersonCommand.Start>(PersonCommand.Parse("/start specialist")).AsksForSpecialist);
        Assert.True(Assert.IsType<PersonCommand.Start>(PersonCommand.Parse("/start SPECIALIST")).AsksForSpecialist);
        var benefits = Assert.IsType<PersonCommand.Start>(PersonCommand.Parse("/start benefits"));
        Assert.False(benefits.AsksForSpecialist);
        Assert.Equal("benefits", benefits.Payload);
    }

    [Theory]
    [InlineData("zz:garbage")]
    [InlineData("w:take:1")]
    [InlineData("a:nosuch")]
    [InlineData("r:9")]
    public void A_person_pressing_garbage_gets_the_outdated_button_answer_and_the_way_out(string data)
    {
        using var bot = new CoreHarness();
        bot.Onboard(Person);
        bot.Press(Person, data);
        Assert.Contains("Эта кнопка устарела.", bot.TextTo(Person), StringComparison.Ordinal);
        Assert.Contains("a:escalate", CoreHarness.ButtonData(bot.RepliesTo(Person)));
    }

    [Theory]
    [InlineData("a:menu")]
    [InlineData("w:take:abc")]
    [InlineData("w:fly:1")]
    public void A_worker_pressing_garbage_gets_the_usage_line(string data)
    {
        using var bot = new CoreHarness();
        bot.Press(CoreHarness.Worker1, data);
        Assert.Contains("Не понял команду.", bot.TextTo(CoreHarness.Worker1), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/fly")]
    [InlineData("/take")]
    [InlineData("/live")]
    public void A_worker_typing_garbage_or_a_supervisors_command_gets_the_usage_line(string text)
    {
        using var bot = new CoreHarness();
        bot.Say(CoreHarness.Worker1, text);
        Assert.Contains("Не понял команду.", bot.TextTo(CoreHarness.Worker1), StringComparison.Ordinal);
    }
}
