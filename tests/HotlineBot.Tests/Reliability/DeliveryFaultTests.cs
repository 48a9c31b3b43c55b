using HotlineBot.Conversations;
using HotlineBot.FakeTelegram;
using HotlineBot.Storage;
using HotlineBot.Telegram;
using HotlineBot.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using static HotlineBot.Tests.Reliability.RelHelpers;

namespace HotlineBot.Tests.Reliability;

public sealed class DeliveryFaultTests
{
    private static readonly string[] Expected = [HelpRu, UnknownRu, FreeTextRu, MediaRu, EmptyRu];

    private static void Drive(FakeBotApi api, long chat)
    {
        api.SendText(chat, "/help");
        api.SendText(chat, "/foo");
        api.SendText(chat, "просто текст");
        api.SendSticker(chat);
        api.SendText(chat, "");
    }

    [Fact]
    public async Task Replies_survive_429_502_and_dropped_connections_exactly_once_in_order_per_chat()
    {
        const long limited = 62001, gateway = 62002, dropped = 62003;
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        var marks = new Dictionary<long, int>();
        foreach (var chat in new[] { limited, gateway, dropped })
        {
            marks[chat] = (await ChooseRussianAsync(api, chat)).MessageId;
        }

        api.TooManyRequestsNext("sendMessage", limited, retryAfter: 1);
        api.FailNext("sendMessage", gateway, 502, "Bad Gateway", times: 2);
        api.DropConnectionNext("sendMessage", dropped);
        var since = api.Requests.Count;
        foreach (var chat in marks.Keys)
        {
            Drive(api, chat);
        }

        foreach (var chat in marks.Keys)
        {
            await api.WaitUntilAsync(() => api.BotMessages(chat).Count(m => m.MessageId > marks[chat]) >= Expected.Length, TimeSpan.FromSeconds(30));
        }

        await bot.WaitIdleAsync(TimeSpan.FromSeconds(60));
        foreach (var chat in marks.Keys)
        {
            var texts = api.BotMessages(chat).Where(m => m.MessageId > marks[chat]).Select(m => m.Text ?? "").ToList();
            Assert.Equal(Expected.Length, texts.Count);
            for (var i = 0; i < Expected.Length; i++)
            {
                Assert.True(texts[i].Contains(Expected[i], StringComparison.Ordinal), $"chat {chat} reply {i}: expected '{Expected[i]}', got '{texts[i]}'\n{api.DumpChat(chat)}");
            }
        }

        // The 429 chat stays silent for retry_after.
        var toLimited = api.Requests.Skip(since).Where(r => r.Method == "sendMessage" && r.ChatId == limited).ToList();
        var first429 = toLimited.First(r => r.StatusCode == 429);
        var next = toLimited.First(r => r.StopwatchTimestamp > first429.StopwatchTimestamp);
        Assert.True(Ms(first429.StopwatchTimestamp, next.StopwatchTimestamp) >= 950,
            $"request {Ms(first429.StopwatchTimestamp, next.StopwatchTimestamp):0} ms after the 429");
        Assert.Equal(2, api.Requests.Skip(since).Count(r => r.ChatId == gateway && r.StatusCode == 502));
        Assert.Single(api.Requests.Skip(since), r => r.ChatId == dropped && r.Dropped);
    }

