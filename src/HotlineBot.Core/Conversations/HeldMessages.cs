using HotlineBot.Cases;
using HotlineBot.Dialogs;
using HotlineBot.Storage;

namespace HotlineBot.Conversations;

/// <summary>
/// Safe exit goes on after the chat is emptied: while a person's chat is hidden, nothing anyone else sends them
/// (a worker's words, a case closing, a reminder) reaches their screen or their notifications, where someone
/// beside them could see it. It is held, and delivered in order the next time they write.
/// </summary>
public sealed class HeldMessages(IPersonStore people, IHeldStore held, CaseDesk desk, ScreenRenderer screens)
{
    /// <summary>
    /// Takes out of the turn whatever goes to a hidden chat other than the acting one (the person acting is
    /// the one who writes, and is never hidden from themself). Deleting stays: it can only make the chat safer.
    /// </summary>
    public void HoldForHiddenChats(Turn turn, long? actingChatId)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var known = new Dictionary<long, bool>();
        bool Hidden(long chatId) => known.TryGetValue(chatId, out var hidden) ? hidden : known[chatId] = IsHidden(chatId);
        var toHold = turn.Outbounds.Where(o => o.ChatId != actingChatId && o.Kind is not (OutboundKind.Delete or OutboundKind.ClearChat) && Hidden(o.ChatId)).ToList();
        if (toHold.Count == 0)
        {
            return;
        }

        turn.Outbounds.RemoveAll(toHold.Contains);
        foreach (var outbound in toHold)
        {
            held.Hold(outbound, turn.Now);
            if (outbound.ReportTo is { } workerId && outbound.CaseId is { } caseId && desk.Find(caseId) is { } @case)
            {
                desk.WorkerMessageHeld(@case, workerId, turn);
            }
        }
    }

    /// <summary>The person wrote again: the chat is theirs to see, and what waited for them comes first, in order.</summary>
    public void Release(Person person, Language language, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(turn);
        person.Hidden = false;
        var waiting = held.Release(person.Id);
        if (waiting.Count > 0)
        {
            turn.Send(person.Id, screens.Text(UiKeys.HeldIntro, language, ("count", waiting.Count)));
            turn.Outbounds.AddRange(waiting);
        }

        if (desk.OpenCaseOf(person) is { } open)
        {
            desk.PersonReturned(open, waiting.Count, turn);
        }
    }

    /// <summary>Retention: held words older than the window go, like every other text of the hotline.</summary>
    public void Forget(DateTimeOffset before) => held.RemoveHeldBefore(before);

    /// <summary>Whether a person hid this chat and has not written since. Group chats and workers never have.</summary>
    public bool IsHidden(long chatId) => chatId > 0 && people.Find(chatId)?.Hidden == true;
}
