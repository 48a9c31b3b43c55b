using HotlineBot.FakeTelegram;

namespace HotlineBot.Benchmarks;

/// <summary>What simulated people do, step by step, each step waiting for the bot's answer like a person would.</summary>
internal static class People
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    /// <summary>Start, choose Russian, open benefits, ask for a specialist, write twice into the case.</summary>
    public static async Task<List<int>> WalkAsync(FakeBotApi api, long user, TimeSpan think)
    {
        var ids = new List<int>();
        var start = api.SendText(user, "/start");
        ids.Add(start.UpdateId);
        var prompt = await api.WaitForReplyAsync(start, m => m.Buttons.Any(), Patience);
        await Task.Delay(think);
        ids.Add(api.PressButton(user, prompt.MessageId, "l:ru").UpdateId);
        var menu = await api.WaitForBotMessageAsync(user, m => m.Buttons.Any(b => b.CallbackData == "n:benefits"), Patience, prompt.MessageId - 1);
        await Task.Delay(think);
        ids.Add(api.PressButton(user, menu.MessageId, "n:benefits").UpdateId);
        await api.WaitUntilAsync(() => Shows(api, user, menu.MessageId, "a:back"), Patience);
        await Task.Delay(think);
        ids.Add(api.PressButton(user, menu.MessageId, "a:escalate").UpdateId);
        await api.WaitUntilAsync(() => !Shows(api, user, menu.MessageId, "a:back"), Patience);
        for (var i = 0; i < 2; i++)
        {
            await Task.Delay(think);
            var text = api.SendText(user, $"Помогите, пожалуйста, вопрос {i}");
            ids.Add(text.UpdateId);
            await api.WaitForReplyAsync(text, timeout: Patience);
        }

        return ids;
    }

    /// <summary>The same number of steps for the echo bot: six messages, each answered.</summary>
    public static async Task<List<int>> ChatAsync(FakeBotApi api, long user, TimeSpan think)
    {
        var ids = new List<int>();
        for (var step = 0; step < 6; step++)
        {
            if (step > 0)
            {
                await Task.Delay(think);
            }

            var sent = api.SendText(user, $"message {step}");
            ids.Add(sent.UpdateId);
            await api.WaitForReplyAsync(sent, timeout: Patience);
        }

        return ids;
    }

    private static bool Shows(FakeBotApi api, long user, int messageId, string data) =>
        api.ChatView(user).Any(m => m.MessageId == messageId && m.Buttons.Any(b => b.CallbackData == data));
}
