namespace HotlineBot.Conversations;

/// <summary>Where a person is in their conversation with the hotline. Stored by name with the person.</summary>
public enum ConversationState
{
    ChoosingLanguage,
    Browsing,
    Answering,
    DescribingProblem,
    WaitingForWorker,
    TalkingWithWorker,
    Rating,
    RatingComment,

    // Groups of the states above, for the rules they share; a person is never in one of these itself.
    OutsideCase,
    InCase,
    AfterCase,
}
