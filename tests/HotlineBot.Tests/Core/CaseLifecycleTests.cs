using HotlineBot.Cases;
using HotlineBot.Storage;

namespace HotlineBot.Tests.Core;

/// <summary>
/// A case's lifecycle through its intents: each legal path sets the facts that go with the state, each move the rules
/// refuse throws and changes nothing, the reopening guard, and the machine never reaching the stored document.
/// </summary>
public sealed class CaseLifecycleTests
{
    private static readonly DateTimeOffset Opened = new(2025, 3, 3, 6, 0, 0, TimeSpan.Zero);
    private const long Worker = 900001;
    private const long Colleague = 900002;

    private static Case Queued() => new() { Id = 5, PersonChatId = 42, OpenedAt = Opened };

    [Fact]
    public void Take_gives_the_case_to_the_worker_and_keeps_the_first_take_time()
    {
        var @case = Queued();
        Assert.True(@case.CanTake());
        @case.Take(Worker, Opened.AddMinutes(2));
        Assert.Equal((CaseStatus.Assigned, Worker, Opened.AddMinutes(2)), (@case.Status, @case.WorkerId, @case.TakenAt));
        Assert.False(@case.CanTake());

        @case.ReturnToQueue(Worker, Opened.AddMinutes(5));
        Assert.Equal(CaseStatus.Queued, @case.Status);
        Assert.Null(@case.WorkerId);
        Assert.Equal([Worker], @case.PreviousWorkers);

        @case.Take(Colleague, Opened.AddMinutes(9));
        Assert.Equal(Colleague, @case.WorkerId);
        Assert.Equal(Opened.AddMinutes(2), @case.TakenAt);
    }

    [Fact]
    public void Each_move_writes_its_own_case_log_line_with_who_and_when()
    {
        var @case = Queued();
        @case.Take(Worker, Opened.AddMinutes(1));
        @case.ReturnToQueue(Worker, Opened.AddMinutes(2));
        @case.Take(Colleague, Opened.AddMinutes(3));
        @case.Close(new Case.Actor(ActorRole.Worker, Colleague), "consulted", Opened.AddMinutes(4));
        @case.Reopen(null, Worker, Opened.AddMinutes(5));

        var lines = @case.TakeRaisedEvents();
        Assert.Equal(
            [("taken", Worker, 1), ("returned to the queue", Worker, 2), ("taken", Colleague, 3), ("closed: consulted", Colleague, 4), ("reopened", Worker, 5)],
            lines.Select(e => (e.Text!, e.WorkerId!.Value, (int)(e.At - Opened).TotalMinutes)));
        Assert.All(lines, e => Assert.Equal((5, CaseEventKind.StateChange, ActorRole.Worker), (e.CaseId, e.Kind, e.Actor)));
        // Handed over once: the store appends them when it saves the case, and never twice.
        Assert.Empty(@case.TakeRaisedEvents());
    }

    [Fact]
    public void A_transfer_hands_the_case_to_the_next_worker_and_remembers_the_one_before()
    {
        var @case = Queued();
        @case.Take(Worker, Opened);
        @case.TransferTo(Colleague, Opened.AddMinutes(1));
        Assert.Equal((CaseStatus.Assigned, Colleague), (@case.Status, @case.WorkerId));
        Assert.Equal([Worker], @case.PreviousWorkers);

        // Straight from the queue to a named worker: nobody held it before.
        var waiting = Queued();
        waiting.TransferTo(Worker, Opened);
        Assert.Equal((CaseStatus.Assigned, Worker), (waiting.Status, waiting.WorkerId));
        Assert.Empty(waiting.PreviousWorkers);
    }

    [Fact]
    public void Close_records_who_closed_it_why_and_when()
    {
        var @case = Queued();
        @case.Take(Worker, Opened);
        @case.Close(new Case.Actor(ActorRole.Worker, Worker), "consulted", Opened.AddMinutes(30));
        Assert.Equal(CaseStatus.Closed, @case.Status);
        Assert.False(@case.IsOpen);
        Assert.Equal((Opened.AddMinutes(30), ActorRole.Worker, "consulted"), (@case.ClosedAt, @case.ClosedBy, @case.Outcome));
        // The worker stays on record: the rating and statistics name them.
        Assert.Equal(Worker, @case.WorkerId);
    }

    [Fact]
    public void Reopen_undoes_the_close_and_puts_the_case_back_in_the_queue()
    {
        var @case = Queued();
        @case.Take(Worker, Opened);
        @case.PickupTimeoutSent = true;
        @case.WrapUp = new WrapUpRecord { Category = "consulted" };
        @case.Close(new Case.Actor(ActorRole.Worker, Worker), "consulted", Opened.AddMinutes(30));
        Assert.True(@case.CanReopen(null));
        @case.Reopen(null, Worker, Opened.AddMinutes(40));
        Assert.Equal(CaseStatus.Queued, @case.Status);
        Assert.Null(@case.WorkerId);
        Assert.Null(@case.ClosedAt);
        Assert.Null(@case.ClosedBy);
        Assert.Null(@case.Outcome);
        Assert.Null(@case.WrapUp);
        Assert.False(@case.PickupTimeoutSent);
        Assert.Equal([Worker], @case.PreviousWorkers);
    }

