using System.Net.Http.Json;
using HotlineBot.FakeTelegram;
using HotlineBot.Hosting;
using HotlineBot.Tests.EndToEnd;
using Microsoft.Extensions.Configuration;
using static HotlineBot.Tests.EndToEnd.EscalationHelpers;

namespace HotlineBot.Tests.Operations;

public sealed class OperationsSettingsTests
{
    [Theory]
    [InlineData("Telegram:Webhook:SecretToken", null, "Telegram:Webhook:SecretToken must be set in webhook mode")]
    [InlineData("Telegram:Webhook:SecretToken", "has spaces in it", "Telegram:Webhook:SecretToken must be set in webhook mode")]
    [InlineData("Telegram:Webhook:Url", "http://bot.example.org/hook", "Telegram:Webhook:Url 'http://bot.example.org/hook' is not an absolute https:// address")]
    [InlineData("Telegram:Webhook:Listen", "127.0.0.1:8443", "Telegram:Webhook:Listen '127.0.0.1:8443' is not an http:// address")]
    [InlineData("Telegram:Webhook:MaxConnections", "500", "Telegram:Webhook:MaxConnections 500 is outside 1-100")]
    [InlineData("Hosting:HttpUrl", "http://monitoring.example.org:9464", "Hosting:HttpUrl 'http://monitoring.example.org:9464' is not an http:// address with an IP")]
    [InlineData("Logging:Format", "xml", "Logging:Format 'xml' is neither simple nor json")]
    public void A_wrong_operations_setting_stops_the_start_with_one_line_naming_it(string key, string? value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:Token"] = "123456:AAabcdefghijklmnopqrstuvwxyz012345",
            ["Storage:Path"] = Path.Combine(TestPaths.TempDirectory(), "hotline.db"),
            ["Dialogs:Path"] = TestPaths.Dialogs,
            ["Telegram:Webhook:Url"] = "https://bot.example.org/hook",
            ["Telegram:Webhook:SecretToken"] = "abc-DEF_123",
            [key] = value,
        };
        using var host = HotlineHost.CreateBuilder([], HostMode.Telegram, c => c.AddJsonFile(TestPaths.Config, optional: false).AddInMemoryCollection(settings)).Build();
        var problems = HotlineHost.Preflight(host.Services, HostMode.Telegram);
        var line = Assert.Single(problems);
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_someone_else_set_is_removed_when_getUpdates_is_refused_and_polling_goes_on()
    {
        await using var api = await FakeBotApi.StartAsync();
        using (var http = new HttpClient())
        {
            using var set = await http.PostAsJsonAsync($"{api.BaseUrl}/bot{api.Token}/setWebhook", new { url = "https://elsewhere.example.org/hook" });
            set.EnsureSuccessStatusCode();
        }

        await using var bot = await BotHost.StartAsync(api);
        await ReachMenuAsync(api, 74001);
        Assert.Null(api.Webhook);
        Assert.Contains(api.RequestsFor("getUpdates"), r => r.StatusCode == 409);
        Assert.Single(api.RequestsFor("deleteWebhook"));
    }
}
