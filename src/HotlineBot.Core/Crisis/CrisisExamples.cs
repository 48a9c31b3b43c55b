using HotlineBot.Dialogs;
using YamlDotNet.Core;

namespace HotlineBot.Crisis;

/// <summary>
/// The labelled phrases the learned model is taught with: every *.yaml in the folder that dialogs/crisis.yaml's 'learned'
/// section names, in the corpus format of tests/crisis/README.md. A phrase a counsellor adds there (a miss, a false alarm)
/// teaches the model on the next start. A file that cannot be read is a problem with its file and line, like any dialog file.
/// </summary>
public static class CrisisExamples
{
    /// <summary>The danger a corpus category stands for: both suicide categories are a suicide risk; calm ones are none.</summary>
    public static CrisisKind? KindOf(CorpusPhrase phrase) => !phrase.Alarm ? CrisisKind.None : phrase.Category switch
    {
        "suicide" or "suicide_unclear" => CrisisKind.Suicide,
        "self_harm" => CrisisKind.SelfHarm,
        "violence" => CrisisKind.Violence,
        "sexual_violence" => CrisisKind.SexualViolence,
        "child_danger" => CrisisKind.ChildDanger,
        _ => null,
    };

    /// <summary>The example a labelled phrase teaches, or none when an alarm phrase has no known category.</summary>
    public static CrisisExample? ExampleOf(CorpusPhrase phrase) => KindOf(phrase) is { } kind ? new CrisisExample(phrase.Text, kind) : null;

    /// <summary>How many parts a file of the examples is cut into when it is measured (<see cref="Measure"/>).</summary>
    public const int Folds = 5;

    /// <summary>
    /// Measures <paramref name="phrases"/> (read from <paramref name="corpus"/>). When the file is one of the examples the model
    /// learned from, the model would only be remembering: each phrase is judged instead by a model that never saw it, taught
    /// by the other example files and four fifths of this one (cross-validation in <see cref="Folds"/> parts, so the main
    /// file keeps most of what it teaches). <paramref name="note"/> says so, for the report; otherwise the lexicon as it is.
    /// </summary>
    public static CrisisEvaluation Measure(CrisisLexicon lexicon, string corpus, IReadOnlyList<CorpusPhrase> phrases, out string? note)
    {
        var full = Path.GetFullPath(corpus);
        if (lexicon.LearnedFrom is not { } folder || Path.GetDirectoryName(full) != folder)
        {
            note = null;
            return CrisisEvaluation.Run(lexicon, phrases);
        }

        var problems = new List<DialogProblem>();
        var others = Read(folder, ".", new SourceLocation(folder, 0), problems, without: full)
            ?? throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        var verdicts = new CrisisAssessment[phrases.Count];
        Parallel.For(0, Folds, fold =>
        {
            var taught = others.Concat(phrases.Where((_, i) => i % Folds != fold).Select(ExampleOf).OfType<CrisisExample>()).ToList();
            var measured = lexicon.WithModel(CrisisModel.For(taught));
            for (var i = fold; i < phrases.Count; i += Folds)
            {
                verdicts[i] = measured.Assess(phrases[i].Text);
            }
        });
        note = $"each phrase of {Path.GetFileName(full)} was judged by a learned model that never saw it: {Folds} models, each taught by the other example files and four fifths of this one";
        return CrisisEvaluation.Of(phrases, verdicts);
    }

    /// <param name="without">A file of the folder to leave out (full path): `crisis eval` measures the model on a file it did not learn.</param>
    public static IReadOnlyList<CrisisExample>? Read(string dialogs, string folder, SourceLocation where, ICollection<DialogProblem> problems, string? without = null)
    {
        var path = Path.GetFullPath(Path.Combine(dialogs, folder));
        if (!Directory.Exists(path))
        {
            problems.Add(new(where, $"learned: the examples folder '{folder}' does not exist (looked for {path})"));
            return null;
        }

        var examples = new List<CrisisExample>();
        var before = problems.Count;
        foreach (var file in Directory.EnumerateFiles(path, "*.yaml").Where(f => f != without).Order(StringComparer.Ordinal))
        {
            var shown = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
            try
            {
                foreach (var phrase in CrisisCorpus.Read(file))
                {
                    if (ExampleOf(phrase) is { } example)
                    {
                        examples.Add(example);
                    }
                    else
                    {
                        problems.Add(new(new SourceLocation(shown, phrase.Line),
                            $"an alarm example needs a category: suicide, suicide_unclear, self_harm, violence, sexual_violence or child_danger (not '{phrase.Category}')"));
                    }
                }
            }
            catch (CorpusFormatException e)
            {
                problems.Add(new(new SourceLocation(shown, e.Line), e.Reason));
            }
            catch (YamlException e)
            {
                problems.Add(new(new SourceLocation(shown, (int)e.Start.Line), "not valid YAML: " + e.Message.Split('\n')[0]));
            }
        }

        if (problems.Count == before && (!examples.Any(e => e.Kind == CrisisKind.None) || !examples.Any(e => e.Kind != CrisisKind.None)))
        {
            problems.Add(new(where, $"learned: the examples in '{folder}' need phrases that must raise the alarm and phrases that must not"));
        }

        return problems.Count == before ? examples : null;
    }
}
