using HotlineBot.Cases;
using HotlineBot.FakeTelegram;
using HotlineBot.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using static HotlineBot.Tests.EndToEnd.EscalationHelpers;

namespace HotlineBot.Tests.Staff;

/// <summary>Steps shared by the cases-as-topics tests: three people with open cases, finding a case's topic, waiting in it.</summary>
internal static class TopicSteps
{
    public const long Person1 = 7101;
    public const long Person2 = 7102;
    public const long Person3 = 7103;

    /// <summary>A staff group's paced lane (one message per 3.1 s) makes waits there longer than in a private chat.</summary>
    public static readonly TimeSpan Long = TimeSpan.FromSeconds(90);

    /// <summary>Three people open cases one after the other, so they are #1, #2 and #3.</summary>
    public static async Task OpenThreeAsync(FakeBotApi api)
    {
        await OpenCaseAsync(api, Person1, "Мне не платят пособие на ребёнка");
        await OpenCaseAsync(api, Person2, "Вопрос про соцуслуги");
        await OpenCaseAsync(api, Person3, "Как оформить АСП");
    }

    /// <summary>The live topic of case <paramref name="caseId"/> in the chat (its name carries "#N ").</summary>
    public static ForumTopicView? TopicOf(FakeBotApi api, long chat, int caseId) =>
        api.Topics(chat).LastOrDefault(t => !t.Deleted && t.Name.Contains($"#{caseId} ", StringComparison.Ordinal));

    public static async Task<ForumTopicView> WaitTopicAsync(FakeBotApi api, long chat, int caseId, Func<ForumTopicView, bool>? state = null, TimeSpan? timeout = null)
    {
        await api.WaitUntilAsync(() => TopicOf(api, chat, caseId) is { } t && (state?.Invoke(t) ?? true), timeout ?? Long);
        return TopicOf(api, chat, caseId)!;
    }

    public static Task<ChatMessage> WaitInThread(FakeBotApi api, long chat, int thread, string fragment, int after = 0, TimeSpan? timeout = null) =>
        api.WaitForBotMessageInThreadAsync(chat, thread, m => m.Display?.Contains(fragment, StringComparison.Ordinal) == true, timeout ?? Long, after);

    public static Case Case(BotHost bot, int id) => bot.Services.GetRequiredService<Storage.ICaseStore>().Find(id)!;

    public static IReadOnlyList<CaseEvent> Log(BotHost bot, int id) => bot.Services.GetRequiredService<Storage.ICaseStore>().Log(id);

    public static string NameOf(long worker) => worker == BotHost.WorkerA ? "Aigul" : "Dmitry";

    /// <summary>Both workers tap Take on the case's notice at the same moment; returns (winner, loser).</summary>
    public static async Task<(long Winner, long Loser)> TakeTogetherAsync(BotHost bot, int caseId)
    {
        var api = bot.Api;
        var a = await WaitNotification(api, BotHost.WorkerA, caseId);
        var b = await WaitNotification(api, BotHost.WorkerB, caseId);
        api.PressButton(BotHost.WorkerA, a.MessageId, $"w:take:{caseId}");
        api.PressButton(BotHost.WorkerB, b.MessageId, $"w:take:{caseId}");
        await api.WaitUntilAsync(() => Case(bot, caseId).WorkerId is not null, Wait);
        var winner = Case(bot, caseId).WorkerId!.Value;
        var loser = winner == BotHost.WorkerA ? BotHost.WorkerB : BotHost.WorkerA;
        await WaitText(api, loser, $"Обращение #{caseId} уже занято: {NameOf(winner)}");
        return (winner, loser);
    }
}
