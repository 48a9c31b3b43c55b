using System.Globalization;
using HotlineBot.Conversations;
using HotlineBot.Dialogs;
using HotlineBot.Settings;
using HotlineBot.Storage;
using Microsoft.Extensions.Options;

namespace HotlineBot.Cases;

/// <summary>
/// Each case is a topic. The core says where a case's conversation is shown to staff (its room: a staff forum group
/// when <c>Hotline:StaffGroups</c> is set, otherwise the holder's private chat) and what its topic is called; whether
/// that chat really has topics is the edge's business (<see cref="Outbound.InCaseThread"/>, <see cref="OutboundKind.Thread"/>),
/// so without topics everything falls back to today's one chat with <c>#N:</c> prefixes.
/// </summary>
public sealed class CaseTopics(ICaseStore cases, IWorkerStore workers, IMetaStore meta, ScreenRenderer screens, WorkerAlerts alerts, IOptions<HotlineOptions> options)
{
    /// <summary>Telegram's limit on a topic's name.</summary>
    public const int MaxName = 128;
    private const int FirstWordsShown = 500;

    /// <summary>ui.yaml names each browsed topic as topic.label.KEY (<see cref="UiKeys.TopicLabelBenefits"/> and the rest).</summary>
    private const string TopicLabelPrefix = "topic.label.";

    private readonly HotlineOptions _hotline = options.Value;

    public bool IsStaffGroup(long chatId) => _hotline.StaffGroups.Contains(chatId);

    /// <summary>
    /// The staff group of a case: the first group of the case's language (Hotline:StaffGroupLanguages), else the first
    /// group with no language, else the first group. Null without staff groups. Fixed by the case's language, so a case
    /// never changes groups.
    /// </summary>
    public long? GroupOf(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var groups = _hotline.StaffGroups;
        if (groups.Count == 0)
        {
            return null;
        }

        var code = @case.Language.Code();
        return groups.Where(g => LanguageOf(g) == code).Select(g => (long?)g).FirstOrDefault()
            ?? groups.Where(g => LanguageOf(g) is null).Select(g => (long?)g).FirstOrDefault()
            ?? groups[0];
    }

    /// <summary>Where what concerns the case is shown to staff: its staff group, or the private chat of the worker on it.</summary>
    public long RoomOf(Case @case, long workerId) => GroupOf(@case) ?? workerId;

    /// <summary>The language a room is written in: a staff group's own, else the worker's.</summary>
    public Language LanguageIn(Case @case, long workerId) =>
        GroupOf(@case) is { } group ? (LanguageCodes.Parse(LanguageOf(group)) ?? Language.Ru) : workers.Get(workerId).Language;

    /// <summary>
    /// The case's state changed (queued, taken, urgent, moved, closed, reopened, a consent): its topic's name shows the
    /// status, and in a staff group the pinned card is sent or brought up to date.
    /// </summary>
    public void Changed(Case @case, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(turn);
        if (GroupOf(@case) is { } group)
        {
            var language = LanguageIn(@case, 0);
            Thread(group, @case, Name(@case, language, Mark(@case)), closed: !@case.IsOpen, turn);
            // Sent the first time (an edit of a message never sent becomes a send), edited in place afterwards.
            turn.Add(new Outbound
            {
                ChatId = group, Kind = OutboundKind.Edit, EditTag = CardTag(@case), Tag = CardTag(@case), Text = Card(@case, language),
                Buttons = CardButtons(@case, language), CaseId = @case.Id, InCaseThread = true, Pin = true,
            });
        }
        else if (@case.WorkerId is { } holder)
        {
            Thread(holder, @case, Name(@case, workers.Get(holder).Language, Mark(@case)), closed: !@case.IsOpen, turn);
        }
    }

