using HotlineBot.Conversations;
using HotlineBot.Dialogs;
using HotlineBot.Settings;
using HotlineBot.Storage;
using Microsoft.Extensions.Options;

namespace HotlineBot.Cases;

/// <summary>What a tap on the form means; parsed from button data <c>w:wu:&lt;case&gt;:&lt;code&gt;[:&lt;id&gt;]</c>.</summary>
public enum WrapUpInputKind
{
    Category,
    Subcategory,
    ToggleAction,
    Next,
    Repeat,
    Finish,
    Cancel,
}

public sealed record WrapUpInput(WrapUpInputKind Kind, string? Value)
{
    private static readonly Dictionary<string, WrapUpInputKind> Codes = new(StringComparer.Ordinal)
    {
        ["c"] = WrapUpInputKind.Category,
        ["s"] = WrapUpInputKind.Subcategory,
        ["a"] = WrapUpInputKind.ToggleAction,
        ["n"] = WrapUpInputKind.Next,
        ["r"] = WrapUpInputKind.Repeat,
        ["f"] = WrapUpInputKind.Finish,
        ["x"] = WrapUpInputKind.Cancel,
    };

    public static WrapUpInput? Parse(IReadOnlyList<string> parts) =>
        parts.Count > 0 && Codes.TryGetValue(parts[0], out var kind) ? new WrapUpInput(kind, parts.Count > 1 ? parts[1] : null) : null;

    public static string Data(int caseId, WrapUpInputKind kind, string? value = null) =>
        new WorkerCommand.WrapUpTap(caseId, new WrapUpInput(kind, value)).ToData();

    /// <summary>The tap's part of the button data, after the case number: its code, then the id it names.</summary>
    public string ToData() => Codes.First(p => p.Value == Kind).Key + (Value is null ? string.Empty : ":" + Value);
}

/// <summary>
/// The wrap-up form before a case closes: category → subcategory → actions → repeat contact → summary.
/// A case cannot close without a category (and its subcategory, where the category has them); the form may be
/// edited later by whoever closed the case or a supervisor, and every save of it is a line in the case log.
/// </summary>
public sealed class WrapUpDesk(CaseDesk desk, ICaseStore cases, IWorkerStore workers, ScreenRenderer screens, IOptions<HotlineOptions> options)
{
    private readonly HotlineOptions _hotline = options.Value;

    private WrapUpForm Form => screens.Dialogs.WrapUp;

    /// <summary>/close or its button on a case the worker holds: a fresh form at the category step.</summary>
    public void Start(WorkerState worker, Case @case, int? messageId, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(@case);
        worker.WrapUp = new WrapUpDraft { CaseId = @case.Id };
        workers.Save(worker);
        Show(worker, worker.WrapUp, messageId, turn);
    }

    /// <summary>/wrapup N: the closer or a supervisor reopens the form of a closed case, filled in as it was saved.</summary>
    public void Edit(WorkerState worker, Case @case, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(@case);
        if (!MayEdit(worker, @case))
        {
            Say(worker, UiKeys.WrapUpCannotEdit, turn, ("number", @case.Id));
            return;
        }

        var saved = @case.WrapUp;
        worker.WrapUp = new WrapUpDraft
        {
            CaseId = @case.Id, Editing = true, Category = saved?.Category, Subcategory = saved?.Subcategory,
            Actions = [.. saved?.Actions ?? []], RepeatContact = saved?.RepeatContact, Summary = saved?.Summary,
        };
        workers.Save(worker);
        Show(worker, worker.WrapUp, null, turn);
    }

    /// <summary>While the form asks for the summary, the worker's next plain text is the summary, not a message to the person.</summary>
    public static bool TakesText(WorkerState worker) => worker.WrapUp is { Step: WrapUpStep.Summary };

    public void OnText(WorkerState worker, string text, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var draft = worker.WrapUp!;
        draft.Summary = text.Trim();
        workers.Save(worker);
        Show(worker, draft, null, turn);
    }

