using HotlineBot.Cases;
using HotlineBot.FakeTelegram;
using HotlineBot.Tests.EndToEnd;
using HotlineBot.Tests.Practice;
using static HotlineBot.Tests.EndToEnd.EscalationHelpers;
using static HotlineBot.Tests.Staff.TopicSteps;

namespace HotlineBot.Tests.Staff;

/// <summary>
/// Topics in each worker's private chat (the bot has BotFather's threaded mode, getMe → has_topics_enabled): a case taken
/// opens its own topic in the worker's chat, everything of that case happens there, and writing there answers its person.
/// </summary>
public sealed class PrivateTopicsTests
{
    [Fact]
    public async Task Each_case_lives_in_its_own_topic_of_the_holders_chat_from_take_to_transfer_close_and_reopen()
    {
        await using var api = await FakeBotApi.StartAsync(new FakeBotApiOptions { TopicsInPrivateChats = true });
        await using var bot = await BotHost.StartAsync(api);
        await GreetWorkersAsync(api, BotHost.WorkerA, BotHost.WorkerB);
        await OpenThreeAsync(api);

        // Both tap Take on #1 at once: one wins, and only the winner gets a topic for it.
        var (winner, loser) = await TakeTogetherAsync(bot, 1);
        var topic1 = await WaitTopicAsync(api, winner, 1, t => t.Name.StartsWith("💬 #1 · ru", StringComparison.Ordinal));
        await WaitInThread(api, winner, topic1.ThreadId, "Мне не платят пособие на ребёнка");
        Assert.Null(TopicOf(api, loser, 1));
        // The queue and commands stay in the main thread: the notice with its Take button is there, not in the topic.
        Assert.Contains(api.BotMessages(winner, 0), m => m.Buttons.Any(b => b.CallbackData == "w:take:1"));

        // The loser takes #2, the winner #3: each case its own topic; #3 is the winner's current case now.
        api.PressButton(loser, (await WaitNotification(api, loser, 2)).MessageId, "w:take:2");
        api.PressButton(winner, (await WaitNotification(api, winner, 3)).MessageId, "w:take:3");
        var topic2 = await WaitTopicAsync(api, loser, 2);
        var topic3 = await WaitTopicAsync(api, winner, 3);
        Assert.NotEqual(topic1.ThreadId, topic3.ThreadId);

        // The people's words and media land in their own case's topic.
        var before = LastId(api, winner);
        api.SendText(Person1, "Я мама двоих детей");
        api.SendPhoto(Person3, "справка");
        await WaitInThread(api, winner, topic1.ThreadId, "Я мама двоих детей", before);
        await api.WaitForBotMessageInThreadAsync(winner, topic3.ThreadId, m => m.Kind == MessageKind.Photo, Long, before);
        Assert.DoesNotContain(api.BotMessages(winner, topic3.ThreadId), m => m.Display?.Contains("Я мама двоих детей", StringComparison.Ordinal) == true);
        api.SendText(Person2, "Спасибо, жду");
        await WaitInThread(api, loser, topic2.ThreadId, "Спасибо, жду");

        // Writing in topic #1 answers person 1 with no /switch, though #3 was the current case; a photo in #3 goes to person 3.
        var toPerson1 = LastId(api, Person1);
        var toPerson3 = LastId(api, Person3);
        api.SendTextInTopic(winner, winner, topic1.ThreadId, "Расскажите, когда перестали платить?");
        await WaitText(api, Person1, "Расскажите, когда перестали платить?", toPerson1);
        api.SendPhotoInTopic(winner, winner, topic3.ThreadId, "образец заявления");
        await api.WaitForBotMessageAsync(Person3, m => m.Kind == MessageKind.Photo && m.MessageId > toPerson3, Wait);

        // A note in the topic is logged and never reaches the person.
        api.SendTextInTopic(winner, winner, topic1.ThreadId, "// мама двоих, возможно АСП");
        await WaitInThread(api, winner, topic1.ThreadId, "Заметка к #1 сохранена");
        Assert.Contains(Log(bot, 1), e => e.Kind == CaseEventKind.Note && e.Text == "мама двоих, возможно АСП");

        // Transfer from inside the topic: the colleague gets a new topic with the history; the old one is marked and closed.
        api.SendTextInTopic(winner, winner, topic1.ThreadId, $"/transfer 1 {NameOf(loser)}");
        var moved = await WaitTopicAsync(api, loser, 1, t => t.Name.StartsWith("💬 #1", StringComparison.Ordinal));
        var summary = await WaitInThread(api, loser, moved.ThreadId, "передал(а) вам обращение #1");
        Assert.Contains("Я мама двоих детей", summary.Display, StringComparison.Ordinal);
        await WaitTopicAsync(api, winner, 1, t => t.Name.StartsWith("↪ #1", StringComparison.Ordinal));
        await WaitInThread(api, winner, topic1.ThreadId, "теперь ведёт");
        await bot.WaitIdleAsync();
        Assert.DoesNotContain(Texts(api, Person1), t => t.Contains("мама двоих, возможно", StringComparison.Ordinal));

        // The person's next words go to the new holder's topic; the old holder writing in the old topic reaches nobody.
        before = LastId(api, loser);
        api.SendText(Person1, "Алло?");
        await WaitInThread(api, loser, moved.ThreadId, "Алло?", before);
        toPerson1 = LastId(api, Person1);
        api.SendTextInTopic(winner, winner, topic1.ThreadId, "Это я, прежний специалист");
        await WaitText(api, winner, "Обращение #1 не у вас");
        await bot.WaitIdleAsync();
        Assert.DoesNotContain(api.BotMessagesSince(Person1, toPerson1), m => m.Display?.Contains("прежний специалист", StringComparison.Ordinal) == true);

        // Close: the topic's name says so (private chats have no closeForumTopic). Reopen and take again: the same topic.
        await WrapUpSteps.CloseAsync(api, loser, 1, name: NameOf(loser));
        await WaitTopicAsync(api, loser, 1, t => t.Name.StartsWith("✅ #1", StringComparison.Ordinal));
        api.SendText(loser, "/reopen 1", "ru", NameOf(loser));
        await WaitText(api, Person1, "снова");
        // Back in the queue, it is on the queue board (edited in place, not a new message): taken by number.
        api.SendText(loser, "/take 1", "ru", NameOf(loser));
        var again = await WaitTopicAsync(api, loser, 1, t => t.Name.StartsWith("💬 #1", StringComparison.Ordinal) && t.Edits >= 2);
        Assert.Equal(moved.ThreadId, again.ThreadId);
        await bot.WaitIdleAsync();
        Assert.Empty(api.RequestsFor("closeForumTopic"));
    }

