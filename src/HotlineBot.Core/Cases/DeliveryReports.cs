using HotlineBot.Conversations;
using HotlineBot.Dialogs;
using HotlineBot.Storage;

namespace HotlineBot.Cases;

/// <summary>Why a message could not reach a person, in the edge's terms translated to the worker's.</summary>
public enum DeliveryProblem
{
    /// <summary>The person blocked the bot (403).</summary>
    Blocked,
    /// <summary>The person's account was deleted (403 "user is deactivated").</summary>
    Deactivated,
    /// <summary>The chat no longer exists (400 "chat not found").</summary>
    ChatGone,
    /// <summary>Telegram refused this one message for another reason; the person may still be reachable.</summary>
    Rejected,
}

/// <summary>
/// Tells a worker whether what they sent reached the person, without flooding their chat: nothing when a message
/// goes through at once (the case log counts it), one note on the first retry, one when it finally arrives or fails.
/// The processor calls these when it applies the sender's delivery facts (<see cref="DeliveryFacts"/>), and the sender
/// on a first retry; the notes go through the outbox like any reply.
/// </summary>
public sealed class DeliveryReports(ICaseStore cases, IWorkerStore workers, ScreenRenderer screens)
{
    public const string Delivered = "delivered";

    public static bool Unreaches(DeliveryProblem problem) => problem != DeliveryProblem.Rejected;

    public IReadOnlyList<Outbound> OnDelivered(Outbound sent, bool afterRetry, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(sent);
        if (sent.ReportTo is not { } worker || sent.CaseId is not { } caseId)
        {
            return [];
        }

        cases.Append(new CaseEvent { CaseId = caseId, At = at, Actor = ActorRole.System, Kind = CaseEventKind.Delivery, WorkerId = worker, Text = Delivered });
        return afterRetry ? [Note(worker, UiKeys.WorkerDeliveryDelivered, caseId, sent)] : [];
    }

    public IReadOnlyList<Outbound> OnFirstRetry(Outbound sending)
    {
        ArgumentNullException.ThrowIfNull(sending);
        return sending is { ReportTo: { } worker, CaseId: { } caseId } ? [Note(worker, UiKeys.WorkerDeliveryRetrying, caseId, sending)] : [];
    }

    /// <summary>The case log line for every failed message is written by <see cref="DeliveryFacts"/>; this is the worker's note.</summary>
    public IReadOnlyList<Outbound> OnFailed(Outbound failed, DeliveryProblem problem)
    {
        ArgumentNullException.ThrowIfNull(failed);
        if (failed is not { ReportTo: { } worker, CaseId: { } caseId })
        {
            return [];
        }

        var language = workers.Get(worker).Language;
        return [Note(worker, UiKeys.WorkerDeliveryFailed, caseId, failed, ("reason", Reason(problem, language)))];
    }

    public string Reason(DeliveryProblem problem, Language language) => screens.Text(ReasonKey(problem), language);

    public static string ReasonKey(DeliveryProblem problem) => problem switch
    {
        DeliveryProblem.Blocked => UiKeys.DeliveryReasonBlocked,
        DeliveryProblem.Deactivated => UiKeys.DeliveryReasonDeactivated,
        DeliveryProblem.ChatGone => UiKeys.DeliveryReasonChatGone,
        _ => UiKeys.DeliveryReasonRejected,
    };

    private Outbound Note(long worker, string key, int caseId, Outbound about, params (string Name, object? Value)[] extra)
    {
        var language = workers.Get(worker).Language;
        return new Outbound
        {
            ChatId = worker,
            Text = screens.Text(key, language, [("number", caseId), ("what", Excerpt(about)), .. extra]),
            // Beside the message it is about, when the case has a topic in the worker's chat.
            CaseId = caseId,
            InCaseThread = true,
        };
    }

    /// <summary>Enough of the message for the worker to know which one is meant.</summary>
    private static string Excerpt(Outbound o)
    {
        if (o.Kind == OutboundKind.Copy || string.IsNullOrEmpty(o.Text))
        {
            return "📎";
        }

        var text = o.Text.Contains(": ", StringComparison.Ordinal) ? o.Text[(o.Text.IndexOf(": ", StringComparison.Ordinal) + 2)..] : o.Text;
        return text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
    }
}
