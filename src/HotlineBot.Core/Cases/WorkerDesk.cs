using System.Globalization;
using System.Text;
using HotlineBot.Conversations;
using HotlineBot.Dialogs;
using HotlineBot.Settings;
using HotlineBot.Storage;
using Microsoft.Extensions.Options;

namespace HotlineBot.Cases;

/// <summary>
/// What workers and supervisors do in Telegram: take, talk, note, transfer, close, read logs.
/// Every command and button is checked against the configured staff lists on every use, never remembered.
/// </summary>
public sealed class WorkerDesk(
    CaseDesk desk,
    CaseNotices notices,
    ICaseStore cases,
    IWorkerStore workers,
    IPersonStore people,
    DeliveryReports deliveries,
    ScreenRenderer screens,
    WrapUpDesk wrapUp,
    Shifts shifts,
    Supervision supervision,
    CaseReport reports,
    QueueBoard board,
    IOptions<HotlineOptions> options)
{
    private readonly HotlineOptions _hotline = options.Value;

    public bool IsStaff(long userId) => _hotline.IsWorker(userId);

    public void Handle(Inbound inbound, Turn turn)
    {
        var worker = workers.Get(inbound.UserId);
        if (LanguageCodes.Parse(inbound.LanguageHint) is { } hinted && hinted != worker.Language)
        {
            worker.Language = hinted;
            workers.Save(worker);
        }

        if (InThread(worker, inbound, turn))
        {
            return;
        }

        switch (inbound.Kind)
        {
            case InboundKind.Button:
                turn.AnswerButton(inbound.ChatId, inbound.CallbackId);
                // A button is the same command as the one typed; any other data (a person's button, a forged one) is unknown.
                Run(worker, ButtonIntent.Parse(inbound.ButtonData) is StaffButton { Command: var tapped } ? tapped : new WorkerCommand.Unknown(), inbound.MessageId, turn);
                break;
            case InboundKind.Text when inbound.Text?.StartsWith('/') == true:
                Run(worker, WorkerCommand.Parse(inbound.Text), null, turn);
                break;
            case InboundKind.Text when WrapUpDesk.TakesText(worker):
                wrapUp.OnText(worker, inbound.Text!, turn);
                break;
            case InboundKind.Text or InboundKind.Media when ActiveCase(worker) is { } active:
                desk.RelayFromWorker(active, worker.Id, inbound, turn);
                break;
            default:
                Say(worker, UiKeys.WorkerNoCase, turn);
                break;
        }
    }

    /// <summary>
    /// A message written in a case's thread (a topic) is about that case, whatever case was current: a note (<c>//</c> or
    /// <c>/note</c>) is logged and never sent, the holder's words make it the current case and go to the person. In a
    /// staff group only the holder's words reach the person, and talk outside every case's topic reaches nobody.
    /// True when the message is dealt with here.
    /// </summary>
    private bool InThread(WorkerState worker, Inbound inbound, Turn turn)
    {
        if (inbound.Kind is not (InboundKind.Text or InboundKind.Media) || WrapUpDesk.TakesText(worker))
        {
            return false;
        }

        var text = (inbound.Text ?? string.Empty).TrimStart();
        var isNote = text.StartsWith("//", StringComparison.Ordinal) || text.StartsWith("/note", StringComparison.OrdinalIgnoreCase);
        // In the main chat "//" is a note on the current case too: it must never reach the person by a slip of habit.
        var thread = inbound.ThreadCaseId is { } id ? desk.Find(id)
            : inbound.IsPrivateChat && isNote && inbound.Kind == InboundKind.Text && text.StartsWith("//", StringComparison.Ordinal) ? ActiveCase(worker) : null;
        if (thread is null && inbound.IsPrivateChat)
        {
            return false;
        }

        if (thread is null)
        {
            // A staff group's General topic: commands work, the rest is the staff's own talk.
            return !text.StartsWith('/');
        }

        var mine = thread.IsOpen && thread.WorkerId == worker.Id;
        if (isNote && inbound.Kind == InboundKind.Text)
        {
            var note = text.StartsWith("//", StringComparison.Ordinal) ? text[2..].Trim() : text[5..].Trim();
            if (note.Length > 0 && (mine || _hotline.IsSupervisor(worker.Id) || !inbound.IsPrivateChat))
            {
                desk.Note(thread, worker.Id, note, turn);
                turn.SendInCaseThread(inbound.ChatId, thread.Id, screens.Text(UiKeys.WorkerNoteSaved, worker.Language, ("number", thread.Id)));
                return true;
            }
        }

        if (mine && worker.ActiveCaseId != thread.Id)
        {
            worker.ActiveCaseId = thread.Id;
            workers.Save(worker);
        }

        if (!mine && !text.StartsWith('/'))
        {
            Say(worker, UiKeys.WorkerNotYours, turn, ("number", thread.Id));
            return true;
        }

        return false;
    }

    /// <summary>Typed or tapped, one switch: who may do it is checked here, what the case allows by the case.</summary>
    /// <param name="messageId">The message the tapped button was under (the wrap-up form edits it in place).</param>
    private void Run(WorkerState worker, WorkerCommand command, int? messageId, Turn turn)
    {
        var supervisor = _hotline.IsSupervisor(worker.Id);
        switch (command)
        {
            case WorkerCommand.WaitingCases: ShowQueue(worker, turn); break;
            case WorkerCommand.Take take: WithCase(worker, take.CaseId, c => desk.Take(c, worker.Id, turn), turn); break;
            case WorkerCommand.MyCases: ShowMine(worker, turn); break;
            case WorkerCommand.Note note when ActiveCase(worker) is { } active:
                desk.Note(active, worker.Id, note.Text, turn);
                Say(worker, UiKeys.WorkerNoteSaved, turn, ("number", active.Id));
                break;
            case WorkerCommand.Transfer transfer: Transfer(worker, transfer.CaseId, transfer.To, turn); break;
            case WorkerCommand.Close close: StartWrapUp(worker, close.CaseId ?? worker.ActiveCaseId, turn); break;
            case WorkerCommand.EditWrapUp edit: WithCase(worker, edit.CaseId, c => wrapUp.Edit(worker, c, turn), turn); break;
            case WorkerCommand.WrapUpTap tap: wrapUp.OnButton(worker, tap.CaseId, tap.Input, messageId, turn); break;
            case WorkerCommand.History history when (history.CaseId ?? worker.ActiveCaseId) is { } id: WithCase(worker, id, c => History(worker, c, turn), turn); break;
            case WorkerCommand.Export export when (export.CaseId ?? worker.ActiveCaseId) is { } id: WithCase(worker, id, c => Export(worker, c, turn), turn); break;
            case WorkerCommand.Switch change: WithCase(worker, change.CaseId, c => Switch(worker, c, turn), turn); break;
            case WorkerCommand.Reopen reopen: WithCase(worker, reopen.CaseId, c => Reopen(worker, c, turn), turn); break;
            case WorkerCommand.SetRisk risk: Risk(worker, risk, turn); break;
            case WorkerCommand.Duty duty: Duty(worker, duty.Change, turn); break;
            case WorkerCommand.QuickReply quick when screens.Dialogs.QuickReplies.FirstOrDefault(q => q.Id == quick.ReplyId) is { } reply:
                Mine(worker, quick.CaseId, c => desk.SendQuickReply(c, worker.Id, reply, turn), turn);
                break;
            case WorkerCommand.Live when supervisor: supervision.Live(worker, turn); break;
            case WorkerCommand.Whisper whisper when supervisor: WithCase(worker, whisper.CaseId, c => supervision.Whisper(worker, c, whisper.Text, turn), turn); break;
            case WorkerCommand.TakeOver over when supervisor: WithCase(worker, over.CaseId, c => supervision.TakeOver(worker, c, turn), turn); break;
            case WorkerCommand.Stats when supervisor: Stats(worker, turn); break;
            case WorkerCommand.Audit audit when supervisor: Audit(worker, audit.CaseId, turn); break;
            case WorkerCommand.Help: Say(worker, UiKeys.WorkerHelp, turn); break;
            default: Say(worker, UiKeys.WorkerUsage, turn); break;
        }
    }

    /// <summary>A worker starting a shift sees what is already waiting: those cases were announced before they came on.</summary>
    private void Duty(WorkerState worker, DutyChange change, Turn turn)
    {
        shifts.Change(worker, change, turn);
        if (change == DutyChange.On && desk.Queue().Count > 0)
        {
            board.Post(worker, turn);
        }
        else if (change == DutyChange.Off)
        {
            board.Leave(worker, turn);
        }
    }

    private void ShowQueue(WorkerState worker, Turn turn)
    {
        var queue = desk.Queue();
        if (queue.Count == 0)
        {
            Say(worker, UiKeys.WorkerQueueEmpty, turn);
            return;
        }

        var text = new StringBuilder(screens.Text(UiKeys.WorkerQueueHeader, worker.Language, ("count", queue.Count))).AppendLine();
        foreach (var c in queue.Take(20))
        {
            text.AppendLine(screens.Text(UiKeys.WorkerQueueLine, worker.Language, ("mark", Mark(c)), ("number", c.Id), ("language", c.Language.Code()),
                ("minutes", ((turn.Now - c.OpenedAt).TotalMinutes).ToString("0", CultureInfo.InvariantCulture)), ("topics", string.Join(", ", c.Topics))));
        }

        turn.Send(worker.Id, text.ToString(), queue.Take(8).Select(c => (IReadOnlyList<OutButton>)[
            new OutButton(screens.Text(UiKeys.WorkerButtonTakeCase, worker.Language, ("number", c.Id)), CallbackData.Worker(new WorkerCommand.Take(c.Id)))]).ToList());
    }

    private void ShowMine(WorkerState worker, Turn turn)
    {
        var mine = cases.Assigned().Where(c => c.WorkerId == worker.Id).OrderBy(c => c.Id).ToList();
        var text = new StringBuilder();
        foreach (var c in mine)
        {
            AppendUnreachable(text, worker, c);
        }

        text.AppendLine(screens.Text(UiKeys.WorkerMyCasesHeader, worker.Language, ("count", mine.Count)));
        foreach (var c in mine)
        {
            var unreachable = people.Find(c.PersonChatId) is { Unreachable: true } ? " · ⚠" : string.Empty;
            text.AppendLine(CultureInfo.InvariantCulture, $"{(c.Id == worker.ActiveCaseId ? "▶" : "•")} #{c.Id} · {c.Language.Code()}{(c.QueueRank() < 2 ? " · " + Mark(c) : string.Empty)}{unreachable}");
        }

        turn.Send(worker.Id, text.ToString(), mine.Where(c => c.Id != worker.ActiveCaseId).Select(c => (IReadOnlyList<OutButton>)[
            new OutButton(screens.Text(UiKeys.WorkerButtonSwitch, worker.Language, ("number", c.Id)), CallbackData.Worker(new WorkerCommand.Switch(c.Id)))]).ToList());
    }

    private void Transfer(WorkerState worker, int? number, string? to, Turn turn)
    {
        var id = number ?? worker.ActiveCaseId;
        if (id is null)
        {
            Say(worker, UiKeys.WorkerNoCase, turn);
            return;
        }

        long? target = null;
        string? note = null;
        if (to is not null)
        {
            // "/transfer N Name" or "/transfer N Name a handover note": the note is what the colleague reads first.
            target = ResolveWorker(to);
            if (target is null && to.IndexOf(' ', StringComparison.Ordinal) is var cut and > 0)
            {
                target = ResolveWorker(to[..cut]);
                note = to[(cut + 1)..].Trim();
            }

            if (target is null)
            {
                Say(worker, UiKeys.WorkerUsage, turn);
                return;
            }
        }

        Mine(worker, id.Value, c => desk.Transfer(c, worker.Id, target, turn, note), turn);
    }

    private long? ResolveWorker(string name)
    {
        var trimmed = name.Trim().TrimStart('@', '#');
        if (long.TryParse(trimmed, CultureInfo.InvariantCulture, out var id) && _hotline.IsWorker(id))
        {
            return id;
        }

        return _hotline.Staff.Where(s => string.Equals(_hotline.WorkerName(s), trimmed, StringComparison.OrdinalIgnoreCase)).Select(s => (long?)s).FirstOrDefault();
    }

    private void StartWrapUp(WorkerState worker, int? id, Turn turn)
    {
        if (id is null)
        {
            Say(worker, UiKeys.WorkerNoCase, turn);
            return;
        }

        Mine(worker, id.Value, c => wrapUp.Start(worker, c, null, turn), turn);
    }

    private void History(WorkerState worker, Case c, Turn turn)
    {
        turn.Send(worker.Id, AppendUnreachable(new StringBuilder(), worker, c).Append(desk.History(c, worker.Language)).ToString());
        RecordAccess(worker, c, CaseAccessLog.History, turn);
    }

    private void Export(WorkerState worker, Case c, Turn turn)
    {
        turn.Add(new Outbound
        {
            ChatId = worker.Id,
            Kind = OutboundKind.Document,
            FileName = $"case-{c.Id}.txt",
            FileContent = Encoding.UTF8.GetBytes(desk.History(c, worker.Language)),
            Text = $"#{c.Id}",
        });
        RecordAccess(worker, c, CaseAccessLog.Export, turn);
    }

    /// <summary>A case whose person cannot be reached says so first: the worker should not wait for an answer.</summary>
    private StringBuilder AppendUnreachable(StringBuilder text, WorkerState worker, Case c)
    {
        if (people.Find(c.PersonChatId) is { Unreachable: true } person)
        {
            var reason = deliveries.Reason(person.UnreachableReason ?? DeliveryProblem.Blocked, worker.Language);
            text.AppendLine(screens.Text(UiKeys.WorkerCaseUnreachable, worker.Language, ("number", c.Id), ("reason", reason)));
        }

        return text;
    }

    /// <summary>Written after the log was read, so a view never lists itself.</summary>
    private void RecordAccess(WorkerState worker, Case c, string what, Turn turn) =>
        CaseAccessLog.Record(cases, c.Id, _hotline.IsSupervisor(worker.Id) ? ActorRole.Supervisor : ActorRole.Worker, worker.Id, what, turn.Now);

    /// <summary>/audit: the latest views of case logs; /audit N: the views of case N.</summary>
    private void Audit(WorkerState worker, int? caseId, Turn turn)
    {
        var records = CaseAccessLog.Recent(cases, caseId, 30);
        if (records.Count == 0)
        {
            Say(worker, UiKeys.SupervisorAuditEmpty, turn);
            return;
        }

        var offset = TimeSpan.FromHours(_hotline.WorkingHours.UtcOffsetHours);
        var text = new StringBuilder(screens.Text(UiKeys.SupervisorAuditHeader, worker.Language, ("count", records.Count))).AppendLine();
        foreach (var e in records)
        {
            var who = e.WorkerId is { } id ? _hotline.WorkerName(id) : e.Actor.ToString().ToLowerInvariant();
            text.AppendLine(CultureInfo.InvariantCulture, $"{e.At.ToOffset(offset):yyyy-MM-dd HH:mm} · #{e.CaseId} · {who} · {e.Text}");
        }

        turn.Send(worker.Id, text.ToString());
    }

    /// <summary>
    /// The figures as text first (they arrive even if the picture cannot be drawn), then the same figures as a chart.
    /// All of it after the commit: reading every case and drawing must not hold up intake, which waits for the same lock.
    /// </summary>
    private void Stats(WorkerState worker, Turn turn)
    {
        var (id, language, now) = (worker.Id, worker.Language, turn.Now);
        turn.Later(() =>
        {
            var all = cases.All();
            return
            [
                new Outbound { ChatId = id, Text = CaseStats.Describe(all, screens.Dialogs.Ui, language) },
                new Outbound { ChatId = id, Text = reports.Describe(CaseReport.Figures(all, screens.Dialogs.WrapUp, _hotline.WorkingHours.UtcOffsetHours), language) },
                new Outbound
                {
                    ChatId = id,
                    Kind = OutboundKind.Photo,
                    FileName = "stats.png",
                    FileContent = StatsChart.Png(all, now, _hotline.WorkingHours.UtcOffsetHours, screens.Dialogs.Ui, language),
                    Text = screens.Text(UiKeys.SupervisorStats, language),
                },
            ];
        });
    }

    private static string Mark(Case c) => (c.Urgent ? RiskLevel.High : c.Risk).Mark();

    /// <summary>/risk high|medium|low [N]: the worker on the case, or a supervisor, sets its risk; the queue follows it.</summary>
    private void Risk(WorkerState worker, WorkerCommand.SetRisk command, Turn turn)
    {
        var risk = command.Level;
        if ((command.CaseId ?? worker.ActiveCaseId) is not { } id)
        {
            Say(worker, UiKeys.WorkerUsage, turn);
            return;
        }

        WithCase(worker, id, c =>
        {
            if (!c.IsOpen || (c.WorkerId != worker.Id && !_hotline.IsSupervisor(worker.Id)))
            {
                Say(worker, UiKeys.WorkerNotYours, turn, ("number", c.Id));
                return;
            }

            desk.SetRisk(c, risk, worker.Id, turn);
            Say(worker, UiKeys.WorkerRiskSet, turn, ("number", c.Id), ("risk", screens.Text(WorkerAlerts.RiskKey(risk), worker.Language)));
        }, turn);
    }

    private void Reopen(WorkerState worker, Case c, Turn turn)
    {
        if (!desk.Reopen(c, worker.Id, turn))
        {
            Say(worker, UiKeys.WorkerCannotReopen, turn, ("number", c.Id));
        }
    }

    private void Switch(WorkerState worker, Case c, Turn turn)
    {
        if (c.WorkerId != worker.Id || !c.IsOpen)
        {
            Say(worker, UiKeys.WorkerNotYours, turn, ("number", c.Id));
            return;
        }

        worker.ActiveCaseId = c.Id;
        workers.Save(worker);
        turn.Send(worker.Id, screens.Text(UiKeys.WorkerYouTook, worker.Language, ("number", c.Id)), notices.WorkerButtons(c, worker.Language));
    }

    /// <summary>Only the worker who holds a case may talk in it, move it or close it.</summary>
    private void Mine(WorkerState worker, int id, Action<Case> action, Turn turn) => WithCase(worker, id, c =>
    {
        if (c.WorkerId == worker.Id && c.IsOpen)
        {
            action(c);
        }
        else
        {
            Say(worker, UiKeys.WorkerNotYours, turn, ("number", c.Id));
        }
    }, turn);

    private void WithCase(WorkerState worker, int id, Action<Case> action, Turn turn)
    {
        if (desk.Find(id) is { } found)
        {
            action(found);
        }
        else
        {
            Say(worker, UiKeys.WorkerCaseNotFound, turn, ("number", id));
        }
    }

    private Case? ActiveCase(WorkerState worker) =>
        worker.ActiveCaseId is { } id && desk.Find(id) is { IsOpen: true } c && c.WorkerId == worker.Id ? c : null;

    private void Say(WorkerState worker, string key, Turn turn, params (string Name, object? Value)[] values) =>
        turn.Send(worker.Id, screens.Text(key, worker.Language, values));
}
