using System.Reflection;
using HotlineBot.Cases;
using HotlineBot.Conversations;
using HotlineBot.Storage;
using HotlineBot.Tests.Core;
using Microsoft.Extensions.DependencyInjection;

namespace HotlineBot.Tests.Reliability;

/// <summary>
/// Defect 6 of issue 15: work under the one writer's lock is what intake waits for. The reply nudge runs every 20 s
/// and must not read every assigned case's log; /stats must not read every case and draw a chart inside the commit.
/// </summary>
public sealed class WriterLockTests
{
    private const long Person = 5550001;

    [Fact]
    public void The_reply_nudge_reads_no_case_log_however_many_cases_are_assigned()
    {
        var counting = new List<string>();
        using var core = new CoreHarness(configure: services => services.AddSingleton<ICaseStore>(sp =>
            CallCounter.Wrap<ICaseStore>(ActivatorUtilities.CreateInstance<CaseStore>(sp), counting)));
        for (var i = 0; i < 5; i++)
        {
            var person = Person + i;
            core.Onboard(person, "ru");
            core.Press(person, "a:escalate", 1, "ru");
            core.Say(person, "помогите, пожалуйста", "ru");
            core.Press(i % 2 == 0 ? CoreHarness.Worker1 : CoreHarness.Worker2, $"w:take:{i + 1}");
            core.Say(person, "вы здесь?", "ru");
        }

        core.Time.Advance(TimeSpan.FromMinutes(16));
        counting.Clear();
        var tick = core.Db.InTransaction(() => core.Engine.Tick(core.Time.GetUtcNow()));

        // Every silent worker's person is told, from what the cases keep, without one log read.
        Assert.Equal(5, tick.Outbounds.Count(o => o.ChatId >= Person && o.ChatId < Person + 5));
        Assert.DoesNotContain(nameof(ICaseStore.Log), counting);
    }

    [Fact]
    public void The_queue_board_follows_a_new_case_without_loading_every_waiting_case()
    {
        var calls = new List<string>();
        using var core = new CoreHarness(configure: services => services.AddSingleton<ICaseStore>(sp =>
            CallCounter.Wrap<ICaseStore>(ActivatorUtilities.CreateInstance<CaseStore>(sp), calls)));
        core.Say(CoreHarness.Worker1, "/duty on");
        for (var i = 0; i < 12; i++)
        {
            core.Onboard(Person + i, "ru");
            core.Press(Person + i, "a:escalate", 1, "ru");
            core.Say(Person + i, "мне нужна помощь с пособием", "ru");
        }

        calls.Clear();
        core.Onboard(Person + 12, "ru");
        core.Press(Person + 12, "a:escalate", 1, "ru");
        var opened = core.Say(Person + 12, "мне нужна помощь с пособием", "ru");

        // The board is re-drawn for the new case (it lists all 13), from the queue's order kept in memory.
        var board = Assert.Single(opened, o => o.ChatId == CoreHarness.Worker1 && o.Tag == QueueBoard.Tag);
        Assert.Contains("#13", board.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(ICaseStore.Queued), calls);
        Assert.DoesNotContain(nameof(ICaseStore.All), calls);
    }

    [Fact]
    public void A_supervisors_stats_are_read_and_drawn_after_the_commit_not_inside_it()
    {
        using var core = new CoreHarness();
        core.Onboard(Person, "ru");
        core.Press(Person, "a:escalate", 1, "ru");
        core.Say(Person, "помогите", "ru");

        var turn = core.Db.InTransaction(() => core.Engine.Handle(new Inbound
        {
            UpdateId = 90, ChatId = CoreHarness.Supervisor, UserId = CoreHarness.Supervisor, Kind = InboundKind.Text, Text = "/stats",
        }, core.Time.GetUtcNow()));

        Assert.DoesNotContain(turn.Outbounds, o => o.Kind == OutboundKind.Photo);
        var later = turn.RunDeferred();
        var chart = Assert.Single(later, o => o.Kind == OutboundKind.Photo);
        Assert.Equal(CoreHarness.Supervisor, chart.ChatId);
        Assert.NotEmpty(chart.FileContent!);
        Assert.Equal(3, later.Count);
    }
}

/// <summary>Wraps an interface so the name of every call made to it is recorded, then made on the real object.</summary>
internal static class CallCounter
{
    public static T Wrap<T>(T inner, List<string> calls)
        where T : class
    {
        var proxy = DispatchProxy.Create<T, CallCounterProxy<T>>();
        ((CallCounterProxy<T>)(object)proxy).Attach(inner, calls);
        return proxy;
    }
}

public class CallCounterProxy<T> : DispatchProxy
    where T : class
{
    private T _inner = null!;
    private List<string> _calls = null!;

    internal void Attach(T inner, List<string> calls) => (_inner, _calls) = (inner, calls);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        lock (_calls)
        {
            _calls.Add(targetMethod.Name);
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
