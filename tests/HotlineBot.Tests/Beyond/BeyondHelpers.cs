using HotlineBot.FakeTelegram;
using static HotlineBot.Tests.EndToEnd.EscalationHelpers;

namespace HotlineBot.Tests.Beyond;

/// <summary>Steps the trust-feature tests share: a person with an open case that a worker has taken.</summary>
internal static class BeyondHelpers
{
    /// <summary>Opens case <paramref name="caseId"/> for <paramref name="person"/> and has <paramref name="worker"/> take it; waits until the person hears a specialist joined.</summary>
    public static async Task TakenCaseAsync(FakeBotApi api, long person, long worker, int caseId = 1, string language = "ru", string question = "Мне нужна помощь")
    {
        await GreetWorkersAsync(api, worker);
        var before = LastId(api, worker);
        await OpenCaseAsync(api, person, question, language);
        var note = await WaitNotification(api, worker, caseId, before);
        api.PressButton(worker, note.MessageId, $"w:take:{caseId}");
        await WaitText(api, worker, $"#{caseId}", note.MessageId);
        await api.WaitUntilAsync(() => api.BotMessages(person).Any(m => m.Display?.Contains(language == "ru" ? "на связи" : "қосылды", StringComparison.Ordinal) == true), Wait);
    }
}
