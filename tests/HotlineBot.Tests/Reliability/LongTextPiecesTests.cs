using HotlineBot.FakeTelegram;
using HotlineBot.Storage;
using HotlineBot.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using static HotlineBot.Tests.EndToEnd.EscalationHelpers;

namespace HotlineBot.Tests.Reliability;

/// <summary>A long text in pieces, with a later piece failing: resumed from that piece, and every piece kept for safe exit.</summary>
public sealed class LongTextPiecesTests
{
    private const long Person = 8501;

    [Fact]
    public async Task A_failed_later_piece_is_resent_alone_and_the_pieces_that_went_are_kept_for_hide()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        var before = LastId(api, BotHost.WorkerA);
        await OpenCaseAsync(api, Person, "Мне нужна помощь");
        var note = await WaitNotification(api, BotHost.WorkerA, 1, before);
        api.PressButton(BotHost.WorkerA, note.MessageId, "w:take:1");
        await api.WaitUntilAsync(() => Saw(api, BotHost.WorkerA, "Обращение #1 у вас"));
        var joined = await WaitText(api, Person, "на связи");
        var from = joined.MessageId;

        // Three pieces (4096 + 4096 + rest); the second one fails once with a 502.
        var letter = new string('ж', 9000);
        api.FailNext("sendMessage", Person, 502, "Bad Gateway", skip: 1);
        api.SendText(BotHost.WorkerA, letter);

        // However it was prefixed ("Специалист: "), the whole text has arrived once the letters add up.
        int Arrived() => api.BotMessages(Person).Where(m => m.MessageId > from).Sum(m => m.Text!.Count(c => c == 'ж'));
        await api.WaitUntilAsync(() => Arrived() >= letter.Length, TimeSpan.FromSeconds(30));
        var pieces = api.BotMessages(Person).Where(m => m.MessageId > from).ToList();
        Assert.Equal(1, api.RequestsFor("sendMessage").Count(r => r.ChatId == Person && !r.Ok));
        // The first piece was not sent again after the second failed: three messages, the text exactly once.
        Assert.True(pieces.Count == 3, api.DumpChat(Person));
        Assert.Equal(letter.Length, Arrived());

        // The ids are written with the delivery record, which leaves the outbox in the same commit.
        await bot.WaitIdleAsync();
        var kept = bot.Services.GetRequiredService<IChatMessageLog>().Since(Person, DateTimeOffset.UtcNow.AddHours(-1));
        Assert.All(pieces, p => Assert.Contains(p.MessageId, kept));
    }
}
