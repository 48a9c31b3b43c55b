using HotlineBot.Conversations;
using HotlineBot.Storage;
using HotlineBot.Telegram;

namespace HotlineBot.Tests.Staff;

/// <summary>Which waiting texts go together: same chat and thread, relayed texts only, within 4096 characters.</summary>
public sealed class JoinedTextsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 5, 0, TimeSpan.Zero);
    private readonly JoinedTexts _joined = new(TimeSpan.FromHours(5));

    private static LaneEntry Text(long id, string text, int caseId = 1, bool inThread = false, bool mayJoin = true) =>
        new(new OutboxItem { Id = id, ChatId = 1, Priority = (int)OutboundPriority.Reply, CreatedAt = At },
            new Outbound { ChatId = 1, Text = text, CaseId = caseId, InCaseThread = inThread, MayJoin = mayJoin, WrittenAt = At.AddMinutes(id) });

    [Fact]
    public void In_a_case_thread_only_the_same_case_joins_in_the_chat_itself_any_case_does()
    {
        Assert.False(_joined.Joins(Text(2, "#2: b", caseId: 2, inThread: true), [Text(1, "#1: a", inThread: true)]));
        Assert.True(_joined.Joins(Text(2, "#1: b", inThread: true), [Text(1, "#1: a", inThread: true)]));
        Assert.True(_joined.Joins(Text(2, "#2: b", caseId: 2), [Text(1, "#1: a")]));
        Assert.False(_joined.Joins(Text(2, "#1: b", inThread: true), [Text(1, "#1: a")]));
    }

    [Fact]
    public void In_a_chat_without_topics_every_cases_thread_is_the_chat_so_different_cases_join()
    {
        // As the edge says for a worker's chat once getMe answered "no topics": the five people a worker talks with
        // share one joined message instead of one message a second each.
        var noTopics = new JoinedTexts(TimeSpan.FromHours(5), (_, _) => true);
        Assert.True(noTopics.Joins(Text(2, "#2: b", caseId: 2, inThread: true), [Text(1, "#1: a", inThread: true)]));
        Assert.False(_joined.Joins(Text(2, "#2: b", caseId: 2, inThread: true), [Text(1, "#1: a", inThread: true)]));
    }

    [Fact]
    public void Only_relayed_texts_join_and_never_past_4096_characters()
    {
        Assert.False(_joined.Joins(Text(2, "notice", mayJoin: false), [Text(1, "#1: a")]));
        Assert.False(_joined.Joins(Text(2, "#1: b"), [Text(1, "notice", mayJoin: false)]));
        var big = new string('x', 2040);
        Assert.True(_joined.Joins(Text(2, big), [Text(1, big)]));
        Assert.False(_joined.Joins(Text(3, big), [Text(1, big), Text(2, big)]));
    }

    [Fact]
    public void Each_part_is_kept_word_for_word_and_marked_with_the_time_it_was_written()
    {
        var joined = _joined.Build([Text(1, "#1: первое"), Text(2, "#1: второе")]);
        Assert.Equal("14:06 #1: первое\n\n14:07 #1: второе", joined.Text);
        Assert.Equal("#1: одно", _joined.Build([Text(1, "#1: одно")]).Text);
    }
}
