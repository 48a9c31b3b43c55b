using HotlineBot.Telegram;
using Microsoft.Extensions.Time.Testing;

namespace HotlineBot.Tests.Reliability;

/// <summary>Ordinary deliveries wait while a crisis reply is in flight, but never longer than the cap.</summary>
public sealed class UrgentInFlightTests
{
    [Fact]
    public async Task With_no_crisis_reply_in_flight_an_ordinary_delivery_goes_at_once()
    {
        var urgent = new UrgentInFlight();

        var wait = urgent.WaitAsync(new FakeTimeProvider(), CancellationToken.None);

        Assert.True(wait.IsCompletedSuccessfully);
        await wait;
    }

    [Fact]
    public async Task An_ordinary_delivery_waits_until_every_crisis_reply_in_flight_has_ended()
    {
        var urgent = new UrgentInFlight();
        urgent.Begin();
        urgent.Begin();

        var wait = urgent.WaitAsync(new FakeTimeProvider(), CancellationToken.None);
        urgent.End();
        Assert.False(wait.IsCompleted, "one crisis reply is still in flight");
        urgent.End();

        await wait.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(urgent.WaitAsync(new FakeTimeProvider(), CancellationToken.None).IsCompletedSuccessfully, "nothing urgent is in flight any more");
    }

    [Fact]
    public async Task A_crisis_reply_that_never_ends_holds_others_back_only_for_the_cap()
    {
        var clock = new FakeTimeProvider();
        var urgent = new UrgentInFlight();
        urgent.Begin();

        var wait = urgent.WaitAsync(clock, CancellationToken.None);
        clock.Advance(UrgentInFlight.MaxHold - TimeSpan.FromMilliseconds(1));
        Assert.False(wait.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        await wait.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(wait.IsCompletedSuccessfully, "the hold ends quietly, it does not fail the delivery");
    }
}
