using System.Globalization;
using System.Net;
using HotlineBot.FakeTelegram;
using HotlineBot.Storage;
using HotlineBot.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using static HotlineBot.Tests.EndToEnd.EscalationHelpers;
using static HotlineBot.Tests.Operations.OpsHelpers;

namespace HotlineBot.Tests.Operations;

[Collection(MetricsReadAlone.Name)]
public sealed class HealthAndMetricsTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Healthz_is_200_while_serving_and_503_naming_telegram_when_the_Bot_API_is_unreachable()
    {
        var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api, settings: WithListener());
        await ReachMenuAsync(api, 71001);

        var (status, body) = await GetAsync(OpsAddress(bot), "/healthz");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"status":"healthy","failed":[]}""", body);

        await api.DisposeAsync();
        var failed = await WaitForHealthAsync(OpsAddress(bot), HttpStatusCode.ServiceUnavailable, Long);
        Assert.Equal(["telegram"], failed);
    }

    [Fact]
    public async Task Healthz_is_503_naming_the_inbox_when_updates_wait_there_without_being_handled()
    {
        await using var api = await FakeBotApi.StartAsync();
        StallingInbox? inbox = null;
        var settings = WithListener();
        settings["Hosting:StuckAfterSeconds"] = "1";
        await using var bot = await BotHost.StartAsync(api, settings: settings, services: s => s.AddSingleton<IInboxStore>(sp =>
            inbox = new StallingInbox(ActivatorUtilities.CreateInstance<InboxStore>(sp))));
        await ReachMenuAsync(api, 71002);
        Assert.Empty(await WaitForHealthAsync(OpsAddress(bot), HttpStatusCode.OK, Long));

        inbox!.Stalled = true;
        api.SendText(71002, "/help");
        await api.WaitUntilAsync(() => api.PendingUpdates == 0 && inbox.Count() == 1, Long);
        var failed = await WaitForHealthAsync(OpsAddress(bot), HttpStatusCode.ServiceUnavailable, Long);
        Assert.Equal(["inbox"], failed);

        inbox.Stalled = false;
        Assert.Empty(await WaitForHealthAsync(OpsAddress(bot), HttpStatusCode.OK, Long));
    }

    [Fact]
    public async Task Metrics_have_the_named_series_and_no_person_or_chat_id()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api, settings: WithListener());
        const long person = 71234567, crisisPerson = 71234568, blocked = 71234569;
        await GreetWorkersAsync(api, BotHost.WorkerA);
        var seen = LastId(api, BotHost.WorkerA);
        await OpenCaseAsync(api, person, "Мне нужна помощь с пособием");
        var alert = await api.WaitForBotMessageAsync(BotHost.WorkerA, m => m.Buttons.Any(b => b.CallbackData!.StartsWith("w:take:", StringComparison.Ordinal)), Wait, seen);
        api.PressButton(BotHost.WorkerA, alert.MessageId, alert.Buttons.First(b => b.CallbackData!.StartsWith("w:take:", StringComparison.Ordinal)).CallbackData!);
        await WaitText(api, person, "Специалист");
        await Practice.WrapUpSteps.CloseAsync(api, BotHost.WorkerA, 1);

        api.TooManyRequestsNext("sendMessage", crisisPerson, retryAfter: 1);
        api.SendText(crisisPerson, "/start", "ru");
        await api.WaitForBotMessageAsync(crisisPerson, _ => true, Long);
        api.SendText(crisisPerson, "я хочу покончить с собой");
        await api.WaitUntilAsync(() => api.BotMessages(crisisPerson).Count >= 2, Long);
        // The 429 was answered, and the bot went on to deliver after it: the counter has been added by now.
        Assert.Contains(api.RequestsFor("sendMessage"), r => r.ChatId == crisisPerson && r.StatusCode == 429);

        api.SendText(blocked, "/start", "ru");
        await api.WaitForBotMessageAsync(blocked, _ => true, Long);
        api.BlockedByUser(blocked);
        api.SendText(blocked, "/help");
        await api.WaitUntilAsync(() => api.RequestsFor("sendMessage").Any(r => r.ChatId == blocked && r.StatusCode == 403), Long);

        var body = "";
        string[] series =
        [
            "hotline_updates_received_total", "hotline_updates_handled_total", "hotline_inbox_depth", "hotline_inbox_oldest_age_seconds",
            "hotline_outbox_depth", "hotline_outbox_oldest_age_seconds", "hotline_replies_sent_total", "hotline_telegram_too_many_requests_total",
            "hotline_telegram_retry_after_seconds_bucket", "hotline_delivery_failures_total{otel_scope_name=\"HotlineBot\",reason=\"blocked\"}", "hotline_cases_opened_total",
            "hotline_cases_taken_total", "hotline_cases_closed_total{otel_scope_name=\"HotlineBot\",by=\"worker\"}", "hotline_cases_pickup_seconds_bucket", "hotline_cases_waiting", "hotline_crisis_alarms_total{otel_scope_name=\"HotlineBot\",kind=\"suicide\"}",
            // The runtime's own meter: whether the process is compiling, collecting or short of threads.
            "dotnet_jit_compilation_time_seconds_total", "dotnet_gc_last_collection_heap_size_bytes", "dotnet_process_cpu_time_seconds_total", "dotnet_thread_pool_queue_length",
        ];
        // Counters reach the exporter when it collects: ask until every series is there, or give up and say which is not.
        for (var until = DateTime.UtcNow + Long; DateTime.UtcNow < until; await Task.Delay(200))
        {
            body = (await GetAsync(OpsAddress(bot), "/metrics")).Body;
            if (series.All(s => body.Contains(s, StringComparison.Ordinal)))
            {
                break;
            }
        }

        foreach (var name in series)
        {
            Assert.True(body.Contains(name, StringComparison.Ordinal), $"{name} missing from /metrics:\n{body}");
        }

        foreach (var id in new[] { person, crisisPerson, blocked, BotHost.WorkerA })
        {
            Assert.DoesNotContain(id.ToString(CultureInfo.InvariantCulture), body, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("покончить", body, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Token, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whoami_answers_a_person_and_a_worker_with_their_own_id()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        api.SendText(71777, "/whoami", "ru");
        await WaitText(api, 71777, "Ваш идентификатор в Telegram: 71777");
        api.SendText(BotHost.WorkerA, "/whoami", "kk");
        await WaitText(api, BotHost.WorkerA, "Сіздің Telegram идентификаторыңыз: 900001");
    }
}
