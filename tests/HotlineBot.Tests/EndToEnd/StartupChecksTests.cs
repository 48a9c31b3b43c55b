using HotlineBot.Settings;

namespace HotlineBot.Tests.EndToEnd;

/// <summary>The real bot as a process: every setting, nested ones included, is checked before anything starts.</summary>
public sealed class StartupChecksTests
{
    [Theory]
    [InlineData("Hotline__WorkingHours__UtcOffsetHours", "99", "Hotline:WorkingHours:UtcOffsetHours must be between -12 and 14")]
    [InlineData("Hotline__Numbers__0__Number", "", "Hotline:Numbers:0:Number is empty")]
    [InlineData("Hotline__WorkingHours__Days__0", "9", "Hotline:WorkingHours:Days:0 must be a day of the week")]
    [InlineData("Hotline__WorkingHours__Days__0", "Funday", "Hotline:WorkingHours:Days:0 must be a day of the week")]
    [InlineData("Hotline__Workers__0", "90000l", "Hotline:Workers:0 is not a Telegram user id")]
    [InlineData("Hotline__StaffGroups__0", "12345", "Hotline:StaffGroups:0 is not a supergroup chat id")]
    [InlineData("Hotline__PickupMinutes", "-5", "Hotline:PickupMinutes must be between 1 and 1440")]
    [InlineData("Hotline__WorkerDisplayName__Ru", " ", "Hotline:WorkerDisplayName:Ru is empty")]
    public async Task A_wrong_nested_setting_stops_the_start_with_one_line_naming_it(string variable, string value, string expected)
    {
        var (code, stdout, stderr) = await BotProcess.RunAsync([], new Dictionary<string, string?>
        {
            ["Telegram__Token"] = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            ["Storage__Path"] = Path.Combine(TestPaths.TempDirectory(), "hotline.db"),
            [variable] = value,
        });

        Assert.Equal(1, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
    }
}

/// <summary>config/ and dialogs/ are found from the application's content root, not from wherever it was started.</summary>
public sealed class ContentRootTests
{
    [Fact]
    public async Task Dialogs_check_started_from_another_folder_finds_the_repositorys_dialogs()
    {
        var elsewhere = TestPaths.TempDirectory();
        var (code, stdout, stderr) = await BotProcess.RunAsync(["dialogs", "check"], new Dictionary<string, string?>(), elsewhere);

        Assert.True(code == 0, stderr);
        Assert.Contains(Path.Combine(TestPaths.RepoRoot, "dialogs") + ":", stdout, StringComparison.Ordinal);
        Assert.EndsWith(": OK", stdout.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bot_started_from_another_folder_reads_the_repositorys_settings()
    {
        var elsewhere = TestPaths.TempDirectory();
        // A malformed token is the only thing wrong: the settings (numbers, hours) were found, so that is what is named.
        var (code, _, stderr) = await BotProcess.RunAsync([], new Dictionary<string, string?>
        {
            ["Telegram__Token"] = "12345:short",
            ["Storage__Path"] = Path.Combine(TestPaths.TempDirectory(), "hotline.db"),
        }, elsewhere);

        Assert.Equal(1, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Telegram:Token is malformed", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_settings_file_anywhere_the_problem_names_the_folders_looked_in()
    {
        var current = TestPaths.TempDirectory();
        var program = TestPaths.TempDirectory();

        var root = HotlineBot.Hosting.ContentRoot.Find(current, program);

        Assert.False(root.Found);
        Assert.Contains("config/appsettings.json was not found", root.NotFoundProblem, StringComparison.Ordinal);
        Assert.Contains(current, root.NotFoundProblem, StringComparison.Ordinal);
        Assert.Contains(program, root.NotFoundProblem, StringComparison.Ordinal);
        Assert.Equal(TestPaths.RepoRoot, HotlineBot.Hosting.ContentRoot.Find(current, AppContext.BaseDirectory).Path);
    }
}
