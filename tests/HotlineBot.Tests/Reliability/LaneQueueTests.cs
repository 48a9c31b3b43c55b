using HotlineBot.Telegram;

namespace HotlineBot.Tests.Reliability;

/// <summary>The sender's queue of ready chats: no waiter left behind per wake, and urgent lanes still first.</summary>
public sealed class LaneQueueTests
{
    [Fact]
    public async Task Many_wakes_for_normal_work_leave_no_waiter_behind()
    {
        const int Runners = 16;
        const int Lanes = 20_000;
        var queue = new LaneQueue();
        using var stop = new CancellationTokenSource();
        var taken = 0;
        var runners = Enumerable.Range(0, Runners).Select(_ => Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    await queue.NextAsync(stop.Token);
                    Interlocked.Increment(ref taken);
                }
            }
            catch (OperationCanceledException)
            {
            }
        })).ToArray();

        for (var i = 0; i < Lanes; i++)
        {
            queue.Schedule(i, urgent: false);
            if (i % 64 == 0)
            {
                // Let the runners drain and go back to waiting, so each wake is a real wake.
                await WaitUntilAsync(() => Volatile.Read(ref taken) == i + 1);
            }
        }

        await WaitUntilAsync(() => Volatile.Read(ref taken) == Lanes);
        // Every runner is waiting again: each holds at most its own wait, nothing is left over from earlier wakes.
        Assert.InRange(queue.OutstandingWaits, 0, Runners);
        await stop.CancelAsync();
        await Task.WhenAll(runners);
    }

    [Fact]
    public async Task An_urgent_lane_is_taken_before_normal_lanes_that_were_ready_earlier()
    {
        var queue = new LaneQueue();
        queue.Schedule(1, urgent: false);
        queue.Schedule(2, urgent: false);
        queue.Schedule(3, urgent: true);
        queue.Schedule(4, urgent: false);

        var order = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            order.Add(await queue.NextAsync(CancellationToken.None));
        }

        Assert.Equal([3, 1, 2, 4], order);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "timed out");
            await Task.Delay(1);
        }
    }
}
