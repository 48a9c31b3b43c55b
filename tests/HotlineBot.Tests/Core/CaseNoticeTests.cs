using HotlineBot.Cases;
using HotlineBot.Dialogs;
using HotlineBot.Storage;

namespace HotlineBot.Tests.Core;

/// <summary>
/// What each of a case's moves says and to whom, raised by the case itself (its entry actions), and how CaseNotices
/// says it: the person in the case's language with the display name, each worker in their own language with colleagues
/// named from the configuration; a transfer's log line keeps the ids and is named where it is read.
/// </summary>
public sealed class CaseNoticeTests
{
    private static readonly DateTimeOffset Opened = new(2025, 3, 3, 6, 0, 0, TimeSpan.Zero);
    private const long Worker = 900001;
    private const long Colleague = 900002;
    private const long Supervisor = 900009;

    private static Case Queued() => new() { Id = 5, PersonChatId = 42, OpenedAt = Opened };

    private static Case TakenBy(long worker)
    {
        var @case = Queued();
        @case.Take(worker, Opened);
        @case.TakeRaisedEvents();
        @case.TakeRaisedNotices();
        return @case;
    }

    /// <summary>A notice as one comparable line: audience, worker, key, form, and the staff it names.</summary>
    private static string[] Said(Case @case) =>
        [.. @case.TakeRaisedNotices().Select(n => $"{n.To} {n.WorkerId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} {n.Key} {n.Form}"
            + string.Concat(n.Staff.Select(s => $" {s.Placeholder}={s.StaffId}")))];

    [Fact]
    public void Take_greets_the_worker_with_the_case_and_tells_the_person_a_specialist_is_there()
    {
        var @case = Queued();
        @case.Take(Worker, Opened);
        Assert.Equal(
            [$"AssignedWorker {Worker} {UiKeys.WorkerYouTook} Greeting", $"Person - {UiKeys.CaseTaken} Joined"],
            Said(@case));
        Assert.Empty(@case.TakeRaisedNotices());
    }

    [Fact]
    public void A_transfer_greets_the_colleague_naming_who_handed_it_tells_the_person_and_the_worker_who_handed_it()
    {
        var @case = TakenBy(Worker);
        @case.TransferTo(Colleague, Opened.AddMinutes(3), "she prefers Kazakh");
        Assert.Equal(
        [
            $"AssignedWorker {Colleague} {UiKeys.WorkerTransferredToYou} Greeting worker={Worker}",
            $"Person - {UiKeys.CaseTransferred} Joined",
            $"PreviousWorker {Worker} {UiKeys.WorkerTransferred} Personal",
        ], Said(@case));

        // The note goes before the move in the log; the move's line keeps both ids and no name.
        var lines = @case.TakeRaisedEvents();
        Assert.Equal(
            [(CaseEventKind.Note, "handover note: she prefers Kazakh", (long?)null, (long?)null), (CaseEventKind.StateChange, "transferred to {to}", Worker, Colleague)],
            lines.Select(e => (e.Kind, e.Text!, e.FromWorkerId, e.ToWorkerId)));
        Assert.All(lines, e => Assert.Equal((ActorRole.Worker, Worker, Opened.AddMinutes(3)), (e.Actor, e.WorkerId!.Value, e.At)));
        Assert.Equal(("she prefers Kazakh", Worker), (@case.HandoverNote, @case.HandoverFrom!.Value));
    }

    [Fact]
    public void A_takeover_is_the_supervisors_and_the_worker_is_told_which_supervisor_took_it()
    {
        var @case = TakenBy(Worker);
        @case.TakeOver(Supervisor, Opened.AddMinutes(4));
        Assert.Equal(
        [
            $"AssignedWorker {Supervisor} {UiKeys.WorkerTransferredToYou} Greeting worker={Worker}",
            $"Person - {UiKeys.CaseTransferred} Joined",
            $"PreviousWorker {Worker} {UiKeys.WorkerTakenOver} Personal supervisor={Supervisor}",
        ], Said(@case));
        var line = Assert.Single(@case.TakeRaisedEvents());
        Assert.Equal((ActorRole.Supervisor, Supervisor, "taken over by supervisor {to} from {from}", Worker, Supervisor),
            (line.Actor, line.WorkerId!.Value, line.Text!, line.FromWorkerId!.Value, line.ToWorkerId!.Value));
        Assert.Equal((Supervisor, Worker), (@case.WorkerId!.Value, @case.PreviousWorkers.Single()));
    }

