using HotlineBot.Cases;
using HotlineBot.Crisis;
using HotlineBot.Dialogs;
using HotlineBot.Settings;
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
    IMetaStore meta,
    IPersonStore persons,
    HeldMessages held,
    UrgentWatch urgent,
    DeliveryFacts deliveries,
    CaseTopics topics,
    IOptions<HotlineOptions> options)
{
    private const string RetentionCutoff = "retention.cutoff";
    private static readonly TimeSpan HousekeepingEvery = TimeSpan.FromHours(1);

    private readonly HotlineOptions _hotline = options.Value;
    private DateTimeOffset _nextHousekeeping = DateTimeOffset.MinValue;

    public Turn Handle(Inbound inbound, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var turn = new Turn(now);
        if (inbound is { Kind: InboundKind.Delivery, Delivery: { } fact })
        {
            deliveries.Apply(fact, turn);
            return turn;
        }

        if (inbound.IsPrivateChat && IsWhoAmI(inbound))
        {
            // Anyone, staff or not, in any state: how a new worker learns the id to be added to Hotline:Workers.
            turn.Send(inbound.ChatId, screens.Text(UiKeys.WhoAmI, LanguageCodes.Suggest(inbound.LanguageHint), ("id", inbound.UserId)));
        }
        else if (!inbound.IsPrivateChat && topics.IsStaffGroup(inbound.ChatId))
        {
            // A staff group: staff work there; anyone else is heard by nobody, and the supervisors learn they are there.
            if (workers.IsStaff(inbound.UserId))
            {
                workers.Handle(inbound, turn);
            }
            else
            {
                topics.Stranger(inbound, turn);
            }
        }
        else if (!inbound.IsPrivateChat)
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

        held.HoldForHiddenChats(turn, inbound.ChatId);
        return turn;
    }

    private static bool IsWhoAmI(Inbound inbound) =>
        inbound.Kind == InboundKind.Text && inbound.Text?.Trim().Split('@')[0].Equals("/whoami", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Cheap enough to run at intake, so crisis messages can be handled ahead of a backlog.</summary>
    public bool IsCrisis(Inbound inbound) =>
        inbound.IsPrivateChat && !workers.IsStaff(inbound.UserId) && screens.Dialogs.Crisis.Assess(inbound.Text ?? inbound.Media?.Caption).IsCrisis;

    /// <summary>Time-driven duties: tell people whose case waits too long what else they can do (held if their chat is hidden).</summary>
    public Turn Tick(DateTimeOffset now)
    {
        var turn = new Turn(now);
        urgent.Check(turn);
        var limit = TimeSpan.FromMinutes(_hotline.PickupMinutes);
        foreach (var waiting in desk.Queue().Where(c => !c.PickupTimeoutSent && now - c.OpenedAt >= limit))
        {
            waiting.PickupTimeoutSent = true;
            cases.Update(waiting);
            desk.Log(waiting, turn, ActorRole.System, CaseEventKind.StateChange, $"not taken within {_hotline.PickupMinutes} min; person told");
            turn.Send(waiting.PersonChatId, screens.Text(UiKeys.PickupTimeout, waiting.Language, ("number", waiting.Id), ("minutes", _hotline.PickupMinutes)), caseId: waiting.Id);
        }

        NudgeWaitingPeople(turn);
        if (now >= _nextHousekeeping)
        {
            _nextHousekeeping = now + HousekeepingEvery;
            KeepHouse(now);
        }

        held.HoldForHiddenChats(turn, actingChatId: null);
        return turn;
    }

    /// <summary>Hourly, not on every tick: these walk stored data, and the lock they hold is the one replies wait for.</summary>
    private void KeepHouse(DateTimeOffset now)
    {
        // Telegram no longer lets the bot delete older messages, so their ids are of no use to safe exit.
        chatLog.Prune(now - IChatMessageLog.DeletableFor);
        if (_hotline.RetentionDays > 0)
        {
            // Only cases closed since the last run's cutoff: each case is looked at once, however many are stored.
            var cutoff = now - TimeSpan.FromDays(_hotline.RetentionDays);
            var previous = meta.Read(RetentionCutoff);
            cases.RemoveTextClosedBetween(previous == 0 ? DateTimeOffset.MinValue : new DateTimeOffset(previous, TimeSpan.Zero), cutoff);
            meta.Write(RetentionCutoff, cutoff.UtcTicks);
            held.Forget(cutoff);
            ForgetKeptWords(cutoff);
        }
    }

    /// <summary>Words kept for a "pass them on?" the person never answered: no longer than any other text.</summary>
    private void ForgetKeptWords(DateTimeOffset cutoff)
    {
        foreach (var person in persons.WithWordsKeptBefore(cutoff))
        {
            person.TakeWords();
            persons.Save(person);
        }
    }

    /// <summary>
    /// A person who wrote and has heard nothing from their worker for ReplyNudgeMinutes is told, once per silence,
    /// that the case is still open. Not after a safe exit: a message then could be seen by someone else.
    /// </summary>
    private void NudgeWaitingPeople(Turn turn)
    {
        var silence = TimeSpan.FromMinutes(_hotline.ReplyNudgeMinutes);
        foreach (var assigned in cases.Assigned())
        {
            var waitingSince = assigned.WaitingForWorkerSince();
            // Not even held for later: a "still open" note would be stale by the time the person comes back.
            if (waitingSince is not { } since || turn.Now - since < silence || assigned.NudgedAt >= since || held.IsHidden(assigned.PersonChatId))
            {
                continue;
            }

            assigned.NudgedAt = turn.Now;
            cases.Update(assigned);
            desk.Log(assigned, turn, ActorRole.System, CaseEventKind.StateChange, $"no reply for {_hotline.ReplyNudgeMinutes} min; person told the case is still open");
            turn.Send(assigned.PersonChatId, screens.Text(UiKeys.CaseStillOpenNudge, assigned.Language, ("number", assigned.Id)),
                [screens.HideRow(assigned.Language)], caseId: assigned.Id);
        }
    }
}
