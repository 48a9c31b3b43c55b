using HotlineBot.Cases;
using HotlineBot.Conversations;
using HotlineBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HotlineBot.Tests.Core;

/// <summary>The processor over a real inbox with a backlog: crisis-first across people, each person's order kept.</summary>
public sealed class InboxOrderTests
{
    private const long Person = 7301;

    [Fact]
    public void A_crisis_behind_a_backlog_goes_first_but_after_the_same_persons_earlier_messages()
    {
        using var core = new CoreHarness();
        core.Onboard(Person);
        core.Press(Person, "a:escalate");
        core.Say(Person, "Здравствуйте");

        var inbox = core.Get<IInboxStore>();
        var engine = core.Engine;
        long update = 10_000;
        void Queue(long chat, string text)
        {
            var inbound = new Inbound { UpdateId = ++update, ChatId = chat, UserId = chat, Kind = InboundKind.Text, Text = text, LanguageHint = "ru", SentAt = core.Time.GetUtcNow() };
            core.Db.InTransaction(() => inbox.Add(inbound, engine.IsCrisis(inbound), core.Time.GetUtcNow()));
        }

        Queue(Person, "первое");
        for (var i = 0; i < 100; i++)
        {
            Queue(80_000 + i, "/start");
        }

        Queue(Person, "второе");
        Queue(Person, "не хочу больше жить");

        var processor = ActivatorUtilities.CreateInstance<InboxProcessor>(core.Services, new NoDelivery());
        var firstBatch = processor.HandleBatch();
        Assert.True(firstBatch < 103, $"the first batch took the whole backlog ({firstBatch})");
        // The crisis was handled in the first batch, behind the person's own earlier words and ahead of the others.
        var log = core.Get<ICaseStore>().Log(1).Where(e => e.Kind == CaseEventKind.PersonMessage).Select(e => e.Text).ToList();
        Assert.Equal(["Здравствуйте", "первое", "второе", "не хочу больше жить"], log);
        Assert.True(core.Get<ICaseStore>().Find(1)!.Urgent);
        Assert.True(inbox.Count() > 0, "the other people's backlog waits behind the crisis");

        while (processor.HandleBatch() > 0)
        {
        }

        Assert.Equal(0, inbox.Count());
    }

    private sealed class NoDelivery : IReplySink
    {
        public void Enqueue(IEnumerable<OutboxItem> items)
        {
        }
    }
}
