using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HotlineBot.FakeTelegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace HotlineBot.Tests.FakeTelegram;

/// <summary>The fake Bot API exercised through the real Telegram.Bot client.</summary>
public sealed class FakeBotApiTests : IAsyncLifetime
{
    private const long User = 424242;
    private FakeBotApi _fake = null!;
    private readonly HttpClient _http = new();
    private TelegramBotClient _bot = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeBotApi.StartAsync();
        _bot = NewClient(_fake);
    }

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        _http.Dispose();
    }

    /// <summary>RetryThreshold 0 turns off the client's automatic 429 retry so the exception surfaces.</summary>
    private TelegramBotClient NewClient(FakeBotApi fake, int retryThreshold = 0) =>
        new(new TelegramBotClientOptions(fake.Token, baseUrl: fake.BaseUrl) { RetryThreshold = retryThreshold }, _http);

    [Fact]
    public async Task GetMe_returns_the_bot_user()
    {
        var me = await _bot.GetMe();
        Assert.Equal(_fake.BotId, me.Id);
        Assert.True(me.IsBot);
        Assert.Equal(_fake.BotUsername, me.Username);
        Assert.StartsWith("http://127.0.0.1:", _fake.BaseUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetUpdates_offset_confirms_and_removes_earlier_updates()
    {
        var a = _fake.SendText(User, "one", firstName: "Ann", username: "ann");
        var b = _fake.SendText(User, "two");
        var c = _fake.SendText(User, "three");
        Assert.Equal(3, _fake.PendingUpdates);

        var all = await _bot.GetUpdates();
        Assert.Equal([a.UpdateId, b.UpdateId, c.UpdateId], all.Select(u => u.Id));
        Assert.Equal(["one", "two", "three"], all.Select(u => u.Message!.Text));
        Assert.Equal(UpdateType.Message, all[0].Type);
        Assert.Equal(User, all[0].Message!.Chat.Id);
        Assert.Equal(ChatType.Private, all[0].Message!.Chat.Type);
        Assert.Equal("Ann", all[0].Message!.From!.FirstName);
        Assert.Equal(a.MessageId, all[0].Message!.Id);
        Assert.Equal(3, _fake.PendingUpdates); // returned, not yet confirmed

        var limited = await _bot.GetUpdates(offset: b.UpdateId, limit: 1);
        Assert.Equal([b.UpdateId], limited.Select(u => u.Id));
        Assert.Equal(2, _fake.PendingUpdates); // "one" confirmed

        var none = await _bot.GetUpdates(offset: c.UpdateId + 1);
        Assert.Empty(none);
        Assert.Equal(0, _fake.PendingUpdates);
        Assert.All(_fake.UpdateTraces, t => Assert.NotNull(t.ConfirmedAt));
    }

    [Fact]
    public async Task GetUpdates_long_poll_returns_when_an_update_arrives_and_empty_after_timeout()
    {
        var sw = Stopwatch.StartNew();
        var poll = _bot.GetUpdates(timeout: 2);
        await Task.Delay(200);
        Assert.False(poll.IsCompleted);
        _fake.SendText(User, "wake up");
        var updates = await poll;
        Assert.Single(updates);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(1.2), $"long poll took {sw.Elapsed}");

        sw.Restart();
        var empty = await _bot.GetUpdates(offset: updates[0].Id + 1, timeout: 1);
        Assert.Empty(empty);
        Assert.InRange(sw.Elapsed.TotalSeconds, 0.9, 1.8);
    }

    [Fact]
    public async Task Inline_keyboard_press_button_round_trip_and_edit()
    {
        var hello = _fake.SendText(User, "/start");
        var keyboard = new InlineKeyboardMarkup([
            [InlineKeyboardButton.WithCallbackData("Yes", "answer:yes"), InlineKeyboardButton.WithCallbackData("No", "answer:no")],
        ]);
        var sent = await _bot.SendMessage(User, "Ready?", replyMarkup: keyboard);
        Assert.Equal(hello.MessageId + 1, sent.Id); // ids are shared between user and bot messages
        Assert.Equal(_fake.BotId, sent.From!.Id);
        Assert.Equal("answer:yes", sent.ReplyMarkup!.InlineKeyboard.First().First().CallbackData);

        var view = _fake.ChatView(User);
        Assert.Equal(2, view.Count);
        Assert.False(view[0].FromBot);
        Assert.Equal("/start", view[0].Text);
        Assert.True(view[1].FromBot);
        Assert.Equal(["Yes", "No"], view[1].Buttons.Select(b => b.Text));

        var press = _fake.PressButton(User, sent.Id, "answer:no");
        var updates = await _bot.GetUpdates();
        var query = updates.Single(u => u.Id == press.UpdateId).CallbackQuery!;
        Assert.Equal("answer:no", query.Data);
        Assert.Equal(User, query.From.Id);
        Assert.Equal(sent.Id, query.Message!.Id);
        Assert.Equal("Ready?", ((Message)query.Message).Text);
        Assert.False(string.IsNullOrEmpty(query.ChatInstance));

        await _bot.AnswerCallbackQuery(query.Id, "Noted");
        Assert.NotNull(_fake.TimeToFirstBotResponse(press.UpdateId));

        var edited = await _bot.EditMessageText(User, sent.Id, "You said <b>no</b>", ParseMode.Html);
        Assert.Equal("You said no", edited.Text);
        var after = _fake.ChatView(User)[1];
        Assert.Equal("You said no", after.Text);
        Assert.Equal("You said <b>no</b>", after.RawText);
        Assert.True(after.Edited);
        Assert.Empty(after.InlineKeyboard); // no reply_markup in the edit removes the keyboard

        var ex = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.EditMessageText(User, sent.Id, "You said <b>no</b>", ParseMode.Html));
        Assert.Equal(400, ex.ErrorCode);
        Assert.Contains("message is not modified", ex.Message, StringComparison.Ordinal);

        var missing = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.EditMessageText(User, 9999, "x"));
        Assert.Equal("Bad Request: message to edit not found", missing.Message);

        await _bot.EditMessageReplyMarkup(User, sent.Id, new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Again", "again")));
        Assert.Equal("again", _fake.ChatView(User)[1].Buttons.Single().CallbackData);
    }

    [Fact]
    public async Task DeleteMessages_removes_user_and_bot_messages_from_the_chat_view()
    {
        var u1 = _fake.SendText(User, "secret 1");
        var b1 = await _bot.SendMessage(User, "got it");
        var u2 = _fake.SendText(User, "secret 2");
        var b2 = await _bot.SendMessage(User, "kept");

        await _bot.DeleteMessages(User, [u1.MessageId!.Value, b1.Id, u2.MessageId!.Value]);
        var view = _fake.ChatView(User);
        Assert.Equal([b2.Id], view.Select(m => m.MessageId));

        await _bot.DeleteMessage(User, b2.Id);
        Assert.Empty(_fake.ChatView(User));
        var ex = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.DeleteMessage(User, b2.Id));
        Assert.Equal(400, ex.ErrorCode);
    }

    [Fact]
    public async Task FailNext_429_surfaces_retry_after_then_recovers()
    {
        _fake.FailNext("sendMessage", User, 429, "Too Many Requests: retry after 5", retryAfter: 5);
        var ex = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(User, "hi"));
        Assert.Equal(429, ex.ErrorCode);
        Assert.Equal(5, ex.Parameters?.RetryAfter);
        Assert.Empty(_fake.BotMessages(User));

        await _bot.SendMessage(User, "hi"); // one-shot
        Assert.Single(_fake.BotMessages(User));
        Assert.Equal([429, 200], _fake.RequestsFor("sendMessage").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task FailNext_429_with_short_retry_after_is_retried_by_the_default_client()
    {
        var bot = NewClient(_fake, retryThreshold: 60);
        _fake.TooManyRequestsNext("sendMessage", null, retryAfter: 1);
        var sw = Stopwatch.StartNew();
        await bot.SendMessage(User, "eventually");
        Assert.True(sw.Elapsed >= TimeSpan.FromSeconds(0.9));
        Assert.Equal([429, 200], _fake.RequestsFor("sendMessage").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task BlockedByUser_gives_403_forbidden()
    {
        _fake.BlockedByUser(User);
        var ex = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(User, "hello?"));
        Assert.Equal(403, ex.ErrorCode);
        Assert.Equal("Forbidden: bot was blocked by the user", ex.Message);
        await _bot.SendMessage(User + 1, "others still work");
    }

    [Fact]
    public async Task DropConnectionNext_surfaces_as_request_exception()
    {
        await _bot.GetMe(); // warm a pooled connection
        _fake.DropConnectionNext("sendMessage", User);
        var ex = await Assert.ThrowsAsync<RequestException>(() => _bot.SendMessage(User, "lost"));
        Assert.IsAssignableFrom<HttpRequestException>(ex.InnerException);
        Assert.True(_fake.RequestsFor("sendMessage").Single().Dropped);
        Assert.Empty(_fake.BotMessages(User));

        await _bot.SendMessage(User, "delivered");
        Assert.Single(_fake.BotMessages(User));
    }

    [Fact]
    public async Task Delay_slows_the_matching_request()
    {
        _fake.Delay("sendChatAction", TimeSpan.FromMilliseconds(300));
        var sw = Stopwatch.StartNew();
        await _bot.SendChatAction(User, ChatAction.Typing);
        Assert.True(sw.Elapsed >= TimeSpan.FromMilliseconds(280));
    }

    [Fact]
    public async Task Limits_mode_answers_429_on_the_fourth_immediate_message_to_one_chat()
    {
        await using var fake = await FakeBotApi.StartAsync(new FakeBotApiOptions { EnforceTelegramLimits = true });
        var bot = NewClient(fake);
        for (int i = 0; i < 3; i++) await bot.SendMessage(User, $"m{i}");
        var ex = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(User, "m3"));
        Assert.Equal(429, ex.ErrorCode);
        Assert.True(ex.Parameters?.RetryAfter >= 1);
        Assert.Equal(1, fake.TooManyRequestsCount);
        await bot.SendMessage(User + 1, "another chat has its own budget");
        Assert.Equal(3, fake.BotMessages(User).Count);
    }

    [Fact]
    public async Task CopyMessage_and_multipart_SendDocument_are_recorded()
    {
        var doc = _fake.SendDocument(User, "report.pdf", caption: "my report");
        const long Operators = -1001234567890;
        var copied = await _bot.CopyMessage(Operators, User, doc.MessageId!.Value);
        var copy = _fake.ChatView(Operators).Single();
        Assert.Equal(copied.Id, copy.MessageId);
        Assert.Equal(MessageKind.Document, copy.Kind);
        Assert.Equal("my report", copy.Caption);
        Assert.Equal("report.pdf", copy.FileName);
        Assert.Equal(doc.MessageId, copy.CopiedFromMessageId);
        var copyRequest = _fake.RequestsFor("copyMessage").Single();
        Assert.Equal(Operators, copyRequest.ChatId);
        Assert.Equal(User, copyRequest.Parameters["from_chat_id"]!.GetValue<long>());

        var bytes = Encoding.UTF8.GetBytes("a,b\n1,2\n");
        await using var stream = new MemoryStream(bytes);
        var sent = await _bot.SendDocument(User, InputFile.FromStream(stream, "export.csv"), caption: "Export");
        Assert.Equal("export.csv", sent.Document!.FileName);
        Assert.Equal(bytes.Length, sent.Document.FileSize);
        var req = _fake.RequestsFor("sendDocument").Single();
        var file = req.Files.Single();
        Assert.Equal("export.csv", file.FileName);
        Assert.Equal("document", file.ParameterName);
        Assert.Equal(bytes.Length, file.Length);
        Assert.Equal("Export", req.Parameters["caption"]!.GetValue<string>());
        Assert.Equal(User, req.ChatId);
        Assert.Equal("Export", _fake.BotMessages(User).Single().Caption);

        // re-send by file_id
        var again = await _bot.SendDocument(Operators, InputFile.FromFileId(sent.Document.FileId));
        Assert.Equal(sent.Document.FileId, again.Document!.FileId);
    }

    [Fact]
    public async Task Wrong_token_is_401_and_unknown_method_is_404()
    {
        using var bad = await _http.PostAsync(new Uri($"{_fake.BaseUrl}/botnot-a-token/getMe"), null);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        var body = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!;
        Assert.False(body["ok"]!.GetValue<bool>());
        Assert.Equal(401, body["error_code"]!.GetValue<int>());

        using var unknown = await _http.PostAsync(new Uri($"{_fake.BaseUrl}/bot{_fake.Token}/frobnicate"), null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("method not found", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var caseInsensitive = await _http.GetAsync(new Uri($"{_fake.BaseUrl}/bot1:x/GETME"));
        Assert.Equal(HttpStatusCode.OK, caseInsensitive.StatusCode);
    }

    [Fact]
    public async Task Commands_are_stored_per_scope_and_language()
    {
        await _bot.SetMyCommands([new BotCommand("start", "Начать"), new BotCommand("help", "Помощь")], languageCode: "ru");
        await _bot.SetMyCommands([new BotCommand("start", "Start")]);
        Assert.Equal(["start", "help"], (await _bot.GetMyCommands(languageCode: "ru")).Select(c => c.Command));
        Assert.Equal("Start", (await _bot.GetMyCommands()).Single().Description);
        await _bot.DeleteMyCommands(languageCode: "ru");
        Assert.Empty(_fake.GetCommands("ru"));
        Assert.Single(_fake.GetCommands());
    }

    [Fact]
    public async Task Simulated_users_produce_updates_the_client_deserializes()
    {
        _fake.SendPhoto(User, "pic");
        _fake.SendVoice(User);
        _fake.SendVideo(User);
        _fake.SendSticker(User);
        _fake.SendLocation(User);
        _fake.SendContact(User, "+79990001122", isOwn: true);
        _fake.SendPoll(User, "Tea?", "Yes", "No");
        var text = _fake.SendText(User, "typo");
        _fake.EditText(User, text.MessageId!.Value, "fixed");
        _fake.SendToGroup(-100777, User, "in a group");
        _fake.ChannelPost(-1009999999999, "news");
        _fake.Enqueue(new JsonObject { ["message"] = new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = User, ["is_bot"] = false, ["first_name"] = "Raw" },
            ["chat"] = new JsonObject { ["id"] = User, ["type"] = "private", ["first_name"] = "Raw" },
            ["dice"] = new JsonObject { ["emoji"] = "🎲", ["value"] = 4 },
        } });

        var updates = await _bot.GetUpdates();
        Assert.Equal(12, updates.Length);
        Assert.Equal(
            [MessageType.Photo, MessageType.Voice, MessageType.Video, MessageType.Sticker, MessageType.Location,
             MessageType.Contact, MessageType.Poll, MessageType.Text],
            updates.Take(8).Select(u => u.Message!.Type));
        Assert.Equal(User, updates[5].Message!.Contact!.UserId);
        Assert.Equal("fixed", updates[8].EditedMessage!.Text);
        Assert.Equal(ChatType.Group, updates[9].Message!.Chat.Type);
        Assert.Equal(ChatType.Channel, updates[10].ChannelPost!.Chat.Type);
        Assert.Equal(4, updates[11].Message!.Dice!.Value);
        Assert.Equal("fixed", _fake.FindMessage(User, text.MessageId!.Value)!.Text);
        var ids = _fake.ChatView(User).Select(m => m.MessageId).ToArray();
        Assert.Equal(ids.Order(), ids);
    }

    [Fact]
    public async Task WaitForBotMessage_and_latency_trace()
    {
        var question = _fake.SendText(User, "ping");
        var replyTask = _fake.WaitForReplyAsync(question, m => m.Text == "pong", TimeSpan.FromSeconds(5));
        await Task.Delay(50);
        await _bot.SendMessage(User, "pong");
        var reply = await replyTask;
        Assert.Equal(question.MessageId + 1, reply.MessageId);
        var latency = _fake.TimeToFirstBotResponse(question.UpdateId, includeEditsAndAnswers: false);
        Assert.NotNull(latency);
        Assert.True(latency >= TimeSpan.FromMilliseconds(40));

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() =>
            _fake.WaitForBotMessageAsync(User, m => m.Text == "never", TimeSpan.FromMilliseconds(100)));
        Assert.Contains("pong", timeout.Message, StringComparison.Ordinal); // carries the chat view dump
    }

    [Fact]
    public async Task Invalid_html_and_oversized_callback_data_are_rejected_like_telegram()
    {
        var html = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(User, "a < b <oops>", ParseMode.Html));
        Assert.Equal(400, html.ErrorCode);
        Assert.Contains("can't parse entities", html.Message, StringComparison.Ordinal);

        var data = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(User, "x",
            replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("big", new string('x', 65)))));
        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", data.Message);

        var reply = await _bot.SendMessage(User, "choose", replyMarkup: new ReplyKeyboardMarkup([["A", "B"]]) { ResizeKeyboard = true });
        Assert.Null(reply.ReplyMarkup);
        Assert.Equal(["A", "B"], _fake.CurrentReplyKeyboard(User)![0]);
        await _bot.SendMessage(User, "bye", replyMarkup: new ReplyKeyboardRemove());
        Assert.Null(_fake.CurrentReplyKeyboard(User));
    }

    [Fact]
    public async Task Library_polling_loop_echo_bot_end_to_end_and_fast_dispose()
    {
        var started = Stopwatch.StartNew();
        var fake = await FakeBotApi.StartAsync();
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(1), $"start took {started.Elapsed}");
        var bot = NewClient(fake);
        using var cts = new CancellationTokenSource();
        bot.StartReceiving(
            async (client, update, ct) =>
            {
                if (update.Message is { Text: { } text } msg)
                    await client.SendMessage(msg.Chat.Id, "echo: " + text, cancellationToken: ct);
            },
            (_, _, _) => Task.CompletedTask,
            new global::Telegram.Bot.Polling.ReceiverOptions { AllowedUpdates = [] },
            cts.Token);

        var sent = fake.SendText(User, "hello");
        var reply = await fake.WaitForReplyAsync(sent, timeout: TimeSpan.FromSeconds(5));
        Assert.Equal("echo: hello", reply.Text);
        await fake.WaitUntilAsync(() => fake.PendingUpdates == 0, TimeSpan.FromSeconds(5)); // next poll confirmed it
        Assert.NotNull(fake.TimeToFirstBotResponse(sent.UpdateId));

        var disposing = Stopwatch.StartNew(); // a long poll is in flight
        await fake.DisposeAsync();
        await cts.CancelAsync();
        Assert.True(disposing.Elapsed < TimeSpan.FromSeconds(3), $"dispose took {disposing.Elapsed}");
    }
}
