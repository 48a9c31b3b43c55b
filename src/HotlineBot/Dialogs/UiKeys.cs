namespace HotlineBot.Dialogs;

/// <summary>
/// The names of the bot's own sentences in dialogs/ui.yaml. The checker refuses a set where one is missing
/// in either language, so code can rely on every key here.
/// </summary>
public static class UiKeys
{
    public const string LanguagePrompt = "language.prompt";
    public const string LanguageSaved = "language.saved";
    public const string Help = "help";
    public const string ButtonBack = "button.back";
    public const string ButtonMenu = "button.menu";
    public const string ButtonSpecialist = "button.specialist";
    public const string ButtonSkip = "button.skip";
    public const string ButtonCancel = "button.cancel";
    public const string ButtonLanguage = "button.language";
    public const string ButtonHide = "button.hide";
    public const string ButtonCallBack = "button.callback";
    public const string CallBackExplain = "callback.explain";
    public const string CallBackShare = "callback.share";
    public const string CallBackThanks = "callback.thanks";
    public const string CallBackNoCase = "callback.no.case";
    public const string ContactNotAsked = "contact.not.asked";
    public const string WorkerPhoneShared = "worker.phone.shared";
    public const string CaseStillOpenNudge = "case.still.open.nudge";
    public const string HideNeutral = "hide.neutral";
    public const string WorkerPersonHid = "worker.person.hid";
    public const string WorkerMessageHeld = "worker.message.held";
    public const string WorkerPersonBack = "worker.person.back";
    public const string SupervisorDeadLetter = "supervisor.dead.letter";
    public const string SupervisorDeadLetterCase = "supervisor.dead.letter.case";
    public const string HeldIntro = "held.intro";
    public const string CommandHide = "command.hide";
    public const string UnknownCommand = "unknown.command";
    public const string FreeTextInMenu = "free.text.menu";
    public const string MediaInMenu = "media.menu";
    public const string StaleButton = "stale.button";
    public const string PrivateOnly = "private.only";
    public const string EditedIgnored = "edited.message";
    public const string EmptyMessage = "empty.message";
    public const string Cancelled = "cancelled";
    public const string QuestionnaireIntro = "questionnaire.intro";
    public const string QuestionnaireProgress = "questionnaire.progress";
    public const string QuestionnaireResults = "questionnaire.results";
    public const string EscalatePrompt = "escalate.prompt";
    public const string CaseQueued = "case.queued";
    public const string CaseAddedToQueue = "case.message.added";
    public const string CaseCancelled = "case.cancelled";
    public const string CaseTaken = "case.taken";
    public const string CaseTransferred = "case.transferred";
    public const string CaseClosed = "case.closed";
    public const string CaseReopened = "case.reopened";
    public const string CaseStillOpen = "case.still.open";
    public const string PickupTimeout = "case.pickup.timeout";
    public const string AfterHours = "case.after.hours";
    public const string CrisisReply = "crisis.reply";
    public const string RatePrompt = "rate.prompt";
    public const string RateCommentPrompt = "rate.comment.prompt";
    public const string RateThanks = "rate.thanks";
    public const string WorkerNewCase = "worker.case.new";
    public const string WorkerUrgentCase = "worker.case.urgent";
    public const string WorkerTake = "worker.button.take";
    public const string WorkerTakenBy = "worker.case.taken.by";
    public const string WorkerYouTook = "worker.case.you.took";
    public const string WorkerAlreadyTaken = "worker.case.already.taken";
    public const string WorkerNotYours = "worker.case.not.yours";
    public const string WorkerNoCase = "worker.no.active.case";
    public const string WorkerCaseNotFound = "worker.case.not.found";
    public const string WorkerQueueEmpty = "worker.queue.empty";
    public const string WorkerQueueHeader = "worker.queue.header";
    public const string WorkerMyCasesHeader = "worker.mycases.header";
    public const string WorkerNoteSaved = "worker.note.saved";
    public const string WorkerTransferred = "worker.case.transferred";
    public const string WorkerTransferredToYou = "worker.case.transferred.to.you";
    public const string WorkerClosePrompt = "worker.close.prompt";
    public const string WorkerClosed = "worker.case.closed";
    public const string WorkerCannotReopen = "worker.case.cannot.reopen";
    public const string WorkerPersonMessage = "worker.person.message";
    public const string WorkerPersonLeft = "worker.person.cancelled";
    public const string WorkerRated = "worker.case.rated";
    public const string WorkerHelp = "worker.help";
    public const string WorkerDeliveryRetrying = "worker.delivery.retrying";
    public const string WorkerDeliveryDelivered = "worker.delivery.delivered";
    public const string WorkerDeliveryFailed = "worker.delivery.failed";
    public const string WorkerCaseUnreachable = "worker.case.unreachable";
    public const string DeliveryReasonBlocked = "delivery.reason.blocked";
    public const string DeliveryReasonDeactivated = "delivery.reason.deactivated";
    public const string DeliveryReasonChatGone = "delivery.reason.chat.gone";
    public const string DeliveryReasonRejected = "delivery.reason.rejected";
    public const string WorkerUsage = "worker.usage";
    public const string SupervisorStats = "supervisor.stats";
    public const string SupervisorAuditHeader = "supervisor.audit.header";
    public const string SupervisorAuditEmpty = "supervisor.audit.empty";
    public const string CommandStart = "command.start";
    public const string CommandMenu = "command.menu";
    public const string CommandLanguage = "command.language";
    public const string CommandHelp = "command.help";
    public const string CommandCancel = "command.cancel";

    /// <summary>Strings whose key starts with this are the outcome categories a worker picks when closing a case.</summary>
    public const string OutcomePrefix = "outcome.";

    public static readonly IReadOnlyList<string> All = typeof(UiKeys)
        .GetFields()
        .Where(f => f.IsLiteral && f.Name != nameof(OutcomePrefix))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();
}
