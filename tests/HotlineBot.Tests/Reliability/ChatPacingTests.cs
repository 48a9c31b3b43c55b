using HotlineBot.Telegram;
using Microsoft.Extensions.Time.Testing;

namespace HotlineBot.Tests.Reliability;

/// <summary>The per-chat pacing, on a fake clock: Telegram's burst then one a second, counted from when Telegram answered.</summary>
public sealed class ChatPacingTests
{
    private const long Chat = 42;

    private static (ChatPacing Pacing, FakeTimeProvider Time) Person()
    {
        var time = new FakeTimeProvider();
        return (new ChatPacing(TimeSpan.FromSeconds(1.05), burst: 3, time), time);
    }

    private static bool SendIfRoom(ChatPacing pacing, long chat = Chat, int messages = 1)
    {
        if (pacing.WaitFor(chat, messages) > TimeSpan.Zero)
        {
            return false;
        }

        pacing.Sending(chat, messages);
        return true;
    }

    [Fact]
    public void A_quiet_chat_takes_a_burst_of_three_then_one_message_per_interval()
    {
        var (pacing, time) = Person();
        Assert.True(SendIfRoom(pacing));
        Assert.True(SendIfRoom(pacing));
        Assert.True(SendIfRoom(pacing));
        Assert.False(SendIfRoom(pacing));
        Assert.Equal(1.05, pacing.WaitFor(Chat).TotalSeconds, precision: 3);

        time.Advance(TimeSpan.FromSeconds(1.05));
        Assert.True(SendIfRoom(pacing));
        Assert.Equal(1.05, pacing.WaitFor(Chat).TotalSeconds, precision: 3);
        Assert.Equal(TimeSpan.Zero, pacing.WaitFor(Chat + 1));
    }

    [Fact]
    public void A_slow_answer_moves_the_next_room_on_so_transit_time_cannot_squeeze_messages_together()
    {
        var (pacing, time) = Person();
        Assert.True(SendIfRoom(pacing));
        time.Advance(TimeSpan.FromSeconds(1));
        // Telegram answered a second after we sent: as far as we know the message arrived just now.
        pacing.Answered(Chat);

        // Counted from our own sending, a third would wait 0.05 s; counted from the answer, a whole interval.
        Assert.True(SendIfRoom(pacing));
        Assert.True(SendIfRoom(pacing));
        Assert.False(SendIfRoom(pacing));
        Assert.Equal(1.05, pacing.WaitFor(Chat).TotalSeconds, precision: 3);
    }

    [Fact]
    public void A_long_text_in_pieces_needs_room_for_every_piece()
    {
        var (pacing, _) = Person();
        Assert.True(SendIfRoom(pacing, messages: 2));
        Assert.False(SendIfRoom(pacing, messages: 2));
        Assert.True(SendIfRoom(pacing, messages: 1));
    }

    [Fact]
    public void Groups_get_one_message_per_interval_and_no_burst()
    {
        var time = new FakeTimeProvider();
        var groups = new ChatPacing(TimeSpan.FromSeconds(3.1), burst: 1, time);
        Assert.True(SendIfRoom(groups, -100));
        Assert.Equal(3.1, groups.WaitFor(-100).TotalSeconds, precision: 3);
    }

    [Fact]
    public void Chats_that_have_rested_are_forgotten_after_a_surge()
    {
        var (pacing, time) = Person();
        for (var chat = 1; chat <= 5000; chat++)
        {
            pacing.Sending(chat);
        }

        time.Advance(TimeSpan.FromSeconds(5));
        pacing.Sending(9999);
        Assert.True(pacing.Tracked < 10, $"{pacing.Tracked} chats still tracked");
    }

    [Fact]
    public void Bulk_notices_spend_the_global_budget_only_when_the_chat_itself_has_room()
    {
        using var limits = new DeliveryLimits(new FakeTimeProvider());
        var worker = 900001L;
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(TimeSpan.Zero, limits.TryAcquire(worker, bulk: true));
        }

        // The worker's chat is full: refusing it must not use up the broadcast budget (30 a second in all).
        for (var i = 0; i < 10; i++)
        {
            Assert.True(limits.TryAcquire(worker, bulk: true) > TimeSpan.Zero);
        }

        var granted = Enumerable.Range(1, 40).Count(chat => limits.TryAcquire(chat, bulk: true) == TimeSpan.Zero);
        Assert.Equal(28, granted);
    }
}
