using HotlineBot.FakeTelegram;
using static HotlineBot.Tests.EndToEnd.EscalationHelpers;

namespace HotlineBot.Tests.EndToEnd;

/// <summary>
/// Free text in the menu, through the real host and Telegram client: the bot offers to pass the words on, and one tap
/// opens a case whose first message is those words — nothing retyped. A greeting gets a hello instead.
/// </summary>
public sealed class PassWordsTests
{
    private const long Person = 7701;
    private const string Words = "мне очень плохо, помогите разобраться с пособием";

    [Fact]
    public async Task Free_text_is_offered_to_a_specialist_and_one_tap_opens_a_case_with_those_words()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        await GreetWorkersAsync(api, BotHost.WorkerA);
        var workerBefore = LastId(api, BotHost.WorkerA);
        var menu = await ReachMenuAsync(api, Person);

        api.SendText(Person, Words);
        var offer = await WaitText(api, Person, "Передать ваши слова специалисту?", menu.MessageId);
        Assert.Contains(offer.Buttons, b => b.CallbackData == "a:hide");
        Assert.DoesNotContain("Обращение №", offer.Text);

        api.PressButton(Person, offer.MessageId, "a:pass");
        var queued = await WaitText(api, Person, "Обращение №1 принято", offer.MessageId);
        Assert.DoesNotContain(api.BotMessages(Person), m => m.Display?.Contains("Напишите специалисту своими словами", StringComparison.Ordinal) == true);
        Assert.Contains(queued.Buttons, b => b.CallbackData == "a:hide");

        var notice = await WaitNotification(api, BotHost.WorkerA, 1, workerBefore);
        Assert.Contains(Words, notice.Text);
    }

    [Fact]
    public async Task A_greeting_gets_a_warm_hello_and_the_menu()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        var menu = await ReachMenuAsync(api, Person);

        api.SendText(Person, "Привет");
        var hello = await WaitText(api, Person, "Хорошо, что вы написали", menu.MessageId);
        Assert.Contains(hello.Buttons, b => b.CallbackData == "a:questionnaire");
        Assert.DoesNotContain("Передать ваши слова", hello.Text);
    }
}