    [Fact]
    public void Back_to_the_queue_tells_the_person_without_the_talk_buttons_and_the_worker_in_their_own_chat()
    {
        var @case = TakenBy(Worker);
        @case.ReturnToQueue(Worker, Opened.AddMinutes(2), "call back after six");
        Assert.Equal([$"Person - {UiKeys.CaseTransferred} Plain", $"PreviousWorker {Worker} {UiKeys.WorkerTransferred} Personal"], Said(@case));
        Assert.Equal(["handover note: call back after six", "returned to the queue"], @case.TakeRaisedEvents().Select(e => e.Text!));
    }

    [Fact]
    public void A_worker_closing_tells_the_case_room_and_asks_the_person_for_stars_and_a_heavy_case_gets_a_word_for_the_worker()
    {
        var @case = TakenBy(Worker);
        @case.Close(new Case.Actor(ActorRole.Worker, Worker), "consulted", Opened.AddMinutes(30));
        Assert.Equal(
            [$"AssignedWorker {Worker} {UiKeys.WorkerClosed} Plain", $"Person - {UiKeys.CaseClosed} Plain", $"Person - {UiKeys.RatePrompt} AskRating"],
            Said(@case));

        var heavy = TakenBy(Worker);
        heavy.Risk = RiskLevel.High;
        heavy.Close(new Case.Actor(ActorRole.Worker, Worker), "consulted", Opened.AddMinutes(30));
        Assert.Contains($"AssignedWorker {Worker} {UiKeys.WorkerCheckIn} Personal", Said(heavy));
    }

    [Fact]
    public void The_person_closing_tells_only_their_worker_and_a_waiting_case_nobody()
    {
        var @case = TakenBy(Worker);
        @case.Close(new Case.Actor(ActorRole.Person), "cancelled by the person", Opened.AddMinutes(5));
        Assert.Equal([$"AssignedWorker {Worker} {UiKeys.WorkerPersonLeft} Plain"], Said(@case));

        var waiting = Queued();
        waiting.Close(new Case.Actor(ActorRole.Person), "cancelled by the person", Opened.AddMinutes(5));
        Assert.Empty(Said(waiting));
    }

    [Fact]
    public void Reopening_tells_the_person_the_case_is_open_again()
    {
        var @case = TakenBy(Worker);
        @case.Close(new Case.Actor(ActorRole.Worker, Worker), "consulted", Opened.AddMinutes(30));
        @case.TakeRaisedNotices();
        @case.Reopen(null, Colleague, Opened.AddMinutes(40));
        Assert.Equal([$"Person - {UiKeys.CaseReopened} Plain"], Said(@case));
    }

    [Fact]
    public void A_refused_move_raises_nothing_to_say()
    {
        var @case = TakenBy(Worker);
        Assert.Throws<InvalidOperationException>(() => @case.Take(Colleague, Opened));
        Assert.Throws<InvalidOperationException>(() => @case.Reopen(null, Colleague, Opened));
        Assert.Empty(@case.TakeRaisedNotices());
        Assert.Empty(@case.TakeRaisedEvents());
    }

    [Fact]
    public void A_transfer_line_is_named_where_it_is_read_and_a_line_logged_before_the_ids_reads_as_written()
    {
        static string Name(long id) => id == Worker ? "Aigul" : "Dmitry";
        var line = new CaseEvent { Kind = CaseEventKind.StateChange, Text = "taken over by supervisor {to} from {from}", FromWorkerId = Worker, ToWorkerId = Colleague };
        Assert.Equal("taken over by supervisor Dmitry from Aigul", line.TextNaming(Name));
        var old = new CaseEvent { Kind = CaseEventKind.StateChange, Text = "transferred to Aigerim {to}" };
        Assert.Equal("transferred to Aigerim {to}", old.TextNaming(Name));
    }