    [Fact]
    public async Task A_topic_the_worker_deleted_is_opened_again_and_the_message_arrives_there()
    {
        await using var api = await FakeBotApi.StartAsync(new FakeBotApiOptions { TopicsInPrivateChats = true });
        await using var bot = await BotHost.StartAsync(api);
        await GreetWorkersAsync(api, BotHost.WorkerA);
        await OpenCaseAsync(api, Person1, "Мне не платят пособие");
        api.PressButton(BotHost.WorkerA, (await WaitNotification(api, BotHost.WorkerA, 1)).MessageId, "w:take:1");
        var topic = await WaitTopicAsync(api, BotHost.WorkerA, 1);
        await bot.WaitIdleAsync();

        api.DeleteTopicAsUser(BotHost.WorkerA, BotHost.WorkerA, topic.ThreadId);
        api.SendText(Person1, "Вы здесь?");
        var reopened = await WaitTopicAsync(api, BotHost.WorkerA, 1, t => t.ThreadId != topic.ThreadId);
        Assert.Equal(topic.Name, reopened.Name);
        await WaitInThread(api, BotHost.WorkerA, reopened.ThreadId, "Вы здесь?");

        // Writing in the new topic still answers the person.
        var before = LastId(api, Person1);
        api.SendTextInTopic(BotHost.WorkerA, BotHost.WorkerA, reopened.ThreadId, "Да, я здесь");
        await WaitText(api, Person1, "Да, я здесь", before);
    }

    [Fact]
    public async Task Without_topics_the_bot_keeps_one_chat_per_worker_with_case_numbers()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        await GreetWorkersAsync(api, BotHost.WorkerA, BotHost.WorkerB);
        await OpenThreeAsync(api);
        var (winner, loser) = await TakeTogetherAsync(bot, 1);
        api.PressButton(loser, (await WaitNotification(api, loser, 2)).MessageId, "w:take:2");
        await WaitText(api, loser, "Обращение #2 у вас");

        var before = LastId(api, winner);
        api.SendText(Person1, "Я мама двоих детей");
        await WaitText(api, winner, "#1: Я мама двоих детей", before);
        var toPerson = LastId(api, Person1);
        api.SendText(winner, "Когда перестали платить?", "ru", NameOf(winner));
        await WaitText(api, Person1, "Когда перестали платить?", toPerson);
        api.SendText(winner, "// внутреннее", "ru", NameOf(winner));
        await WaitText(api, winner, "Заметка к #1 сохранена");

        api.SendText(winner, $"/transfer 1 {NameOf(loser)}", "ru", NameOf(winner));
        var summary = await WaitText(api, loser, "передал(а) вам обращение #1");
        Assert.Contains("Я мама двоих детей", summary.Display, StringComparison.Ordinal);
        await bot.WaitIdleAsync();

        Assert.Empty(api.RequestsFor("createForumTopic"));
        Assert.Empty(api.RequestsFor("editForumTopic"));
        Assert.All(api.BotMessages(winner).Concat(api.BotMessages(loser)), m => Assert.Null(m.ThreadId));
        Assert.DoesNotContain(Texts(api, winner), t => t.Contains("тема закрыта", StringComparison.Ordinal));
        Assert.DoesNotContain(Texts(api, Person1), t => t.Contains("внутреннее", StringComparison.Ordinal));
    }
}
