using System.Globalization;
using System.Text;
using HotlineBot.Conversations;
using HotlineBot.Dialogs;
using HotlineBot.Hosting;
using HotlineBot.Storage;
using Microsoft.Extensions.Options;

namespace HotlineBot.Cases;

/// <summary>
/// What workers and supervisors do in Telegram: take, talk, note, transfer, close, read logs.
/// Every command and button is checked against the configured staff lists on every use, never remembered.
/// </summary>
public sealed class WorkerDesk(
    CaseDesk desk,
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

        switch (inbound.Kind)
        {
            case InboundKind.Button:
                turn.AnswerButton(inbound.ChatId, inbound.CallbackId);
                OnButton(worker, inbound, turn);
                break;
            case InboundKind.Text when inbound.Text?.StartsWith('/') == true:
                OnCommand(worker, inbound.Text, turn);
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

    private void OnCommand(WorkerState worker, string text, Turn turn)
    {
        var parts = text.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var command = parts[0].Split('@')[0].ToLowerInvariant();
        int? number = parts.Length > 1 && int.TryParse(parts[1].TrimStart('#'), CultureInfo.InvariantCulture, out var n) ? n : null;
        switch (command)
        {
            case "/queue": ShowQueue(worker, turn); break;
            case "/take" when number is { } id: WithCase(worker, id, c => desk.Take(c, worker.Id, turn), turn); break;
            case "/mycases": ShowMine(worker, turn); break;
            case "/note" when parts.Length > 1 && ActiveCase(worker) is { } active:
                desk.Note(active, worker.Id, text[(text.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim(), turn);
                Say(worker, UiKeys.WorkerNoteSaved, turn, ("number", active.Id));
                break;
            case "/transfer": Transfer(worker, number, parts.Length > 2 ? parts[2] : null, turn); break;
            case "/close": StartWrapUp(worker, number ?? worker.ActiveCaseId, turn); break;
            case "/wrapup" when number is { } id: WithCase(worker, id, c => wrapUp.Edit(worker, c, turn), turn); break;
            case "/history" when (number ?? worker.ActiveCaseId) is { } id: WithCase(worker, id, c => History(worker, c, turn), turn); break;
            case "/export" when (number ?? worker.ActiveCaseId) is { } id: WithCase(worker, id, c => Export(worker, c, turn), turn); break;
            case "/switch" when number is { } id: WithCase(worker, id, c => Switch(worker, c, turn), turn); break;
            case "/reopen" when number is { } id: WithCase(worker, id, c => Reopen(worker, c, turn), turn); break;
            case "/risk": Risk(worker, parts, turn); break;
            case "/duty" when Shifts.Parse(parts.Length > 1 ? parts[1] : null) is { } change: Duty(worker, change, turn); break;
            case "/live" when _hotline.IsSupervisor(worker.Id): supervision.Live(worker, turn); break;
            case "/whisper" when _hotline.IsSupervisor(worker.Id) && number is { } id && parts.Length > 2:
                WithCase(worker, id, c => supervision.Whisper(worker, c, parts[2], turn), turn);
                break;
            case "/takeover" when _hotline.IsSupervisor(worker.Id) && number is { } id: WithCase(worker, id, c => supervision.TakeOver(worker, c, turn), turn); break;
            case "/stats" when _hotline.IsSupervisor(worker.Id): Stats(worker, turn); break;
            case "/audit" when _hotline.IsSupervisor(worker.Id): Audit(worker, number, turn); break;
            case "/start" or "/help": Say(worker, UiKeys.WorkerHelp, turn); break;
            default: Say(worker, UiKeys.WorkerUsage, turn); break;
        }
    }

    private void OnButton(WorkerState worker, Inbound inbound, Turn turn)
    {
        var (prefix, parts) = CallbackData.Parse(inbound.ButtonData);
        if (prefix != "w" || parts.Length < 2 || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var id))
        {
            Say(worker, UiKeys.WorkerUsage, turn);
            return;
        }

        switch (parts[0])
        {
            case "take": WithCase(worker, id, c => desk.Take(c, worker.Id, turn), turn); break;
            case "history": WithCase(worker, id, c => History(worker, c, turn), turn); break;
            case "requeue": Transfer(worker, id, null, turn); break;
            // w:close:N (and the outcome buttons of older messages, w:close:N:outcome) open the wrap-up form.
            case "close": StartWrapUp(worker, id, turn); break;
            case "wu": wrapUp.OnButton(worker, id, parts[2..], inbound.MessageId, turn); break;
            case "duty" when parts.Length == 3 && Shifts.Parse(parts[2]) is { } change and not DutyChange.Show: Duty(worker, change, turn); break;
            case "over" when _hotline.IsSupervisor(worker.Id): WithCase(worker, id, c => supervision.TakeOver(worker, c, turn), turn); break;
            case "switch": WithCase(worker, id, c => Switch(worker, c, turn), turn); break;
            case "quick" when parts.Length == 3 && screens.Dialogs.QuickReplies.FirstOrDefault(q => q.Id == parts[2]) is { } reply:
                Mine(worker, id, c => desk.SendQuickReply(c, worker.Id, reply, turn), turn);
                break;
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
            new OutButton(screens.Text(UiKeys.WorkerButtonTakeCase, worker.Language, ("number", c.Id)), CallbackData.Worker("take", c.Id))]).ToList());
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
            new OutButton(screens.Text(UiKeys.WorkerButtonSwitch, worker.Language, ("number", c.Id)), CallbackData.Worker("switch", c.Id))]).ToList());
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

    /// <summary>The figures as text first (they arrive even if the picture cannot be drawn), then the same figures as a chart.</summary>
    private void Stats(WorkerState worker, Turn turn)
    {
        var all = cases.All();
        turn.Send(worker.Id, CaseStats.Describe(all, screens.Dialogs.Ui, worker.Language));
        turn.Send(worker.Id, reports.Describe(CaseReport.Figures(all, screens.Dialogs.WrapUp, _hotline.WorkingHours.UtcOffsetHours), worker.Language));
        turn.Add(new Outbound
        {
            ChatId = worker.Id,
            Kind = OutboundKind.Photo,
            FileName = "stats.png",
            FileContent = StatsChart.Png(all, turn.Now, _hotline.WorkingHours.UtcOffsetHours, screens.Dialogs.Ui, worker.Language),
            Text = screens.Text(UiKeys.SupervisorStats, worker.Language),
        });
    }

    private static string Mark(Case c) => (c.Urgent ? RiskLevel.High : c.Risk).Mark();

    /// <summary>/risk high|medium|low [N]: the worker on the case, or a supervisor, sets its risk; the queue follows it.</summary>
    private void Risk(WorkerState worker, string[] parts, Turn turn)
    {
        var level = parts.Length > 1 ? RiskLevels.Parse(parts[1]) : null;
        int? number = parts.Length > 2 && int.TryParse(parts[2].TrimStart('#'), CultureInfo.InvariantCulture, out var n) ? n : worker.ActiveCaseId;
        if (level is not { } risk || number is not { } id)
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
        turn.Send(worker.Id, screens.Text(UiKeys.WorkerYouTook, worker.Language, ("number", c.Id)), desk.WorkerButtons(c, worker.Language));
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