    [Fact]
    public void Reopening_is_refused_while_the_person_has_another_case_open()
    {
        var closed = Queued();
        closed.Close(new Case.Actor(ActorRole.Person), "cancelled by the person", Opened);
        var other = new Case { Id = 6, PersonChatId = 42, OpenedAt = Opened };
        Assert.False(closed.CanReopen(other));
        Assert.Throws<InvalidOperationException>(() => closed.Reopen(other, Worker, Opened));
        Assert.Equal(CaseStatus.Closed, closed.Status);
        Assert.Equal(Opened, closed.ClosedAt);
    }

    public static TheoryData<CaseStatus, string> IllegalMoves => new()
    {
        { CaseStatus.Assigned, "Take" },
        { CaseStatus.Closed, "Take" },
        { CaseStatus.Closed, "Close" },
        { CaseStatus.Closed, "TransferTo" },
        { CaseStatus.Closed, "TakeOver" },
        { CaseStatus.Closed, "ReturnToQueue" },
        { CaseStatus.Queued, "ReturnToQueue" },
        { CaseStatus.Queued, "Reopen" },
        { CaseStatus.Assigned, "Reopen" },
    };

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void Illegal_moves_throw_and_change_nothing(CaseStatus status, string intent)
    {
        var @case = new Case { Id = 5, Status = status, WorkerId = status == CaseStatus.Queued ? null : Worker, ClosedAt = status == CaseStatus.Closed ? Opened : null };
        Action move = intent switch
        {
            "Take" => () => @case.Take(Colleague, Opened),
            "Close" => () => @case.Close(new Case.Actor(ActorRole.Worker, Worker), "again", Opened.AddHours(1)),
            "TransferTo" => () => @case.TransferTo(Colleague, Opened, "a note"),
            "TakeOver" => () => @case.TakeOver(Colleague, Opened),
            "ReturnToQueue" => () => @case.ReturnToQueue(Worker, Opened),
            _ => () => @case.Reopen(null, Worker, Opened),
        };
        Assert.Throws<InvalidOperationException>(move);
        Assert.Empty(@case.TakeRaisedEvents());
        Assert.Empty(@case.TakeRaisedNotices());
        Assert.Null(@case.HandoverNote);
        Assert.Equal(status, @case.Status);
        Assert.Equal(status == CaseStatus.Queued ? null : Worker, @case.WorkerId);
        Assert.Equal(status == CaseStatus.Closed ? Opened : null, @case.ClosedAt);
        Assert.Empty(@case.PreviousWorkers);
    }

    [Theory]
    [InlineData(CaseStatus.Queued, true)]
    [InlineData(CaseStatus.Assigned, false)]
    [InlineData(CaseStatus.Closed, false)]
    public void Only_a_waiting_case_can_be_taken(CaseStatus status, bool can) =>
        Assert.Equal(can, new Case { Status = status }.CanTake());

    [Fact]
    public void The_machine_is_not_stored_and_a_loaded_case_follows_the_same_rules()
    {
        using var dir = new TempDir();
        var path = dir.File("hotline.db");
        int id;
        using (var harness = new CoreHarness(path))
        {
            var store = harness.Get<ICaseStore>();
            var @case = Queued();
            @case.Id = 0;
            id = harness.Db.InTransaction(() => store.Insert(@case));
            @case.Take(Worker, Opened);
            harness.Db.InTransaction(() => store.Update(@case));
        }

        using var after = new CoreHarness(path);
        var loaded = after.Get<ICaseStore>().Find(id)!;
        Assert.Equal((CaseStatus.Assigned, Worker), (loaded.Status, loaded.WorkerId));
        Assert.False(loaded.CanTake());
        loaded.Close(new Case.Actor(ActorRole.Worker, Worker), "consulted", Opened.AddMinutes(5));
        Assert.Equal(CaseStatus.Closed, loaded.Status);
    }

    /// <summary>Refusals that are part of the job are answered, not thrown: the desks ask the case first.</summary>
    [Fact]
    public void A_late_take_of_a_closed_case_and_a_stale_requeue_button_are_kind_answers_and_change_nothing()
    {
        const long person = 9301;
        using var bot = new CoreHarness();
        bot.Onboard(person);
        bot.Press(person, "a:escalate");
        bot.Say(person, "Нужна консультация");
        bot.Press(CoreHarness.Worker1, "w:take:1");
        HotlineBot.Tests.Practice.WrapUpSteps.Close(bot, CoreHarness.Worker1, 1);

        bot.Press(CoreHarness.Worker2, "w:take:1");
        Assert.Contains("Обращение #1 уже занято", bot.TextTo(CoreHarness.Worker2), StringComparison.Ordinal);
        bot.Press(CoreHarness.Worker1, "w:requeue:1");
        Assert.Contains("Обращение #1 не у вас или уже закрыто.", bot.TextTo(CoreHarness.Worker1), StringComparison.Ordinal);

        var closed = bot.Get<ICaseStore>().Find(1)!;
        Assert.Equal((CaseStatus.Closed, CoreHarness.Worker1), (closed.Status, closed.WorkerId));
        Assert.Empty(closed.PreviousWorkers);
    }
}
