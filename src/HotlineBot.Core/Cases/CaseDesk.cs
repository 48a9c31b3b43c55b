using System.Globalization;
using HotlineBot.Conversations;
using HotlineBot.Crisis;
using HotlineBot.Dialogs;
using HotlineBot.Metrics;
using HotlineBot.Settings;
using HotlineBot.Storage;
using Microsoft.Extensions.Options;

namespace HotlineBot.Cases;

/// <summary>
/// Opens, relays, hands over and closes cases, logging every step the moment it happens. Both sides go through here,
/// so the anonymity rules live in one place: a worker is sent case numbers, languages, topics and the person's words,
/// and a person is sent the configured display name, never an account. A move's own log lines and messages come from
/// the case (its entry actions) and are said by <see cref="CaseNotices"/>; here the people and workers follow the move.
/// </summary>
public sealed class CaseDesk(
    ICaseStore cases,
    IPersonStore people,
    IWorkerStore workers,
    WorkerAlerts alerts,
    CaseTopics topics,
    CaseNotices notices,
    DutyRoster duty,
    ScreenRenderer screens,
    HotlineMetrics metrics,
    IOptions<HotlineOptions> options)
{
    private readonly HotlineOptions _hotline = options.Value;

    public Case? Find(int id) => cases.Find(id);

    /// <summary>The person's case while it is open; null once it closed (or when they never had one).</summary>
    public Case? OpenCaseOf(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.ActiveCaseId is { } id && cases.Find(id) is { IsOpen: true } open ? open : null;
    }

    /// <summary>Waiting cases by risk (urgent first), then by arrival.</summary>
    public IReadOnlyList<Case> Queue() =>
        cases.Queued().OrderBy(c => c.QueueRank()).ThenBy(c => c.Id).ToList();

    public int PositionOf(Case @case) => cases.QueuePosition(@case);

    public Case Open(Person person, Inbound first, CrisisAssessment crisis, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(crisis);
        var language = person.Language ?? Language.Ru;
        var urgent = crisis.Level == CrisisLevel.Clear;
        var @case = new Case
        {
            PersonChatId = person.Id,
            Language = language,
            Urgent = urgent,
            UrgentSince = urgent ? turn.Now : null,
            Crisis = crisis.Kind,
            Risk = RiskLevels.From(crisis.Level),
            RiskReason = crisis.IsCrisis ? Trigger(crisis) : null,
            Topics = [.. person.Topics],
            OpenedAt = turn.Now,
            PreviousCaseId = person.LastCaseId,
        };
        @case.Id = cases.Insert(@case);
        person.CaseOpened(@case.Id);
        metrics.CaseOpened(urgent ? crisis.Kind : CrisisKind.None);
        Log(@case, turn, ActorRole.System, CaseEventKind.StateChange, urgent ? $"queued urgently ({crisis.Kind.ToString().ToLowerInvariant()})" : "queued");
        if (crisis.IsCrisis)
        {
            Log(@case, turn, ActorRole.System, CaseEventKind.Crisis, Describe(crisis));
        }

        RecordPersonMessage(@case, first, turn);

        if (!urgent)
        {
            var position = PositionOf(@case);
            turn.Send(person.Id, screens.Text(UiKeys.CaseQueued, language, ("number", @case.Id), ("position", position)),
                [[screens.Button(UiKeys.ButtonCancel, language, CallbackData.Action(DialogAction.CancelCase, @case.Id))], .. screens.CaseRows(language)], caseId: @case.Id);
            if (!_hotline.WorkingHours.IsOpen(turn.Now))
            {
                turn.Send(person.Id, screens.Text(UiKeys.AfterHours, language, ("hours", screens.HoursText(language))), caseId: @case.Id);
            }
            else if (!duty.AnyoneOnDuty(turn.Now))
            {
                // Working hours, but every worker is off duty (or none is configured): no promise, the numbers instead.
                turn.Send(person.Id, screens.Text(UiKeys.CaseNobodyOnDuty, language, ("number", @case.Id)), caseId: @case.Id);
            }
        }

        alerts.Announce(@case, first.Text ?? first.Media?.Caption, turn);
        topics.Changed(@case, turn);
        topics.Opened(@case, first, turn);
        return @case;
    }

    /// <summary>
    /// Clear danger inside an open case: the case goes to the top of the queue, and its specialist (or, while it
    /// waits, every worker) hears of it, marked. Every matching message reaches the specialist as its own alert.
    /// </summary>
    public void Escalate(Case @case, CrisisAssessment crisis, Inbound message, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(crisis);
        metrics.CrisisAlarm(crisis.Kind);
        RecordPersonMessage(@case, message, turn);
        var newly = MarkUrgent(@case, crisis, turn);
        if (@case.Status == CaseStatus.Assigned)
        {
            Relay(@case, message, turn, OutboundPriority.Crisis, UiKeys.WorkerPersonCrisis);
        }
        else
        {
            if (newly)
            {
                alerts.Announce(@case, message.Text ?? message.Media?.Caption, turn);
            }

            topics.WhileQueued(@case, message, turn, UiKeys.WorkerPersonCrisis);
        }

        if (newly)
        {
            topics.Changed(@case, turn);
        }
    }

    /// <summary>Raises the case to urgent (high risk) and logs what triggered it; false when it already was.</summary>
    public bool MarkUrgent(Case @case, CrisisAssessment crisis, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(crisis);
        Log(@case, turn, ActorRole.System, CaseEventKind.Crisis, Describe(crisis));
        if (@case.Urgent)
        {
            return false;
        }

        @case.Urgent = true;
        @case.UrgentSince = turn.Now;
        @case.Crisis = crisis.Kind;
        @case.Risk = RiskLevel.High;
        @case.RiskReason = Trigger(crisis);
        cases.Update(@case);
        Log(@case, turn, ActorRole.System, CaseEventKind.StateChange, $"marked urgent ({crisis.Kind.ToString().ToLowerInvariant()})");
        return true;
    }

    /// <summary>
    /// A worrying but unclear message inside an open case: logged with what matched, the risk raised to medium, and
    /// the specialist, if one is on the case, sees the message marked. <paramref name="asked"/>: the bot asked its question.
    /// </summary>
    public void Concern(Case @case, CrisisAssessment concern, Inbound message, Turn turn, bool asked)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(concern);
        RecordPersonMessage(@case, message, turn);
        Log(@case, turn, ActorRole.System, CaseEventKind.Crisis, Describe(concern) + (asked ? "; the person was asked the direct question" : string.Empty));
        if (@case.Risk < RiskLevel.Medium)
        {
            @case.Risk = RiskLevel.Medium;
            @case.RiskReason = Trigger(concern);
            cases.Update(@case);
        }

        if (@case.Status == CaseStatus.Assigned)
        {
            Relay(@case, message, turn, OutboundPriority.Crisis, UiKeys.WorkerPersonConcern);
        }
        else
        {
            topics.WhileQueued(@case, message, turn, UiKeys.WorkerPersonConcern);
        }
    }

    /// <summary>The person's answer to the direct question, in the log where the question is.</summary>
    public void AnsweredConcern(Case @case, ConcernAnswer answer, Turn turn) =>
        Log(@case, turn, ActorRole.Person, CaseEventKind.Crisis, "answer to the direct question: " + answer.ToString().ToLowerInvariant());

    /// <summary>A worker's judgement of the risk (/risk): it reorders the queue and is logged with who set it.</summary>
    public void SetRisk(Case @case, RiskLevel risk, long workerId, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var wasUrgent = @case.Urgent;
        @case.Risk = risk;
        @case.Urgent = risk == RiskLevel.High;
        @case.UrgentSince = @case.Urgent ? @case.UrgentSince ?? turn.Now : null;
        @case.RiskReason = "set by " + _hotline.WorkerName(workerId);
        cases.Update(@case);
        Log(@case, turn, ActorRole.Worker, CaseEventKind.StateChange, $"risk set to {risk.ToString().ToLowerInvariant()}", workerId);
        if (@case.Urgent && !wasUrgent && @case.Status == CaseStatus.Queued)
        {
            alerts.Announce(@case, null, turn);
        }
        else if (@case.Status == CaseStatus.Queued)
        {
            // The queue is ordered by risk: the boards follow the new order.
            alerts.QueueChanged(turn);
        }

        topics.Changed(@case, turn);
    }

    /// <summary>What a worker reads as the reason for the risk: the words that matched, and the rule.</summary>
    private static string Trigger(CrisisAssessment crisis) =>
        crisis.Matched is { Length: > 0 } matched ? $"«{matched}» ({crisis.PatternId ?? crisis.Kind.ToString().ToLowerInvariant()})" : crisis.PatternId ?? crisis.Kind.ToString().ToLowerInvariant();

    private static string Describe(CrisisAssessment crisis) =>
        $"{crisis.Level.ToString().ToLowerInvariant()} {crisis.Kind.ToString().ToLowerInvariant()}: matched {Trigger(crisis)}" +
        (string.IsNullOrEmpty(crisis.Explanation) ? string.Empty : "; " + crisis.Explanation);

    public void AddPersonMessage(Case @case, Inbound message, Turn turn)
    {
        RecordPersonMessage(@case, message, turn);
        if (@case.Status == CaseStatus.Assigned)
        {
            Relay(@case, message, turn, @case.Urgent ? OutboundPriority.Crisis : OutboundPriority.Reply);
        }
        else
        {
            // No place in the queue here: it is told when the case opens and whenever asked, not on every message.
            topics.WhileQueued(@case, message, turn);
            turn.Send(@case.PersonChatId, screens.Text(UiKeys.CaseAddedToQueue, @case.Language, ("number", @case.Id)), caseId: @case.Id);
        }
    }

    /// <summary>Exactly one worker gets a case: the first Take that finds it queued wins, every later one is told who has it.</summary>
    public bool Take(Case @case, long workerId, Turn turn)
    {
        var worker = workers.Get(workerId);
        if (!@case.CanTake())
        {
            turn.Send(workerId, screens.Text(UiKeys.WorkerAlreadyTaken, worker.Language, ("number", @case.Id), ("worker", alerts.TakenBy(@case))));
            return false;
        }

        metrics.CaseTaken(@case.TakenAt is null ? turn.Now - @case.OpenedAt : null);
        @case.Take(workerId, turn.Now);
        cases.Update(@case);
        Activate(worker, @case);
        topics.Changed(@case, turn);
        PersonFollows(@case, person => person.WorkerJoined());
        notices.Tell(@case, turn);
        // The alerts are corrected after the greeting, the order the taker's own chat has always shown them in.
        alerts.Settle(@case, turn);
        return true;
    }

    /// <param name="note">A handover note: logged, and the next worker (named, or whoever takes it from the queue) sees it first.</param>
    public void Transfer(Case @case, long fromWorker, long? toWorker, Turn turn, string? note = null)
    {
        if (toWorker is { } named)
        {
            HandOn(@case, named, () => @case.TransferTo(named, turn.Now, note), turn);
            return;
        }

        var previous = @case.WorkerId;
        @case.ReturnToQueue(fromWorker, turn.Now, note);
        Left(@case, previous, turn);
        PersonFollows(@case, person => person.CaseRequeued());
        alerts.Announce(@case, null, turn);
        notices.Tell(@case, turn);
    }

    /// <summary>A supervisor takes over the case a worker holds: logged as theirs, and the worker is told so.</summary>
    public void TakeOver(Case @case, long supervisorId, Turn turn) =>
        HandOn(@case, supervisorId, () => @case.TakeOver(supervisorId, turn.Now), turn);

    /// <summary>The case goes from the worker who holds it to <paramref name="next"/> by <paramref name="move"/>.</summary>
    private void HandOn(Case @case, long next, Action move, Turn turn)
    {
        var previous = @case.WorkerId;
        move();
        Left(@case, previous, turn);
        Activate(workers.Get(next), @case);
        PersonFollows(@case, person => person.WorkerJoined());
        notices.Tell(@case, turn);
    }

    /// <summary>The worker who held the case no longer has it current, and its room shows the move.</summary>
    private void Left(Case @case, long? previous, Turn turn)
    {
        if (previous is { } held && workers.Get(held) is { } old && old.ActiveCaseId == @case.Id)
        {
            old.ActiveCaseId = null;
            workers.Save(old);
        }

        cases.Update(@case);
        if (previous is { } left)
        {
            topics.Left(@case, left, turn);
        }

        topics.Changed(@case, turn);
    }

    /// <summary>
    /// A case closed too soon goes back to the queue, its log intact; the person is told it is open again.
    /// Refused while the person has another open case: one person, one open case.
    /// </summary>
    public bool Reopen(Case @case, long workerId, Turn turn)
    {
        var person = people.Find(@case.PersonChatId);
        var personsOpenCase = person is null ? null : OpenCaseOf(person);
        if (!@case.CanReopen(personsOpenCase))
        {
            return false;
        }

        @case.Reopen(personsOpenCase, workerId, turn.Now);
        cases.Update(@case);
        if (person is not null)
        {
            person.CaseReopened(@case.Id);
            people.Save(person);
        }

        notices.Tell(@case, turn);
        alerts.Announce(@case, null, turn);
        topics.Changed(@case, turn);
        return true;
    }

    /// <summary>
    /// Closes the case and moves the person on. When the person side closes it, it passes the <see cref="Person"/>
    /// it already holds, so this turn's one copy of their state is the one that gets saved.
    /// </summary>
    public void Close(Case @case, ActorRole by, long? workerId, string outcome, Turn turn, Person? holder = null)
    {
        @case.Close(new Case.Actor(by, workerId), outcome, turn.Now);
        metrics.CaseClosed(by);
        cases.Update(@case);
        if (@case.WorkerId is { } assigned && workers.Get(assigned) is { } worker && worker.ActiveCaseId == @case.Id)
        {
            worker.ActiveCaseId = null;
            workers.Save(worker);
        }

        notices.Tell(@case, turn);
        alerts.Settle(@case, turn);
        topics.Changed(@case, turn);
        if ((holder ?? people.Find(@case.PersonChatId)) is { } person)
        {
            if (by == ActorRole.Person)
            {
                person.Cancel();
            }
            else
            {
                person.CaseClosed();
            }

            people.Save(person);
        }
    }

    public void Rate(Case @case, int stars, Turn turn) => Happened(@case, () => @case.Rate(stars, turn.Now), turn);

    public void Comment(Case @case, string comment, Turn turn) => Happened(@case, () => @case.Comment(comment, turn.Now), turn);

    /// <summary>The person chose another language while their case is open: what the case tells them from now on (a
    /// specialist joining, a transfer, the close) is said in it, and workers see which language they now speak.</summary>
    public void PersonSpeaks(Case @case, Language language)
    {
        @case.Language = language;
        cases.Update(@case);
    }

    /// <summary>The person used safe exit: the case stays open, and its worker knows new messages would show on their screen.</summary>
    public void PersonHid(Case @case, Turn turn) => Happened(@case, () => @case.PersonHid(turn.Now), turn);

    /// <summary>A worker's message waits because the person's chat is hidden: the worker knows it has not gone yet.</summary>
    public void WorkerMessageHeld(Case @case, long workerId, Turn turn) => Happened(@case, () => @case.WorkerMessageHeld(workerId, turn.Now), turn);

    /// <summary>The person who hid the chat wrote again; what was held for them has just been handed to the sender.</summary>
    public void PersonReturned(Case @case, int delivered, Turn turn) => Happened(@case, () => @case.PersonReturned(delivered, turn.Now), turn);

    /// <summary>The person agreed to share their phone (<see cref="Case.PhoneShared"/>); the case's card shows it too.</summary>
    public void SharePhone(Case @case, string phone, Turn turn)
    {
        Happened(@case, () => @case.PhoneShared(phone, turn.Now), turn);
        topics.Changed(@case, turn);
    }

    /// <summary>Something happened in the case (<see cref="Case"/>'s moments): its log line is saved with it, and its worker told.</summary>
    private void Happened(Case @case, Action moment, Turn turn)
    {
        moment();
        cases.Update(@case);
        notices.Tell(@case, turn);
    }

    public void Note(Case @case, long workerId, string text, Turn turn) =>
        Log(@case, turn, ActorRole.Worker, CaseEventKind.Note, text, workerId);

    /// <summary>A worker's words or media go to the person by copy, so no account or name travels with them.</summary>
    public void RelayFromWorker(Case @case, long workerId, Inbound message, Turn turn)
    {
        cases.Append(new CaseEvent
        {
            CaseId = @case.Id, At = turn.Now, Actor = ActorRole.Worker, WorkerId = workerId, Kind = CaseEventKind.WorkerMessage,
            Text = message.Text ?? message.Media?.Caption, MediaKind = message.Media?.Kind,
        });
        @case.WorkerWrote();
        cases.Update(@case);
        topics.WorkerWroteElsewhere(@case, workerId, message, turn);
        var header = _hotline.WorkerDisplayName.For(@case.Language);
        if (message.Media is { } media)
        {
            turn.Add(new Outbound { ChatId = @case.PersonChatId, Kind = OutboundKind.Copy, CopyFromChatId = media.FromChatId, CopyMessageId = media.MessageId, Buttons = [screens.HideRow(@case.Language)], CaseId = @case.Id, ReportTo = workerId });
        }
        else
        {
            // Safe exit under every worker message too: the person may need to hide the chat right after reading it.
            turn.Add(new Outbound { ChatId = @case.PersonChatId, Text = $"{header}: {message.Text}", Buttons = [screens.HideRow(@case.Language)], CaseId = @case.Id, ReportTo = workerId, MayJoin = true, WrittenAt = turn.Now });
        }
    }

    public void SendQuickReply(Case @case, long workerId, QuickReply reply, Turn turn) =>
        RelayFromWorker(@case, workerId, new Inbound
        {
            UpdateId = 0, ChatId = workerId, UserId = workerId, Kind = InboundKind.Text, Text = screens.Fill(reply.Text.For(@case.Language), @case.Language),
        }, turn);

    /// <summary>The case's log, in the words of the worker who reads it.</summary>
    public string History(Case @case, Language language) =>
        CaseTranscript.Format(@case, cases.Log(@case.Id), _hotline.WorkerName, _hotline.WorkingHours.UtcOffsetHours, screens.Dialogs.Ui, language);

    public void Log(Case @case, Turn turn, ActorRole actor, CaseEventKind kind, string? text, long? workerId = null) =>
        cases.Append(new CaseEvent { CaseId = @case.Id, At = turn.Now, Actor = actor, WorkerId = workerId, Kind = kind, Text = text });

    private void RecordPersonMessage(Case @case, Inbound message, Turn turn)
    {
        cases.Append(new CaseEvent
        {
            CaseId = @case.Id,
            At = turn.Now,
            Actor = ActorRole.Person,
            Kind = CaseEventKind.PersonMessage,
            Text = message.Kind == InboundKind.Edited ? "(edited) " + message.Text : message.Text ?? message.Media?.Caption,
            MediaKind = message.Media?.Kind,
            MediaChatId = message.Media?.FromChatId,
            MediaMessageId = message.Media?.MessageId,
        });
        @case.PersonWrote(turn.Now);
        cases.Update(@case);
    }

    private void Relay(Case @case, Inbound message, Turn turn, OutboundPriority priority, string prefixKey = UiKeys.WorkerPersonMessage)
    {
        // The case's room: the worker's chat (its topic there, when the bot has topics) or the case's staff group topic.
        var room = topics.RoomOf(@case, @case.WorkerId!.Value);
        var language = topics.LanguageIn(@case, @case.WorkerId.Value);
        var prefix = screens.Text(prefixKey, language, ("number", @case.Id), ("kind", screens.Text(KindKey(@case.Crisis), language)));
        if (message.Media is { } media)
        {
            turn.SendInCaseThread(room, @case.Id, prefix + (media.Caption is null ? $" [{media.Kind}]" : $" [{media.Kind}] {media.Caption}"), priority: priority);
            turn.Add(new Outbound { ChatId = room, Kind = OutboundKind.Copy, CopyFromChatId = media.FromChatId, CopyMessageId = media.MessageId, Priority = priority, CaseId = @case.Id, InCaseThread = true });
        }
        else
        {
            var text = message.Kind == InboundKind.Edited ? "(edited) " + message.Text : message.Text;
            // Ordinary messages may be joined with others waiting for the worker; a crisis or concern stays its own alert.
            turn.Add(new Outbound
            {
                ChatId = room, Text = $"{prefix} {text}", Priority = priority, CaseId = @case.Id, InCaseThread = true,
                MayJoin = prefixKey == UiKeys.WorkerPersonMessage, WrittenAt = turn.Now,
            });
        }
    }

    public static string KindKey(CrisisKind kind) => kind switch
    {
        CrisisKind.Suicide => UiKeys.CrisisKindSuicide,
        CrisisKind.SelfHarm => UiKeys.CrisisKindSelfHarm,
        CrisisKind.Violence => UiKeys.CrisisKindViolence,
        CrisisKind.SexualViolence => UiKeys.CrisisKindSexualViolence,
        CrisisKind.ChildDanger => UiKeys.CrisisKindChildDanger,
        _ => UiKeys.CrisisKindNone,
    };

    /// <summary>The person's side of a move: their conversation follows the case, saved in the same turn.</summary>
    private void PersonFollows(Case @case, Action<Person> move)
    {
        if (people.Find(@case.PersonChatId) is { } person)
        {
            move(person);
            people.Save(person);
        }
    }

    private void Activate(WorkerState worker, Case @case)
    {
        worker.ActiveCaseId = @case.Id;
        workers.Save(worker);
    }
}
