using HotlineBot.FakeTelegram;
using static HotlineBot.Tests.EndToEnd.EscalationHelpers;

namespace HotlineBot.Tests.EndToEnd;

/// <summary>A person asks for a specialist and two workers handle the case end to end, as everybody sees it in Telegram.</summary>
public sealed class EscalationJourneyTests
{
    private const long Person = 777123456;
    private const string FirstName = "Ксенофонтия";
    private const string Username = "xeno_secret_77";
    private const string Note = "внутренняя заметка ZX-41";
    private const string Comment = "Очень помогли, благодарю";

    private sealed record Journey(long Winner, long Loser, string WinnerName, string LoserName);

    private static string NameOf(long worker) => worker == BotHost.WorkerA ? "Aigul" : "Dmitry";

    private static async Task<Journey> RunJourneyAsync(FakeBotApi api, BotHost bot)
    {
        await GreetWorkersAsync(api, BotHost.WorkerA, BotHost.WorkerB);
        var beforeA = LastId(api, BotHost.WorkerA);
        var beforeB = LastId(api, BotHost.WorkerB);

        var queued = await OpenCaseAsync(api, Person, "Мне нужна помощь с пособием", firstName: FirstName, username: Username);
        Assert.Contains("№1", queued.Text);
        Assert.Contains("место в очереди: 1", queued.Text);

        var noteA = await WaitNotification(api, BotHost.WorkerA, 1, beforeA);
        var noteB = await WaitNotification(api, BotHost.WorkerB, 1, beforeB);
        // Each worker's queue board offers it, with the first words.
        Assert.Contains("#1 · ru", noteA.Text);
        Assert.Contains("#1 · ru", noteB.Text);
        Assert.Contains("Мне нужна помощь с пособием", noteA.Text);

        // Both press Take at the same moment.
        api.PressButton(BotHost.WorkerA, noteA.MessageId, "w:take:1");
        api.PressButton(BotHost.WorkerB, noteB.MessageId, "w:take:1");
        await api.WaitUntilAsync(() => Saw(api, BotHost.WorkerA, "Обращение #1 у вас") || Saw(api, BotHost.WorkerB, "Обращение #1 у вас"));
        var winner = Saw(api, BotHost.WorkerA, "Обращение #1 у вас") ? BotHost.WorkerA : BotHost.WorkerB;
        var loser = winner == BotHost.WorkerA ? BotHost.WorkerB : BotHost.WorkerA;
        var loserNote = loser == BotHost.WorkerA ? noteA : noteB;
        // The loser hears it is taken, or finds their board no longer offering it.
        await api.WaitUntilAsync(() => Saw(api, loser, "уже занято")
            || api.FindMessage(loser, loserNote.MessageId) is { } board && board.Buttons.All(b => b.CallbackData != "w:take:1"));
        await bot.WaitIdleAsync();
        Assert.False(Saw(api, loser, "Обращение #1 у вас"), api.DumpChat(loser));
        Assert.Single(api.BotMessages(winner), m => m.Display?.Contains("Обращение #1 у вас", StringComparison.Ordinal) == true);

        var joined = await WaitText(api, Person, "на связи");
        Assert.Contains("Специалист", joined.Text);
        Assert.DoesNotContain(NameOf(winner), joined.Text);
        Assert.DoesNotContain(winner.ToString(), joined.Text);

        // Relay both ways.
        var personBefore = LastId(api, Person);
        api.SendText(winner, "Здравствуйте, я вас слушаю", "ru", NameOf(winner));
        var relayed = await WaitText(api, Person, "Здравствуйте, я вас слушаю", personBefore);
        Assert.StartsWith("Специалист:", relayed.Text);

        var winnerBefore = LastId(api, winner);
        api.SendText(Person, "Мне не платят пособие третий месяц", "ru", FirstName, Username);
        var toWorker = await WaitText(api, winner, "Мне не платят пособие третий месяц", winnerBefore);
        Assert.StartsWith("#1:", toWorker.Text);

        // Photos both ways go by copyMessage.
        api.SendPhoto(Person);
        await api.WaitUntilAsync(() => api.RequestsFor("copyMessage").Any(r => r.ChatId == winner && r.Ok));
        api.SendPhoto(winner);
        await api.WaitUntilAsync(() => api.RequestsFor("copyMessage").Any(r => r.ChatId == Person && r.Ok));
        Assert.Contains(api.BotMessages(Person), m => m.Kind == MessageKind.Photo && m.Source == "copyMessage" && m.Buttons.Any(b => b.CallbackData == "a:hide"));
        Assert.Contains(api.BotMessages(winner), m => m.Kind == MessageKind.Photo && m.Source == "copyMessage");

        // A note stays with the staff.
        winnerBefore = LastId(api, winner);
        api.SendText(winner, "/note " + Note, "ru", NameOf(winner));
        await WaitText(api, winner, "Заметка к #1 сохранена", winnerBefore);

        // Transfer to the colleague.
        personBefore = LastId(api, Person);
        var loserBefore = LastId(api, loser);
        api.SendText(winner, "/transfer 1 " + NameOf(loser), "ru", NameOf(winner));
        var handed = await WaitText(api, loser, "передал(а) вам обращение #1", loserBefore);
        Assert.Contains("Мне не платят пособие третий месяц", handed.Text);
        Assert.Contains(NameOf(winner), handed.Text);
        var transferred = await WaitText(api, Person, "продолжит другой специалист", personBefore);
        Assert.DoesNotContain("(Специалист)", transferred.Text);
        await WaitText(api, winner, "Обращение #1 передано");
        Assert.DoesNotContain(Note, string.Join("\n", Texts(api, Person)));

        // The new holder talks and closes.
        personBefore = LastId(api, Person);
        api.SendText(loser, "Я продолжу с вами", "ru", NameOf(loser));
        var continued = await WaitText(api, Person, "Я продолжу с вами", personBefore);
        Assert.StartsWith("Специалист:", continued.Text);
        Assert.Contains(continued.Buttons, b => b.CallbackData == "a:hide");

        loserBefore = LastId(api, loser);
        api.SendText(loser, "/close", "ru", NameOf(loser));
        var ask = await api.WaitForBotMessageAsync(loser, m => m.Buttons.Any(b => b.CallbackData == "w:wu:1:c:services"), Wait, loserBefore);
        api.PressButton(loser, ask.MessageId, "w:wu:1:c:services");
        await api.WaitForBotMessageAsync(loser, m => m.Buttons.Any(b => b.CallbackData == "w:wu:1:s:psych"), Wait, loserBefore);
        api.PressButton(loser, ask.MessageId, "w:wu:1:s:psych");
        await api.WaitForBotMessageAsync(loser, m => m.Buttons.Any(b => b.CallbackData == "w:wu:1:n"), Wait, loserBefore);
        personBefore = LastId(api, Person);
        api.PressButton(loser, ask.MessageId, "w:wu:1:f");
        await WaitText(api, Person, "завершил разговор по обращению №1", personBefore);
        var rate = await api.WaitForBotMessageAsync(Person, m => m.Buttons.Any(b => b.CallbackData == "r:5"), Wait, personBefore);
        Assert.Equal(["r:1", "r:2", "r:3", "r:4", "r:5"], rate.Buttons.Select(b => b.CallbackData).Where(d => d!.StartsWith("r:", StringComparison.Ordinal)).ToList());
        await WaitText(api, loser, "Обращение #1 закрыто", loserBefore);

        personBefore = LastId(api, Person);
        loserBefore = LastId(api, loser);
        api.PressButton(Person, rate.MessageId, "r:5");
        await WaitText(api, Person, "Можете написать отзыв", personBefore);
        await WaitText(api, loser, "Оценка по обращению #1: 5/5.", loserBefore);
        api.SendText(Person, Comment, "ru", FirstName, Username);
        await WaitText(api, Person, "Спасибо за отзыв", personBefore);

        // The transcript and the export.
        winnerBefore = LastId(api, winner);
        api.SendText(winner, "/history 1", "ru", NameOf(winner));
        var history = await WaitText(api, winner, "Обращение #1 ·", winnerBefore);
        Assert.Contains("Человек:", history.Text);
        Assert.Contains("Мне не платят пособие третий месяц", history.Text);
        Assert.Contains(Note, history.Text);
        Assert.Contains("rating", history.Text);
        Assert.Contains("5/5", history.Text);
        Assert.Contains(Comment, history.Text);

        api.SendText(winner, "/export 1", "ru", NameOf(winner));
        await api.WaitUntilAsync(() => api.RequestsFor("sendDocument").Any(r => r.ChatId == winner && r.Ok));
        return new Journey(winner, loser, NameOf(winner), NameOf(loser));
    }

