using HotlineBot.Cases;
using HotlineBot.Dialogs;

namespace HotlineBot.Conversations;

/// <summary>
/// A person closing their own case: never on one tap. The Cancel under a queue message and /cancel ask once
/// («Да, закрыть» / «Нет, продолжить», with the numbers for an urgent case); only the answer closes the case.
/// Every button carries its case number, so one whose moment has passed (the case taken or closed since)
/// says what became of the case and changes nothing.
/// </summary>
public sealed class CaseCancellation(CaseDesk desk, ScreenRenderer screens)
{
    /// <summary>The outcome logged when the person closes the case after confirming.</summary>
    public const string Outcome = "cancelled by the person";

    /// <summary>The Cancel under a queue (or "still open") message: it holds only while that case waits in the queue.</summary>
    public void FromQueueMessage(Person person, int? caseId, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(person);
        // A button sent before buttons carried their case: it meant the open case of that moment.
        var @case = Own(person, caseId ?? person.ActiveCaseId);
        if (@case is { Status: CaseStatus.Queued } && person.ActiveCaseId == @case.Id)
        {
            Ask(person, @case, turn);
        }
        else
        {
            Outdated(person, @case, turn);
        }
    }

    /// <summary>The one confirming step: a short question, with the numbers first when the case is urgent.</summary>
    public void Ask(Person person, Case open, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(open);
        var language = person.Language ?? open.Language;
        var key = open.Urgent ? UiKeys.CaseCancelConfirmUrgent : UiKeys.CaseCancelConfirm;
        turn.Send(person.Id, screens.Text(key, language, ("number", open.Id)),
        [
            [
                screens.Button(UiKeys.ButtonCancelYes, language, CallbackData.Action(DialogAction.CancelCaseConfirm, open.Id)),
                screens.Button(UiKeys.ButtonCancelNo, language, CallbackData.Action(DialogAction.CancelCaseKeep, open.Id)),
            ],
            screens.HideRow(language),
        ]);
    }

    /// <summary>«Да, закрыть»: closes the case it was asked about if that case is still open; true when it closed.</summary>
    public bool Confirm(Person person, int? caseId, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (Own(person, caseId) is not { IsOpen: true } open || person.ActiveCaseId != open.Id)
        {
            Outdated(person, Own(person, caseId), turn);
            return false;
        }

        desk.Close(open, ActorRole.Person, null, Outcome, turn, person);
        turn.Send(person.Id, screens.Text(UiKeys.CaseCancelled, person.Language ?? open.Language, ("number", open.Id)));
        return true;
    }

    /// <summary>«Нет, продолжить»: nothing changes, and the person knows the case goes on.</summary>
    public void Keep(Person person, int? caseId, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (Own(person, caseId) is not { IsOpen: true } open)
        {
            Outdated(person, Own(person, caseId), turn);
            return;
        }

        var language = person.Language ?? open.Language;
        turn.Send(person.Id, screens.Text(UiKeys.CaseCancelKept, language, ("number", open.Id)), screens.CaseRows(language));
    }

    /// <summary>A cancel button whose moment has passed: what became of the case, and nothing else happens.</summary>
    private void Outdated(Person person, Case? @case, Turn turn)
    {
        var language = person.Language ?? @case?.Language ?? Language.Ru;
        switch (@case)
        {
            case { Status: CaseStatus.Assigned }:
                turn.Send(person.Id, screens.Text(UiKeys.CaseCancelOutdatedTaken, language, ("number", @case.Id)), screens.CaseRows(language));
                break;
            case { Status: CaseStatus.Closed }:
                turn.Send(person.Id, screens.Text(UiKeys.CaseCancelOutdatedClosed, language, ("number", @case.Id)), screens.WayOut(language));
                break;
            default:
                // No such case of theirs: the same answer as any button that is not ours.
                turn.Send(person.Id, screens.Text(UiKeys.StaleButton, language), screens.WayOut(language));
                break;
        }
    }

    /// <summary>The case a button names, only when it is this person's: a forged number reveals nothing.</summary>
    private Case? Own(Person person, int? caseId) =>
        caseId is { } id && desk.Find(id) is { } found && found.PersonChatId == person.Id ? found : null;
}
