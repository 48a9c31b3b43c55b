using HotlineBot.Crisis;

namespace HotlineBot.Dialogs;

/// <summary>Loads and checks a dialogs folder: either a whole, valid set or the list of what is wrong. Never half a set.</summary>
public static class DialogCatalog
{
    /// <param name="numbers">The configured numbers (Hotline:Numbers); when given, {number:KEY} is checked against them.</param>
    /// <param name="modelKeptIn">A folder where the learned crisis model is kept between starts (the bot's data folder), if any.</param>
    public static (DialogSet? Set, IReadOnlyList<DialogProblem> Problems) Load(string directory, IReadOnlyCollection<string>? numbers = null, string? modelKeptIn = null)
    {
        var source = DialogYamlReader.ReadDirectory(directory);
        var crisis = CrisisYamlReader.Compile(source.Crisis, source.Problems, directory, modelKeptIn);
        var problems = DialogChecker.Check(source, numbers);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var set = new DialogSet(
            source.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal),
            new UiText(source.Strings.ToDictionary(s => s.Key, s => s.Value.Text, StringComparer.Ordinal)),
            new Questionnaire(source.Questions, source.Results, source.Fallback ?? new LocalizedText(null, null)),
            crisis,
            source.QuickReplies.Select(q => q.Reply).ToList(),
            source.WrapUp);
        return (set, problems);
    }

    /// <summary>Loads or throws one exception whose message lists every problem with file and line.</summary>
    public static DialogSet LoadOrThrow(string directory, IReadOnlyCollection<string>? numbers = null, string? modelKeptIn = null)
    {
        var (set, problems) = Load(directory, numbers, modelKeptIn);
        return set ?? throw new DialogLoadException(problems);
    }
}

public sealed class DialogLoadException(IReadOnlyList<DialogProblem> problems)
    : Exception($"The dialogs have {problems.Count} problem(s):" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<DialogProblem> Problems { get; } = problems;
}
