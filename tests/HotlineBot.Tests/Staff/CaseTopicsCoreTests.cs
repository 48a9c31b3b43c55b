using HotlineBot.Conversations;
using HotlineBot.Tests.Core;

namespace HotlineBot.Tests.Staff;

/// <summary>The core's half of cases as topics: which staff group a case goes to, its topic's name and status, in which thread things are said.</summary>
public sealed class CaseTopicsCoreTests
{
    private const long Russian = -1_001_000_000_001;
    private const long Kazakh = -1_001_000_000_002;
    private const long Any = -1_001_000_000_003;

    private static IReadOnlyList<Outbound> OpenCase(CoreHarness core, long person, string first, string language)
    {
        core.Onboard(person, language);
        core.Press(person, "a:escalate", lang: language);
        return core.Say(person, first, language);
    }

    private static Outbound ThreadOp(IEnumerable<Outbound> turn) => Assert.Single(turn, o => o.Kind == OutboundKind.Thread);

    [Fact]
    public void A_case_goes_to_the_group_of_its_language_else_to_a_group_without_one_and_its_topic_says_waiting_then_urgent()
    {
        using var core = new CoreHarness(settings: new Dictionary<string, string?>
        {
            ["Hotline:StaffGroups:0"] = Russian.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hotline:StaffGroups:1"] = Kazakh.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"Hotline:StaffGroupLanguages:{Russian}"] = "ru",
            [$"Hotline:StaffGroupLanguages:{Kazakh}"] = "kk",
        });

        var kk = ThreadOp(OpenCase(core, 8101, "Жәрдемақы туралы сұрақ", "kk"));
        Assert.Equal(Kazakh, kk.ChatId);
        Assert.StartsWith("⏳ #1 · kk · ", kk.Text, StringComparison.Ordinal);
        Assert.False(kk.ThreadClosed);
        var ru = OpenCase(core, 8102, "Вопрос про пособие", "ru");
        Assert.Equal(Russian, ThreadOp(ru).ChatId);
        var card = Assert.Single(ru, o => o.Pin);
        Assert.Equal(Russian, card.ChatId);
        Assert.True(card.InCaseThread);
        Assert.Contains("Вопрос про пособие", card.Text, StringComparison.Ordinal);

        // Clear danger in the waiting case: 🔴 in the name, and the words in its topic, marked, ahead of ordinary traffic.
        var crisis = core.Say(8102, "я не хочу жить");
        Assert.StartsWith("🔴 #2", ThreadOp(crisis).Text, StringComparison.Ordinal);
        Assert.Contains(crisis, o => o.ChatId == Russian && o.InCaseThread && o.Priority == OutboundPriority.Crisis && o.Text!.Contains("не хочу жить", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_group_of_its_language_a_case_goes_to_one_that_takes_any_and_without_groups_to_nobody_until_taken()
    {
        using (var core = new CoreHarness(settings: new Dictionary<string, string?>
        {
            ["Hotline:StaffGroups:0"] = Russian.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hotline:StaffGroups:1"] = Any.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"Hotline:StaffGroupLanguages:{Russian}"] = "ru",
        }))
        {
            Assert.Equal(Any, ThreadOp(OpenCase(core, 8101, "Сұрақ", "kk")).ChatId);
        }

        using var single = new CoreHarness();
        var opened = OpenCase(single, 8103, "Вопрос", "ru");
        Assert.DoesNotContain(opened, o => o.Kind == OutboundKind.Thread || o.Pin);
        // Taken: the topic opens in the worker's own chat, named with the status, and the history goes into it.
        var taken = single.Press(CoreHarness.Worker1, "w:take:1");
        var op = ThreadOp(taken);
        Assert.Equal(CoreHarness.Worker1, op.ChatId);
        Assert.StartsWith("💬 #1 · ru · ", op.Text, StringComparison.Ordinal);
        Assert.True(op.Text!.Length <= 128);
        Assert.Contains(taken, o => o.ChatId == CoreHarness.Worker1 && o.InCaseThread && o.Text!.Contains("Обращение #1 у вас", StringComparison.Ordinal));
        // The notice with the Take button stays outside the topic (the queue lives in the main thread).
        Assert.Contains(opened, o => o.ChatId == CoreHarness.Worker1 && !o.InCaseThread && CoreHarness.ButtonData([o]).Contains("w:take:1"));
    }

    [Fact]
    public void A_case_sent_back_to_the_queue_closes_its_topic_in_the_old_holders_chat_with_a_line_meant_only_for_that_topic()
    {
        using var core = new CoreHarness();
        OpenCase(core, 8104, "Вопрос", "ru");
        core.Press(CoreHarness.Worker1, "w:take:1");
        var back = core.Press(CoreHarness.Worker1, "w:requeue:1");
        var op = ThreadOp(back);
        Assert.Equal(CoreHarness.Worker1, op.ChatId);
        Assert.True(op.ThreadClosed);
        Assert.StartsWith("↪ #1", op.Text, StringComparison.Ordinal);
        var line = Assert.Single(back, o => o.ThreadOnly);
        Assert.Equal(CoreHarness.Worker1, line.ChatId);
        Assert.Contains("Эта тема закрыта", line.Text, StringComparison.Ordinal);
        // Talk in the old topic afterwards reaches nobody.
        var late = core.Handle(new Inbound
        {
            UpdateId = 999, ChatId = CoreHarness.Worker1, UserId = CoreHarness.Worker1, Kind = InboundKind.Text, Text = "ещё вопрос", ThreadCaseId = 1, LanguageHint = "ru",
        });
        Assert.DoesNotContain(late, o => o.ChatId == 8104);
        Assert.Contains(late, o => o.ChatId == CoreHarness.Worker1 && o.Text!.Contains("не у вас", StringComparison.Ordinal));
    }
}
