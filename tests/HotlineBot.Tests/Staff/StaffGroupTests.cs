using HotlineBot.Cases;
using HotlineBot.FakeTelegram;
using HotlineBot.Storage;
using HotlineBot.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using static HotlineBot.Tests.EndToEnd.EscalationHelpers;
using static HotlineBot.Tests.Staff.TopicSteps;

namespace HotlineBot.Tests.Staff;

/// <summary>
/// A staff forum supergroup (Hotline:StaffGroups): each case is a topic there from the moment it is queued, with a
/// pinned card and its status in the topic's name; only the holder's words in it reach the person. Telegram lets a
/// bot post about 20 messages a minute into a group, so these tests wait on the group's paced lane.
/// </summary>
public sealed class StaffGroupTests
{
    public const long Group = -1_001_234_567_890;
    private const long Stranger = 5550001;

    private static async Task<BotHost> StartAsync(FakeBotApi api)
    {
        api.CreateForumGroup(Group, "Hotline staff", [BotHost.WorkerA, BotHost.WorkerB, BotHost.Supervisor]);
        var bot = await BotHost.StartAsync(api, settings: new Dictionary<string, string?> { ["Hotline:StaffGroups:0"] = Group.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await GreetWorkersAsync(api, BotHost.WorkerA, BotHost.WorkerB, BotHost.Supervisor);
        return bot;
    }

    private static async Task<ChatMessage> CardAsync(FakeBotApi api, ForumTopicView topic, string fragment)
    {
        await api.WaitUntilAsync(() => api.Topic(Group, topic.ThreadId)?.PinnedMessageId is { } pin
            && api.FindMessage(Group, pin)?.Display?.Contains(fragment, StringComparison.Ordinal) == true, Long);
        return api.FindMessage(Group, api.Topic(Group, topic.ThreadId)!.PinnedMessageId!.Value)!;
    }

    [Fact]
    public async Task Every_case_is_a_topic_of_the_staff_group_with_a_pinned_card_its_status_in_the_name_and_only_the_holder_talking()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await StartAsync(api);
        await OpenThreeAsync(api);

        // Queued: a topic per case, ⏳ in its name, the card pinned with Take / Transfer / Close.
        var topics = new List<ForumTopicView>();
        for (var id = 1; id <= 3; id++)
        {
            var topic = await WaitTopicAsync(api, Group, id, t => t.Name.StartsWith($"⏳ #{id} · ru", StringComparison.Ordinal));
            var card = await CardAsync(api, topic, $"Обращение #{id}");
            Assert.Equal([$"w:take:{id}", $"w:requeue:{id}", $"w:close:{id}"], card.Buttons.Select(b => b.CallbackData));
            Assert.Contains("ведёт: в очереди", card.Display, StringComparison.Ordinal);
            topics.Add(topic);
        }

        Assert.Contains("Мне не платят пособие на ребёнка", (await CardAsync(api, topics[0], "#1")).Display, StringComparison.Ordinal);

        // Both tap Take on the card at once: one wins; the name says 💬 and the card who holds it.
        var card1 = await CardAsync(api, topics[0], "#1");
        api.PressButton(BotHost.WorkerA, card1.MessageId, "w:take:1", Group);
        api.PressButton(BotHost.WorkerB, card1.MessageId, "w:take:1", Group);
        await api.WaitUntilAsync(() => Case(bot, 1).WorkerId is not null, Wait);
        var winner = Case(bot, 1).WorkerId!.Value;
        var loser = winner == BotHost.WorkerA ? BotHost.WorkerB : BotHost.WorkerA;
        await WaitText(api, loser, $"Обращение #1 уже занято: {NameOf(winner)}");
        await WaitTopicAsync(api, Group, 1, t => t.Name.StartsWith("💬 #1", StringComparison.Ordinal));
        await CardAsync(api, topics[0], $"ведёт: {NameOf(winner)}");

        // The person's words and media arrive in the case's topic, where supervisors see them too.
        var before = LastId(api, Group);
        api.SendText(Person1, "Я мама двоих детей");
        api.SendPhoto(Person1, "справка");
        await WaitInThread(api, Group, topics[0].ThreadId, "Я мама двоих детей", before);
        await api.WaitForBotMessageInThreadAsync(Group, topics[0].ThreadId, m => m.Kind == MessageKind.Photo, Long, before);
        Assert.DoesNotContain(api.BotMessages(Group, topics[1].ThreadId), m => m.Display?.Contains("мама двоих", StringComparison.Ordinal) == true);

        // The holder's words and photo in the topic reach the person; a colleague's do not; a note never does.
        var toPerson = LastId(api, Person1);
        api.SendTextInTopic(Group, winner, topics[0].ThreadId, "Когда перестали платить?");
        await WaitText(api, Person1, "Когда перестали платить?", toPerson);
        api.SendPhotoInTopic(Group, winner, topics[0].ThreadId, "образец");
        await api.WaitForBotMessageAsync(Person1, m => m.Kind == MessageKind.Photo && m.MessageId > toPerson, Wait);
        // Written from the holder's private chat, it reaches the person and shows in the topic for the supervisors.
        api.SendText(winner, "Я на связи", "ru", NameOf(winner));
        await WaitText(api, Person1, "Я на связи", toPerson);
        await WaitInThread(api, Group, topics[0].ThreadId, $"✍ {NameOf(winner)} (из личного чата) человеку: Я на связи");
        api.SendTextInTopic(Group, loser, topics[0].ThreadId, "Я бы спросил про АСП");
        await WaitText(api, loser, "Обращение #1 не у вас");
        api.SendTextInTopic(Group, winner, topics[0].ThreadId, "// двое детей, проверить АСП");
        api.SendTextInTopic(Group, BotHost.Supervisor, topics[0].ThreadId, "/note супервизор в курсе");
        await WaitInThread(api, Group, topics[0].ThreadId, "Заметка к #1 сохранена");
        await bot.WaitIdleAsync(Long);
        Assert.Contains(Log(bot, 1), e => e.Kind == CaseEventKind.Note && e.Text == "двое детей, проверить АСП" && e.WorkerId == winner);
        Assert.Contains(Log(bot, 1), e => e.Kind == CaseEventKind.Note && e.Text == "супервизор в курсе" && e.WorkerId == BotHost.Supervisor);
        Assert.DoesNotContain(Texts(api, Person1), t => t.Contains("АСП", StringComparison.Ordinal) || t.Contains("супервизор", StringComparison.Ordinal));

        // Transfer from the topic: the card names the colleague, whose words now reach the person.
        api.SendTextInTopic(Group, winner, topics[0].ThreadId, $"/transfer 1 {NameOf(loser)}");
        await CardAsync(api, topics[0], $"ведёт: {NameOf(loser)}");
        toPerson = LastId(api, Person1);
        api.SendTextInTopic(Group, loser, topics[0].ThreadId, "Здравствуйте, я продолжу");
        await WaitText(api, Person1, "Здравствуйте, я продолжу", toPerson);

        // Close: the topic is closed and marked ✅; reopen: opened again, ⏳, and the card offers Take again.
        // The form is the worker's own (their private chat); the case's "closed" goes to its topic.
        var beforeForm = LastId(api, loser);
        api.SendText(loser, "/close 1", "ru", NameOf(loser));
        var form = await api.WaitForBotMessageAsync(loser, m => m.Buttons.Any(b => b.CallbackData == "w:wu:1:c:other"), Wait, beforeForm);
        api.PressButton(loser, form.MessageId, "w:wu:1:c:other");
        await api.WaitForBotMessageAsync(loser, m => m.Buttons.Any(b => b.CallbackData == "w:wu:1:f"), Wait, beforeForm);
        api.PressButton(loser, form.MessageId, "w:wu:1:f");
        await WaitInThread(api, Group, topics[0].ThreadId, "Обращение #1 закрыто");
        await WaitTopicAsync(api, Group, 1, t => t.Closed && t.Name.StartsWith("✅ #1", StringComparison.Ordinal));
        await bot.WaitIdleAsync(Long);
        // The copy of the card (the person's first words) kept for recreating the topic goes with the close.
        var threads = bot.Services.GetRequiredService<ICaseThreadStore>();
        Assert.Null(threads.Find(Group, 1)!.Card);
        Assert.NotNull(threads.Find(Group, 2)!.Card);
        api.SendText(loser, "/reopen 1", "ru", NameOf(loser));
        await WaitTopicAsync(api, Group, 1, t => !t.Closed && t.Name.StartsWith("⏳ #1", StringComparison.Ordinal));
        var reopened = await CardAsync(api, topics[0], "ведёт: в очереди");
        Assert.Contains("w:take:1", reopened.Buttons.Select(b => b.CallbackData));
        Assert.Equal(topics[0].ThreadId, TopicOf(api, Group, 1)!.ThreadId);
        Assert.Single(api.RequestsFor("closeForumTopic"));
        Assert.Single(api.RequestsFor("reopenForumTopic"));
    }

    [Fact]
    public async Task A_stranger_in_the_group_is_heard_by_nobody_supervisors_are_told_once_and_a_deleted_topic_comes_back_with_its_card()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await StartAsync(api);
        await OpenCaseAsync(api, Person1, "Мне не платят пособие на ребёнка");
        var topic = await WaitTopicAsync(api, Group, 1);
        await CardAsync(api, topic, "Обращение #1");

        // Someone not on staff writes in the case's topic, twice: the person gets nothing, supervisors one notice.
        var toPerson = LastId(api, Person1);
        api.SendTextInTopic(Group, Stranger, topic.ThreadId, "Привет, что тут у вас?");
        await WaitText(api, BotHost.Supervisor, "пишет человек, которого нет в списках (id 5550001)");
        api.SendTextInTopic(Group, Stranger, topic.ThreadId, "Ау");
        api.SendToGroup(Group, Stranger, "И тут");
        await bot.WaitIdleAsync(Long);
        Assert.Single(api.BotMessages(BotHost.Supervisor), m => m.Display?.Contains("нет в списках", StringComparison.Ordinal) == true);
        Assert.Empty(api.BotMessagesSince(Person1, toPerson));
        Assert.DoesNotContain(api.BotMessages(Group), m => m.Display?.Contains("личн", StringComparison.OrdinalIgnoreCase) == true);

        // An admin deletes the case's topic: the next message opens it again, with the card pinned, and arrives there.
        api.DeleteTopicAsUser(Group, BotHost.Supervisor, topic.ThreadId);
        api.SendText(Person1, "Вы меня слышите?");
        var again = await WaitTopicAsync(api, Group, 1, t => t.ThreadId != topic.ThreadId);
        await WaitInThread(api, Group, again.ThreadId, "Вы меня слышите?");
        var card = await CardAsync(api, again, "Обращение #1");
        Assert.Contains("w:take:1", card.Buttons.Select(b => b.CallbackData));
        Assert.True(api.Topic(Group, topic.ThreadId)!.Deleted);

        // The card in the new topic is the one kept up to date: Take from it works and edits it.
        api.PressButton(BotHost.WorkerA, card.MessageId, "w:take:1", Group);
        await CardAsync(api, again, "ведёт: Aigul");
        await WaitTopicAsync(api, Group, 1, t => t.Name.StartsWith("💬 #1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_staff_group_where_the_bot_may_not_manage_topics_is_named_in_a_warning_at_start()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.CreateForumGroup(Group, "Hotline staff", [BotHost.WorkerA], botIsAdminWithManageTopics: false);
        await using var bot = await BotHost.StartAsync(api, settings: new Dictionary<string, string?> { ["Hotline:StaffGroups:0"] = Group.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await api.WaitUntilAsync(() => bot.Logs.Lines.Any(l => l.Contains("Hotline:StaffGroups:0 (-1001234567890): the bot is not an administrator allowed to manage topics", StringComparison.Ordinal)), Wait);
        Assert.Contains(bot.Logs.Lines, l => l.Contains("Cases for staff: a topic per case in 1 staff group(s)", StringComparison.Ordinal));
    }
}
