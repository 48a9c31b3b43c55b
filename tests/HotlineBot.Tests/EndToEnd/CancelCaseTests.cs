using HotlineBot.FakeTelegram;
using static HotlineBot.Tests.EndToEnd.EscalationHelpers;

namespace HotlineBot.Tests.EndToEnd;

/// <summary>Closing one's own case takes a confirming step, and the queue message's Cancel dies when the case is taken.</summary>
public sealed class CancelCaseTests
{
    private const long Person = 6301;

    [Fact]
    public async Task The_old_queue_Cancel_after_the_specialist_joined_closes_nothing_and_cancel_closes_only_after_yes()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        await GreetWorkersAsync(api, BotHost.WorkerA);

        var queued = await OpenCaseAsync(api, Person, "Помогите с пособием");
        Assert.Contains(queued.Buttons, b => b.Text == "✖ Отменить");
        var note = await WaitNotification(api, BotHost.WorkerA, 1);
        api.PressButton(BotHost.WorkerA, note.MessageId, "w:take:1");
        await WaitText(api, Person, "на связи");

        // The Cancel under the old queue message: its moment has passed.
        var before = LastId(api, Person);
        api.PressButtonByText(Person, queued.MessageId, "✖ Отменить");
        var outdated = await WaitText(api, Person, "Эта кнопка уже не действует", before);
        Assert.Contains("№1 с вами уже специалист", outdated.Text);

        // The person's next words still reach the worker, and nothing said "the person closed the case" before them.
        var workerBefore = LastId(api, BotHost.WorkerA);
        api.SendText(Person, "Я ещё здесь");
        await WaitText(api, BotHost.WorkerA, "#1: Я ещё здесь", workerBefore);
        Assert.False(Saw(api, BotHost.WorkerA, "сам закрыл"), api.DumpChat(BotHost.WorkerA));

        // /cancel asks first; only «Да, закрыть» closes, and then the worker is told.
        before = LastId(api, Person);
        api.SendText(Person, "/cancel");
        var question = await WaitText(api, Person, "Закрыть обращение №1?", before);
        Assert.Contains(question.Buttons, b => b.Text == "Нет, продолжить");
        Assert.False(Saw(api, Person, "Обращение №1 закрыто."));
        api.PressButtonByText(Person, question.MessageId, "Да, закрыть");
        await WaitText(api, Person, "Обращение №1 закрыто.", before);
        await WaitText(api, BotHost.WorkerA, "Человек сам закрыл обращение #1", workerBefore);
    }
}
