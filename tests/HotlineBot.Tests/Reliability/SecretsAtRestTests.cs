using System.Text;
using HotlineBot.FakeTelegram;
using HotlineBot.Tests.EndToEnd;
using static HotlineBot.Tests.Reliability.RelHelpers;

namespace HotlineBot.Tests.Reliability;

public sealed class SecretsAtRestTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Case_text_is_unreadable_in_the_file_only_with_a_password(bool withPassword)
    {
        const long person = 63001;
        const string secret = "ZEBRA-QUOKKA-4711 моя тайна";
        await using var api = await FakeBotApi.StartAsync();
        var settings = new Dictionary<string, string?>();
        if (withPassword)
        {
            settings["Storage:Password"] = "correct horse battery staple";
        }

        string file;
        await using (var bot = await BotHost.StartAsync(api, settings: settings))
        {
            file = bot.DataFile;
            var menu = await ChooseRussianAsync(api, person);
            api.PressButton(person, menu.MessageId, "a:escalate");
            await api.WaitForBotMessageAsync(person, m => m.Text!.Contains(EscalateRu));
            api.SendText(person, secret);
            await api.WaitForBotMessageAsync(person, m => m.Text!.Contains(QueuedRu));
        }

        var bytes = Encoding.UTF8.GetBytes(secret);
        var found = Directory.GetFiles(Path.GetDirectoryName(file)!)
            .Where(f => Path.GetFileName(f).StartsWith("hotline", StringComparison.Ordinal))
            .Any(f => File.ReadAllBytes(f).AsSpan().IndexOf(bytes) >= 0);
        Assert.Equal(!withPassword, found);
    }

    [Fact]
    public async Task Failed_requests_are_logged_without_the_token()
    {
        const long person = 63101, other = 63102;
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        await ChooseRussianAsync(api, person);
        await ChooseRussianAsync(api, other);

        api.FailNext("sendMessage", person, 400, "Bad Request: chat not found");
        api.DropConnectionNext("sendMessage", other);
        api.DropConnectionNext("getUpdates", null);
        api.SendText(person, "/help");
        api.SendText(other, "/help");
        await api.WaitUntilAsync(() => api.Requests.Any(r => r.ChatId == person && r.StatusCode == 400));
        await api.WaitForBotMessageAsync(other, m => m.Text!.Contains(HelpRu), TimeSpan.FromSeconds(20));
        await api.WaitUntilAsync(() => bot.Logs.Lines.Any(l => l.Contains("rejected", StringComparison.Ordinal))
            && bot.Logs.Lines.Any(l => l.Contains("retrying", StringComparison.Ordinal)));

        var lines = bot.Logs.Lines;
        Assert.DoesNotContain(lines, l => l.Contains(api.Token, StringComparison.Ordinal));
        var secretPart = api.Token[(api.Token.IndexOf(':') + 1)..];
        Assert.DoesNotContain(lines, l => l.Contains(secretPart, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("rejected sendMessage", StringComparison.OrdinalIgnoreCase) || l.Contains("rejected Send", StringComparison.Ordinal));
    }
}
