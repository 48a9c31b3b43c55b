using HotlineBot.Cases;
using HotlineBot.Dialogs;

namespace HotlineBot.Conversations;

/// <summary>What a person can ask for to stay safe: hiding the chat, and sharing a phone number only with consent.</summary>
public sealed class PersonPrivacy(CaseDesk desk, ScreenRenderer screens)
{
    /// <summary>
    /// Safe exit: everything the bot can delete in this chat goes, and one line without a word about the hotline stays.
    /// The case and its log stay on the server; what others send meanwhile is held; /start brings the person back.
    /// </summary>
    public void Hide(Person person, Language language, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(person);
        person.Hidden = true;
        turn.Add(new Outbound { ChatId = person.Id, Kind = OutboundKind.ClearChat, Priority = OutboundPriority.Crisis });
        turn.Send(person.Id, screens.Text(UiKeys.HideNeutral, language), priority: OutboundPriority.Crisis);
        if (desk.OpenCaseOf(person) is { } open)
        {
            desk.PersonHid(open, turn);
        }
    }

    /// <summary>Consent first: who will see the number and why, then Telegram's own one-tap "share my contact" keyboard. False without an open case.</summary>
    public bool AskForPhone(Person person, Language language, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (desk.OpenCaseOf(person) is not { } open)
        {
            return false;
        }

        person.PhoneConsentAsked = true;
        turn.Add(new Outbound
        {
            ChatId = person.Id,
            Text = screens.Text(UiKeys.CallBackExplain, language, ("number", open.Id)),
            RequestContactLabel = screens.Text(UiKeys.CallBackShare, language),
            CaseId = open.Id,
        });
        return true;
    }

    /// <summary>A contact is taken only after the consent step, only the person's own, and only for an open case; otherwise it is neither kept nor passed on.</summary>
    public void OnContact(Person person, Inbound inbound, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(inbound);
        var language = person.Language ?? LanguageCodes.Suggest(inbound.LanguageHint);
        if (person.PhoneConsentAsked && inbound.ContactIsOwn && desk.OpenCaseOf(person) is { } open && !string.IsNullOrWhiteSpace(inbound.ContactPhone))
        {
            person.PhoneConsentAsked = false;
            desk.SharePhone(open, inbound.ContactPhone, turn);
            turn.Add(new Outbound { ChatId = person.Id, Text = screens.Text(UiKeys.CallBackThanks, language, ("number", open.Id)), RemoveKeyboard = true, CaseId = open.Id });
            return;
        }

        turn.Add(new Outbound { ChatId = person.Id, Text = screens.Text(UiKeys.ContactNotAsked, language), RemoveKeyboard = true });
    }
}
