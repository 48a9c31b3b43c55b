using System.Diagnostics;
using HotlineBot.FakeTelegram;

namespace HotlineBot.Tests.EndToEnd;

/// <summary>The whole host against the fake Bot API: greeting, language choice, restarts, start-up errors.</summary>
public sealed class FoundationTests
{
    private const long Person = 5001;

    [Fact]
    public async Task Start_offers_both_languages_as_inline_buttons_suggesting_the_hinted_one()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);

        api.SendText(Person, "/start", languageCode: "kk");
        var prompt = await api.WaitForBotMessageAsync(Person, m => m.Buttons.Any());

        var data = prompt.Buttons.Select(b => b.CallbackData).ToList();
        Assert.Equal(["l:kk", "l:ru", "a:hide"], data);
        Assert.Contains("Тілді таңдаңыз", prompt.Text);
        Assert.Contains("Выберите язык", prompt.Text);

        api.SendText(Person + 1, "/start", languageCode: "ru");
        var russian = await api.WaitForBotMessageAsync(Person + 1, m => m.Buttons.Any());
        Assert.Equal("l:ru", russian.Buttons.First().CallbackData);
    }

    [Fact]
    public async Task Language_choice_edits_the_prompt_shows_the_menu_and_survives_a_restart()
    {
        await using var api = await FakeBotApi.StartAsync();
        string dataFile;
        await using (var bot = await BotHost.StartAsync(api))
        {
            dataFile = bot.DataFile;
            api.SendText(Person, "/start");
            var prompt = await api.WaitForBotMessageAsync(Person, m => m.Buttons.Any());
            api.PressButton(Person, prompt.MessageId, "l:kk");
            // The prompt itself becomes the menu, with the confirmation on top: one message, edited in place.
            var menu = await api.WaitForBotMessageAsync(Person, m => m.Buttons.Any(b => b.CallbackData == "n:benefits"), afterMessageId: prompt.MessageId - 1);
            Assert.Equal(prompt.MessageId, menu.MessageId);
            Assert.True(menu.Edited);
            Assert.Contains("қазақ тілінде", menu.Text);
            Assert.Contains("💳 Жәрдемақылар", menu.Buttons.Select(b => b.Text));
            Assert.Single(api.BotMessages(Person));
            Assert.Contains(api.RequestsFor("answerCallbackQuery"), r => r.Ok);
        }

        await using (var restarted = await BotHost.StartAsync(api, dataFile))
        {
            var before = api.BotMessages(Person).Max(m => m.MessageId);
            api.SendText(Person, "/menu", languageCode: "ru");
            var menu = await api.WaitForBotMessageAsync(Person, m => m.Buttons.Any(), afterMessageId: before);
            Assert.Contains("💳 Жәрдемақылар", menu.Buttons.Select(b => b.Text));
        }
    }

    [Fact]
    public async Task Menu_buttons_edit_the_message_in_place_and_commands_are_registered_per_language()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        api.SendText(Person, "/start");
        var prompt = await api.WaitForBotMessageAsync(Person, m => m.Buttons.Any());
        api.PressButton(Person, prompt.MessageId, "l:ru");
        var menu = await api.WaitForBotMessageAsync(Person, m => m.Buttons.Any(b => b.CallbackData == "n:benefits"), afterMessageId: prompt.MessageId - 1);
        var sentBefore = api.RequestsFor("sendMessage").Count;

        api.PressButton(Person, menu.MessageId, "n:benefits");
        await api.WaitUntilAsync(() => api.ChatView(Person).Single(m => m.MessageId == menu.MessageId).Buttons.Any(b => b.CallbackData == "a:back"));
        var benefits = api.ChatView(Person).Single(m => m.MessageId == menu.MessageId);
        Assert.Contains("пособи", benefits.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(benefits.Buttons, b => b.CallbackData == "a:menu");
        Assert.Equal(sentBefore, api.RequestsFor("sendMessage").Count);

        Assert.Contains(api.GetCommands("kk"), c => c.Command == "menu" && c.Description == "Басты мәзір");
        Assert.Contains(api.GetCommands("ru"), c => c.Command == "menu" && c.Description == "Главное меню");
    }

    [Fact]
    public async Task Missing_token_exits_non_zero_with_one_readable_line()
    {
        var (code, stdout, stderr) = await RunBotAsync(new Dictionary<string, string?> { ["Telegram__Token"] = null });
        Assert.NotEqual(0, code);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("Telegram:Token", lines[0]);
        Assert.DoesNotContain("   at ", stderr + stdout);
    }

    [Fact]
    public async Task Malformed_token_is_named_without_echoing_it()
    {
        var (code, _, stderr) = await RunBotAsync(new Dictionary<string, string?> { ["Telegram__Token"] = "12345:short" });
        Assert.Equal(1, code);
        Assert.Contains("Telegram:Token is malformed", stderr);
        Assert.DoesNotContain("12345:short", stderr);
    }

    [Fact]
    public async Task Broken_dialogs_stop_the_start_naming_file_and_line()
    {
        var broken = TestPaths.TempDirectory();
        TestPaths.CopyDialogsTo(broken);

        var main = Path.Combine(broken, "main.yaml");
        var lines = File.ReadAllLines(main).ToList();
        var target = lines.FindIndex(l => l.Contains("to: benefits", StringComparison.Ordinal) && !l.Contains("benefits.", StringComparison.Ordinal));
        lines[target] = lines[target].Replace("to: benefits", "to: benefitz", StringComparison.Ordinal);
        File.WriteAllLines(main, lines);

        var (code, _, stderr) = await RunBotAsync(new Dictionary<string, string?>
        {
            ["Telegram__Token"] = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            ["Dialogs__Path"] = broken,
        });
        Assert.NotEqual(0, code);
        Assert.Contains($"main.yaml:{target + 1}: a button in node 'main' leads to 'benefitz'", stderr);
    }

    [Fact]
    public async Task Sigterm_finishes_and_exits_zero()
    {
        await using var api = await FakeBotApi.StartAsync();
        var start = BotProcess.StartInfo([], BotProcess.Against(api, Path.Combine(TestPaths.TempDirectory(), "hotline.db")));
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        api.SendText(Person, "/start");
        await api.WaitForBotMessageAsync(Person, m => m.Buttons.Any(), TimeSpan.FromSeconds(30));
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
        {
            await term.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await stderr + await stdout);
        Assert.DoesNotContain(api.Token, await stdout + await stderr);
    }

    private static Task<(int Code, string Stdout, string Stderr)> RunBotAsync(IDictionary<string, string?> environment)
    {
        var withData = new Dictionary<string, string?> { ["Storage__Path"] = Path.Combine(TestPaths.TempDirectory(), "hotline.db") };
        foreach (var (key, value) in environment)
        {
            withData[key] = value;
        }

        return BotProcess.RunAsync([], withData);
    }
}
