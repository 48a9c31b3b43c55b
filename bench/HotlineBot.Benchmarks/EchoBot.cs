using Telegram.Bot;
using Telegram.Bot.Polling;

namespace HotlineBot.Benchmarks;

/// <summary>
/// The framework's ceiling: a bare Telegram.Bot echo handler, nothing stored. The benchmark runs it as a child
/// process of itself (the hidden <c>echo-bot</c> command), so it is measured the same way as the bot.
/// </summary>
internal static class EchoBot
{
    public const string TokenVariable = "BENCH_ECHO_TOKEN";

    /// <summary>Asked from <see cref="ControlChat"/>, the echo bot answers with its runtime's JIT time, in ticks.</summary>
    public const string JitQuery = "/jit";
    public const long ControlChat = 1;

    /// <param name="stopping">Cancelled by SIGTERM (System.CommandLine's process termination handling).</param>
    public static async Task RunAsync(string apiUrl, CancellationToken stopping)
    {
        var token = Environment.GetEnvironmentVariable(TokenVariable) ?? throw new InvalidOperationException(TokenVariable + " is not set");
        var client = new TelegramBotClient(new TelegramBotClientOptions(token, apiUrl));
        client.StartReceiving(
            async (c, update, ct) =>
            {
                if (update.Message is { Text: { } text } m)
                {
                    var reply = m.Chat.Id == ControlChat && text == JitQuery
                        ? "jit: " + System.Runtime.JitInfo.GetCompilationTime().Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)
                        : "echo: " + text;
                    await c.SendMessage(m.Chat.Id, reply, cancellationToken: ct);
                }
            },
            (_, _, _) => Task.CompletedTask,
            new ReceiverOptions { AllowedUpdates = [] },
            stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, stopping);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
