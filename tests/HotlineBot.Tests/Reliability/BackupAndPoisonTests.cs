using HotlineBot.Conversations;
using HotlineBot.FakeTelegram;
using HotlineBot.Hosting;
using HotlineBot.Storage;
using HotlineBot.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;

namespace HotlineBot.Tests.Reliability;

/// <summary>The backup command against a running bot, and an update that can never be handled.</summary>
public sealed class BackupAndPoisonTests
{
    private const long Person = 8101;

    [Fact]
    public async Task Backup_while_the_bot_runs_is_written_by_the_bot_and_holds_what_was_committed()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        await RelHelpers.ChooseRussianAsync(api, Person);
        await api.WaitUntilAsync(() => File.Exists(RunningBot.PidFile(bot.DataFile)));

        var copy = Path.Combine(TestPaths.TempDirectory(), "copy.db");
        var (code, stdout, stderr) = await RunCliAsync(bot.DataFile, "backup", "--out", copy);

        Assert.True(code == 0, stderr);
        Assert.Contains("by the running bot", stdout);
        using var restored = new HotlineDatabase(copy, null);
        var person = new PersonStore(restored).Find(Person);
        Assert.NotNull(person);
        Assert.Equal(Language.Ru, person.Language);

        // The bot keeps serving after the copy.
        var before = RelHelpers.LastBotId(api, Person);
        api.SendText(Person, "/menu");
        await api.WaitForBotMessageAsync(Person, m => m.Buttons.Any(), afterMessageId: before);
    }

    [Fact]
    public async Task Cases_export_while_the_bot_runs_is_written_by_the_bot_and_audited_in_its_database()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        await EscalationHelpers.OpenCaseAsync(api, Person, "Нужна консультация по пособию");
        await api.WaitUntilAsync(() => File.Exists(RunningBot.PidFile(bot.DataFile)));

        var export = Path.Combine(TestPaths.TempDirectory(), "cases.csv");
        var (code, _, stderr) = await RunCliAsync(bot.DataFile, "cases", "export", "--format", "csv", "--out", export);

        Assert.True(code == 0, stderr);
        var csv = await File.ReadAllTextAsync(export);
        Assert.StartsWith("case_id,", csv, StringComparison.Ordinal);
        Assert.Contains("Нужна консультация по пособию", csv, StringComparison.Ordinal);
        var audit = HotlineBot.Cases.CaseAccessLog.Recent(bot.Services.GetRequiredService<ICaseStore>(), 1, 10);
        Assert.Contains(audit, e => e.Text == "export by cli");
    }

    [Fact]
    public async Task Backup_of_a_stopped_bots_database_is_made_directly()
    {
        await using var api = await FakeBotApi.StartAsync();
        string dataFile;
        await using (var bot = await BotHost.StartAsync(api))
        {
            dataFile = bot.DataFile;
            await RelHelpers.ChooseRussianAsync(api, Person);
        }

        Assert.False(File.Exists(RunningBot.PidFile(dataFile)));
        var copy = Path.Combine(TestPaths.TempDirectory(), "copy.db");
        var (code, stdout, stderr) = await RunCliAsync(dataFile, "backup", "--out", copy);
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("running bot", stdout);
        using var restored = new HotlineDatabase(copy, null);
        Assert.NotNull(new PersonStore(restored).Find(Person));
    }

    [Fact]
    public async Task Cases_export_as_json_from_a_stopped_bots_database_reads_like_a_transcript_and_honours_since()
    {
        await using var api = await FakeBotApi.StartAsync();
        string dataFile;
        await using (var bot = await BotHost.StartAsync(api))
        {
            dataFile = bot.DataFile;
            await EscalationHelpers.OpenCaseAsync(api, Person, "Как оформить пособие?");
        }

        var (code, stdout, stderr) = await RunCliAsync(dataFile, "cases", "export", "--format", "json");
        Assert.True(code == 0, stderr);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        var only = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(1, only.GetProperty("Id").GetInt32());
        Assert.Contains("Человек: Как оформить пособие?", only.GetProperty("Transcript").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Person.ToString(System.Globalization.CultureInfo.InvariantCulture), stdout, StringComparison.Ordinal);

        var (_, later, _) = await RunCliAsync(dataFile, "cases", "export", "--since", DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(System.Text.Json.JsonDocument.Parse(later).RootElement.EnumerateArray());

        var (bad, _, badError) = await RunCliAsync(dataFile, "cases", "export", "--format", "xml");
        Assert.Equal(2, bad);
        Assert.Contains("json or csv", badError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_that_always_fails_is_tried_three_times_then_skipped_and_others_are_served()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        var db = bot.Services.GetRequiredService<HotlineDatabase>();
        var inbox = bot.Services.GetRequiredService<IInboxStore>();
        db.InTransaction(() => db.Collection<InboxItem>("inbox").Insert(new InboxItem { Id = 1_000_000, ChatId = 42, Payload = "{ this is not an update", ReceivedAt = DateTimeOffset.UtcNow }));
        bot.Services.GetRequiredService<InboxProcessor>().Signal();

        await api.WaitUntilAsync(() => inbox.Count() == 0, TimeSpan.FromSeconds(15));
        Assert.Equal(InboxProcessor.MaxAttempts, bot.Logs.Lines.Count(l => l.Contains("Update 1000000 failed", StringComparison.Ordinal)));

        api.SendText(Person, "/start");
        await api.WaitForBotMessageAsync(Person, m => m.Buttons.Any());
    }

    private static Task<(int Code, string Stdout, string Stderr)> RunCliAsync(string dataFile, params string[] args) =>
        BotProcess.RunAsync(args, new Dictionary<string, string?> { ["Storage__Path"] = dataFile });
}
