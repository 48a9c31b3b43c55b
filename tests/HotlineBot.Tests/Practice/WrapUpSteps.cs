using HotlineBot.Conversations;
using HotlineBot.FakeTelegram;
using HotlineBot.Tests.Core;
using static HotlineBot.Tests.EndToEnd.EscalationHelpers;

namespace HotlineBot.Tests.Practice;

/// <summary>Closing a case the way a worker does now: the wrap-up form, with the shortest complete answer by default.</summary>
internal static class WrapUpSteps
{
    /// <summary>"Other" has no subcategories: category, then close. Returns what the closing tap produced.</summary>
    public static IReadOnlyList<Outbound> Close(CoreHarness core, long worker, int caseId, string category = "other", string? subcategory = null)
    {
        core.Press(worker, $"w:close:{caseId}");
        core.Press(worker, $"w:wu:{caseId}:c:{category}");
        if (subcategory is not null)
        {
            core.Press(worker, $"w:wu:{caseId}:s:{subcategory}");
        }

        return core.Press(worker, $"w:wu:{caseId}:f");
    }

    /// <summary>Through the fake Bot API: /close N, pick the category (and subcategory), close; waits for the worker's "closed".</summary>
    public static async Task CloseAsync(FakeBotApi api, long worker, int caseId, string category = "other", string? subcategory = null, string name = "Aigul")
    {
        var before = LastId(api, worker);
        api.SendText(worker, $"/close {caseId}", "ru", name);
        var form = await api.WaitForBotMessageAsync(worker, m => m.Buttons.Any(b => b.CallbackData == $"w:wu:{caseId}:c:{category}"), Wait, before);
        api.PressButton(worker, form.MessageId, $"w:wu:{caseId}:c:{category}");
        if (subcategory is not null)
        {
            form = await api.WaitForBotMessageAsync(worker, m => m.Buttons.Any(b => b.CallbackData == $"w:wu:{caseId}:s:{subcategory}"), Wait, before);
            api.PressButton(worker, form.MessageId, $"w:wu:{caseId}:s:{subcategory}");
        }

        await api.WaitForBotMessageAsync(worker, m => m.Buttons.Any(b => b.CallbackData == $"w:wu:{caseId}:n"), Wait, before);
        api.PressButton(worker, form.MessageId, $"w:wu:{caseId}:f");
        await WaitText(api, worker, $"Обращение #{caseId} закрыто", before);
    }
}