    public void OnButton(WorkerState worker, int caseId, WrapUpInput input, int? messageId, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(input);
        if (worker.WrapUp is not { } draft || draft.CaseId != caseId || cases.Find(caseId) is not { } @case)
        {
            Say(worker, UiKeys.WorkerUsage, turn);
            return;
        }

        switch (input.Kind)
        {
            case WrapUpInputKind.Category when Form.Category(input.Value) is { } category:
                draft.Category = category.Id;
                draft.Subcategory = null;
                draft.Step = category.Subcategories.Count > 0 ? WrapUpStep.Subcategory : WrapUpStep.Actions;
                break;
            case WrapUpInputKind.Subcategory when Form.Category(draft.Category)?.Subcategories.Any(s => s.Id == input.Value) == true:
                draft.Subcategory = input.Value;
                draft.Step = WrapUpStep.Actions;
                break;
            case WrapUpInputKind.ToggleAction when Form.Action(input.Value) is { } action:
                if (!draft.Actions.Remove(action.Id))
                {
                    draft.Actions.Add(action.Id);
                }

                break;
            case WrapUpInputKind.Next when draft.Step == WrapUpStep.Actions:
                draft.Step = WrapUpStep.Repeat;
                break;
            case WrapUpInputKind.Repeat when input.Value is "1" or "0":
                draft.RepeatContact = input.Value == "1";
                draft.Step = WrapUpStep.Summary;
                break;
            case WrapUpInputKind.Finish:
                Finish(worker, draft, @case, turn);
                return;
            case WrapUpInputKind.Cancel:
                worker.WrapUp = null;
                workers.Save(worker);
                turn.Show(worker.Id, messageId, screens.Text(UiKeys.WrapUpCancelled, worker.Language, ("number", caseId)), null);
                return;
            default:
                Say(worker, UiKeys.WorkerUsage, turn);
                return;
        }

        workers.Save(worker);
        Show(worker, draft, messageId, turn);
    }

    private void Finish(WorkerState worker, WrapUpDraft draft, Case @case, Turn turn)
    {
        if (!IsComplete(draft))
        {
            // The form stays where it was: the worker picks the category and closes again.
            Say(worker, UiKeys.WrapUpBlocked, turn, ("number", @case.Id));
            return;
        }

        if (draft.Editing)
        {
            SaveEdit(worker, draft, @case, turn);
            return;
        }

        if (@case.WorkerId != worker.Id || !@case.IsOpen)
        {
            worker.WrapUp = null;
            workers.Save(worker);
            Say(worker, UiKeys.WorkerNotYours, turn, ("number", @case.Id));
            return;
        }

        var record = Record(draft, worker.Id, editedAt: null);
        @case.WrapUp = record;
        // Saved before the close: CaseDesk.Close saves its own copy of this worker (no active case any more).
        worker.WrapUp = null;
        workers.Save(worker);
        desk.Log(@case, turn, ActorRole.Worker, CaseEventKind.WrapUp, Describe(record), worker.Id);
        desk.Close(@case, ActorRole.Worker, worker.Id, record.Code, turn);
    }

    private void SaveEdit(WorkerState worker, WrapUpDraft draft, Case @case, Turn turn)
    {
        worker.WrapUp = null;
        workers.Save(worker);
        if (!MayEdit(worker, @case))
        {
            Say(worker, UiKeys.WrapUpCannotEdit, turn, ("number", @case.Id));
            return;
        }

        var before = @case.WrapUp is { } old ? Describe(old) : "—";
        var record = Record(draft, @case.WrapUp?.ClosedBy ?? worker.Id, turn.Now);
        @case.WrapUp = record;
        @case.Outcome = record.Code;
        cases.Update(@case);
        var role = _hotline.IsSupervisor(worker.Id) ? ActorRole.Supervisor : ActorRole.Worker;
        desk.Log(@case, turn, role, CaseEventKind.WrapUp, $"edited by {_hotline.WorkerName(worker.Id)}: was [{before}], now [{Describe(record)}]", worker.Id);
        Say(worker, UiKeys.WrapUpSaved, turn, ("number", @case.Id));
    }

    /// <summary>The closer, or whoever last held a case the person closed, or any supervisor; only once it is closed.</summary>
    private bool MayEdit(WorkerState worker, Case @case) =>
        !@case.IsOpen && (_hotline.IsSupervisor(worker.Id)
            || (@case.WrapUp?.ClosedBy ?? @case.WorkerId ?? @case.PreviousWorkers.LastOrDefault()) == worker.Id);

    private bool IsComplete(WrapUpDraft draft) =>
        Form.Category(draft.Category) is { } category && (category.Subcategories.Count == 0 || draft.Subcategory is not null);

    private static WrapUpRecord Record(WrapUpDraft draft, long closedBy, DateTimeOffset? editedAt) => new()
    {
        Category = draft.Category!, Subcategory = draft.Subcategory, Actions = [.. draft.Actions], RepeatContact = draft.RepeatContact,
        Summary = string.IsNullOrWhiteSpace(draft.Summary) ? null : draft.Summary, ClosedBy = closedBy, EditedAt = editedAt,
    };

