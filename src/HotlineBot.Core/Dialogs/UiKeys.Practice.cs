namespace HotlineBot.Dialogs;

/// <summary>
/// Keys for helpline practice (issue 17): the wrap-up form (texts in dialogs/wrapup.yaml), shifts, supervision and
/// the reports (in dialogs/ui.yaml). A partial of <see cref="UiKeys"/>, so the checker requires them like the others.
/// </summary>
public static partial class UiKeys
{
    public const string WrapUpCategoryPrompt = "wrapup.category.prompt";
    public const string WrapUpSubcategoryPrompt = "wrapup.subcategory.prompt";
    public const string WrapUpActionsPrompt = "wrapup.actions.prompt";
    public const string WrapUpRepeatPrompt = "wrapup.repeat.prompt";
    public const string WrapUpSummaryPrompt = "wrapup.summary.prompt";
    public const string WrapUpReview = "wrapup.review";
    public const string WrapUpBlocked = "wrapup.blocked";
    public const string WrapUpCancelled = "wrapup.cancelled";
    public const string WrapUpSaved = "wrapup.saved";
    public const string WrapUpCannotEdit = "wrapup.cannot.edit";
    public const string WrapUpButtonNext = "wrapup.button.next";
    public const string WrapUpButtonClose = "wrapup.button.close";
    public const string WrapUpButtonSave = "wrapup.button.save";
    public const string WrapUpButtonCancel = "wrapup.button.cancel";
    public const string WrapUpButtonYes = "wrapup.button.yes";
    public const string WrapUpButtonNo = "wrapup.button.no";
    public const string WrapUpNone = "wrapup.none";

    public const string DutyOn = "worker.duty.on";
    public const string DutyOff = "worker.duty.off";
    public const string DutyStatus = "worker.duty.status";
    public const string DutyStateOn = "worker.duty.state.on";
    public const string DutyStateOff = "worker.duty.state.off";
    public const string DutyButtonOn = "worker.duty.button.on";
    public const string DutyButtonOff = "worker.duty.button.off";
    public const string DutyHandOver = "worker.duty.handover";
    public const string DutyButtonRequeue = "worker.duty.button.requeue";
    public const string HandoverNote = "worker.handover.note";
    public const string CaseNobodyOnDuty = "case.nobody.on.duty";
    public const string SupervisorNobodyOnDuty = "supervisor.nobody.on.duty";

    public const string LiveHeader = "supervisor.live.header";
    public const string LiveEmpty = "supervisor.live.empty";
    public const string LiveLine = "supervisor.live.line";
    public const string LiveInQueue = "supervisor.live.queue";
    public const string LiveButtonLog = "supervisor.live.button.log";
    public const string LiveButtonTakeOver = "supervisor.live.button.takeover";
    public const string WhisperToWorker = "supervisor.whisper.to.worker";
    public const string WhisperSent = "supervisor.whisper.sent";
    public const string WhisperNoWorker = "supervisor.whisper.no.worker";
    public const string WorkerTakenOver = "worker.taken.over";
    public const string WorkerCheckIn = "worker.checkin";

    public const string ReportTitle = "report.title";
    public const string ReportCategories = "report.section.categories";
    public const string ReportLanguages = "report.section.languages";
    public const string ReportHours = "report.section.hours";
    public const string ReportWeekdays = "report.section.weekdays";
    public const string ReportContacts = "report.section.contacts";
    public const string ReportTimes = "report.section.times";
    public const string ReportReferrals = "report.section.referrals";
    public const string ReportAnswered = "report.answered";
    public const string ReportMissed = "report.missed";
    public const string ReportMissedWait = "report.missed.wait";
    public const string ReportAnsweredShare = "report.answered.share";
    public const string ReportRepeat = "report.repeat";
    public const string ReportPickup = "report.pickup";
    public const string ReportLength = "report.length";
    public const string ReportTotal = "report.total";
    public const string ReportWeekdayNames = "report.weekday.names";
    public const string ReportUncategorised = "report.uncategorised";
}
