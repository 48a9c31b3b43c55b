namespace HotlineBot.Conversations;

/// <summary>
/// The answers to the bot's one direct question after a worrying but unclear message ("are you thinking of killing
/// yourself?"), as crisis lines are trained to ask it. A button carries the answer's name.
/// </summary>
public enum ConcernAnswer
{
    /// <summary>Yes: the clear-danger path, the numbers at once and an urgent case.</summary>
    Yes,
    /// <summary>No: thanked, and the way to a specialist stays open.</summary>
    No,
    /// <summary>"I want to talk to a specialist": a case opens with the words already written.</summary>
    Talk,
}

public static class ConcernAnswers
{
    public static string Data(this ConcernAnswer answer) => answer switch
    {
        ConcernAnswer.Yes => "yes",
        ConcernAnswer.No => "no",
        _ => "talk",
    };

    public static ConcernAnswer? Parse(string? data) => data switch
    {
        "yes" => ConcernAnswer.Yes,
        "no" => ConcernAnswer.No,
        "talk" => ConcernAnswer.Talk,
        _ => null,
    };
}
