using System.Text.Json.Nodes;
using HotlineBot.FakeTelegram;

namespace HotlineBot.Tests.EndToEnd;

/// <summary>Steps shared by the escalation tests: reaching the menu, opening a case, waiting for sentences.</summary>
internal static class EscalationHelpers
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public static int LastId(FakeBotApi api, long chat) => api.ChatView(chat).Select(m => m.MessageId).DefaultIfEmpty(0).Max();

    public static Task<ChatMessage> WaitText(FakeBotApi api, long chat, string fragment, int after = 0, TimeSpan? timeout = null) =>
        api.WaitForBotMessageAsync(chat, m => m.Display?.Contains(fragment, StringComparison.Ordinal) == true, timeout ?? Wait, after);

    public static bool Saw(FakeBotApi api, long chat, string fragment) =>
        api.BotMessages(chat).Any(m => m.Display?.Contains(fragment, StringComparison.Ordinal) == true);

    /// <summary>/start, choose the language, wait for the main menu (which carries the specialist button).</summary>
    public static async Task<ChatMessage> ReachMenuAsync(FakeBotApi api, long person, string language = "ru", string firstName = "Test", string? username = null)
    {
        api.SendText(person, "/start", language, firstName, username);
        var prompt = await api.WaitForBotMessageAsync(person, m => m.Buttons.Any(b => b.CallbackData == "l:" + language), Wait);
        api.PressButton(person, prompt.MessageId, "l:" + language);
        return await api.WaitForBotMessageAsync(person, m => m.Buttons.Any(b => b.CallbackData == "a:escalate"), Wait, prompt.MessageId - 1);
    }

    /// <summary>From the menu: press "talk to a specialist", write the first words, wait for the queue message.</summary>
    public static async Task<ChatMessage> OpenCaseAsync(FakeBotApi api, long person, string question, string language = "ru", string firstName = "Test", string? username = null, string queuedFragment = "№")
    {
        var menu = await ReachMenuAsync(api, person, language, firstName, username);
        api.PressButton(person, menu.MessageId, "a:escalate");
        await api.WaitUntilAsync(() => api.BotMessages(person).Any(m => m.Buttons.Any(b => b.CallbackData == "a:menu") && m.Display?.Contains(language == "ru" ? "Напишите специалисту" : "Маманға", StringComparison.Ordinal) == true), Wait);
        var before = LastId(api, person);
        api.SendText(person, question, language, firstName, username);
        return await WaitText(api, person, queuedFragment, before);
    }

    /// <summary>Workers say something first so their language (ru) is known and their chats exist.</summary>
    public static async Task GreetWorkersAsync(FakeBotApi api, params long[] workers)
    {
        foreach (var w in workers)
        {
            api.SendText(w, "/queue", "ru", w == BotHost.WorkerA ? "Aigul" : w == BotHost.WorkerB ? "Dmitry" : "Sup");
        }

        foreach (var w in workers)
        {
            await api.WaitForBotMessageAsync(w, _ => true, Wait);
        }
    }

    public static Task<ChatMessage> WaitNotification(FakeBotApi api, long worker, int caseId, int after = 0) =>
        api.WaitForBotMessageAsync(worker, m => m.Buttons.Any(b => b.CallbackData == $"w:take:{caseId}"), Wait, after);

    /// <summary>A callback_query the client never offered (forged data), from a user who is not on staff.</summary>
    public static EnqueuedUpdate ForgeButton(FakeBotApi api, long user, ChatMessage under, string data) =>
        api.Enqueue(new JsonObject
        {
            ["callback_query"] = new JsonObject
            {
                ["id"] = $"{user}{Random.Shared.Next(100000, 999999)}",
                ["from"] = new JsonObject { ["id"] = user, ["is_bot"] = false, ["first_name"] = "Intruder", ["language_code"] = "ru" },
                ["message"] = under.Json.DeepClone(),
                ["chat_instance"] = "4242",
                ["data"] = data,
            },
        });

    public static IEnumerable<string> Texts(FakeBotApi api, long chat) =>
        api.BotMessages(chat).SelectMany(m => new[] { m.Text, m.Caption, m.RawText }).Where(t => t is not null)!;
}
