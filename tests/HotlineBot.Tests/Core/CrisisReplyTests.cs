using HotlineBot.Cases;
using HotlineBot.Conversations;
using HotlineBot.Settings;
using HotlineBot.Storage;

namespace HotlineBot.Tests.Core;

/// <summary>
/// The crisis reply is true in each situation: on duty, after hours or with nobody on staff, in a live chat, and
/// for a second matching message; urgent cases left waiting reach the supervisors; the queue is ordered by risk.
/// </summary>
public sealed class CrisisReplyTests
{
    private const long Person = 8101;
    private const long Other = 8102;
    private const string Promise = "Дежурный специалист уже получил";
    private const string OffHours = "Сейчас специалистов нет на связи";
    private const string Live = "Специалист, с которым вы говорите, видит это сообщение";
    private const string RepeatLive = "Специалист видит ваше сообщение.";
    private const string Repeat = "Я вас слышу";

    /// <summary>03:00 in Kazakhstan (UTC+5) on a Tuesday, with the real working hours (Mon–Fri 09:00–18:00).</summary>
    private static CoreHarness AtNight(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["Hotline:WorkingHours:AlwaysOpen"] = "false" };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var bot = new CoreHarness(settings: settings);
        bot.Time.Advance(TimeSpan.FromHours(16));
        return bot;
    }

    private static Outbound CrisisReplyTo(CoreHarness bot) =>
        Assert.Single(bot.RepliesTo(Person), o => o.Priority == OutboundPriority.Crisis && o.Kind == OutboundKind.Send);

    [Fact]
    public void On_duty_the_reply_gives_the_numbers_and_says_the_specialist_has_the_message()
    {
        using var bot = new CoreHarness();
        bot.Onboard(Person);
        bot.Say(Person, "не хочу больше жить");
        var reply = CrisisReplyTo(bot).Text!;
        Assert.Contains("☎ 112", reply, StringComparison.Ordinal);
        Assert.Contains(Promise, reply, StringComparison.Ordinal);
        Assert.Contains("№1", reply, StringComparison.Ordinal);
        Assert.Contains(CoreHarness.ButtonData(bot.RepliesTo(Person)), d => d == "a:hide");
    }

    [Fact]
    public void At_three_in_the_morning_nobody_is_promised_and_the_round_the_clock_numbers_are_given()
    {
        using var bot = AtNight();
        bot.Onboard(Person);
        bot.Say(Person, "не хочу больше жить");
        var reply = CrisisReplyTo(bot).Text!;
        Assert.Contains(OffHours, reply, StringComparison.Ordinal);
        Assert.Contains("09:00", reply, StringComparison.Ordinal);
        foreach (var number in new[] { "☎ 112", "☎ 111", "☎ 150" })
        {
            Assert.Contains(number, reply, StringComparison.Ordinal);
        }

        // Only the lines that answer at any hour: the public-services line is no help at 3 a.m.
        Assert.DoesNotContain("☎ 1414", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(Promise, reply, StringComparison.Ordinal);
        Assert.DoesNotContain("позвал", reply, StringComparison.Ordinal);
        // The case is still opened, urgent, so the first shift finds it at the top of the queue.
        Assert.True(bot.Get<ICaseStore>().Find(1)!.Urgent);
    }

    [Fact]
    public void With_nobody_on_staff_nobody_is_promised_even_in_working_hours()
    {
        using var bot = new CoreHarness(withStaff: false);
        Assert.Empty(bot.Get<Microsoft.Extensions.Options.IOptions<Settings.HotlineOptions>>().Value.Staff);
        bot.Onboard(Person);
        bot.Say(Person, "убью себя");
        var reply = CrisisReplyTo(bot).Text!;
        Assert.Contains(OffHours, reply, StringComparison.Ordinal);
        Assert.DoesNotContain(Promise, reply, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_matching_message_within_minutes_gets_a_short_line_not_the_block_again()
    {
        using var bot = new CoreHarness();
        bot.Onboard(Person);
        bot.Say(Person, "не хочу больше жить");
        bot.Say(Person, "правда не хочу жить");
        var second = CrisisReplyTo(bot).Text!;
        Assert.Contains(Repeat, second, StringComparison.Ordinal);
        Assert.DoesNotContain("☎", second, StringComparison.Ordinal);
        Assert.Single(bot.Get<ICaseStore>().All());

        // Long after, the whole reply again: the person may be in a new crisis.
        bot.Time.Advance(TimeSpan.FromMinutes(30));
        bot.Say(Person, "не хочу жить");
        Assert.Contains("☎ 112", CrisisReplyTo(bot).Text!, StringComparison.Ordinal);
    }

    [Fact]
    public void In_a_live_chat_the_specialist_gets_every_alert_and_the_person_one_full_reply_then_a_short_line()
    {
        using var bot = new CoreHarness();
        bot.Onboard(Person);
        bot.Press(Person, "a:escalate");
        bot.Say(Person, "Хочу поговорить");
        bot.Press(CoreHarness.Worker1, "w:take:1");

        bot.Say(Person, "я не хочу жить");
        var first = CrisisReplyTo(bot).Text!;
        Assert.Contains(Live, first, StringComparison.Ordinal);
        Assert.Contains("☎ 112", first, StringComparison.Ordinal);
        Assert.DoesNotContain(Promise, first, StringComparison.Ordinal);
        var alert = Assert.Single(bot.RepliesTo(CoreHarness.Worker1));
        Assert.StartsWith("🔴 #1 · КРИЗИС", alert.Text, StringComparison.Ordinal);
        Assert.Contains("я не хочу жить", alert.Text, StringComparison.Ordinal);
        Assert.Equal(OutboundPriority.Crisis, alert.Priority);
        // Nobody else is called: the case has its specialist.
        Assert.Empty(bot.RepliesTo(CoreHarness.Worker2));

        bot.Say(Person, "убью себя сегодня");
        Assert.Equal(RepeatLive, CrisisReplyTo(bot).Text);
        Assert.StartsWith("🔴 #1 · КРИЗИС", Assert.Single(bot.RepliesTo(CoreHarness.Worker1)).Text, StringComparison.Ordinal);
        var @case = bot.Get<ICaseStore>().Find(1)!;
        Assert.Equal(RiskLevel.High, @case.Risk);
        Assert.Contains(bot.Get<ICaseStore>().Log(1), e => e.Kind == CaseEventKind.Crisis && e.Text!.Contains("matched", StringComparison.Ordinal));
    }

    [Fact]
    public void Workers_see_the_risk_and_what_triggered_it()
    {
        using var bot = new CoreHarness();
        bot.Onboard(Person);
        bot.Say(Person, "Муж меня избивает");
        var notice = Assert.Single(bot.RepliesTo(CoreHarness.Worker1), o => o.Tag != HotlineBot.Cases.QueueBoard.Tag).Text!;
        Assert.Contains("риск: 🔴 высокий", notice, StringComparison.Ordinal);
        Assert.Contains("«", notice, StringComparison.Ordinal);
        Assert.Equal(bot.Get<ICaseStore>().Find(1)!.RiskReason, notice.Split("высокий · ")[1].Split('\n')[0]);
    }

    [Fact]
    public void An_urgent_case_nobody_takes_alerts_the_supervisors_reminds_the_workers_and_tells_the_person_once()
    {
        using var bot = new CoreHarness();
        bot.Onboard(Person);
        bot.Say(Person, "не хочу больше жить");
        bot.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty(bot.Db.InTransaction(() => bot.Engine.Tick(bot.Time.GetUtcNow())).Outbounds);

        bot.Time.Advance(TimeSpan.FromMinutes(2));
        var tick = bot.Db.InTransaction(() => bot.Engine.Tick(bot.Time.GetUtcNow())).Outbounds;
        var supervisor = Assert.Single(tick, o => o.ChatId == CoreHarness.Supervisor && o.Text!.Contains("никто не взял", StringComparison.Ordinal));
        Assert.Contains("w:take:1", CoreHarness.ButtonData([supervisor]));
        Assert.Contains(tick, o => o.ChatId == CoreHarness.Worker1 && o.Text!.Contains("СРОЧНОЕ обращение #1", StringComparison.Ordinal));
        var person = Assert.Single(tick, o => o.ChatId == Person);
        Assert.Contains("пока не смогли подключиться", person.Text, StringComparison.Ordinal);
        Assert.Contains("☎ 112", person.Text, StringComparison.Ordinal);

        bot.Time.Advance(TimeSpan.FromMinutes(20));
        Assert.DoesNotContain(bot.Db.InTransaction(() => bot.Engine.Tick(bot.Time.GetUtcNow())).Outbounds, o => o.ChatId == Person);
    }

    [Fact]
    public void The_queue_is_ordered_by_risk_and_a_worker_can_set_it()
    {
        using var bot = new CoreHarness();
        foreach (var person in new[] { Person, Other })
        {
            bot.Onboard(person);
            bot.Press(person, "a:escalate");
            bot.Say(person, "вопрос про пособие");
        }

        Assert.Equal([1, 2], bot.Get<CaseDesk>().Queue().Select(c => c.Id));
        bot.Press(CoreHarness.Worker1, "w:take:2");
        bot.Say(CoreHarness.Worker1, "/transfer");
        bot.Say(CoreHarness.Worker1, "/risk medium 2");
        Assert.Contains("не у вас", bot.TextTo(CoreHarness.Worker1), StringComparison.Ordinal);
        bot.Say(CoreHarness.Supervisor, "/risk medium 2");
        Assert.Contains("Риск обращения #2: средний", bot.TextTo(CoreHarness.Supervisor), StringComparison.Ordinal);
        Assert.Equal([2, 1], bot.Get<CaseDesk>().Queue().Select(c => c.Id));
        Assert.Equal(1, bot.Get<CaseDesk>().PositionOf(bot.Get<ICaseStore>().Find(2)!));
        bot.Say(CoreHarness.Worker2, "/queue");
        var queue = bot.TextTo(CoreHarness.Worker2);
        Assert.True(queue.IndexOf("🟠 #2", StringComparison.Ordinal) < queue.IndexOf("⚪ #1", StringComparison.Ordinal), queue);
        Assert.Contains(bot.Get<ICaseStore>().Log(2), e => e.Text == "risk set to medium" && e.WorkerId == CoreHarness.Supervisor);
    }

    [Fact]
    public void An_unclear_message_gets_one_direct_question_and_yes_opens_an_urgent_case_with_the_words_already_written()
    {
        using var bot = new CoreHarness();
        bot.Onboard(Person);
        bot.Say(Person, "я всем только мешаю");
        var question = CrisisReplyTo(bot);
        Assert.Contains("вы думаете о том, чтобы покончить с собой?", question.Text, StringComparison.Ordinal);
        Assert.Equal(["c:yes", "c:no", "c:talk", "a:hide"], CoreHarness.ButtonData([question]));
        Assert.Empty(bot.Get<ICaseStore>().All());
        Assert.Empty(bot.RepliesTo(CoreHarness.Worker1));

        bot.Press(Person, "c:yes");
        var @case = Assert.Single(bot.Get<ICaseStore>().All());
        Assert.True(@case.Urgent);
        Assert.Equal(RiskLevel.High, @case.Risk);
        Assert.Contains(Promise, CrisisReplyTo(bot).Text, StringComparison.Ordinal);
        var log = bot.Get<ICaseStore>().Log(@case.Id);
        Assert.Contains(log, e => e.Kind == CaseEventKind.PersonMessage && e.Text == "я всем только мешаю");
        Assert.Contains(log, e => e.Kind == CaseEventKind.Crisis && e.Text!.Contains("ru.burden", StringComparison.Ordinal));
        Assert.Contains(log, e => e.Kind == CaseEventKind.Crisis && e.Text == "answer to the direct question: yes");
        Assert.Contains("я всем только мешаю", bot.TextTo(CoreHarness.Worker1), StringComparison.Ordinal);
    }

    [Fact]
    public void No_to_the_direct_question_thanks_the_person_and_a_typed_da_later_still_counts()
    {
        using var bot = new CoreHarness();
        bot.Onboard(Person);
        bot.Say(Person, "я всем только мешаю");
        bot.Say(Person, "нет");
        Assert.Contains("Спасибо, что ответили", bot.TextTo(Person), StringComparison.Ordinal);
        Assert.Contains("c:talk", CoreHarness.ButtonData(bot.RepliesTo(Person)));
        Assert.Empty(bot.Get<ICaseStore>().All());

        bot.Press(Person, "c:talk");
        var @case = Assert.Single(bot.Get<ICaseStore>().All());
        Assert.False(@case.Urgent);
        Assert.Equal(RiskLevel.Medium, @case.Risk);
        Assert.Contains(bot.Get<ICaseStore>().Log(@case.Id), e => e.Kind == CaseEventKind.PersonMessage && e.Text == "я всем только мешаю");
        Assert.Contains("🟠", bot.TextTo(CoreHarness.Worker1), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclear_first_message_to_a_specialist_opens_the_case_and_the_question_is_asked_while_waiting()
    {
        using var bot = new CoreHarness();
        bot.Onboard(Person);
        bot.Press(Person, "a:escalate");
        bot.Say(Person, "Мне страшно оставаться дома");
        var @case = Assert.Single(bot.Get<ICaseStore>().All());
        Assert.Equal(RiskLevel.Medium, @case.Risk);
        Assert.Contains("Обращение №1 принято", bot.TextTo(Person), StringComparison.Ordinal);
        Assert.Contains("угрожает опасность", bot.TextTo(Person), StringComparison.Ordinal);

        bot.Say(Person, "да");
        Assert.True(bot.Get<ICaseStore>().Find(1)!.Urgent);
        Assert.Single(bot.Get<ICaseStore>().All());
    }

    [Fact]
    public void In_a_live_chat_an_unclear_message_reaches_the_specialist_marked_and_the_bot_asks_nothing()
    {
        using var bot = new CoreHarness();
        bot.Onboard(Person);
        bot.Press(Person, "a:escalate");
        bot.Say(Person, "вопрос про пособие");
        bot.Press(CoreHarness.Worker1, "w:take:1");
        bot.Say(Person, "я всем только мешаю");
        Assert.Empty(bot.RepliesTo(Person));
        Assert.StartsWith("🟠 #1 · возможный риск", Assert.Single(bot.RepliesTo(CoreHarness.Worker1)).Text, StringComparison.Ordinal);
        Assert.Equal(RiskLevel.Medium, bot.Get<ICaseStore>().Find(1)!.Risk);
    }

    [Fact]
    public void Before_a_language_is_chosen_the_reply_is_in_the_language_of_the_message()
    {
        using var bot = new CoreHarness();
        bot.Say(Person, "өлгім келеді", "ru");
        var reply = CrisisReplyTo(bot).Text!;
        Assert.Contains("Сіз жалғыз емессіз", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Вы не одни", reply, StringComparison.Ordinal);
        Assert.Equal(Language.Kk, bot.Get<ICaseStore>().Find(1)!.Language);
    }
}
