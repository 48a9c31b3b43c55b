using HotlineBot.Conversations;
using HotlineBot.Dialogs;
using HotlineBot.FakeTelegram;

namespace HotlineBot.Tests.EndToEnd;

/// <summary>Every screen of the guide, in both languages, as a person sees it in Telegram through the real host.</summary>
public sealed class EveryScreenTests
{
    [Theory]
    [InlineData("kk")]
    [InlineData("ru")]
    public async Task Every_node_opens_in_place_with_its_own_text_and_the_buttons_every_screen_has(string code)
    {
        var language = LanguageCodes.Parse(code)!.Value;
        var dialogs = DialogCatalog.LoadOrThrow(TestPaths.Dialogs);
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);

        // One person per screen keeps each chat within Telegram's per-chat pace: start, language, screen.
        var nodes = dialogs.Nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
        await Task.WhenAll(nodes.Select(async (node, i) =>
        {
            var person = 40_000L + i;
            api.SendText(person, "/start", code);
            var prompt = await api.WaitForBotMessageAsync(person, m => m.Buttons.Any(b => b.CallbackData == "l:" + code));
            api.PressButton(person, prompt.MessageId, "l:" + code);
            await api.WaitForBotMessageAsync(person, m => m.Buttons.Any(b => b.CallbackData == "a:escalate"), afterMessageId: prompt.MessageId - 1);
            api.Enqueue(CallbackFrom(person, prompt.MessageId, CallbackData.Node(node.Id), code));

            var expected = FirstLine(node.Text.For(language));
            await api.WaitUntilAsync(() => Screen(api, person, prompt.MessageId)?.Text?.Contains(expected, StringComparison.Ordinal) == true, TimeSpan.FromSeconds(30));
            var screen = Screen(api, person, prompt.MessageId)!;
            Assert.DoesNotContain("{", screen.Text, StringComparison.Ordinal);
            var data = screen.Buttons.Select(b => b.CallbackData).ToList();
            Assert.Contains("a:escalate", data);
            if (node.Id != DialogSet.RootId)
            {
                Assert.Contains("a:back", data);
                Assert.Contains("a:menu", data);
            }

            foreach (var button in node.Buttons)
            {
                Assert.Contains(screen.Buttons, b => b.Text == button.Label.For(language));
            }
        }));
    }

    private static ChatMessage? Screen(FakeBotApi api, long person, int messageId) =>
        api.ChatView(person).FirstOrDefault(m => m.MessageId == messageId);

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim();

    /// <summary>A press of a button a person may not have on screen yet: deep in the guide, reached by many taps.</summary>
    private static System.Text.Json.Nodes.JsonObject CallbackFrom(long person, int messageId, string data, string code) => new()
    {
        ["callback_query"] = new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = Guid.NewGuid().ToString("N"),
            ["from"] = new System.Text.Json.Nodes.JsonObject { ["id"] = person, ["is_bot"] = false, ["first_name"] = "Test", ["language_code"] = code },
            ["message"] = new System.Text.Json.Nodes.JsonObject
            {
                ["message_id"] = messageId,
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["chat"] = new System.Text.Json.Nodes.JsonObject { ["id"] = person, ["type"] = "private" },
            },
            ["chat_instance"] = "walk",
            ["data"] = data,
        },
    };
}
