namespace HotlineBot.Conversations;

/// <summary>The effects of handling one inbound: replies to deliver, collected and committed together.</summary>
public sealed class Turn(DateTimeOffset now)
{
    public DateTimeOffset Now { get; } = now;
    public List<Outbound> Outbounds { get; } = [];

    /// <summary>
    /// Work too slow to do while holding the one writer's lock (drawing a chart over every case): whoever commits the
    /// turn runs it after the commit, reading committed data, and commits what it says in a short transaction of its own.
    /// </summary>
    public List<Func<IReadOnlyList<Outbound>>> Deferred { get; } = [];

    public void Add(Outbound outbound) => Outbounds.Add(outbound);

    public void Later(Func<IReadOnlyList<Outbound>> work) => Deferred.Add(work);

    /// <summary>Runs the deferred work (after the turn's commit) and returns what it says.</summary>
    public IReadOnlyList<Outbound> RunDeferred() => [.. Deferred.SelectMany(work => work())];

    public void Send(long chatId, string text, IReadOnlyList<IReadOnlyList<OutButton>>? buttons = null,
        OutboundPriority priority = OutboundPriority.Reply, string? tag = null, int? caseId = null) =>
        Outbounds.Add(new Outbound { ChatId = chatId, Text = text, Buttons = buttons, Priority = priority, Tag = tag, CaseId = caseId });

    /// <summary>Something about one case, for staff: shown in that case's thread of the chat (see <see cref="Outbound.InCaseThread"/>).</summary>
    public void SendInCaseThread(long chatId, int caseId, string text, IReadOnlyList<IReadOnlyList<OutButton>>? buttons = null,
        OutboundPriority priority = OutboundPriority.Reply) =>
        Outbounds.Add(new Outbound { ChatId = chatId, Text = text, Buttons = buttons, Priority = priority, CaseId = caseId, InCaseThread = true });

    /// <summary>Shows a screen: edits the message the button was on, or sends a new one.</summary>
    public void Show(long chatId, int? editMessageId, string text, IReadOnlyList<IReadOnlyList<OutButton>>? buttons) =>
        Outbounds.Add(new Outbound
        {
            ChatId = chatId,
            Kind = editMessageId is null ? OutboundKind.Send : OutboundKind.Edit,
            EditMessageId = editMessageId,
            Text = text,
            Buttons = buttons,
        });

    public void AnswerButton(long chatId, string? callbackId, string? toast = null)
    {
        if (callbackId is not null)
        {
            Outbounds.Add(new Outbound { ChatId = chatId, Kind = OutboundKind.AnswerButton, CallbackId = callbackId, Text = toast });
        }
    }
}
