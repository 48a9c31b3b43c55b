using HotlineBot.FakeTelegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace HotlineBot.Tests.FakeTelegram;

/// <summary>Topics in the fake Bot API (forum supergroups and private chats), driven by the real Telegram.Bot client.</summary>
public sealed class FakeTopicsTests : IAsyncDisposable
{
    private const long Group = -1_001_234_567_890;
    private const long WorkerA = 900001;
    private const long WorkerB = 900002;
    private const long Stranger = 555;
    private readonly HttpClient _http = new();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Task.CompletedTask;
    }

    private async Task<(FakeBotApi Fake, TelegramBotClient Bot)> StartAsync(FakeBotApiOptions? options = null, bool botIsAdmin = true)
    {
        var fake = await FakeBotApi.StartAsync(options);
        fake.CreateForumGroup(Group, "Hotline staff", [WorkerA, WorkerB], botIsAdmin);
        return (fake, new TelegramBotClient(new TelegramBotClientOptions(fake.Token, baseUrl: fake.BaseUrl) { RetryThreshold = 0 }, _http));
    }

    [Fact]
    public async Task A_topic_is_created_written_in_both_ways_and_kept_apart_from_General()
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        var chat = await bot.GetChat(Group);
        Assert.True(chat.IsForum);

        var topic = await bot.CreateForumTopic(Group, "#12 · ru · Пособия", iconColor: 0xFFD67E);
        Assert.Equal("#12 · ru · Пособия", topic.Name);
        Assert.Equal(0xFFD67E, topic.IconColor);
        Assert.True(topic.MessageThreadId > FakeBotApi.GeneralTopicId);

        var card = await bot.SendMessage(Group, "Обращение №12", messageThreadId: topic.MessageThreadId,
            replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Take", "w:take:12")));
        Assert.Equal(topic.MessageThreadId, card.MessageThreadId);
        Assert.True(card.IsTopicMessage);
        // In a forum a topic message is an implicit reply to the topic's opening service message.
        Assert.Equal(topic.MessageThreadId, card.ReplyToMessage?.Id);
        Assert.NotNull(card.ReplyToMessage?.ForumTopicCreated);

        var general = await bot.SendMessage(Group, "queue board");
        Assert.Null(general.MessageThreadId);

        Assert.Equal(["Обращение №12"], fake.BotMessages(Group, topic.MessageThreadId).Select(m => m.Text).OfType<string>());
        Assert.Equal(["queue board"], fake.BotMessages(Group, 0).Select(m => m.Text));
        await bot.SendChatAction(Group, ChatAction.Typing, messageThreadId: topic.MessageThreadId);

        // A worker writes in the topic and presses the button under the card: both updates carry the thread.
        fake.SendTextInTopic(Group, WorkerA, topic.MessageThreadId, "Здравствуйте");
        fake.SendMediaInTopic(Group, WorkerA, topic.MessageThreadId, "photo", caption: "фото");
        fake.PressButton(WorkerA, card.Id, "w:take:12", chatId: Group);
        var updates = await bot.GetUpdates();
        Assert.Equal(3, updates.Length);
        Assert.All(updates.Take(2), u =>
        {
            Assert.Equal(topic.MessageThreadId, u.Message!.MessageThreadId);
            Assert.True(u.Message.IsTopicMessage);
            Assert.Equal(WorkerA, u.Message.From!.Id);
        });
        Assert.Equal(MessageType.Photo, updates[1].Message!.Type);
        Assert.Equal(topic.MessageThreadId, updates[2].CallbackQuery!.Message!.MessageThreadId);

        // Media and copies go into the topic too.
        var photo = await bot.SendPhoto(Group, InputFile.FromStream(new MemoryStream(new byte[1024]), "p.jpg"), messageThreadId: topic.MessageThreadId);
        Assert.Equal(topic.MessageThreadId, photo.MessageThreadId);
        var copy = await bot.CopyMessage(Group, Group, general.Id, messageThreadId: topic.MessageThreadId);
        Assert.Equal(topic.MessageThreadId, fake.FindMessage(Group, copy.Id)!.ThreadId);
    }

    [Fact]
    public async Task The_General_topic_is_refused_by_id_and_unknown_threads_are_not_found()
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        var general = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Group, "x", messageThreadId: FakeBotApi.GeneralTopicId));
        Assert.Equal(400, general.ErrorCode);
        Assert.Equal("Bad Request: message thread not found", general.Message);
        var unknown = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Group, "x", messageThreadId: 777));
        Assert.Equal("Bad Request: message thread not found", unknown.Message);
        Assert.Empty(fake.BotMessages(Group));

        // A supergroup that is not a forum ignores the thread id, as the real server does.
        const long plainGroup = -1_009_999_999_999;
        fake.SendToGroup(plainGroup, WorkerA, "hi", "plain");
        var sent = await bot.SendMessage(plainGroup, "ok", messageThreadId: 5);
        Assert.Null(sent.MessageThreadId);
    }

    [Fact]
    public async Task A_topic_is_renamed_closed_reopened_and_keeps_its_colour()
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        var topic = await bot.CreateForumTopic(Group, "⏳ #3 · kk", iconColor: 0xFB6F5F);
        await bot.EditForumTopic(Group, topic.MessageThreadId, name: "💬 #3 · kk");
        var same = await Assert.ThrowsAsync<ApiRequestException>(() => bot.EditForumTopic(Group, topic.MessageThreadId, name: "💬 #3 · kk"));
        Assert.Equal("Bad Request: TOPIC_NOT_MODIFIED", same.Message);
        await bot.EditForumTopic(Group, topic.MessageThreadId, iconCustomEmojiId: "5312016608254762256");

        await bot.CloseForumTopic(Group, topic.MessageThreadId);
        var twice = await Assert.ThrowsAsync<ApiRequestException>(() => bot.CloseForumTopic(Group, topic.MessageThreadId));
        Assert.Equal("Bad Request: TOPIC_NOT_MODIFIED", twice.Message);
        Assert.Throws<InvalidOperationException>(() => fake.SendTextInTopic(Group, WorkerA, topic.MessageThreadId, "closed for members"));
        // The bot, an admin with the right to manage topics, may still write in a closed topic.
        await bot.SendMessage(Group, "✅ closed", messageThreadId: topic.MessageThreadId);
        var state = fake.Topic(Group, topic.MessageThreadId)!;
        Assert.True(state.Closed);
        Assert.Equal("💬 #3 · kk", state.Name);
        Assert.Equal(0xFB6F5F, state.IconColor);
        Assert.Equal("5312016608254762256", state.IconCustomEmojiId);
        Assert.Equal(2, state.Edits);

        await bot.ReopenForumTopic(Group, topic.MessageThreadId);
        Assert.False(fake.Topic(Group, topic.MessageThreadId)!.Closed);
        fake.SendTextInTopic(Group, WorkerA, topic.MessageThreadId, "open again");
        var service = fake.BotMessages(Group, topic.MessageThreadId).Select(m => m.Json).ToList();
        Assert.Contains(service, j => j.ContainsKey("forum_topic_created"));
        Assert.Contains(service, j => j.ContainsKey("forum_topic_edited"));
        Assert.Contains(service, j => j.ContainsKey("forum_topic_closed"));
        Assert.Contains(service, j => j.ContainsKey("forum_topic_reopened"));

        var badColour = await Assert.ThrowsAsync<ApiRequestException>(() => bot.CreateForumTopic(Group, "x", iconColor: 0x123456));
        Assert.Equal(400, badColour.ErrorCode);
    }

    [Fact]
    public async Task After_a_topic_is_deleted_sends_there_answer_message_thread_not_found()
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        var byBot = await bot.CreateForumTopic(Group, "#1");
        await bot.SendMessage(Group, "card", messageThreadId: byBot.MessageThreadId);
        await bot.DeleteForumTopic(Group, byBot.MessageThreadId);
        Assert.Empty(fake.ChatView(Group, byBot.MessageThreadId));
        Assert.True(fake.Topic(Group, byBot.MessageThreadId)!.Deleted);
        var ex = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Group, "again", messageThreadId: byBot.MessageThreadId));
        Assert.Equal(400, ex.ErrorCode);
        Assert.Equal("Bad Request: message thread not found", ex.Message);

        // A person deletes one by hand: no update comes, the next send finds out.
        var byHand = await bot.CreateForumTopic(Group, "#2");
        var pending = fake.PendingUpdates;
        fake.DeleteTopicAsUser(Group, WorkerB, byHand.MessageThreadId);
        Assert.Equal(pending, fake.PendingUpdates);
        var after = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendChatAction(Group, ChatAction.Typing, messageThreadId: byHand.MessageThreadId));
        Assert.Equal("Bad Request: message thread not found", after.Message);
        Assert.Throws<InvalidOperationException>(() => fake.SendTextInTopic(Group, WorkerA, byHand.MessageThreadId, "gone"));
    }

    [Fact]
    public async Task A_case_card_is_pinned_in_its_topic()
    {
        var (fake, bot) = await StartAsync();
        await using var _ = fake;
        var topic = await bot.CreateForumTopic(Group, "#5");
        var card = await bot.SendMessage(Group, "card #5", messageThreadId: topic.MessageThreadId);
        var board = await bot.SendMessage(Group, "board");
        await bot.PinChatMessage(Group, card.Id);
        await bot.PinChatMessage(Group, board.Id);
        Assert.Equal(card.Id, fake.Topic(Group, topic.MessageThreadId)!.PinnedMessageId);
        Assert.Equal([board.Id], fake.PinnedMessages(Group));
        await bot.UnpinChatMessage(Group, card.Id);
        Assert.Null(fake.Topic(Group, topic.MessageThreadId)!.PinnedMessageId);
    }

    [Fact]
    public async Task Without_the_right_to_manage_topics_the_bot_cannot_create_one()
    {
        var (fake, bot) = await StartAsync(botIsAdmin: false);
        await using var _ = fake;
        var ex = await Assert.ThrowsAsync<ApiRequestException>(() => bot.CreateForumTopic(Group, "#1"));
        Assert.Equal("Bad Request: not enough rights to create a topic", ex.Message);
        var member = await bot.GetChatMember(Group, fake.BotId);
        Assert.Equal(ChatMemberStatus.Member, member.Status);

        var (admin, adminBot) = await StartAsync();
        await using var __ = admin;
        var rights = Assert.IsType<ChatMemberAdministrator>(await adminBot.GetChatMember(Group, admin.BotId));
        Assert.True(rights.CanManageTopics);
        Assert.Equal(ChatMemberStatus.Left, (await adminBot.GetChatMember(Group, Stranger)).Status);
        admin.SendTextInTopic(Group, Stranger, FakeBotApi.GeneralTopicId, "hello, who are you?");
        Assert.Equal(ChatMemberStatus.Member, (await adminBot.GetChatMember(Group, Stranger)).Status);
        Assert.Null((await adminBot.GetUpdates()).Single().Message!.MessageThreadId); // General carries no thread id
    }

    [Fact]
    public async Task Private_chat_topics_follow_getMe_and_arrive_as_Bot_API_9_4_delivers_them()
    {
        var (off, offBot) = await StartAsync();
        await using (off)
        {
            Assert.False((await offBot.GetMe()).HasTopicsEnabled);
            off.SendText(WorkerA, "/start");
            var refused = await Assert.ThrowsAsync<ApiRequestException>(() => offBot.CreateForumTopic(WorkerA, "#1"));
            Assert.Equal("Bad Request: the chat is not a forum", refused.Message);
        }

        var (fake, bot) = await StartAsync(new FakeBotApiOptions { TopicsInPrivateChats = true });
        await using var _ = fake;
        Assert.True((await bot.GetMe()).HasTopicsEnabled);
        fake.SendText(WorkerA, "/start");
        var topic = await bot.CreateForumTopic(WorkerA, "#12 · ru · Пособия");
        var sent = await bot.SendMessage(WorkerA, "Человек пишет…", messageThreadId: topic.MessageThreadId);
        Assert.Equal(topic.MessageThreadId, sent.MessageThreadId);
        Assert.True(sent.IsTopicMessage);
        Assert.Null(sent.ReplyToMessage); // no implicit reply outside forum supergroups
        await bot.SendMessage(WorkerA, "/queue answer");
        Assert.Equal(["Человек пишет…"], fake.BotMessages(WorkerA, topic.MessageThreadId).Select(m => m.Text).OfType<string>());
        Assert.DoesNotContain(fake.BotMessages(WorkerA, 0), m => m.Text == "Человек пишет…");

        fake.SendTextInTopic(WorkerA, WorkerA, topic.MessageThreadId, "Ответ человеку");
        var update = (await bot.GetUpdates()).Last();
        Assert.Equal(topic.MessageThreadId, update.Message!.MessageThreadId);
        Assert.True(update.Message.IsTopicMessage);
        Assert.Equal(ChatType.Private, update.Message.Chat.Type);

        var quick = await bot.SendMessage(WorkerA, "Быстрые ответы", messageThreadId: topic.MessageThreadId,
            replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("💬 Я здесь", "w:quick:12:here")));
        fake.PressButton(WorkerA, quick.Id, "w:quick:12:here");
        var press = (await bot.GetUpdates(offset: update.Id + 1)).Single();
        Assert.Equal(topic.MessageThreadId, press.CallbackQuery!.Message!.MessageThreadId);
        Assert.Throws<InvalidOperationException>(() => fake.SendTextInTopic(WorkerA, WorkerB, topic.MessageThreadId, "not my chat"));

        var notForPrivate = await Assert.ThrowsAsync<ApiRequestException>(() => bot.CloseForumTopic(WorkerA, topic.MessageThreadId));
        Assert.Equal(400, notForPrivate.ErrorCode);
        await bot.DeleteForumTopic(WorkerA, topic.MessageThreadId);
        var gone = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(WorkerA, "x", messageThreadId: topic.MessageThreadId));
        Assert.Equal("Bad Request: message thread not found", gone.Message);
    }

    [Fact]
    public async Task A_group_takes_about_20_messages_a_minute_whatever_the_topic()
    {
        var options = new FakeBotApiOptions { EnforceTelegramLimits = true };
        options.Limits.GlobalPerSecond = 0;
        var (fake, bot) = await StartAsync(options);
        await using var _ = fake;
        const long otherGroup = -1_001_000_000_002;
        fake.CreateForumGroup(otherGroup, "Kazakh team", [WorkerB]);
        var a = await bot.CreateForumTopic(Group, "#1");
        var b = await bot.CreateForumTopic(Group, "#2");
        for (var i = 0; i < 18; i++)
        {
            await bot.SendMessage(Group, $"m{i}", messageThreadId: i % 2 == 0 ? a.MessageThreadId : b.MessageThreadId);
        }

        var ex = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Group, "one too many", messageThreadId: a.MessageThreadId));
        Assert.Equal(429, ex.ErrorCode);
        Assert.True(ex.Parameters?.RetryAfter >= 1);
        Assert.Equal(1, fake.TooManyRequestsCount);
        await bot.SendMessage(otherGroup, "another group has its own budget");
        await bot.SendMessage(WorkerA, "and so does a private chat");
        Assert.Equal(1, fake.TooManyRequestsCount);
        Assert.Contains("429: sendMessage to chat " + Group, string.Join("\n", fake.ExplainTooManyRequests()), StringComparison.Ordinal);
    }
}
