using HotlineBot.Cases;
using HotlineBot.FakeTelegram;
using HotlineBot.Storage;
using HotlineBot.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using static HotlineBot.Tests.Beyond.BeyondHelpers;
using static HotlineBot.Tests.EndToEnd.EscalationHelpers;

namespace HotlineBot.Tests.Beyond;

/// <summary>A worker sees a person's phone only after the person was told who sees it and why, and shared their own.</summary>
public sealed class PhoneConsentTests
{
    private const long Person = 784000001;
    private const string Phone = "+77015550123";

    [Fact]
    public async Task A_phone_reaches_the_worker_only_after_the_consent_step_and_the_log_records_the_consent()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHost.StartAsync(api);
        var cases = bot.Services.GetRequiredService<ICaseStore>();
        await TakenCaseAsync(api, Person, BotHost.WorkerA);

        // Without the consent step: a kind answer, nothing kept, nothing relayed.
        var mark = LastId(api, Person);
        api.SendContact(Person, Phone);
        var refused = await WaitText(api, Person, "не запрашивали номер", mark);
        Assert.True(refused.RemovesReplyKeyboard);
        await bot.WaitIdleAsync();
        Assert.DoesNotContain(Texts(api, BotHost.WorkerA), t => t.Contains("5550123", StringComparison.Ordinal));
        Assert.DoesNotContain(cases.Log(1), e => e.Text?.Contains("5550123", StringComparison.Ordinal) == true);

        // The consent step: who sees the number and why, then Telegram's share-contact keyboard.
        var joined = api.BotMessages(Person).Last(m => m.Buttons.Any(b => b.CallbackData == "a:callback"));
        mark = LastId(api, Person);
        api.PressButton(Person, joined.MessageId, "a:callback");
        var explain = await WaitText(api, Person, "Номер увидит только специалист", mark);
        Assert.Contains("обратного звонка", explain.Text, StringComparison.Ordinal);
        var keyboard = Assert.Single(Assert.Single(explain.ReplyKeyboard!));
        Assert.Equal("📞 Отправить мой номер", keyboard);
        // The fake shows a sent message before it records the request (its handler runs first): wait for the record.
        static bool Explained(RecordedRequest r) => r.ChatId == Person && r.Ok && r.Parameters["text"]!.ToString().Contains("Номер увидит", StringComparison.Ordinal);
        await api.WaitUntilAsync(() => api.RequestsFor("sendMessage").Any(Explained), Wait);
        var request = api.RequestsFor("sendMessage").Last(Explained);
        Assert.Contains("request_contact", request.Parameters["reply_markup"]!.ToJsonString(), StringComparison.Ordinal);

        // Someone else's contact is not taken even now.
        mark = LastId(api, Person);
        api.SendContact(Person, "+77770000000", isOwn: false);
        await WaitText(api, Person, "не запрашивали номер", mark);
        Assert.DoesNotContain(Texts(api, BotHost.WorkerA), t => t.Contains("+77770000000", StringComparison.Ordinal));

        // Their own, after consent: the worker on the case sees it, the log records it, the keyboard goes.
        var before = LastId(api, BotHost.WorkerA);
        api.PressButton(Person, joined.MessageId, "a:callback");
        await api.WaitUntilAsync(() => api.BotMessages(Person).Count(m => m.Display?.Contains("Номер увидит только специалист", StringComparison.Ordinal) == true) == 2, Wait);
        mark = LastId(api, Person);
        api.SendContact(Person, Phone);
        var shared = await WaitText(api, BotHost.WorkerA, Phone, before);
        Assert.StartsWith("📞 #1:", shared.Text, StringComparison.Ordinal);
        var thanks = await WaitText(api, Person, "он вам перезвонит", mark);
        Assert.True(thanks.RemovesReplyKeyboard);
        var consent = Assert.Single(cases.Log(1), e => e.Kind == CaseEventKind.Consent);
        Assert.Equal($"phone shared with consent for a call back: {Phone}", consent.Text);
        Assert.Equal(ActorRole.Person, consent.Actor);
        Assert.Single(api.BotMessages(BotHost.WorkerA), m => m.Display?.Contains(Phone, StringComparison.Ordinal) == true);
        Assert.Null(api.CurrentReplyKeyboard(Person));
    }
}
