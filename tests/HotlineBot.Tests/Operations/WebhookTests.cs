using System.Net;
using System.Text.Json.Nodes;
using HotlineBot.FakeTelegram;
using HotlineBot.Storage;
using HotlineBot.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using static HotlineBot.Tests.EndToEnd.EscalationHelpers;
using static HotlineBot.Tests.Operations.OpsHelpers;

namespace HotlineBot.Tests.Operations;

public sealed class WebhookTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SetWebhook_is_called_with_the_secret_and_updates_arrive_through_the_listener()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api, settings: WithWebhook());
        await api.WaitUntilAsync(() => api.Webhook is not null, Long);

        var hook = api.Webhook!;
        Assert.Equal(WebhookUrl, hook.Url);
        Assert.Equal(Secret, hook.SecretToken);
        Assert.Equal(20, hook.MaxConnections);
        Assert.Equal(["message", "edited_message", "callback_query", "channel_post"], hook.AllowedUpdates);
        Assert.Empty(api.RequestsFor("getUpdates"));

        api.SendText(72001, "/start", "ru");
        Assert.Equal([HttpStatusCode.OK], await api.DeliverToWebhookAsync(WebhookAddress(bot)));
        await api.WaitForBotMessageAsync(72001, m => m.Buttons.Any(b => b.CallbackData == "l:ru"), Long);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    [InlineData("s3cret_Token-for-test")]
    public async Task A_request_without_the_matching_secret_gets_403_and_nothing_is_stored(string? secret)
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api, settings: WithWebhook());
        await api.WaitUntilAsync(() => api.Webhook is not null, Long);
        const long intruder = 72002, person = 72003;

        var forged = new JsonObject
        {
            ["update_id"] = 5,
            ["message"] = new JsonObject
            {
                ["message_id"] = 1, ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["text"] = "/start",
                ["from"] = new JsonObject { ["id"] = intruder, ["is_bot"] = false, ["first_name"] = "X", ["language_code"] = "ru" },
                ["chat"] = new JsonObject { ["id"] = intruder, ["type"] = "private", ["first_name"] = "X" },
            },
        };
        Assert.Equal(HttpStatusCode.Forbidden, await api.PostToWebhookAsync(WebhookAddress(bot), forged, secret));
        Assert.Equal(0, bot.Services.GetRequiredService<IInboxStore>().Count());

        // Then a genuine update: once it is answered, anything stored before it would have been handled too.
        api.SendText(person, "/start", "ru");
        Assert.Equal([HttpStatusCode.OK], await api.DeliverToWebhookAsync(WebhookAddress(bot)));
        await api.WaitForBotMessageAsync(person, _ => true, Long);
        Assert.Empty(api.BotMessages(intruder));
        Assert.Null(bot.Services.GetRequiredService<IPersonStore>().Find(intruder));
    }

    [Fact]
    public async Task An_update_delivered_twice_is_handled_once()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api, settings: WithWebhook());
        await api.WaitUntilAsync(() => api.Webhook is not null, Long);
        const long person = 72005;

        // Telegram repeats an update whose 200 it did not get: the second copy, before or after the first is handled, is skipped.
        api.SendText(person, "/start", "ru");
        var start = api.PeekUpdate()!;
        Assert.Equal(HttpStatusCode.OK, await api.PostToWebhookAsync(WebhookAddress(bot), start, Secret));
        Assert.Equal(HttpStatusCode.OK, await api.PostToWebhookAsync(WebhookAddress(bot), start, Secret));
        await api.WaitForBotMessageAsync(person, m => m.Buttons.Any(b => b.CallbackData == "l:ru"), Long);
        Assert.Equal(HttpStatusCode.OK, await api.PostToWebhookAsync(WebhookAddress(bot), start, Secret));

        // Telegram's own copy too (still queued in the fake), then a later update: it is answered after anything taken
        // in before it, so once it is, the prompts can be counted.
        Assert.Equal([HttpStatusCode.OK], await api.DeliverToWebhookAsync(WebhookAddress(bot)));
        var seen = api.BotMessages(person).Count;
        api.SendText(person, "/help", "ru");
        Assert.Equal([HttpStatusCode.OK], await api.DeliverToWebhookAsync(WebhookAddress(bot)));
        await api.WaitUntilAsync(() => api.BotMessages(person).Count > seen, Long);
        Assert.Single(api.BotMessages(person), m => m.Buttons.Any(b => b.CallbackData == "l:ru"));
    }

    [Fact]
    public async Task Back_to_polling_calls_deleteWebhook_and_polls()
    {
        await using var api = await FakeBotApi.StartAsync();
        var dataFile = Path.Combine(TestPaths.TempDirectory(), "hotline.db");
        await using (var hooked = await BotHost.StartAsync(api, dataFile, WithWebhook()))
        {
            await api.WaitUntilAsync(() => api.Webhook is not null, Long);
        }

        await using var polling = await BotHost.StartAsync(api, dataFile);
        await api.WaitUntilAsync(() => api.Webhook is null, Long);
        Assert.Single(api.RequestsFor("deleteWebhook"));
        await ReachMenuAsync(api, 72004);
    }
}
