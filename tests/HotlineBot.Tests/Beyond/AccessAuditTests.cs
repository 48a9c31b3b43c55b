using HotlineBot.Cases;
using HotlineBot.FakeTelegram;
using HotlineBot.Storage;
using HotlineBot.Tests.Core;
using HotlineBot.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using static HotlineBot.Tests.Beyond.BeyondHelpers;
using static HotlineBot.Tests.EndToEnd.EscalationHelpers;

namespace HotlineBot.Tests.Beyond;

/// <summary>Every view of a case log leaves a record: who, when, which case; /audit shows them to supervisors only.</summary>
public sealed class AccessAuditTests
{
    private const long Person = 781000001;

    [Fact]
    public async Task History_and_export_in_Telegram_are_recorded_and_audit_lists_them()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        await TakenCaseAsync(api, Person, BotHost.WorkerA);

        var before = LastId(api, BotHost.WorkerA);
        api.SendText(BotHost.WorkerA, "/history 1", "ru", "Aigul");
        await WaitText(api, BotHost.WorkerA, "Обращение #1 ·", before);
        api.SendText(BotHost.WorkerA, "/export 1", "ru", "Aigul");
        await api.WaitUntilAsync(() => api.RequestsFor("sendDocument").Any(r => r.ChatId == BotHost.WorkerA && r.Ok), Wait);

        var log = bot.Services.GetRequiredService<ICaseStore>().Log(1).Where(e => e.Kind == CaseEventKind.Access).ToList();
        Assert.Equal([CaseAccessLog.History, CaseAccessLog.Export], log.Select(e => e.Text));
        Assert.All(log, e => Assert.Equal(BotHost.WorkerA, e.WorkerId));

        // A worker may not read the audit; a supervisor may, and sees both views with the worker's name.
        before = LastId(api, BotHost.WorkerA);
        api.SendText(BotHost.WorkerA, "/audit", "ru", "Aigul");
        var refused = await api.WaitForBotMessageAsync(BotHost.WorkerA, _ => true, Wait, before);
        Assert.DoesNotContain("Просмотры журналов", refused.Text, StringComparison.Ordinal);

        await GreetWorkersAsync(api, BotHost.Supervisor);
        before = LastId(api, BotHost.Supervisor);
        api.SendText(BotHost.Supervisor, "/audit 1", "ru", "Sup");
        var audit = await WaitText(api, BotHost.Supervisor, "Просмотры журналов", before);
        Assert.Contains("#1 · Aigul · history", audit.Text, StringComparison.Ordinal);
        Assert.Contains("#1 · Aigul · export", audit.Text, StringComparison.Ordinal);

        // The supervisor's own view of the log is recorded too.
        before = LastId(api, BotHost.Supervisor);
        api.SendText(BotHost.Supervisor, "/history 1", "ru", "Sup");
        var history = await WaitText(api, BotHost.Supervisor, "Обращение #1 ·", before);
        Assert.Contains("[access] history", history.Text, StringComparison.Ordinal);
        await api.WaitUntilAsync(() => bot.Services.GetRequiredService<ICaseStore>().Log(1).Count(e => e.Kind == CaseEventKind.Access) == 3, Wait);
        Assert.Equal(BotHost.Supervisor, bot.Services.GetRequiredService<ICaseStore>().Log(1).Last(e => e.Kind == CaseEventKind.Access).WorkerId);
    }

    [Fact]
    public void The_history_button_is_recorded_like_the_command()
    {
        using var core = new CoreHarness();
        core.Onboard(Person);
        core.Press(Person, "a:escalate");
        core.Say(Person, "помогите");
        core.Press(CoreHarness.Worker1, "w:take:1");
        core.Press(CoreHarness.Worker1, "w:history:1");
        var access = Assert.Single(core.Get<ICaseStore>().Log(1), e => e.Kind == CaseEventKind.Access);
        Assert.Equal(ActorRole.Worker, access.Actor);
        Assert.Equal(CoreHarness.Worker1, access.WorkerId);
        Assert.Equal(core.Time.GetUtcNow() - TimeSpan.FromSeconds(5), access.At);
    }

    [Fact]
    public void The_command_line_export_records_one_access_per_case_by_cli()
    {
        using var core = new CoreHarness();
        foreach (var person in new long[] { 1001, 1002 })
        {
            core.Onboard(person);
            core.Press(person, "a:escalate");
            core.Say(person, "помогите");
        }

        var store = core.Get<ICaseStore>();
        var at = core.Time.GetUtcNow();
        CaseAccessLog.RecordExport(store, store.All().Select(c => c.Id), "cli", at);

        foreach (var id in new[] { 1, 2 })
        {
            var access = Assert.Single(store.Log(id), e => e.Kind == CaseEventKind.Access);
            Assert.Equal("export by cli", access.Text);
            Assert.Equal(ActorRole.System, access.Actor);
            Assert.Null(access.WorkerId);
            Assert.Equal(at, access.At);
        }

        var audit = core.Say(CoreHarness.Supervisor, "/audit");
        Assert.Contains("#2 · system · export by cli", audit[0].Text, StringComparison.Ordinal);
        Assert.Contains("#1 · system · export by cli", audit[0].Text, StringComparison.Ordinal);
    }
}
