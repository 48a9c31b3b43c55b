using HotlineBot.Cases;
using HotlineBot.Crisis;
using HotlineBot.Dialogs;
using HotlineBot.Hosting;
using HotlineBot.Storage;
using Microsoft.Extensions.Options;

namespace HotlineBot.Conversations;

/// <summary>
/// The core's one entry point: an inbound in, the effects out (state saved through the stores, replies in the turn).
/// Callers wrap each call in a transaction; the Telegram edge, the terminal and the tests all drive this same class.
/// </summary>
public sealed class ConversationEngine(
    PersonConversation people,
    WorkerDesk workers,
    CaseDesk desk,
    ICaseStore cases,
    ScreenRenderer screens,
    IChatMessageLog chatLog,
    IOptions<HotlineOptions> options)
{
    private readonly HotlineOptions _hotline = options.Value;

    public Turn Handle(Inbound inbound, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var turn = new Turn(now);
        if (!inbound.IsPrivateChat)
        {
            // In a group, nothing about anyone's case may be said: one neutral pointer to a private chat.
            turn.Send(inbound.ChatId, screens.Text(UiKeys.PrivateOnly, LanguageCodes.Suggest(inbound.LanguageHint)));
        }
        else if (workers.IsStaff(inbound.UserId))
        {
            workers.Handle(inbound, turn);
        }
        else
        {
            people.Handle(inbound, turn);
        }

        return turn;
    }

    /// <summary>Cheap enough to run at intake, so crisis messages can be handled ahead of a backlog.</summary>
    public bool IsCrisis(Inbound inbound) =>
        inbound.IsPrivateChat && !workers.IsStaff(inbound.UserId) && screens.Dialogs.Crisis.Detect(inbound.Text ?? inbound.Media?.Caption) != CrisisKind.None;

    /// <summary>Time-driven duties: tell people whose case waits too long what else they can do.</summary>
    public Turn Tick(DateTimeOffset now)
    {
        var turn = new Turn(now);
        var limit = TimeSpan.FromMinutes(_hotline.PickupMinutes);
        foreach (var waiting in desk.Queue().Where(c => !c.PickupTimeoutSent && now - c.OpenedAt >= limit))
        {
            waiting.PickupTimeoutSent = true;
            cases.Update(waiting);
            desk.Log(waiting, turn, ActorRole.System, CaseEventKind.StateChange, $"not taken within {_hotline.PickupMinutes} min; person told");
            turn.Send(waiting.PersonChatId, screens.Text(UiKeys.PickupTimeout, waiting.Language, ("number", waiting.Id), ("minutes", _hotline.PickupMinutes)), caseId: waiting.Id);
        }

        // Telegram no longer lets the bot delete older messages, so their ids are of no use to safe exit.
        chatLog.Prune(now - ChatMessageLog.DeletableFor);
        if (_hotline.RetentionDays > 0)
        {
            cases.RemoveTextOlderThan(now - TimeSpan.FromDays(_hotline.RetentionDays));
        }

        return turn;
    }
}
