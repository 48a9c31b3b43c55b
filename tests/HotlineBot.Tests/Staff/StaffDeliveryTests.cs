using System.Text.RegularExpressions;
using HotlineBot.FakeTelegram;
using HotlineBot.Storage;
using HotlineBot.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using static HotlineBot.Tests.EndToEnd.EscalationHelpers;

namespace HotlineBot.Tests.Staff;

/// <summary>
/// Staff delivery (issue 16) end to end through the fake Bot API: a stale notice is never sent, the queue board is one
/// message edited in place, texts waiting behind a chat's pace go joined (marked, within 4096 characters), media stay
/// separate and in order, and a safe exit still deletes every piece.
/// </summary>
public sealed partial class StaffDeliveryTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    [GeneratedRegex(@"\d\d:\d\d #1: ")]
    private static partial Regex PartMark();

    /// <summary>A person's case, taken by worker A from the board; returns when the person has heard who joined.</summary>
    private static async Task TakenCaseAsync(FakeBotApi api, long person, string question = "Мне нужна помощь")
    {
        await OpenCaseAsync(api, person, question);
        var board = await WaitNotification(api, BotHost.WorkerA, 1);
        api.PressButton(BotHost.WorkerA, board.MessageId, "w:take:1");
        await WaitText(api, BotHost.WorkerA, "Обращение #1 у вас");
        await WaitText(api, person, "на связи");
    }

    private static List<ChatMessage> Containing(FakeBotApi api, long chat, string token) =>
        [.. api.BotMessages(chat).Where(m => m.Display?.Contains(token, StringComparison.Ordinal) == true)];

    [Fact]
    public async Task A_stale_urgent_alert_waiting_behind_a_429_is_not_sent_after_another_worker_took_the_case()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        const long person = 7001;
        await GreetWorkersAsync(api, BotHost.WorkerA, BotHost.WorkerB);
        await ReachMenuAsync(api, person);

        // Worker B's chat is told to slow down on the next message: the alert waits there five seconds.
        api.TooManyRequestsNext("sendMessage", BotHost.WorkerB, retryAfter: 5);
        api.SendText(person, "я не хочу жить");
        var alert = await WaitText(api, BotHost.WorkerA, "СРОЧНОЕ обращение #1", timeout: Long);
        api.PressButton(BotHost.WorkerA, alert.MessageId, "w:take:1");
        await WaitText(api, BotHost.WorkerA, "Обращение #1 у вас");
        await bot.WaitIdleAsync(Long);

        // B's alert was tried (and refused with the 429) before the take, then never sent: the case was no longer waiting.
        Assert.Contains(api.RequestsFor("sendMessage"), r => r.ChatId == BotHost.WorkerB && r.StatusCode == 429
            && r.Parameters["text"]?.GetValue<string>().Contains("СРОЧНОЕ обращение #1", StringComparison.Ordinal) == true);
        Assert.Empty(Containing(api, BotHost.WorkerB, "#1"));
        // A's own alert now says the case is taken, without a Take button.
        var corrected = api.FindMessage(BotHost.WorkerA, alert.MessageId)!;
        Assert.Contains("взял(а) Aigul", corrected.Text, StringComparison.Ordinal);
        Assert.Empty(corrected.Buttons);
        Assert.Equal(0, bot.Services.GetRequiredService<IOutboxStore>().Count());
    }

    [Fact]
    public async Task The_queue_board_is_one_message_edited_in_place_as_cases_arrive_and_are_taken()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        await GreetWorkersAsync(api, BotHost.WorkerA);
        await OpenCaseAsync(api, 7101, "Первый вопрос о пособии");
        var board = await WaitNotification(api, BotHost.WorkerA, 1);
        await OpenCaseAsync(api, 7102, "Второй вопрос");
        await OpenCaseAsync(api, 7103, "Третий вопрос");
        await api.WaitUntilAsync(() => api.FindMessage(BotHost.WorkerA, board.MessageId)?.Buttons.Count(b => b.CallbackData!.StartsWith("w:take:", StringComparison.Ordinal)) == 3, Long);
        var three = api.FindMessage(BotHost.WorkerA, board.MessageId)!;
        Assert.Contains("В очереди ждут: 3", three.Text, StringComparison.Ordinal);
        Assert.True(three.Text!.IndexOf("#1 ·", StringComparison.Ordinal) < three.Text.IndexOf("#2 ·", StringComparison.Ordinal), three.Text);
        Assert.Contains("Третий вопрос", three.Text, StringComparison.Ordinal);

        // An urgent case goes to the top of the board and also gets its own alert.
        await ReachMenuAsync(api, 7104);
        api.SendText(7104, "я не хочу жить");
        var alert = await WaitText(api, BotHost.WorkerA, "СРОЧНОЕ обращение #4", timeout: Long);
        await api.WaitUntilAsync(() => api.FindMessage(BotHost.WorkerA, board.MessageId)?.Text?.Contains("В очереди ждут: 4", StringComparison.Ordinal) == true, Long);
        var four = api.FindMessage(BotHost.WorkerA, board.MessageId)!;
        Assert.True(four.Text!.IndexOf("🔴 #4", StringComparison.Ordinal) < four.Text.IndexOf("#1 ·", StringComparison.Ordinal), four.Text);
        Assert.NotEqual(board.MessageId, alert.MessageId);

        // Taken from the board: the same message drops it.
        api.PressButton(BotHost.WorkerA, board.MessageId, "w:take:2");
        await WaitText(api, BotHost.WorkerA, "Обращение #2 у вас");
        await api.WaitUntilAsync(() => api.FindMessage(BotHost.WorkerA, board.MessageId)?.Text?.Contains("В очереди ждут: 3", StringComparison.Ordinal) == true, Long);
        await bot.WaitIdleAsync(Long);
        var after = api.FindMessage(BotHost.WorkerA, board.MessageId)!;
        Assert.DoesNotContain("#2 ·", after.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(after.Buttons, b => b.CallbackData == "w:take:2");
        Assert.Contains(after.Buttons, b => b.CallbackData == "w:take:3");

        // One board in the chat all along, edited, never sent again; /queue still lists the queue.
        Assert.Single(Containing(api, BotHost.WorkerA, "В очереди ждут"));
        Assert.True(api.RequestsFor("editMessageText").Count(r => r.ChatId == BotHost.WorkerA && r.Parameters["message_id"]?.GetValue<int>() == board.MessageId) >= 3);
        var mark = LastId(api, BotHost.WorkerA);
        api.SendText(BotHost.WorkerA, "/queue", "ru", "Aigul");
        var queue = await WaitText(api, BotHost.WorkerA, "В очереди: 3", mark);
        Assert.Contains("#3", queue.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Going_off_duty_retires_the_board_and_coming_on_duty_posts_a_fresh_one_that_later_changes_edit()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        await GreetWorkersAsync(api, BotHost.WorkerA);
        await OpenCaseAsync(api, 7501, "Вопрос о выплате");
        var old = await WaitNotification(api, BotHost.WorkerA, 1);

        api.SendText(BotHost.WorkerA, "/duty off", "ru", "Aigul");
        await api.WaitUntilAsync(() => api.FindMessage(BotHost.WorkerA, old.MessageId)?.Text?.Contains("Вы не на смене", StringComparison.Ordinal) == true, Long);
        Assert.Empty(api.FindMessage(BotHost.WorkerA, old.MessageId)!.Buttons);
        await OpenCaseAsync(api, 7502, "Ещё вопрос");
        await bot.WaitIdleAsync(Long);
        Assert.DoesNotContain("#2", api.FindMessage(BotHost.WorkerA, old.MessageId)!.Text, StringComparison.Ordinal);

        var mark = LastId(api, BotHost.WorkerA);
        api.SendText(BotHost.WorkerA, "/duty on", "ru", "Aigul");
        var fresh = await api.WaitForBotMessageAsync(BotHost.WorkerA, m => m.Text?.Contains("В очереди ждут: 2", StringComparison.Ordinal) == true, Long, mark);
        Assert.Contains(fresh.Buttons, b => b.CallbackData == "w:take:2");
        await OpenCaseAsync(api, 7503, "Третий");
        await api.WaitUntilAsync(() => api.FindMessage(BotHost.WorkerA, fresh.MessageId)?.Buttons.Any(b => b.CallbackData == "w:take:3") == true, Long);
        await bot.WaitIdleAsync(Long);
        Assert.Contains("Вы не на смене", api.FindMessage(BotHost.WorkerA, old.MessageId)!.Text, StringComparison.Ordinal);
        Assert.Single(Containing(api, BotHost.WorkerA, "В очереди ждут"));
    }

    [Fact]
    public async Task A_board_that_can_no_longer_be_edited_is_posted_again_and_the_new_one_is_edited_from_then_on()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        await GreetWorkersAsync(api, BotHost.WorkerA);
        await OpenCaseAsync(api, 7601, "Первый");
        var old = await WaitNotification(api, BotHost.WorkerA, 1);
        await bot.WaitIdleAsync(Long);

        // The worker deleted the board: Telegram refuses the next edit.
        api.FailNext("editMessageText", BotHost.WorkerA, 400, "Bad Request: message to edit not found");
        await OpenCaseAsync(api, 7602, "Второй");
        var fresh = await api.WaitForBotMessageAsync(BotHost.WorkerA, m => m.Buttons.Any(b => b.CallbackData == "w:take:2"), Long, old.MessageId);
        await OpenCaseAsync(api, 7603, "Третий");
        await api.WaitUntilAsync(() => api.FindMessage(BotHost.WorkerA, fresh.MessageId)?.Buttons.Any(b => b.CallbackData == "w:take:3") == true, Long);
        await bot.WaitIdleAsync(Long);
        Assert.DoesNotContain(api.FindMessage(BotHost.WorkerA, old.MessageId)!.Buttons, b => b.CallbackData == "w:take:3");
        Assert.Equal(2, Containing(api, BotHost.WorkerA, "В очереди ждут").Count);
    }

    [Fact]
    public async Task Texts_waiting_for_the_worker_go_joined_with_their_marks_and_media_stay_separate_and_in_order()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        const long person = 7201;
        await GreetWorkersAsync(api, BotHost.WorkerA);
        await TakenCaseAsync(api, person);
        var from = LastId(api, BotHost.WorkerA);

        // The worker's chat must wait two seconds (a 429): what the person writes meanwhile queues up behind it.
        api.TooManyRequestsNext("sendMessage", BotHost.WorkerA, retryAfter: 2);
        string[] before = ["(часть 1) мне тяжело", "(часть 2) не знаю, с чего начать", "(часть 3) вот документ"];
        string[] after = ["(часть 4) это справка", "(часть 5) что мне делать?"];
        foreach (var text in before)
        {
            api.SendText(person, text);
        }

        api.SendPhoto(person, "справка");
        foreach (var text in after)
        {
            api.SendText(person, text);
        }

        string[] all = [.. before, .. after];
        await api.WaitUntilAsync(() => all.All(t => Containing(api, BotHost.WorkerA, t).Count > 0)
            && api.BotMessagesSince(BotHost.WorkerA, from).Any(m => m.Kind == MessageKind.Photo), Long);
        await bot.WaitIdleAsync(Long);

        var messages = api.BotMessagesSince(BotHost.WorkerA, from);
        // Every text exactly once, word for word, and fewer messages than texts: some went together.
        Assert.All(all, t => Assert.Single(Containing(api, BotHost.WorkerA, t)));
        var carrying = messages.Where(m => all.Any(t => m.Display!.Contains(t, StringComparison.Ordinal))).ToList();
        Assert.True(carrying.Count < all.Length, api.DumpChat(BotHost.WorkerA));
        var joined = carrying.First(m => all.Count(t => m.Text!.Contains(t, StringComparison.Ordinal)) > 1);
        // Each part of a joined message keeps its case mark, with the time it was written.
        Assert.Equal(all.Count(t => joined.Text!.Contains(t, StringComparison.Ordinal)), PartMark().Count(joined.Text!));

        // In order: texts before the photo, its note, the photo itself, then the texts after it.
        int Position(string token)
        {
            var m = messages.First(x => x.Display?.Contains(token, StringComparison.Ordinal) == true);
            return (messages.ToList().IndexOf(m) * 10_000) + m.Display!.IndexOf(token, StringComparison.Ordinal);
        }

        var photo = messages.ToList().FindIndex(m => m.Kind == MessageKind.Photo) * 10_000;
        var order = new[] { Position(before[0]), Position(before[1]), Position(before[2]), Position("[photo] справка"), photo, Position(after[0]), Position(after[1]) };
        Assert.Equal(order.Order(), order);
        Assert.Single(messages, m => m.Kind == MessageKind.Photo);

        // The case log keeps each message as it was written, one event each.
        var log = bot.Services.GetRequiredService<ICaseStore>().Log(1);
        Assert.All(all, t => Assert.Single(log, e => e.Text == t));
    }

    [Fact]
    public async Task Joined_texts_stay_within_4096_characters_and_split_only_between_parts()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        const long person = 7301;
        await GreetWorkersAsync(api, BotHost.WorkerA);
        await TakenCaseAsync(api, person);
        var from = LastId(api, BotHost.WorkerA);

        api.TooManyRequestsNext("sendMessage", BotHost.WorkerA, retryAfter: 2);
        // Four long letters of 1,500 characters: two fit in one message, three do not.
        var letters = "абвг".Select(c => $"({c}) " + new string(c, 1500)).ToList();
        foreach (var letter in letters)
        {
            api.SendText(person, letter);
        }

        await api.WaitUntilAsync(() => letters.All(l => Containing(api, BotHost.WorkerA, l).Count > 0), Long);
        await bot.WaitIdleAsync(Long);
        var carrying = api.BotMessagesSince(BotHost.WorkerA, from).Where(m => letters.Any(l => m.Text!.Contains(l, StringComparison.Ordinal))).ToList();
        Assert.All(carrying, m => Assert.True(m.Text!.Length <= 4096, $"{m.Text!.Length} characters"));
        // Each letter whole in exactly one message (never cut), and at least one message carries two.
        Assert.All(letters, l => Assert.Single(carrying, m => m.Text!.Contains(l, StringComparison.Ordinal)));
        Assert.All(carrying, m => Assert.All("абвг", c => Assert.True(m.Text!.Count(x => x == c) is 0 or 1501, m.Text![..40])));
        Assert.True(carrying.Count < letters.Count, string.Join(" | ", carrying.Select(m => m.Text!.Length)));
    }

    [Fact]
    public async Task Hide_deletes_every_piece_of_a_joined_worker_reply()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        const long person = 7401;
        await GreetWorkersAsync(api, BotHost.WorkerA);
        await TakenCaseAsync(api, person);
        var from = LastId(api, person);

        // The person's chat waits two seconds: the worker's three messages queue up and go as one (or two).
        api.TooManyRequestsNext("sendMessage", person, retryAfter: 2);
        string[] words = ["Я здесь.", "Вы в безопасности сейчас?", "Напишите, когда сможете."];
        foreach (var text in words)
        {
            api.SendText(BotHost.WorkerA, text, "ru", "Aigul");
        }

        await api.WaitUntilAsync(() => words.All(w => Containing(api, person, w).Count > 0), Long);
        await bot.WaitIdleAsync(Long);
        var carrying = api.BotMessagesSince(person, from).Where(m => words.Any(w => m.Text!.Contains(w, StringComparison.Ordinal))).ToList();
        Assert.True(carrying.Count < words.Length, api.DumpChat(person));
        // The safe-exit row is under the joined message, as under each single one.
        Assert.All(carrying, m => Assert.Contains(m.Buttons, b => b.CallbackData?.StartsWith("a:hide", StringComparison.Ordinal) == true));
        // Each of the worker's messages is in the log as written and has its own delivery record, as when they went one by one.
        var log = bot.Services.GetRequiredService<ICaseStore>().Log(1);
        Assert.Equal(words, log.Where(e => e.Kind == Cases.CaseEventKind.WorkerMessage).Select(e => e.Text));
        Assert.Equal(words.Length, log.Count(e => e.Kind == Cases.CaseEventKind.Delivery && e.Text == Cases.DeliveryReports.Delivered));

        api.SendText(person, "/hide");
        await api.WaitUntilAsync(() => api.ChatView(person).Count == 1 && api.ChatView(person)[0].FromBot, Long);
        Assert.All(carrying, m => Assert.Null(api.FindMessage(person, m.MessageId)));
    }
}
