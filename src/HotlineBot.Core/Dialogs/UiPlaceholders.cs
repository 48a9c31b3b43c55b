namespace HotlineBot.Dialogs;

/// <summary>
/// Which placeholders each of the bot's sentences (<see cref="UiKeys"/>) may use: the values the code fills for
/// that key. Every sentence also gets {numbers} (ScreenRenderer.Text fills it); labels get nothing.
/// A key added to <see cref="UiKeys"/> that the code fills with values needs its line here.
/// </summary>
public static class UiPlaceholders
{
    private static readonly Dictionary<string, string[]> Filled = new(StringComparer.Ordinal)
    {
        [UiKeys.CallBackExplain] = ["number"],
        [UiKeys.CallBackThanks] = ["number"],
        [UiKeys.WorkerPhoneShared] = ["number", "phone"],
        [UiKeys.CaseStillOpenNudge] = ["number"],
        [UiKeys.WorkerPersonHid] = ["number"],
        [UiKeys.WorkerMessageHeld] = ["number"],
        [UiKeys.WorkerPersonBack] = ["number", "count"],
        [UiKeys.HeldIntro] = ["count"],
        [UiKeys.QuestionnaireProgress] = ["n", "total"],
        [UiKeys.CaseQueued] = ["number", "position"],
        [UiKeys.CaseAddedToQueue] = ["number"],
        [UiKeys.CaseCancelled] = ["number"],
        [UiKeys.CaseCancelConfirm] = ["number"],
        [UiKeys.CaseCancelConfirmUrgent] = ["number"],
        [UiKeys.CaseCancelKept] = ["number"],
        [UiKeys.CaseCancelOutdatedTaken] = ["number"],
        [UiKeys.CaseCancelOutdatedClosed] = ["number"],
        [UiKeys.CaseTaken] = ["number", "worker"],
        [UiKeys.CaseTransferred] = ["number", "worker"],
        [UiKeys.CaseClosed] = ["number"],
        [UiKeys.CaseReopened] = ["number"],
        [UiKeys.CaseStillOpen] = ["number", "position"],
        [UiKeys.CaseWithSpecialist] = ["number"],
        [UiKeys.PickupTimeout] = ["number", "minutes"],
        [UiKeys.AfterHours] = ["hours"],
        [UiKeys.WorkerNewCase] = ["number", "language", "topics", "risk", "text"],
        [UiKeys.WorkerUrgentCase] = ["number", "language", "topics", "risk", "text"],
        [UiKeys.CrisisReply] = ["number", "hours"],
        [UiKeys.CrisisReplyOffHours] = ["number", "hours"],
        [UiKeys.CrisisReplyLive] = ["number", "hours"],
        [UiKeys.CrisisRepeat] = ["number", "hours"],
        [UiKeys.CrisisRepeatLive] = ["number", "hours"],
        [UiKeys.CrisisWaiting] = ["number"],
        [UiKeys.WorkerPersonCrisis] = ["number", "kind"],
        [UiKeys.WorkerPersonConcern] = ["number", "kind"],
        [UiKeys.WorkerRiskSet] = ["number", "risk"],
        [UiKeys.SupervisorUrgentWaiting] = ["number", "minutes", "risk"],
        [UiKeys.HoursFormat] = ["days", "start", "end", "offset"],
        [UiKeys.WhoAmI] = ["id"],
        [UiKeys.SupervisorDeadLetter] = ["letter"],
        [UiKeys.SupervisorDeadLetterCase] = ["letter", "number"],
        [UiKeys.StatsChartMissed] = ["share"],
        // Helpline practice: the wrap-up form, shifts, supervision, reports.
        [UiKeys.CaseNobodyOnDuty] = ["number"],
        [UiKeys.ReportTitle] = ["period"],
        [UiKeys.LiveButtonLog] = ["number"],
        [UiKeys.LiveButtonTakeOver] = ["number"],
        [UiKeys.LiveHeader] = ["count"],
        [UiKeys.LiveLine] = ["age", "idle", "number", "risk", "worker"],
        [UiKeys.SupervisorNobodyOnDuty] = ["cases", "count"],
        [UiKeys.WhisperNoWorker] = ["number"],
        [UiKeys.WhisperSent] = ["number", "worker"],
        [UiKeys.WhisperToWorker] = ["number", "supervisor", "text"],
        [UiKeys.WorkerCheckIn] = ["number"],
        [UiKeys.DutyHandOver] = ["number"],
        [UiKeys.DutyOn] = ["max"],
        [UiKeys.DutyStatus] = ["count", "max", "state"],
        [UiKeys.HandoverNote] = ["note", "number", "worker"],
        [UiKeys.WorkerTakenOver] = ["number", "supervisor"],
        [UiKeys.WrapUpActionsPrompt] = ["number"],
        [UiKeys.WrapUpBlocked] = ["number"],
        [UiKeys.WrapUpCancelled] = ["number"],
        [UiKeys.WrapUpCannotEdit] = ["number"],
        [UiKeys.WrapUpCategoryPrompt] = ["number"],
        [UiKeys.WrapUpRepeatPrompt] = ["number"],
        [UiKeys.WrapUpReview] = ["actions", "category", "number", "repeat", "summary"],
        [UiKeys.WrapUpSaved] = ["number"],
        [UiKeys.WrapUpSubcategoryPrompt] = ["category", "number"],
        [UiKeys.WrapUpSummaryPrompt] = ["number"],
        [UiKeys.WorkerTakenBy] = ["number", "worker"],
        [UiKeys.WorkerYouTook] = ["number"],
        [UiKeys.WorkerAlreadyTaken] = ["number", "worker"],
        [UiKeys.WorkerNotYours] = ["number"],
        [UiKeys.WorkerCaseNotFound] = ["number"],
        [UiKeys.WorkerQueueHeader] = ["count"],
        [UiKeys.WorkerBoardHeader] = ["count"],
        [UiKeys.WorkerBoardLine] = ["mark", "number", "language", "time", "topics", "text"],
        [UiKeys.WorkerBoardMore] = ["cases"],
        [UiKeys.WorkerMyCasesHeader] = ["count"],
        [UiKeys.WorkerNoteSaved] = ["number"],
        [UiKeys.WorkerTransferred] = ["number"],
        [UiKeys.WorkerTransferredToYou] = ["number", "worker"],
        [UiKeys.WorkerClosePrompt] = ["number"],
        [UiKeys.WorkerClosed] = ["number"],
        [UiKeys.WorkerCannotReopen] = ["number"],
        [UiKeys.WorkerPersonMessage] = ["number"],
        [UiKeys.WorkerPersonLeft] = ["number"],
        [UiKeys.WorkerRated] = ["number", "stars"],
        [UiKeys.WorkerDeliveryRetrying] = ["number", "what"],
        [UiKeys.WorkerDeliveryDelivered] = ["number", "what"],
        [UiKeys.WorkerDeliveryFailed] = ["number", "what", "reason"],
        [UiKeys.WorkerCaseUnreachable] = ["number", "reason"],
        [UiKeys.SupervisorAuditHeader] = ["count"],
        [UiKeys.WorkerButtonTakeCase] = ["number"],
        [UiKeys.WorkerButtonSwitch] = ["number"],
        [UiKeys.WorkerQueueLine] = ["mark", "number", "language", "minutes", "topics"],
        [UiKeys.StatsCases] = ["open", "waiting", "urgent", "total"],
        [UiKeys.StatsPickup] = ["median", "p90", "count"],
        [UiKeys.StatsLanguages] = ["list"],
        [UiKeys.StatsTopics] = ["list"],
        [UiKeys.StatsRatings] = ["average", "count"],
        [UiKeys.TranscriptHeader] = ["number", "language", "status"],
        [UiKeys.TranscriptTopics] = ["topics"],
        [UiKeys.TranscriptFollows] = ["number"],
        [UiKeys.TranscriptDelivered] = ["count"],
        [UiKeys.TopicName] = ["number", "language", "topics"],
        [UiKeys.TopicCard] = ["number", "language", "topics", "risk", "consents", "worker", "text"],
        [UiKeys.TopicHolderLeft] = ["number", "worker"],
        [UiKeys.TopicWorkerWrote] = ["worker", "text"],
        [UiKeys.SupervisorStrangerInGroup] = ["id", "group"],
    };

    /// <summary>The placeholders the text of <paramref name="key"/> may use.</summary>
    public static IReadOnlySet<string> For(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (IsLabel(key))
        {
            return Placeholders.None;
        }

        var names = new HashSet<string>(StringComparer.Ordinal) { Placeholders.Numbers };
        names.UnionWith(Filled.GetValueOrDefault(key) ?? []);
        return names;
    }

    /// <summary>Button labels and command descriptions are shown as written.</summary>
    private static bool IsLabel(string key) =>
        key.StartsWith("button.", StringComparison.Ordinal)
        || key.StartsWith("command.", StringComparison.Ordinal)
        || key == UiKeys.WorkerTake;
}
