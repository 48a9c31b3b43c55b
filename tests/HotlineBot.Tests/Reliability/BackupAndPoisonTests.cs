using HotlineBot.Cases;
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
    public async Task An_update_that_always_fails_is_tried_three_times_then_parked_supervisors_are_told_and_others_are_served()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        var db = bot.Services.GetRequiredService<HotlineDatabase>();
        var inbox = bot.Services.GetRequiredService<IInboxStore>();
        var payload = "{ this is not an update";
        db.InTransaction(() => db.Collection<InboxItem>("inbox").Insert(new InboxItem { Id = 1_000_000, ChatId = 42, Payload = payload, ReceivedAt = DateTimeOffset.UtcNow }));
        bot.Services.GetRequiredService<InboxProcessor>().Signal();

        await api.WaitUntilAsync(() => inbox.Count() == 0, TimeSpan.FromSeconds(15));
        Assert.Equal(InboxProcessor.MaxAttempts, bot.Logs.Lines.Count(l => l.Contains("Update 1000000 failed", StringComparison.Ordinal)));
        var letter = Assert.Single(bot.Services.GetRequiredService<IDeadLetterStore>().All());
        Assert.Equal(payload, letter.Payload);
        Assert.Equal(InboxProcessor.MaxAttempts, letter.Attempts);
        Assert.Equal(1_000_000, letter.UpdateId);
        Assert.Contains("Json", letter.ErrorType, StringComparison.Ordinal);
        Assert.Null(letter.CaseId);
        var told = await api.WaitForBotMessageAsync(BotHost.Supervisor, m => m.Text!.Contains($"№{letter.Id}", StringComparison.Ordinal));
        Assert.DoesNotContain("42", told.Text, StringComparison.Ordinal);

        api.SendText(Person, "/start");
        await api.WaitForBotMessageAsync(Person, m => m.Buttons.Any());
    }

    [Fact]
    public async Task A_failing_message_of_a_person_with_a_case_is_kept_in_the_case_log_history_and_export()
    {
        Environment.SetEnvironmentVariable(TestHooks.EnableVariable, "1");
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api, settings: new Dictionary<string, string?> { ["Testing:FailOnText"] = "Слово, которое ломает бота" });
        await EscalationHelpers.OpenCaseAsync(api, Person, "Нужна консультация");
        var before = EscalationHelpers.LastId(api, BotHost.Supervisor);

        api.SendText(Person, "Слово, которое ломает бота");
        var told = await EscalationHelpers.WaitText(api, BotHost.Supervisor, "#1:", before, TimeSpan.FromSeconds(20));
        Assert.DoesNotContain("ломает", told.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Person.ToString(System.Globalization.CultureInfo.InvariantCulture), told.Text, StringComparison.Ordinal);

        var letter = Assert.Single(bot.Services.GetRequiredService<IDeadLetterStore>().All());
        Assert.Equal(1, letter.CaseId);
        Assert.Contains("FailOnText", letter.ErrorMessage, StringComparison.Ordinal);
        var log = bot.Services.GetRequiredService<ICaseStore>().Log(1);
        Assert.Contains(log, e => e.Text == $"a message could not be processed and is kept (dead letter #{letter.Id}): Слово, которое ломает бота");

        // The person is still served: the next message goes into the case as usual.
        api.SendText(Person, "Вы здесь?");
        await api.WaitUntilAsync(() => bot.Services.GetRequiredService<ICaseStore>().Log(1).Any(e => e.Text == "Вы здесь?"), TimeSpan.FromSeconds(15));

        var historyFrom = EscalationHelpers.LastId(api, BotHost.Supervisor);
        api.SendText(BotHost.Supervisor, "/history 1");
        await EscalationHelpers.WaitText(api, BotHost.Supervisor, $"dead letter #{letter.Id}", historyFrom, TimeSpan.FromSeconds(15));

        var export = Path.Combine(TestPaths.TempDirectory(), "cases.json");
        var (code, _, stderr) = await RunCliAsync(bot.DataFile, "cases", "export", "--out", export);
        Assert.True(code == 0, stderr);
        Assert.Contains("Слово, которое ломает бота", await File.ReadAllTextAsync(export), StringComparison.Ordinal);
    }

    private static Task<(int Code, string Stdout, string Stderr)> RunCliAsync(string dataFile, params string[] args) =>
        BotProcess.RunAsync(args, new Dictionary<string, string?> { ["Storage__Path"] = dataFile });
}