    /// <summary>The log line: ids only (the form's labels may change), the summary as written.</summary>
    public static string Describe(WrapUpRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var repeat = record.RepeatContact switch { true => "yes", false => "no", null => "-" };
        var actions = record.Actions.Count == 0 ? "-" : string.Join(",", record.Actions);
        return $"category={record.Code}; actions={actions}; repeat={repeat}" + (record.Summary is { } s ? "; summary: " + s : string.Empty);
    }

    private void Show(WorkerState worker, WrapUpDraft draft, int? messageId, Turn turn)
    {
        var language = worker.Language;
        var number = ("number", (object?)draft.CaseId);
        var rows = new List<IReadOnlyList<OutButton>>();
        string text;
        switch (draft.Step)
        {
            case WrapUpStep.Category:
                text = screens.Text(UiKeys.WrapUpCategoryPrompt, language, number);
                rows.AddRange(Pairs(Form.Categories.Select(c => new OutButton(Marked(c.Id == draft.Category, c.Label.For(language)), WrapUpInput.Data(draft.CaseId, WrapUpInputKind.Category, c.Id)))));
                break;
            case WrapUpStep.Subcategory:
                var category = Form.Category(draft.Category)!;
                text = screens.Text(UiKeys.WrapUpSubcategoryPrompt, language, number, ("category", category.Label.For(language)));
                rows.AddRange(Pairs(category.Subcategories.Select(s => new OutButton(Marked(s.Id == draft.Subcategory, s.Label.For(language)), WrapUpInput.Data(draft.CaseId, WrapUpInputKind.Subcategory, s.Id)))));
                break;
            case WrapUpStep.Actions:
                text = screens.Text(UiKeys.WrapUpActionsPrompt, language, number);
                rows.AddRange(Form.Actions.Select(a => (IReadOnlyList<OutButton>)[new OutButton(Marked(draft.Actions.Contains(a.Id), a.Label.For(language)), WrapUpInput.Data(draft.CaseId, WrapUpInputKind.ToggleAction, a.Id))]));
                rows.Add([screens.Button(UiKeys.WrapUpButtonNext, language, WrapUpInput.Data(draft.CaseId, WrapUpInputKind.Next))]);
                break;
            case WrapUpStep.Repeat:
                text = screens.Text(UiKeys.WrapUpRepeatPrompt, language, number);
                rows.Add([
                    screens.Button(UiKeys.WrapUpButtonYes, language, WrapUpInput.Data(draft.CaseId, WrapUpInputKind.Repeat, "1")),
                    screens.Button(UiKeys.WrapUpButtonNo, language, WrapUpInput.Data(draft.CaseId, WrapUpInputKind.Repeat, "0"))]);
                break;
            default:
                text = Review(draft, language) + "\n\n" + screens.Text(UiKeys.WrapUpSummaryPrompt, language, number);
                break;
        }

        rows.Add([
            screens.Button(draft.Editing ? UiKeys.WrapUpButtonSave : UiKeys.WrapUpButtonClose, language, WrapUpInput.Data(draft.CaseId, WrapUpInputKind.Finish)),
            screens.Button(UiKeys.WrapUpButtonCancel, language, WrapUpInput.Data(draft.CaseId, WrapUpInputKind.Cancel))]);
        turn.Show(worker.Id, messageId, text, rows);
    }

    private string Review(WrapUpDraft draft, Language language)
    {
        var none = screens.Text(UiKeys.WrapUpNone, language);
        var actions = draft.Actions.Count == 0 ? none : string.Join(", ", draft.Actions.Select(a => Form.Action(a)?.Label.For(language) ?? a));
        var repeat = draft.RepeatContact switch
        {
            true => screens.Text(UiKeys.WrapUpButtonYes, language),
            false => screens.Text(UiKeys.WrapUpButtonNo, language),
            null => none,
        };
        return screens.Text(UiKeys.WrapUpReview, language, ("number", draft.CaseId), ("category", Form.Label(draft.Category, draft.Subcategory, language)),
            ("actions", actions), ("repeat", repeat), ("summary", draft.Summary ?? none));
    }

    private static string Marked(bool chosen, string label) => chosen ? "✓ " + label : label;

    private static IEnumerable<IReadOnlyList<OutButton>> Pairs(IEnumerable<OutButton> buttons) =>
        buttons.Chunk(2).Select(pair => (IReadOnlyList<OutButton>)pair);

    private void Say(WorkerState worker, string key, Turn turn, params (string Name, object? Value)[] values) =>
        turn.Send(worker.Id, screens.Text(key, worker.Language, values));
}
