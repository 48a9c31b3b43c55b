using HotlineBot.Telegram;
using Microsoft.Extensions.Time.Testing;

namespace HotlineBot.Tests.Reliability;

/// <summary>
/// When the processor holds everyone but crisis messages back: a wave that meets a bot keeping up starts a surge; a bot
/// that is already behind is never held back again and again (the saturated benchmark's holds followed one another).
/// </summary>
public sealed class SurgeWatchTests
{
    private const int Batch = 100;

    [Fact]
    public void A_full_batch_meeting_a_bot_that_keeps_up_starts_a_surge_until_batches_run_nearly_empty()
    {
        var clock = new FakeTimeProvider();
        var watch = new SurgeWatch(clock);

        Assert.False(watch.Surging(12, Batch, keepingUp: true));
        Assert.True(watch.Surging(Batch, Batch, keepingUp: true));
        clock.Advance(TimeSpan.FromMilliseconds(300));
        // The processor now has the backlog the surge brought: the surge goes on while Telegram still hands out plenty.
        Assert.True(watch.Surging(Batch, Batch, keepingUp: false));
        Assert.True(watch.Surging(40, Batch, keepingUp: false));
        Assert.False(watch.Surging(SurgeWatch.NearlyDrained - 1, Batch, keepingUp: false));
    }

    [Fact]
    public void The_first_wave_starts_a_surge_even_when_the_processor_already_has_a_backlog()
    {
        // A wave spread over a second: the first batches are not full, the processor starts on them and falls behind
        // before Telegram hands out a full batch. A crisis far back in the wave must still be taken in first.
        var watch = new SurgeWatch(new FakeTimeProvider());

        Assert.False(watch.Surging(60, Batch, keepingUp: true));
        Assert.True(watch.Surging(Batch, Batch, keepingUp: false));
    }

    [Fact]
    public void A_surge_ends_after_its_hold_even_while_batches_stay_full()
    {
        var clock = new FakeTimeProvider();
        var watch = new SurgeWatch(clock);

        Assert.True(watch.Surging(Batch, Batch, keepingUp: true));
        clock.Advance(SurgeWatch.Hold);
        Assert.False(watch.Surging(Batch, Batch, keepingUp: true));
    }

    [Fact]
    public void A_bot_with_a_backlog_is_not_held_back_again_when_the_next_full_batch_comes()
    {
        var clock = new FakeTimeProvider();
        var watch = new SurgeWatch(clock);

        Assert.True(watch.Surging(Batch, Batch, keepingUp: true));
        clock.Advance(TimeSpan.FromMilliseconds(500));
        // The hold let the pump drain Telegram: batches ran nearly empty and the surge ended, the inbox full.
        Assert.False(watch.Surging(3, Batch, keepingUp: false));
        for (var i = 0; i < 20; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            Assert.False(watch.Surging(Batch, Batch, keepingUp: false));
        }

        // Once the processor has caught up, a new wave starts a surge again.
        Assert.True(watch.Surging(Batch, Batch, keepingUp: true));
    }
}
