namespace HotlineBot.Conversations;

/// <summary>
/// A person who wrote to the hotline and where their conversation stands. Keyed by their private chat id,
/// which never leaves the server: workers only ever see case numbers. The rules of the conversation are in
/// Person.Conversation.cs; these properties are what is stored.
/// </summary>
public sealed partial class Person
{
    public const int MaxTrail = 20;
    public const int MaxTopics = 12;

    /// <summary>Topics of the bot's own (besides the content's node topics) that a worker sees on the case.</summary>
    public const string SpecialistTopic = "specialist";
    public const string QuestionnaireTopic = "questionnaire";

    public long Id { get; set; }
    public Language? Language { get; set; }
    public ConversationState State { get; set; } = ConversationState.ChoosingLanguage;
    public string? NodeId { get; set; }
    /// <summary>They came by the link straight to a specialist before choosing a language: once chosen, that is where they go.</summary>
    public bool SpecialistFirst { get; set; }
    /// <summary>The screens behind the current one, for Back.</summary>
    public List<string> Trail { get; set; } = [];
    public Dictionary<string, string> Answers { get; set; } = [];
    public string? QuestionId { get; set; }
    /// <summary>
    /// Words written outside a case, kept only until the person answers "pass them to a specialist?": yes opens a case
    /// with them already written, anything else forgets them.
    /// </summary>
    public string? PendingWords { get; set; }
    /// <summary>When <see cref="PendingWords"/> were kept: a person who never answers has them forgotten by Hotline:RetentionDays.</summary>
    public DateTimeOffset? WordsKeptAt { get; set; }
    public List<string> Topics { get; set; } = [];
    public int? ActiveCaseId { get; set; }
    public int? LastCaseId { get; set; }
    /// <summary>The person pressed "ask for a call back" and was told who will see their number; only then is a shared contact accepted.</summary>
    public bool PhoneConsentAsked { get; set; }
    /// <summary>
    /// The person hid the chat (safe exit): what others send them is held until they write again (see HeldMessages).
    /// </summary>
    public bool Hidden { get; set; }
    public bool Unreachable { get; set; }

    /// <summary>When the bot last gave this person its crisis reply: a second one within minutes gets a short line, not the block again.</summary>
    public DateTimeOffset? LastCrisisReplyAt { get; set; }

    /// <summary>
    /// A worrying but unclear message the bot asked about ("are you thinking of killing yourself?"), kept until the person
    /// answers, so a "yes" or "I want to talk" opens a case with their words already written.
    /// </summary>
    public PendingConcern? Concern { get; set; }
    /// <summary>Why the last message could not reach them; cleared when they write again.</summary>
    public Cases.DeliveryProblem? UnreachableReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Keeps words written outside a case while the person is asked whether to pass them to a specialist.</summary>
    public void KeepWords(string? words, DateTimeOffset now)
    {
        PendingWords = words;
        WordsKeptAt = words is null ? null : now;
    }

    /// <summary>The kept words, now forgotten here (they go into a case, or nowhere).</summary>
    public string? TakeWords()
    {
        var words = PendingWords;
        KeepWords(null, default);
        return words;
    }

    public void RememberTopic(string? topic)
    {
        if (string.IsNullOrEmpty(topic) || Topics.Contains(topic))
        {
            return;
        }

        Topics.Add(topic);
        if (Topics.Count > MaxTopics)
        {
            Topics.RemoveAt(0);
        }
    }
}