    /// <summary>
    /// The case moved away from this worker (transfer, back to the queue, taken over): in their chat its topic is
    /// marked and closed, with a last line saying who has it now. In a staff group the topic stays where it is.
    /// </summary>
    public void Left(Case @case, long workerId, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (GroupOf(@case) is not null)
        {
            return;
        }

        var language = workers.Get(workerId).Language;
        turn.Add(new Outbound
        {
            ChatId = workerId, Text = screens.Text(UiKeys.TopicHolderLeft, language, ("number", @case.Id), ("worker", Holder(@case, language))),
            CaseId = @case.Id, InCaseThread = true, ThreadOnly = true,
        });
        Thread(workerId, @case, Name(@case, language, "↪"), closed: true, turn);
    }

    /// <summary>
    /// A person's message while nobody has the case yet: in a staff group everyone sees it in the case's topic (the
    /// supervisors see every conversation); in private chats it waits in the log for whoever takes the case.
    /// </summary>
    public void WhileQueued(Case @case, Inbound message, Turn turn, string prefixKey = UiKeys.WorkerPersonMessage)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(message);
        if (GroupOf(@case) is not { } group)
        {
            return;
        }

        var language = LanguageIn(@case, 0);
        var priority = @case.Urgent ? OutboundPriority.Crisis : OutboundPriority.Reply;
        var prefix = screens.Text(prefixKey, language, ("number", @case.Id), ("kind", screens.Text(CaseDesk.KindKey(@case.Crisis), language)));
        if (message.Media is { } media)
        {
            turn.SendInCaseThread(group, @case.Id, prefix + (media.Caption is null ? $" [{media.Kind}]" : $" [{media.Kind}] {media.Caption}"), priority: priority);
            turn.Add(new Outbound { ChatId = group, Kind = OutboundKind.Copy, CopyFromChatId = media.FromChatId, CopyMessageId = media.MessageId, Priority = priority, CaseId = @case.Id, InCaseThread = true });
        }
        else
        {
            turn.SendInCaseThread(group, @case.Id, $"{prefix} {message.Text}", priority: priority);
        }
    }

    /// <summary>
    /// A worker's words to the person written anywhere but the case's staff-group topic (their private chat, a quick
    /// reply button): shown in the topic too, so the supervisors' view of the conversation has both sides.
    /// </summary>
    public void WorkerWroteElsewhere(Case @case, long workerId, Inbound message, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(message);
        if (GroupOf(@case) is not { } group || message.ChatId == group)
        {
            return;
        }

        var language = LanguageIn(@case, workerId);
        var text = message.Media is { } media ? $"[{media.Kind}] {media.Caption}".TrimEnd() : message.Text;
        turn.SendInCaseThread(group, @case.Id, screens.Text(UiKeys.TopicWorkerWrote, language, ("worker", _hotline.WorkerName(workerId)), ("text", text)));
        if (message.Media is { } copy)
        {
            turn.Add(new Outbound { ChatId = group, Kind = OutboundKind.Copy, CopyFromChatId = copy.FromChatId, CopyMessageId = copy.MessageId, CaseId = @case.Id, InCaseThread = true });
        }
    }

    /// <summary>The first message's media, in a staff group: its words are on the card, the picture goes under it.</summary>
    public void Opened(Case @case, Inbound first, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(first);
        if (GroupOf(@case) is { } group && first.Media is { } media)
        {
            turn.Add(new Outbound { ChatId = group, Kind = OutboundKind.Copy, CopyFromChatId = media.FromChatId, CopyMessageId = media.MessageId, CaseId = @case.Id, InCaseThread = true });
        }
    }

    /// <summary>
    /// Someone not on staff wrote in a staff group: nothing of theirs goes anywhere, and the supervisors are told, once
    /// for each stranger and group, that a person who should not read the cases is there.
    /// </summary>
    public void Stranger(Inbound inbound, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var key = string.Create(CultureInfo.InvariantCulture, $"staff-group.stranger.{inbound.ChatId}.{inbound.UserId}");
        if (meta.Read(key) != 0)
        {
            return;
        }

        meta.Write(key, turn.Now.UtcTicks);
        foreach (var supervisor in _hotline.Supervisors)
        {
            var language = workers.Get(supervisor).Language;
            turn.Send(supervisor, screens.Text(UiKeys.SupervisorStrangerInGroup, language, ("id", inbound.UserId), ("group", inbound.ChatId)), priority: OutboundPriority.Crisis);
        }
    }

    /// <summary>The status in front of a topic's name: ✅ closed, 🔴 urgent, 💬 with a worker, ⏳ waiting.</summary>
    public static string Mark(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return !@case.IsOpen ? "✅" : @case.Urgent ? "🔴" : @case.Status == CaseStatus.Assigned ? "💬" : "⏳";
    }

    public string Name(Case @case, Language language, string mark)
    {
        ArgumentNullException.ThrowIfNull(@case);
        // The topics the person chose most recently say most about why they asked; "specialist" says nothing new.
        var browsed = @case.Topics.Where(t => t != "specialist").Reverse().Take(2).Select(t => TopicLabel(t, language)).ToList();
        var topics = browsed.Count == 0 ? screens.Text(UiKeys.TopicNoTopics, language) : string.Join(", ", browsed);
        var name = mark + " " + screens.Text(UiKeys.TopicName, language, ("number", @case.Id), ("language", @case.Language.Code()), ("topics", topics));
        return name.Length <= MaxName ? name : string.Concat(name.AsSpan(0, MaxName - 1), "…");
    }

    /// <summary>The card pinned in a case's topic: what a supervisor glancing at the group needs, nothing that names the person.</summary>
    public string Card(Case @case, Language language)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var log = cases.Log(@case.Id);
        var consents = log.Any(e => e.Kind == CaseEventKind.Consent) ? screens.Text(UiKeys.TopicConsentPhone, language) : screens.Text(UiKeys.TopicNoConsent, language);
        var first = log.FirstOrDefault(e => e.Kind == CaseEventKind.PersonMessage);
        var words = first?.Text ?? (first?.MediaKind is { } kind ? $"[{kind}]" : string.Empty);
        return screens.Text(UiKeys.TopicCard, language,
            ("number", @case.Id),
            ("language", @case.Language.Code()),
            ("topics", @case.Topics.Count == 0 ? "—" : string.Join(", ", @case.Topics.Select(t => TopicLabel(t, language)))),
            ("risk", alerts.RiskText(@case, language)),
            ("consents", consents),
            ("worker", Holder(@case, language)),
            ("text", words.Length <= FirstWordsShown ? words : string.Concat(words.AsSpan(0, FirstWordsShown), "…")));
    }

    private IReadOnlyList<IReadOnlyList<OutButton>> CardButtons(Case @case, Language language) => !@case.IsOpen ? [] :
    [[
        screens.Button(UiKeys.WorkerTake, language, CallbackData.Worker(new WorkerCommand.Take(@case.Id))),
        screens.Button(UiKeys.WorkerButtonTransfer, language, CallbackData.Worker(new WorkerCommand.Transfer(@case.Id, null))),
        screens.Button(UiKeys.WorkerButtonClose, language, CallbackData.Worker(new WorkerCommand.Close(@case.Id))),
    ]];

    private string TopicLabel(string topic, Language language) =>
        screens.Dialogs.Ui.Has(TopicLabelPrefix + topic) ? screens.Text(TopicLabelPrefix + topic, language) : topic;

    private string Holder(Case @case, Language language) =>
        @case.IsOpen && @case.WorkerId is { } id ? _hotline.WorkerName(id) : @case.IsOpen ? screens.Text(UiKeys.TopicInQueue, language) : alerts.TakenBy(@case);

    private static void Thread(long chatId, Case @case, string name, bool closed, Turn turn) =>
        // Ahead of what waits for the chat: the messages for this thread must find it open.
        turn.Add(new Outbound { ChatId = chatId, Kind = OutboundKind.Thread, Text = name, ThreadClosed = closed, CaseId = @case.Id, InCaseThread = true, Priority = OutboundPriority.Crisis });

    private static string CardTag(Case @case) => $"card-{@case.Id}";

    private string? LanguageOf(long group) =>
        _hotline.StaffGroupLanguages.TryGetValue(group.ToString(CultureInfo.InvariantCulture), out var code) ? code : null;
}
