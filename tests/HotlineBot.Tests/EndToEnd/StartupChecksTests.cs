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
