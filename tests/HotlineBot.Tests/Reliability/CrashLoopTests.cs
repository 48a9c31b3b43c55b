using System.Diagnostics;
using HotlineBot.Conversations;
using HotlineBot.FakeTelegram;
using HotlineBot.Storage;
using HotlineBot.Tests.EndToEnd;

namespace HotlineBot.Tests.Reliability;

/// <summary>An update that kills the process each time it is handled: counted across crashes, parked after three.</summary>
public sealed class CrashLoopTests
{
    private const long Person = 8401;
    private const long Supervisor = 900009;
    private const string Crasher = "это сообщение роняет процесс";

    [Fact]
    public async Task An_update_that_crashes_the_process_is_parked_after_three_starts_and_the_bot_serves_again()
    {
        await using var api = await FakeBotApi.StartAsync();
        var dataFile = Path.Combine(TestPaths.TempDirectory(), "hotline.db");
        var environment = BotProcess.Against(api, dataFile);
        environment[TestHooks.EnableVariable] = "1";
        environment["Testing__CrashOnText"] = Crasher;
        environment["Hotline__Supervisors__0"] = Supervisor.ToString(System.Globalization.CultureInfo.InvariantCulture);

        api.SendText(Person, Crasher);
        var crashes = 0;
        for (var start = 0; start < InboxProcessor.MaxAttempts + 2; start++)
        {
            using var bot = Process.Start(BotProcess.StartInfo([], environment))!;
            bot.OutputDataReceived += (_, _) => { };
            bot.ErrorDataReceived += (_, _) => { };
            bot.BeginOutputReadLine();
            bot.BeginErrorReadLine();
            var exited = bot.WaitForExitAsync();
            var parked = api.WaitForBotMessageAsync(Supervisor, m => m.Text!.Contains("№1", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            await Task.WhenAny(exited, parked);
            if (parked.IsCompletedSuccessfully)
            {
                // Parked, and still running: the person's next message is answered.
                api.SendText(Person, "/start");
                await api.WaitForBotMessageAsync(Person, m => m.Buttons.Any(), TimeSpan.FromSeconds(30));
                bot.Kill(entireProcessTree: true);
                await exited;
                break;
            }

            crashes++;
        }

        Assert.Equal(InboxProcessor.MaxAttempts, crashes);
        using var db = new HotlineDatabase(dataFile, null);
        var letter = Assert.Single(new DeadLetterStore(db).All());
        Assert.Equal(Person, letter.ChatId);
        Assert.Equal(Crasher, StorageJson.ReadInbound(new InboxItem { Payload = letter.Payload }).Text);
        Assert.Equal(nameof(CrashedWhileHandlingException), letter.ErrorType.Split('.')[^1]);
        Assert.Equal(0, new InboxStore(db).Count());
    }
}
