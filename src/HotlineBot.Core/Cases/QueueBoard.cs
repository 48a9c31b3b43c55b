using System.Globalization;
using System.Text;
using HotlineBot.Conversations;
using HotlineBot.Dialogs;
using HotlineBot.Settings;
using HotlineBot.Storage;
using Microsoft.Extensions.Options;

namespace HotlineBot.Cases;

/// <summary>
/// One queue board per worker, edited in place, instead of one new message per case per worker: the waiting cases by
/// risk, then by arrival, each of the first ones with its Take button, the rest by number. Every change of the queue
/// re-renders it; while an older version still waits behind the chat's pace the newer one takes its place
/// (<see cref="Outbound.ReplaceKey"/>), so a worker's chat gets at most one board edit a turn of its lane, whatever
/// the number of cases. An urgent case still gets its own alert as well (<see cref="WorkerAlerts"/>).
/// </summary>
public sealed class QueueBoard(ICaseStore cases, DutyRoster duty, IWorkerStore workers, ScreenRenderer screens, IOptions<HotlineOptions> options)
{
    /// <summary>Names the board message in each worker's chat (edits find it by this tag).</summary>
    public const string Tag = "queue-board";

    /// <summary>Cases shown with their first words and a Take button; Telegram's keyboards and a phone screen are small.</summary>
    public const int Detailed = 10;

    private const int FirstWordsShown = 100;

    // Room kept under Telegram's 4096 characters so a board is always one message (the list of the rest is cut first).
    private const int MaxLength = 4000;

    private readonly HotlineOptions _hotline = options.Value;

    // The first words of the cases shown in detail, by case: they never change while a case waits, and the ten at the
    // top of the queue stay the same through many refreshes, so the log is read once per case, not once per refresh.
    // Only the processor's thread renders boards; what is no longer shown is dropped at each refresh.
    private Dictionary<int, string> _firstWords = [];
    private readonly ICaseStore _cases = cases;
    private readonly ScreenRenderer _screens = screens;

    /// <summary>The queue changed: every worker who may be offered cases sees the board as it is now.</summary>
    public void Refresh(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var render = new Rendering(this);
        foreach (var staff in duty.Reachable(turn.Now))
        {
            var (text, buttons, empty) = render.For(workers.Get(staff));
            // An empty queue corrects a board already shown; it does not start one in a chat that never had one.
            turn.Add(new Outbound
            {
                ChatId = staff, Kind = OutboundKind.Edit, EditTag = Tag, Tag = Tag, ReplaceKey = Tag, OnlyIfShown = empty,
                Text = text, Buttons = buttons, Priority = OutboundPriority.Bulk,
            });
        }

        render.KeepFirstWords();
    }

    /// <summary>A new board at the bottom of the worker's chat (a shift starting): later changes edit this one.</summary>
    public void Post(WorkerState worker, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(turn);
        var (text, buttons, _) = new Rendering(this).For(worker);
        turn.Add(new Outbound { ChatId = worker.Id, Text = text, Buttons = buttons, Tag = Tag, ReplaceKey = Tag, Priority = OutboundPriority.Bulk });
    }

    /// <summary>
    /// A worker going off duty: their board stops offering cases (it would go stale, no longer edited), and says why.
    /// Nothing is sent to a chat that never had a board.
    /// </summary>
    public void Leave(WorkerState worker, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(turn);
        turn.Add(new Outbound
        {
            ChatId = worker.Id, Kind = OutboundKind.Edit, EditTag = Tag, ReplaceKey = Tag, OnlyIfShown = true,
            Text = _screens.Text(UiKeys.WorkerBoardOffDuty, worker.Language), Priority = OutboundPriority.Bulk,
        });
    }

    /// <summary>
    /// The queue's order read once per refresh (from memory: the board follows every change of a queue that may hold
    /// thousands after a TV spot, so only the cases it shows in detail are loaded), the board rendered once per
    /// language and capacity.
    /// </summary>
    private sealed class Rendering(QueueBoard board)
    {
        // The head of the queue only: no board can list more (each further number takes at least 4 of its characters).
        private readonly IReadOnlyList<(int Rank, int Id)> _queue = board._cases.WaitingInOrder(Detailed + MaxLength / 4 + 1);
        private readonly int _waiting = board._cases.WaitingCount();
        private readonly IReadOnlyList<Case> _assigned = board._cases.Assigned();
        private readonly Dictionary<(Language, bool), (string, IReadOnlyList<IReadOnlyList<OutButton>>, bool)> _rendered = [];
        private readonly Dictionary<int, string> _firstWords = [];