    [Fact]
    public async Task Escalation_full_journey_take_race_relay_note_transfer_close_rate_history_export()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        await RunJourneyAsync(api, bot);
    }

    [Fact]
    public async Task Escalation_keeps_both_sides_anonymous_across_the_whole_journey()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        await RunJourneyAsync(api, bot);
        await bot.WaitIdleAsync();

        foreach (var staff in new[] { BotHost.WorkerA, BotHost.WorkerB, BotHost.Supervisor })
        {
            foreach (var text in Texts(api, staff))
            {
                Assert.DoesNotContain(Person.ToString(), text);
                Assert.DoesNotContain(FirstName, text);
                Assert.DoesNotContain(Username, text);
            }
        }

        // The exported file does not carry the person either.
        foreach (var doc in api.RequestsFor("sendDocument"))
        {
            foreach (var file in doc.Files)
            {
                var content = System.Text.Encoding.UTF8.GetString(file.Content);
                Assert.Contains("Обращение #1 ·", content);
                Assert.DoesNotContain(Person.ToString(), content);
                Assert.DoesNotContain(FirstName, content);
                Assert.DoesNotContain(Username, content);
            }
        }

        var personTexts = Texts(api, Person).ToList();
        Assert.NotEmpty(personTexts);
        foreach (var text in personTexts)
        {
            Assert.DoesNotContain(BotHost.WorkerA.ToString(), text);
            Assert.DoesNotContain(BotHost.WorkerB.ToString(), text);
            Assert.DoesNotContain("Aigul", text);
            Assert.DoesNotContain("Dmitry", text);
        }

        // Copies to the person never name the worker's chat as a visible source.
        foreach (var copy in api.BotMessages(Person).Where(m => m.Source == "copyMessage"))
        {
            Assert.DoesNotContain("forward_from", copy.Json.ToJsonString());
        }
    }
}
