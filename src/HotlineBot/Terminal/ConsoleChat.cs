using System.Globalization;
using HotlineBot.Conversations;
using HotlineBot.Storage;

namespace HotlineBot.Terminal;

/// <summary>
/// The terminal edge: typed lines become <see cref="Inbound"/>s for the same engine the Telegram edge uses,
/// and replies are printed with their buttons numbered. Pick a button by typing its number.
/// </summary>
public sealed class ConsoleChat(ConversationEngine engine, ITransactions db, TimeProvider time)
{
    public const long PersonId = 1_000_001;

    private readonly List<OutButton> _buttons = [];
    private long _updateId;
    private int _messageId;

    public async Task RunAsync(TextReader input, TextWriter output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync("HotlineBot in the terminal. Type as you would in Telegram; type a number to press a button; /quit to leave.").ConfigureAwait(false);
        await Send(new Inbound { UpdateId = 0, ChatId = PersonId, UserId = PersonId, Kind = InboundKind.Text, Text = "/start" }, output).ConfigureAwait(false);
        while (!ct.IsCancellationRequested)
        {
            await output.WriteAsync("> ").ConfigureAwait(false);
            var line = await input.ReadLineAsync(ct).ConfigureAwait(false);
            if (line is null || line.Trim() == "/quit")
            {
                return;
            }

            var inbound = int.TryParse(line.Trim(), CultureInfo.InvariantCulture, out var pick) && pick >= 1 && pick <= _buttons.Count
                ? new Inbound { UpdateId = 0, ChatId = PersonId, UserId = PersonId, Kind = InboundKind.Button, ButtonData = _buttons[pick - 1].Data, CallbackId = "console", MessageId = _messageId }
                : new Inbound { UpdateId = 0, ChatId = PersonId, UserId = PersonId, Kind = InboundKind.Text, Text = line };
            await Send(inbound, output).ConfigureAwait(false);
        }
    }

    private async Task Send(Inbound inbound, TextWriter output)
    {
        inbound = inbound with { UpdateId = ++_updateId, SentAt = time.GetUtcNow() };
        var turn = db.InTransaction(() => engine.Handle(inbound, time.GetUtcNow()));
        foreach (var reply in turn.Outbounds.Concat(turn.RunDeferred()).Where(o => o.ChatId == PersonId))
        {
            await Print(reply, output).ConfigureAwait(false);
        }
    }

    private async Task Print(Outbound reply, TextWriter output)
    {
        switch (reply.Kind)
        {
            case OutboundKind.AnswerButton or OutboundKind.Delete:
                return;
            case OutboundKind.Copy:
                await output.WriteLineAsync("[media from the specialist]").ConfigureAwait(false);
                return;
        }

        _messageId++;
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync(reply.Text).ConfigureAwait(false);
        if (reply.Buttons is not { Count: > 0 } rows)
        {
            return;
        }

        _buttons.Clear();
        foreach (var row in rows)
        {
            var labels = new List<string>();
            foreach (var button in row)
            {
                _buttons.Add(button);
                labels.Add($"[{_buttons.Count}] {button.Label}");
            }

            await output.WriteLineAsync("  " + string.Join("   ", labels)).ConfigureAwait(false);
        }
    }
}