    [Fact]
    public async Task A_429_for_many_chats_at_once_causes_no_request_storm()
    {
        var chats = Enumerable.Range(0, 8).Select(i => 62100L + i).ToArray();
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        var marks = new Dictionary<long, int>();
        foreach (var chat in chats)
        {
            marks[chat] = (await ChooseRussianAsync(api, chat)).MessageId;
        }

        foreach (var chat in chats)
        {
            api.TooManyRequestsNext("sendMessage", chat, retryAfter: 1);
        }

        var since = api.Requests.Count;
        foreach (var chat in chats)
        {
            api.SendText(chat, "/help");
            api.SendText(chat, "/foo");
        }

        foreach (var chat in chats)
        {
            await api.WaitUntilAsync(() => api.BotMessages(chat).Count(m => m.MessageId > marks[chat]) >= 2, TimeSpan.FromSeconds(30));
        }

        var sends = api.Requests.Skip(since).Where(r => r.Method == "sendMessage").ToList();
        var tooMany = sends.Where(r => r.StatusCode == 429).ToList();
        Assert.Equal(chats.Length, tooMany.Count);
        var start = tooMany.Min(r => r.StopwatchTimestamp);
        var inPause = sends.Count(r => r.StatusCode != 429 && r.StopwatchTimestamp > start && Ms(start, r.StopwatchTimestamp) < 900);
        Assert.True(inPause <= chats.Length, $"{inPause} sendMessage requests in the first 900 ms after the 429s");
        foreach (var chat in chats)
        {
            var texts = api.BotMessages(chat).Where(m => m.MessageId > marks[chat]).Select(m => m.Text ?? "").ToList();
            Assert.Equal(2, texts.Count);
            Assert.Contains(HelpRu, texts[0]);
            Assert.Contains(UnknownRu, texts[1]);
        }
    }

    [Fact]
    public async Task A_blocked_person_is_tried_once_and_marked_unreachable()
    {
        const long person = 62201;
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        await ChooseRussianAsync(api, person);
        var store = bot.Services.GetRequiredService<IPersonStore>();
        Assert.False(store.Find(person)!.Unreachable);

        api.BlockedByUser(person);
        var since = api.Requests.Count;
        api.SendText(person, "/help");
        await api.WaitUntilAsync(() => api.Requests.Skip(since).Any(r => r.ChatId == person && r.StatusCode == 403));
        await api.WaitUntilAsync(() => store.Find(person)?.Unreachable == true);
        await bot.WaitIdleAsync();
        Assert.Single(api.Requests.Skip(since), r => r.Method == "sendMessage" && r.ChatId == person);
        Assert.True(store.Find(person)!.Unreachable);
    }

    [Fact]
    public async Task The_same_update_id_is_handled_once()
    {
        const long person = 62301;
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        var mark = (await ChooseRussianAsync(api, person)).MessageId;

        var db = bot.Services.GetRequiredService<HotlineDatabase>();
        var inbox = bot.Services.GetRequiredService<IInboxStore>();
        var inbound = new Inbound
        {
            UpdateId = 50_000_000, ChatId = person, UserId = person, Kind = InboundKind.Text, Text = "/foo",
            LanguageHint = "ru", SentAt = DateTimeOffset.UtcNow,
        };
        db.InTransaction(() =>
        {
            inbox.Add(inbound, false, DateTimeOffset.UtcNow);
            inbox.Add(inbound, false, DateTimeOffset.UtcNow);
        });
        bot.Services.GetRequiredService<InboxProcessor>().Signal();
        await api.WaitForBotMessageAsync(person, m => m.Text!.Contains(UnknownRu), afterMessageId: mark);
        await bot.WaitIdleAsync();
        Assert.Single(api.BotMessages(person), m => m.MessageId > mark);
        Assert.Equal(0, inbox.Count());

        // Through the pump: once an update is handled, the committed offset is past its id, so a re-delivered copy
        // of it (Telegram repeating a batch after a crash) is skipped by the pump's "id >= offset" rule.
        var sent = api.SendText(person, "/foo");
        await api.WaitUntilAsync(() => api.BotMessages(person).Count(m => m.MessageId > mark) == 2);
        var offset = bot.Services.GetRequiredService<IMetaStore>().Read(UpdatePump.PollingOffset);
        Assert.True(offset > sent.UpdateId, $"offset {offset} not past update {sent.UpdateId}");
        await bot.WaitIdleAsync();
        Assert.Equal(2, api.BotMessages(person).Count(m => m.MessageId > mark));
    }
}
