namespace HotlineBot.Dialogs;

/// <summary>One answer a question offers. An exclusive option ("none of these") clears the others of a multi-select question.</summary>
public sealed record QuestionOption(string Value, LocalizedText Label, bool Exclusive = false);

/// <summary>A question; <see cref="Multi"/> lets a person pick several options (statuses, family situation).</summary>
public sealed record Question(string Id, LocalizedText Text, IReadOnlyList<QuestionOption> Options, SourceLocation Where, bool Multi = false);

/// <summary>How answers are kept while the questionnaire runs: one value, or the picked values of a multi-select joined by commas.</summary>
public static class QuestionAnswers
{
    public const char Separator = ',';

    public static IReadOnlyList<string> Values(string? answer) =>
        string.IsNullOrEmpty(answer) ? [] : answer.Split(Separator, StringSplitOptions.RemoveEmptyEntries);

    public static string Join(IEnumerable<string> values) => string.Join(Separator, values);
}

/// <summary>A conclusion shown when every listed answer matches (AND across questions, OR within one question's values).</summary>
public sealed record EligibilityResult(
    string Id,
    IReadOnlyDictionary<string, IReadOnlyList<string>> When,
    LocalizedText Text,
    SourceLocation Where)
{
    /// <summary>A skipped question never matches: we only tell people what their own answers support.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> answers) =>
        When.All(rule => answers.TryGetValue(rule.Key, out var given)
            && QuestionAnswers.Values(given).Any(v => rule.Value.Contains(v, StringComparer.Ordinal)));
}

/// <summary>The eligibility questions and the rules that turn answers into benefits and services that may apply.</summary>
public sealed record Questionnaire(
    IReadOnlyList<Question> Questions,
    IReadOnlyList<EligibilityResult> Results,
    LocalizedText Fallback)
{
    public static readonly Questionnaire Empty = new([], [], new LocalizedText(null, null));

    public IReadOnlyList<EligibilityResult> Evaluate(IReadOnlyDictionary<string, string> answers) =>
        Results.Where(r => r.Matches(answers)).ToList();

    public Question? Find(string id) => Questions.FirstOrDefault(q => q.Id == id);

    public Question? After(string id) => Offset(id, +1);

    public Question? Before(string id) => Offset(id, -1);

    private Question? Offset(string id, int by)
    {
        var index = Questions.ToList().FindIndex(q => q.Id == id) + by;
        return index >= 0 && index < Questions.Count && by != 0 && index - by >= 0 ? Questions[index] : null;
    }
}

/// <summary>The answer values a question's own buttons send besides its options (see CallbackData.Answer).</summary>
public static class EligibilityControls
{
    public const string Skip = "-";
    /// <summary>Done with a multi-select question: the ticked options are the answer.</summary>
    public const string Done = "+";
    /// <summary>Back to the previous question (the first question goes back to the menu).</summary>
    public const string Back = "<";
}
