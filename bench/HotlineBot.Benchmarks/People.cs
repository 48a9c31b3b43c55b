using HotlineBot.FakeTelegram;

namespace HotlineBot.Benchmarks;

/// <summary>
/// What simulated people do, step by step, each step waiting for the bot's answer like a person would.
/// Waiting is woken per chat by the fake server, so the crowd itself costs little of the machine it measures.
/// </summary>
internal static class People
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    /// <summary>Start, choose Russian, open benefits, ask for a specialist, write twice into the case.</summary>
    public static async Task<List<int>> WalkAsync(FakeBotApi api, long user, TimeSpan think)
    {
        var ids = new List<int>();
        ids.Add(await StepAsync(api, user, () => api.SendText(user, "/start"), outputs: 1));
        var prompt = api.BotMessages(user)[^1].MessageId;
        // A button press is answered twice: the spinner stops, and the menu is edited in place.
        foreach (var data in new[] { "l:ru", "n:benefits", "a:escalate" })
        {
            await Task.Delay(think);
            ids.Add(await StepAsync(api, user, () => api.PressButton(user, prompt, data), outputs: 2));
        }

        for (var i = 0; i < 2; i++)
        {
            await Task.Delay(think);
            ids.Add(await StepAsync(api, user, () => api.SendText(user, $"Помогите, пожалуйста, вопрос {i}"), outputs: 1));
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

            ids.Add(await StepAsync(api, user, () => api.SendText(user, $"message {step}"), outputs: 1));
        }

        return ids;
    }

    public static async Task<int> StepAsync(FakeBotApi api, long user, Func<EnqueuedUpdate> act, int outputs)
    {
        var seen = api.OutputCount(user);
        var update = act();
        await api.WaitForOutputAsync(user, seen + outputs - 1, Patience);
        return update.UpdateId;
    }
}
