using HotlineBot.Conversations;
using HotlineBot.Storage;
using HotlineBot.Tests.Core;
using LiteDB;

namespace HotlineBot.Tests.Reliability;

/// <summary>
/// Fewer index writes per update, on a real LiteDB file: the inbox's crisis messages are marked beside it instead of
/// indexed on a flag false for nearly every update, and the chat message log is pruned without an index on the time.
/// Files written by earlier versions keep working.
/// </summary>
public sealed class StorageWritesTests : IDisposable
{
    private readonly TempDir _dir = new();

    private static Inbound Text(long update, long chat, string text) =>
        new() { UpdateId = update, ChatId = chat, UserId = chat, Kind = InboundKind.Text, Text = text, SentAt = DateTimeOffset.UnixEpoch };

    [Fact]
    public void A_crisis_message_deep_in_the_inbox_is_read_first_with_its_chats_earlier_updates_and_its_mark_goes_with_it()
    {
        using var db = new HotlineDatabase(_dir.File("hotline.db"), null);
        var inbox = new InboxStore(db);
        var now = DateTimeOffset.UnixEpoch;
        db.InTransaction(() =>
        {
            inbox.Add(Text(1, 500, "first of chat 500"), crisis: false, now);
            inbox.AddRange([.. Enumerable.Range(0, 20).Select(i => inbox.Prepare(Text(10 + i, 600 + i, "/start"), crisis: false, now))]);
            inbox.AddRange([inbox.Prepare(Text(40, 500, "danger"), crisis: true, now)]);
        });

        var pending = inbox.Pending(4);
        Assert.Contains(pending, i => i.Id == 1);
        var crisis = Assert.Single(pending, i => i.Crisis);
        Assert.Equal(40, crisis.Id);
        Assert.Equal(pending.OrderBy(i => i.Id).Select(i => i.Id), pending.Select(i => i.Id));

        db.InTransaction(() => inbox.Remove(crisis));
        Assert.DoesNotContain(inbox.Pending(4), i => i.Crisis || i.Id == 40);
        Assert.Equal(21, inbox.Count());
    }

    [Fact]
    public void A_file_with_the_old_crisis_index_keeps_its_waiting_crisis_message_first_and_loses_the_index()
    {
        var file = _dir.File("old.db");
        using (var old = new LiteDatabase(new ConnectionString { Filename = file }, new BsonMapper { EnumAsInteger = false }))
        {
            var items = old.GetCollection<InboxItem>("inbox");
            items.EnsureIndex(i => i.Crisis);
            items.EnsureIndex(i => i.ChatId);
            for (var i = 1; i <= 30; i++)
            {
                items.Insert(new InboxItem { Id = i, ChatId = 700 + i, Crisis = i == 30, Payload = "{}", ReceivedAt = DateTimeOffset.UnixEpoch });
            }
        }

        using (var db = new HotlineDatabase(file, null))
        {
            var inbox = new InboxStore(db);
            Assert.Contains(inbox.Pending(3), i => i.Id == 30 && i.Crisis);
        }

        using var reopened = new LiteDatabase(new ConnectionString { Filename = file });
        var indexes = reopened.GetCollection("$indexes").Find(LiteDB.Query.EQ("collection", "inbox")).Select(d => d["name"].AsString).ToList();
        Assert.DoesNotContain("Crisis", indexes);
    }

    [Fact]
    public void The_prune_removes_the_entries_older_than_its_cutoff_also_one_written_a_little_out_of_order_and_no_other()
    {
        using var db = new HotlineDatabase(_dir.File("hotline.db"), null);
        var log = new ChatMessageLog(db);
        var cutoff = new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero);
        db.InTransaction(() =>
        {
            log.Remember(1, [101, 102], cutoff.AddHours(-3));
            log.Remember(2, [201], cutoff.AddMinutes(1));
            // Its turn began before the cutoff, its commit came after the entry above.
            log.Remember(1, [103], cutoff.AddMinutes(-2));
            log.Remember(1, [104, 105], cutoff.AddHours(2));
        });

        Assert.Equal(3, db.InTransaction(() => log.Prune(cutoff)));

        Assert.Equal([104, 105], log.Since(1, DateTimeOffset.MinValue));
        Assert.Equal([201], log.Since(2, DateTimeOffset.MinValue));
        Assert.Equal(0, db.InTransaction(() => log.Prune(cutoff)));
    }

    public void Dispose() => _dir.Dispose();
}
