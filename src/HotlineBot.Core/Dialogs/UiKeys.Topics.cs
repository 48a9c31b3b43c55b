namespace HotlineBot.Dialogs;

/// <summary>
/// Keys for cases as topics (issue 16): a case's topic name and its card in a staff group, and the supervisors' notice
/// about a stranger in a staff group. A partial of <see cref="UiKeys"/>, so the checker requires them like the others.
/// </summary>
public static partial class UiKeys
{
    /// <summary>A case's topic name (the status mark goes in front): "#12 · ru · Пособия".</summary>
    public const string TopicName = "topic.name";
    public const string TopicCard = "topic.card";
    public const string TopicNoTopics = "topic.no.topics";
    public const string TopicNoConsent = "topic.consent.none";
    public const string TopicConsentPhone = "topic.consent.phone";
    public const string TopicInQueue = "topic.holder.none";
    public const string TopicHolderLeft = "topic.holder.left";
    public const string TopicWorkerWrote = "topic.worker.wrote";
    public const string SupervisorStrangerInGroup = "supervisor.stranger.in.group";

    /// <summary>What a topic a person browsed is called in a case's topic name ("benefits" → "Пособия"): topic.label.KEY.</summary>
    public const string TopicLabelBenefits = "topic.label.benefits";
    public const string TopicLabelServices = "topic.label.services";
    public const string TopicLabelProtection = "topic.label.protection";
    public const string TopicLabelProbation = "topic.label.probation";
    public const string TopicLabelNumbers = "topic.label.numbers";
    public const string TopicLabelEligible = "topic.label.eligible";
    public const string TopicLabelWorkers = "topic.label.workers";
    public const string TopicLabelSpecialist = "topic.label.specialist";
    public const string TopicLabelQuestionnaire = "topic.label.questionnaire";
}