    [Fact]
    public void Each_hears_a_move_in_their_own_language_the_person_in_the_cases_and_the_log_names_the_workers_as_configured()
    {
        const long person = 9401;
        using var bot = new CoreHarness(settings: new Dictionary<string, string?> { ["Hotline:WorkerNames:900001"] = "Aigul", ["Hotline:WorkerNames:900002"] = "Dmitry" });
        bot.Onboard(person);
        bot.Press(person, "a:escalate");
        bot.Say(person, "Нужна консультация");

        // A worker whose Telegram is in Kazakh takes a Russian case.
        bot.Press(Worker, "w:take:1", lang: "kk");
        Assert.StartsWith("Өтініш #1 сізде.", bot.TextTo(Worker), StringComparison.Ordinal);
        Assert.Contains("Специалист на связи", bot.TextTo(person), StringComparison.Ordinal);

        bot.Say(Worker, "/transfer 1 Dmitry", lang: "kk");
        Assert.Contains("Aigul передал(а) вам обращение #1.", bot.TextTo(Colleague), StringComparison.Ordinal);
        Assert.EndsWith("\n---\nӨтініш #1 берілді.", bot.TextTo(Worker), StringComparison.Ordinal);
        Assert.Contains("Разговор продолжит другой специалист", bot.TextTo(person), StringComparison.Ordinal);
        Assert.DoesNotContain("Aigul", bot.TextTo(person), StringComparison.Ordinal);

        var store = bot.Get<ICaseStore>();
        var moved = store.Log(1).Single(e => e.ToWorkerId is not null);
        Assert.Equal(("transferred to {to}", Worker, Colleague), (moved.Text!, moved.FromWorkerId!.Value, moved.ToWorkerId!.Value));
        Assert.Contains("[statechange] transferred to Dmitry", bot.Get<CaseDesk>().History(store.Find(1)!, HotlineBot.Conversations.Language.Ru), StringComparison.Ordinal);
    }

    [Fact]
    public void A_person_who_changes_language_in_an_open_case_hears_its_moves_in_the_new_language()
    {
        const long person = 5001;
        using var bot = new CoreHarness();
        bot.Onboard(person);
        bot.Press(person, "a:escalate");
        bot.Say(person, "Нужна консультация");
        bot.Say(person, "/language");
        bot.Press(person, "l:kk");
        Assert.Equal(HotlineBot.Conversations.Language.Kk, bot.Get<ICaseStore>().Find(1)!.Language);

        bot.Press(Worker, "w:take:1");
        Assert.Contains("қосылды", bot.TextTo(person), StringComparison.Ordinal);
        Assert.DoesNotContain("на связи", bot.TextTo(person), StringComparison.Ordinal);
    }

    [Fact]
    public void Moments_in_a_case_write_their_line_and_tell_the_worker_who_has_it_and_nobody_while_it_is_queued()
    {
        var queued = Queued();
        queued.PersonHid(Opened);
        Assert.Empty(queued.TakeRaisedNotices());
        Assert.Equal((ActorRole.Person, CaseEventKind.StateChange, "hid the chat (safe exit)"), queued.TakeRaisedEvents().Select(e => (e.Actor, e.Kind, e.Text!)).Single());

        var taken = TakenBy(Worker);
        taken.PersonReturned(2, Opened.AddMinutes(1));
        taken.PhoneShared("+77001234567", Opened.AddMinutes(2));
        taken.WorkerMessageHeld(Colleague, Opened.AddMinutes(3));
        Assert.Equal(
        [
            $"AssignedWorker {Worker} {UiKeys.WorkerPersonBack} Plain",
            $"AssignedWorker {Worker} {UiKeys.WorkerPhoneShared} Plain",
            $"AssignedWorker {Colleague} {UiKeys.WorkerMessageHeld} Plain",
        ], Said(taken));
        var lines = taken.TakeRaisedEvents();
        Assert.Equal([CaseEventKind.StateChange, CaseEventKind.Consent, CaseEventKind.StateChange], lines.Select(e => e.Kind));
        Assert.Equal("phone shared with consent for a call back: +77001234567", lines[1].Text);
        Assert.All(lines, e => Assert.Null(e.WorkerId));

        // Stars after the close go to the worker who held it; a rating outside 1–5 is a bug, not a rating.
        taken.Close(new Case.Actor(ActorRole.Worker, Worker), "consulted", Opened.AddMinutes(30));
        taken.TakeRaisedNotices();
        taken.TakeRaisedEvents();
        taken.Rate(4, Opened.AddMinutes(31));
        Assert.Equal([$"AssignedWorker {Worker} {UiKeys.WorkerRated} Plain"], Said(taken));
        Assert.Equal((4, "4/5"), (taken.Rating!.Value, taken.TakeRaisedEvents().Single().Text!));
        Assert.Throws<ArgumentOutOfRangeException>(() => taken.Rate(6, Opened.AddMinutes(32)));
    }
}
