using System.Text.Json.Nodes;
using HotlineBot.FakeTelegram;
using HotlineBot.Tests.EndToEnd;
using static HotlineBot.Tests.Reliability.RelHelpers;

namespace HotlineBot.Tests.Reliability;

public sealed class BadInputCorpusTests
{
    private const long Person = 61001;
    private const long Other = 61002;
    private const long Group = -1001234500001;
    private const long Channel = -1001234500999;

    [Fact]
    public async Task Every_odd_input_gets_its_deliberate_answer_and_the_bot_keeps_serving()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        var menu = await ChooseRussianAsync(api, Person);
        var ownMessage = api.SendText(Person, "первое сообщение");
        await api.WaitForBotMessageAsync(Person, m => m.Text!.Contains(FreeTextRu), afterMessageId: menu.MessageId);

        var corpus = new List<(string Name, Func<EnqueuedUpdate> Act, Func<ChatMessage, bool> Expected)>
        {
            ("sticker", () => api.SendSticker(Person), Has(MediaRu)),
            ("photo", () => api.SendPhoto(Person), Has(MediaRu)),
            ("voice", () => api.SendVoice(Person), Has(MediaRu)),
            ("video", () => api.SendVideo(Person), Has(MediaRu)),
            ("document", () => api.SendDocument(Person, "report.pdf"), Has(MediaRu)),
            ("location", () => api.SendLocation(Person), Has(MediaRu)),
            // Issue 8: a contact shared without the consent step is answered as such: not kept, not passed on.
            ("contact", () => api.SendContact(Person, "+77010000000"), Has("Мы не запрашивали номер")),
            ("poll", () => api.SendPoll(Person), Has(MediaRu)),
            ("edited message", () => api.EditText(Person, ownMessage.MessageId!.Value, "исправленный текст"), Has(EditedRu)),
            ("10,000 characters", () => api.SendText(Person, new string('ж', 10_000)), Has(FreeTextRu)),
            ("empty text", () => api.SendText(Person, ""), Has(EmptyRu)),
            ("emoji and mixed scripts", () => api.SendText(Person, "😢 помогите pls көмек"), Has(FreeTextRu)),
            ("unknown command", () => api.SendText(Person, "/foo"), Has(UnknownRu)),
            ("malformed deep link", () => api.SendText(Person, "/start %%%"), m => m.Buttons.Any(b => b.CallbackData == "n:benefits")),
            ("stale button", () => api.Enqueue(Callback(Person, menu.MessageId, "n:no.such.node")), Has(StaleRu)),
            ("foreign callback data", () => api.Enqueue(Callback(Person, menu.MessageId, "xyz")), Has(StaleRu)),
        };

        foreach (var (name, act, expected) in corpus)
        {
            var before = LastBotId(api, Person);
            act();
            try
            {
                await api.WaitForBotMessageAsync(Person, expected, TimeSpan.FromSeconds(10), before);
            }
            catch (TimeoutException e)
            {
                Assert.Fail($"Input '{name}' got no deliberate answer: {e.Message}");
            }
        }

        api.SendToGroup(Group, Other, "привет всем");
        var groupReply = await api.WaitForBotMessageAsync(Group, Has(PrivateOnlyRu));
        api.ChannelPost(Channel, "новость канала");
        await bot.WaitIdleAsync();
        Assert.Single(api.BotMessages(Group));
        Assert.Equal(groupReply.MessageId, api.BotMessages(Group)[0].MessageId);
        Assert.Empty(api.BotMessages(Channel));
        Assert.DoesNotContain(api.Requests, r => r.ChatId == Channel);

        // Still serving: a newcomer gets the language prompt promptly.
        var started = api.SendText(Other, "/start");
        var prompt = await api.WaitForBotMessageAsync(Other, m => m.Text!.Contains(PromptRu) && m.Buttons.Any(), TimeSpan.FromSeconds(5));
        Assert.True(api.TimeToFirstBotResponse(started.UpdateId) < TimeSpan.FromSeconds(3));
        Assert.Equal(["l:ru", "l:kk", "a:hide"], prompt.Buttons.Select(b => b.CallbackData));
    }

    private static Func<ChatMessage, bool> Has(string text) => m => (m.Text ?? "").Contains(text, StringComparison.Ordinal);

    private static JsonObject Callback(long person, int messageId, string data) => new()
    {
        ["callback_query"] = new JsonObject
        {
            ["id"] = $"{person}{Random.Shared.Next(100_000, 999_999)}",
            ["from"] = new JsonObject { ["id"] = person, ["is_bot"] = false, ["first_name"] = "Test", ["language_code"] = "ru" },
            ["message"] = new JsonObject
            {
                ["message_id"] = messageId,
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["chat"] = new JsonObject { ["id"] = person, ["type"] = "private", ["first_name"] = "Test" },
                ["text"] = "menu",
            },
            ["chat_instance"] = "42",
            ["data"] = data,
        },
    };
}
