using HotlineBot.Storage;
using HotlineBot.Terminal;

namespace HotlineBot.Tests.Core;

/// <summary>The terminal edge drives the same engine: a conversation typed line by line, buttons picked by number.</summary>
public sealed class ConsoleChatTests
{
    [Fact]
    public async Task Typing_numbers_presses_buttons_and_text_reaches_the_same_dialogs()
    {
        using var core = new CoreHarness();
        var chat = new ConsoleChat(core.Engine, core.Get<HotlineDatabase>(), core.Time);
        // 1 = Русский (the suggested language comes first), then the main menu's "services" button, then Back.
        var menu = core.Dialogs.Root.Buttons.ToList();
        var services = menu.FindIndex(b => b.To == "services") + 1;
        using var input = new StringReader($"1\n{services}\n/help\nзачем\n/quit\n");
        using var output = new StringWriter();

        await chat.RunAsync(input, output);

        var text = output.ToString();
        Assert.Contains("Выберите язык", text, StringComparison.Ordinal);
        Assert.Contains("[1] Русский", text, StringComparison.Ordinal);
        Assert.Contains("дальше говорим по-русски", text, StringComparison.Ordinal);
        Assert.Contains(core.Dialogs.Find("services")!.Text.Ru!.Split('\n')[0], text, StringComparison.Ordinal);
        Assert.Contains("/language", text, StringComparison.Ordinal);
        Assert.Contains("Поговорить со специалистом", text, StringComparison.Ordinal);
        Assert.Contains("112", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_with_no_button_behind_it_is_just_a_message()
    {
        using var core = new CoreHarness();
        var chat = new ConsoleChat(core.Engine, core.Get<HotlineDatabase>(), core.Time);
        using var input = new StringReader("1\n99\n");
        using var output = new StringWriter();

        await chat.RunAsync(input, output);

        Assert.Contains("Я не могу ответить на это сам", output.ToString(), StringComparison.Ordinal);
    }
}
