using HotlineBot.Cases;
using HotlineBot.Storage;

namespace HotlineBot.Tests.Reliability;

/// <summary>The cases held by workers, in memory, against the plain rule (every case whose status is Assigned, by number).</summary>
public sealed class AssignedCasesTests
{
    [Fact]
    public void Follows_takes_returns_and_closes_and_reloads_after_a_rollback()
    {
        var random = new Random(16);
        var cases = Enumerable.Range(1, 30).ToDictionary(id => id, id => new Case { Id = id, Status = (CaseStatus)random.Next(3) });
        var committed = cases.Values.Where(c => c.Status == CaseStatus.Assigned).Select(c => c.Id).ToList();
        var held = new AssignedCases(() => committed);
        Assert.Equal(committed, held.Ids());

        for (var step = 0; step < 2000; step++)
        {
            var changed = random.Next(4) == 0 ? cases[cases.Count + 1] = new Case { Id = cases.Count + 1 } : cases[1 + random.Next(cases.Count)];
            changed.Status = (CaseStatus)random.Next(3);
            held.Track(changed);
            Assert.Equal(cases.Values.Where(c => c.Status == CaseStatus.Assigned).Select(c => c.Id).Order(), held.Ids());
        }

        held.Forget();
        Assert.Equal(committed, held.Ids());
    }
}
