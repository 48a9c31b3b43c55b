using HotlineBot.Conversations;
using HotlineBot.Storage;

namespace HotlineBot.Cases;

/// <summary>
/// Applies a delivery fact to the domain, on the processor's thread: a person whose chat refuses the bot is marked
/// unreachable (workers see it on the case), the case log records the failure, and the worker who wrote gets a note.
/// </summary>
public sealed class DeliveryFacts(IPersonStore people, ICaseStore cases, DeliveryReports reports)
{
    public void Apply(DeliveryFact fact, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(fact);
        ArgumentNullException.ThrowIfNull(turn);
        var about = fact.About;
        if (fact.Problem is not { } problem)
        {
            reports.OnDelivered(about, fact.AfterRetry, turn.Now).ToList().ForEach(turn.Add);
            return;
        }

        if (DeliveryReports.Unreaches(problem) && people.Find(about.ChatId) is { Unreachable: false } person)
        {
            person.Unreachable = true;
            person.UnreachableReason = problem;
            people.Save(person);
        }

        if (about.CaseId is { } caseId)
        {
            cases.Append(new CaseEvent
            {
                CaseId = caseId, At = turn.Now, Actor = ActorRole.System, Kind = CaseEventKind.Delivery, WorkerId = about.ReportTo,
                Text = $"{about.Kind.ToString().ToLowerInvariant()} not delivered: {problem.ToString().ToLowerInvariant()}{fact.Detail}",
            });
        }

        reports.OnFailed(about, problem).ToList().ForEach(turn.Add);
    }
}
