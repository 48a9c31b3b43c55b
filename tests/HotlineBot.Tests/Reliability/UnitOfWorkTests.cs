using HotlineBot.Cases;
using HotlineBot.Conversations;
using HotlineBot.Storage;
using HotlineBot.Tests.Core;

namespace HotlineBot.Tests.Reliability;

/// <summary>
/// One unit of work per turn, on a real LiteDB file: inside a transaction each document is loaded once (every
/// collaborator that asks gets the same object) and written once at the commit; a rollback forgets it all.
/// </summary>
public sealed class UnitOfWorkTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly HotlineDatabase _db;
    private readonly CaseStore _cases;
    private readonly PersonStore _people;

    public UnitOfWorkTests()
    {
        _db = new HotlineDatabase(_dir.File("hotline.db"), null);
        _cases = new CaseStore(_db);
        _people = new PersonStore(_db);
    }

    [Fact]
    public void Two_collaborators_that_load_the_same_case_in_one_turn_change_one_object_and_neither_change_is_lost()
    {
        var id = _db.InTransaction(() => _cases.Insert(new Case { PersonChatId = 7, OpenedAt = DateTimeOffset.UnixEpoch }));

        _db.InTransaction(() =>
        {
            // As the desk and the crisis reply did: both load, then each saves its own change.
            var byDesk = _cases.Find(id)!;
            var byCrisis = _cases.Find(id)!;
            Assert.Same(byDesk, byCrisis);
            byDesk.HandoverNote = "note";
            _cases.Update(byDesk);
            byCrisis.Risk = RiskLevel.High;
            _cases.Update(byCrisis);
        });

        var stored = _cases.Find(id)!;
        Assert.Equal("note", stored.HandoverNote);
        Assert.Equal(RiskLevel.High, stored.Risk);
    }

    [Fact]
    public void A_query_inside_the_turn_sees_the_turns_changes_and_returns_the_turns_objects()
    {
        var id = _db.InTransaction(() => _cases.Insert(new Case { PersonChatId = 8, OpenedAt = DateTimeOffset.UnixEpoch }));

        _db.InTransaction(() =>
        {
            var held = _cases.Find(id)!;
            held.Status = CaseStatus.Assigned;
            _cases.Update(held);
            Assert.DoesNotContain(_cases.Queued(), c => c.Id == id);
            Assert.Same(held, Assert.Single(_cases.Assigned(), c => c.Id == id));

            _cases.Append(new CaseEvent { CaseId = id, Kind = CaseEventKind.Note, Text = "seen in the same turn" });
            Assert.Equal("seen in the same turn", Assert.Single(_cases.Log(id)).Text);
        });
    }

    [Fact]
    public void A_rolled_back_turn_leaves_nothing_behind_and_the_next_turn_loads_what_was_committed()
    {
        _db.InTransaction(() => _people.Save(new Person { Id = 42, Unreachable = false }));

        Assert.Throws<InvalidOperationException>(() => _db.InTransaction(() =>
        {
            var person = _people.Find(42)!;
            person.Unreachable = true;
            _people.Save(person);
            throw new InvalidOperationException("the handler failed");
        }));

        _db.InTransaction(() =>
        {
            var person = _people.Find(42)!;
            Assert.False(person.Unreachable);
        });
        Assert.False(_people.Find(42)!.Unreachable);
    }

    [Fact]
    public void Outside_a_transaction_every_call_reads_and_writes_the_file()
    {
        _people.Save(new Person { Id = 5 });
        var first = _people.Find(5)!;
        var second = _people.Find(5)!;
        Assert.NotSame(first, second);
        first.Unreachable = true;
        _people.Save(first);
        Assert.True(_people.Find(5)!.Unreachable);
    }

    [Fact]
    public void A_person_saved_in_a_committed_turn_is_kept_and_the_next_turn_gets_that_object_as_the_file_holds_it()
    {
        var saved = _db.InTransaction(() =>
        {
            var person = new Person { Id = 60, NodeId = "benefits" };
            _people.Save(person);
            return person;
        });

        Assert.Equal(1, _people.KeptCount);
        _db.InTransaction(() => Assert.Same(saved, _people.Find(60)));
        // Outside a turn the file is read, and it says the same.
        Assert.Equal("benefits", _people.Find(60)!.NodeId);
    }

    [Fact]
    public void A_kept_person_changed_but_not_saved_is_dropped_so_the_next_turn_reads_what_was_committed()
    {
        _db.InTransaction(() => _people.Save(new Person { Id = 61, NodeId = "start" }));

        _db.InTransaction(() => _people.Find(61)!.NodeId = "never saved");

        Assert.Equal(0, _people.KeptCount);
        _db.InTransaction(() => Assert.Equal("start", _people.Find(61)!.NodeId));
    }

    [Fact]
    public void A_kept_person_changed_in_a_rolled_back_turn_is_dropped()
    {
        _db.InTransaction(() => _people.Save(new Person { Id = 62, Unreachable = false }));

        Assert.Throws<InvalidOperationException>(() => _db.InTransaction(() =>
        {
            var person = _people.Find(62)!;
            person.Unreachable = true;
            _people.Save(person);
            throw new InvalidOperationException("the handler failed");
        }));

        Assert.Equal(0, _people.KeptCount);
        _db.InTransaction(() => Assert.False(_people.Find(62)!.Unreachable));
    }

    [Fact]
    public void A_case_written_by_a_query_and_changed_again_without_a_save_is_not_kept()
    {
        var id = _db.InTransaction(() => _cases.Insert(new Case { PersonChatId = 63, OpenedAt = DateTimeOffset.UnixEpoch }));

        _db.InTransaction(() =>
        {
            var held = _cases.Find(id)!;
            held.HandoverNote = "written by the query's flush";
            _cases.Update(held);
            _ = _cases.Queued();
            held.HandoverNote = "changed after it, never saved";
        });

        Assert.Equal(0, _cases.KeptCount);
        _db.InTransaction(() => Assert.Equal("written by the query's flush", _cases.Find(id)!.HandoverNote));
    }

    [Fact]
    public void A_write_outside_a_turn_drops_the_kept_object()
    {
        _db.InTransaction(() => _people.Save(new Person { Id = 64, NodeId = "start" }));
        Assert.Equal(1, _people.KeptCount);

        _people.Save(new Person { Id = 64, NodeId = "written by a tool" });

        Assert.Equal(0, _people.KeptCount);
        _db.InTransaction(() => Assert.Equal("written by a tool", _people.Find(64)!.NodeId));
    }

    [Fact]
    public void A_kept_person_moves_on_in_its_conversation_as_a_loaded_one_would()
    {
        _db.InTransaction(() => _people.Save(new Person { Id = 65 }));

        _db.InTransaction(() =>
        {
            var person = _people.Find(65)!;
            person.ChooseLanguage(Language.Ru);
            _people.Save(person);
        });
        _db.InTransaction(() =>
        {
            var person = _people.Find(65)!;
            person.Browse();
            _people.Save(person);
        });

        var stored = _people.Find(65)!;
        Assert.Equal(Language.Ru, stored.Language);
        Assert.NotEqual(ConversationState.ChoosingLanguage, stored.State);
    }

    [Fact]
    public void An_id_with_no_person_is_kept_as_absent_until_a_turn_saves_one_under_it()
    {
        _db.InTransaction(() => Assert.Null(_people.Find(66)));
        Assert.Equal(1, _people.KeptCount);
        _db.InTransaction(() => Assert.Null(_people.Find(66)));

        _db.InTransaction(() =>
        {
            Assert.Null(_people.Find(66));
            _people.Save(new Person { Id = 66, NodeId = "start" });
            Assert.Equal("start", _people.Find(66)!.NodeId);
        });
        _db.InTransaction(() => Assert.Equal("start", _people.Find(66)!.NodeId));
    }

    [Fact]
    public void An_id_found_absent_in_a_rolled_back_turn_that_saved_under_it_is_not_kept_either_way()
    {
        Assert.Throws<InvalidOperationException>(() => _db.InTransaction(() =>
        {
            Assert.Null(_people.Find(67));
            _people.Save(new Person { Id = 67 });
            throw new InvalidOperationException("the handler failed");
        }));

        Assert.Equal(0, _people.KeptCount);
        Assert.Null(_people.Find(67));
    }

    [Fact]
    public void A_case_opened_in_a_turn_is_kept_for_the_next_as_the_file_holds_it()
    {
        var opened = _db.InTransaction(() =>
        {
            var @case = new Case { PersonChatId = 68, OpenedAt = DateTimeOffset.UnixEpoch };
            _cases.Insert(@case);
            @case.HandoverNote = "changed after the insert";
            return @case;
        });

        _db.InTransaction(() => Assert.Same(opened, _cases.Find(opened.Id)));
        Assert.Equal("changed after the insert", _cases.Find(opened.Id)!.HandoverNote);
    }

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
    }
}
