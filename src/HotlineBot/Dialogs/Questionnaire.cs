namespace HotlineBot.Dialogs;

public sealed record QuestionOption(string Value, LocalizedText Label);

public sealed record Question(string Id, LocalizedText Text, IReadOnlyList<QuestionOption> Options, SourceLocation Where);

/// <summary>A conclusion shown when every listed answer matches (AND across questions, OR within one question's values).</summary>
public sealed record EligibilityResult(
    string Id,
    IReadOnlyDictionary<string, IReadOnlyList<string>> When,
    LocalizedText Text,
    SourceLocation Where)
{
    /// <summary>A skipped question never matches: we only tell people what their own answers support.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> answers) =>
        When.All(rule => answers.TryGetValue(rule.Key, out var given) && rule.Value.Contains(given, StringComparer.Ordinal));
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

    public Question? After(string id)
    {
        var index = Questions.ToList().FindIndex(q => q.Id == id);
        return index >= 0 && index + 1 < Questions.Count ? Questions[index + 1] : null;
    }
}
