using HotlineBot.Conversations;

namespace HotlineBot.Cases;

/// <summary>
/// What the sender saw when Telegram answered: <see cref="About"/> arrived (no <see cref="Problem"/>) or did not. The
/// sender only reports it (through the inbox, in the commit that takes the reply out of the outbox); the processor,
/// the one writer of people and cases, applies it (<see cref="DeliveryFacts"/>).
/// </summary>
public sealed record DeliveryFact(Outbound About, DeliveryProblem? Problem = null, bool AfterRetry = false, string Detail = "")
{
    /// <summary>Only what a worker or the case log needs: a reply nobody follows up leaves nothing to apply.</summary>
    public bool Matters => Problem is not null || About.ReportTo is not null;
}
