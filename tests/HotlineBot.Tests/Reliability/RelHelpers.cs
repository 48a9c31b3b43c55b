using System.Diagnostics;
using HotlineBot.FakeTelegram;

namespace HotlineBot.Tests.Reliability;

internal static class RelHelpers
{
    public const string MediaRu = "Фото, голосовые и документы можно передать специалисту";
    public const string FreeTextRu = "Я не могу ответить на это сам";
    public const string UnknownRu = "Такой команды я не знаю";
    public const string StaleRu = "Эта кнопка устарела";
    public const string PrivateOnlyRu = "Бот работает только в личном чате";
    public const string EditedRu = "Вижу, что сообщение изменено";
    public const string EmptyRu = "Сообщение пришло пустым";
    public const string HelpRu = "Что умеет бот";
    public const string PromptRu = "Выберите язык";
    public const string EscalateRu = "Напишите специалисту своими словами";
    public const string QueuedRu = "принято. Ваше место в очереди";
    public const string AddedRu = "Добавлено к обращению";

    /// <summary>/start, choose Russian, wait for the main menu; returns the menu message.</summary>
    public static async Task<ChatMessage> ChooseRussianAsync(FakeBotApi api, long person, TimeSpan? timeout = null)
    {
        api.SendText(person, "/start");
        var prompt = await api.WaitForBotMessageAsync(person, m => m.Buttons.Any(b => b.CallbackData == "l:ru"), timeout);
        api.PressButton(person, prompt.MessageId, "l:ru");
        return await api.WaitForBotMessageAsync(person, m => m.Buttons.Any(b => b.CallbackData == "n:benefits"), timeout, prompt.MessageId - 1);
    }

    public static int LastBotId(FakeBotApi api, long chat) => api.BotMessages(chat).Select(m => m.MessageId).DefaultIfEmpty(0).Max();

    public static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
}
