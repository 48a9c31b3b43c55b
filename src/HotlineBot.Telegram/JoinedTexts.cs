using System.Globalization;
using System.Text;
using HotlineBot.Conversations;

namespace HotlineBot.Telegram;

/// <summary>
/// Joining what waits: relayed texts (<see cref="Outbound.MayJoin"/>) waiting one behind the other for the same chat and
/// thread go as one message, within Telegram's 4096 characters, split only where one part ends. Each part is kept word
/// for word, already marked with its case (<c>#12:</c>), and gets the time it was written, which the one joined message
/// no longer tells by itself. Media and everything else go one by one, in order: joining stops at the first of them.
/// </summary>
/// <param name="sameThread">Whether two outbounds for one chat show in the same thread of it, as the edge resolves
/// threads (in a chat without topics every case's thread is the chat itself); by default only the same case's.</param>
internal sealed class JoinedTexts(TimeSpan utcOffset, Func<Outbound, Outbound, bool>? sameThread = null)
{
    private readonly Func<Outbound, Outbound, bool> _sameThread = sameThread ?? SameCaseThread;

    private const string Separator = "\n\n";

    /// <summary>Whether <paramref name="next"/> may go in the same message as <paramref name="group"/>.</summary>
    public bool Joins(LaneEntry next, IReadOnlyList<LaneEntry> group)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(group);
        var head = group[0].Outbound;
        var candidate = next.Outbound;
        if (!IsJoinable(head) || !IsJoinable(candidate) || candidate.Priority != head.Priority || candidate.ChatId != head.ChatId
            || !_sameThread(head, candidate) || !SameButtons(head, candidate))
        {
            return false;
        }

        var length = group.Sum(e => PartLength(e)) + (Separator.Length * group.Count) + PartLength(next);
        return length <= TelegramGateway.MaxText;
    }

    /// <summary>The one outbound that carries the group (the entry itself when it is alone).</summary>
    public Outbound Build(IReadOnlyList<LaneEntry> group)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.Count == 1)
        {
            return group[0].Outbound;
        }

        var text = new StringBuilder();
        foreach (var entry in group)
        {
            if (text.Length > 0)
            {
                text.Append(Separator);
            }

            text.Append(Mark(entry)).Append(entry.Outbound.Text);
        }

        return group[0].Outbound with { Text = text.ToString() };
    }

    /// <summary>Both in the chat itself, or both in the thread of the same case: what holds wherever topics may be on.</summary>
    public static bool SameCaseThread(Outbound a, Outbound b) =>
        a.InCaseThread == b.InCaseThread && (!a.InCaseThread || a.CaseId == b.CaseId);

    // Plain texts only: no keyboard, nothing that names the message for a later edit. Buttons, when every part has the
    // same (the safe-exit row under a worker's words), go once under the joined message.
    private static bool IsJoinable(Outbound o) =>
        o is { MayJoin: true, Kind: OutboundKind.Send, Text: not null, Tag: null, EditTag: null, ReplaceKey: null, RequestContactLabel: null, RemoveKeyboard: false };

    private static bool SameButtons(Outbound a, Outbound b) =>
        (a.Buttons ?? []).Count == (b.Buttons ?? []).Count
        && (a.Buttons ?? []).Zip(b.Buttons ?? []).All(rows => rows.First.SequenceEqual(rows.Second));

    private int PartLength(LaneEntry entry) => Mark(entry).Length + (entry.Outbound.Text?.Length ?? 0);

    /// <summary>The time the part was written, on the hotline's clock: «14:05 ».</summary>
    private string Mark(LaneEntry entry) =>
        (entry.Outbound.WrittenAt ?? entry.Item.CreatedAt).ToOffset(utcOffset).ToString("HH:mm", CultureInfo.InvariantCulture) + " ";
}
