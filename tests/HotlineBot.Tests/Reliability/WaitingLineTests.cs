using HotlineBot.Cases;
using HotlineBot.Storage;

namespace HotlineBot.Tests.Reliability;

/// <summary>
/// The waiting line in memory against the plain rule it replaces (sort every waiting case by rank, then id, and count):
/// places, order, head and count after cases open, change risk, are taken, come back and close, in a seeded random run.
/// </summary>
public sealed class WaitingLineTests
{
    [Fact]
    public void Places_order_and_count_follow_the_plain_rule_through_every_kind_of_change()
    {
        var random = new Random(15);
        var cases = new Dictionary<int, Case>();
        for (var id = 1; id <= 40; id++)
        {
            cases[id] = NewCase(id, random);
        }

        var line = new WaitingLine(() => [.. cases.Values.Where(c => c.Status == CaseStatus.Queued)]);
        var nextId = 41;
        for (var step = 0; step < 3000; step++)
        {
            Case changed;
            switch (random.Next(5))
            {
                case 0:
                    changed = cases[nextId] = NewCase(nextId, random);
                    nextId++;
                    break;
                case 1:
                    changed = Any(cases, random);
                    changed.Risk = (RiskLevel)random.Next(3);
                    break;
                case 2:
                    changed = Any(cases, random);
                    changed.Urgent = !changed.Urgent;
                    break;
                default:
                    changed = Any(cases, random);
                    changed.Status = (CaseStatus)random.Next(3);
                    break;
            }

            line.Track(changed);
            var expected = cases.Values.Where(c => c.Status == CaseStatus.Queued).OrderBy(c => c.QueueRank()).ThenBy(c => c.Id).ToList();
            Assert.Equal(expected.Count, line.Count);
            Assert.Equal(expected.Take(12).Select(c => (c.QueueRank(), c.Id)), line.InOrder(12));
            var asked = Any(cases, random);
            var place = expected.Count(c => (c.QueueRank(), c.Id).CompareTo((asked.QueueRank(), asked.Id)) <= 0);
            Assert.Equal(place, line.PositionOf(asked));
            if (expected.Count > 0)
            {
                Assert.Equal(expected.Count, line.PositionOf(expected[^1]));
                Assert.Equal(1, line.PositionOf(expected[0]));
            }
        }

        Assert.Equal(cases.Values.Count(c => c.Status == CaseStatus.Queued), line.InOrder().Count);
    }

    [Fact]
    public void After_a_rollback_it_reloads_what_was_committed()
    {
        var committed = new List<Case> { new() { Id = 1 }, new() { Id = 2, Urgent = true } };
        var line = new WaitingLine(() => committed);
        Assert.Equal(2, line.PositionOf(committed[0]));
        line.Track(new Case { Id = 3 });
        Assert.Equal(3, line.Count);

        line.Forget();
        Assert.Equal(2, line.Count);
        Assert.Equal([(0, 2), (2, 1)], line.InOrder());
    }

    private static Case NewCase(int id, Random random) => new()
    {
        Id = id, Status = random.Next(4) == 0 ? CaseStatus.Assigned : CaseStatus.Queued, Urgent = random.Next(10) == 0, Risk = (RiskLevel)random.Next(3),
    };

    private static Case Any(Dictionary<int, Case> cases, Random random) => cases[1 + random.Next(cases.Count)];
}