        /// <summary>What this rendering showed in detail becomes the board's cache for the next one.</summary>
        public void KeepFirstWords() => board._firstWords = _firstWords;

        public (string Text, IReadOnlyList<IReadOnlyList<OutButton>> Buttons, bool Empty) For(WorkerState worker)
        {
            // A worker at the case limit is offered only urgent cases, as the alerts do.
            var full = _assigned.Count(c => c.WorkerId == worker.Id) >= board._hotline.MaxCasesPerWorker;
            var key = (worker.Language, full);
            if (!_rendered.TryGetValue(key, out var shown))
            {
                // Urgent cases rank first (rank 0, with high risk): only those few are loaded to tell them apart.
                IReadOnlyList<int> offered;
                int count;
                if (full)
                {
                    var first = _queue.All(w => w.Rank == 0) && _queue.Count < _waiting ? board._cases.WaitingInOrder() : _queue;
                    offered = [.. first.TakeWhile(w => w.Rank == 0).Select(w => board._cases.Find(w.Id)).Where(c => c is { Urgent: true }).Select(c => c!.Id)];
                    count = offered.Count;
                }
                else
                {
                    offered = [.. _queue.Select(w => w.Id)];
                    count = _waiting;
                }

                _rendered[key] = shown = Render(worker.Language, offered, count);
            }

            return shown;
        }

        /// <param name="offered">The head of what is offered, in order.</param>
        /// <param name="count">How many are offered in all.</param>
        private (string, IReadOnlyList<IReadOnlyList<OutButton>>, bool) Render(Language language, IReadOnlyList<int> offered, int count)
        {
            var screens = board._screens;
            if (count == 0)
            {
                return (screens.Text(UiKeys.WorkerBoardEmpty, language), [], true);
            }

            var text = new StringBuilder(screens.Text(UiKeys.WorkerBoardHeader, language, ("count", count)));
            var detailed = offered.Take(Detailed).Select(id => board._cases.Find(id)).OfType<Case>().ToList();
            foreach (var c in detailed)
            {
                text.Append("\n\n").Append(screens.Text(UiKeys.WorkerBoardLine, language,
                    ("mark", (c.Urgent ? RiskLevel.High : c.Risk).Mark()),
                    ("number", c.Id),
                    ("language", c.Language.Code()),
                    ("time", c.OpenedAt.ToOffset(TimeSpan.FromHours(board._hotline.WorkingHours.UtcOffsetHours)).ToString("HH:mm", CultureInfo.InvariantCulture)),
                    ("topics", c.Topics.Count == 0 ? "—" : string.Join(", ", c.Topics)),
                    ("text", FirstWords(c))));
            }

            if (count > detailed.Count)
            {
                var rest = new StringBuilder();
                var room = MaxLength - text.Length - screens.Text(UiKeys.WorkerBoardMore, language, ("cases", string.Empty)).Length - 4;
                var listed = Detailed;
                foreach (var id in offered.Skip(Detailed))
                {
                    var number = (rest.Length > 0 ? ", #" : "#") + id.ToString(CultureInfo.InvariantCulture);
                    if (rest.Length + number.Length > room)
                    {
                        break;
                    }

                    rest.Append(number);
                    listed++;
                }

                if (listed < count)
                {
                    rest.Append(", …");
                }

                text.Append("\n\n").Append(screens.Text(UiKeys.WorkerBoardMore, language, ("cases", rest.ToString())));
            }

            IReadOnlyList<IReadOnlyList<OutButton>> buttons = [.. detailed.Chunk(2).Select(pair => (IReadOnlyList<OutButton>)[.. pair.Select(c =>
                new OutButton(screens.Text(UiKeys.WorkerButtonTakeCase, language, ("number", c.Id)), CallbackData.Worker(new WorkerCommand.Take(c.Id))))])];
            return (text.ToString(), buttons, false);
        }

        /// <summary>What the person wrote first, shortened: a worker knows what a case is about before taking it.</summary>
        private string FirstWords(Case c)
        {
            if (!_firstWords.TryGetValue(c.Id, out var words) && !board._firstWords.TryGetValue(c.Id, out words))
            {
                var first = board._cases.Log(c.Id).FirstOrDefault(e => e.Kind == CaseEventKind.PersonMessage)?.Text ?? "…";
                words = first.Length <= FirstWordsShown ? first : string.Concat(first.AsSpan(0, FirstWordsShown), "…");
            }

            _firstWords[c.Id] = words;

            return words;
        }
    }
}
