using HotlineBot.Conversations;
using HotlineBot.Crisis;
using HotlineBot.Dialogs;
using Xunit.Abstractions;

namespace HotlineBot.Tests.Core;

/// <summary>
/// The real dialogs/crisis.yaml against the labelled corpora in dialogs/crisis-examples/ (phrases.yaml and the reported
/// held-out sets, all development data now): recall at least 97 % and false alarms at most 3 % in each language, with the
/// lexicon as the bot loads it. These figures overstate, as dev figures do: the patterns were tuned on these phrases and the
/// learned model learned them. What the model does on phrases it never saw is measured in <see cref="CrisisModelTests"/>
/// and by `crisis eval` (cross-validation); the honest figure is a blind set's (README).
/// </summary>
public sealed class CrisisCorpusTests(ITestOutputHelper output)
{
    private const double MinRecall = 0.97;
    private const double MaxFalseAlarms = 0.03;

    private static readonly Lazy<CrisisLexicon> Lexicon = new(() => DialogCatalog.LoadOrThrow(CoreHarness.DialogsPath).Crisis);

    private static string Corpus(string name) => Path.Combine(CoreHarness.DialogsPath, "crisis-examples", name);

    private static CrisisEvaluation Measure(string file) => CrisisEvaluation.Run(Lexicon.Value, CrisisCorpus.Read(Corpus(file)));

    [Theory]
    [InlineData(Language.Kk)]
    [InlineData(Language.Ru)]
    public void The_dev_corpus_meets_the_goals(Language lang)
    {
        var phrases = CrisisCorpus.Read(Corpus("phrases.yaml"));
        Assert.True(phrases.Count(p => p.Lang == lang && p.Alarm) >= 150, "at least 150 alarm phrases per language");
        Assert.True(phrases.Count(p => p.Lang == lang && !p.Alarm) >= 150, "at least 150 other phrases per language");
        var evaluation = Measure("phrases.yaml");
        output.WriteLine(evaluation.Report("phrases.yaml"));
        Assert.True(evaluation.Recall(lang) >= MinRecall, $"{lang} recall {evaluation.Recall(lang):P1} < {MinRecall:P0}; misses: " +
            string.Join(" | ", evaluation.Misses.Where(p => p.Lang == lang).Select(p => p.Text)));
        Assert.True(evaluation.FalseAlarms(lang) <= MaxFalseAlarms, $"{lang} false alarms {evaluation.FalseAlarms(lang):P1} > {MaxFalseAlarms:P0}: " +
            string.Join(" | ", evaluation.FalseAlarmList.Where(r => r.Phrase.Lang == lang).Select(r => $"{r.Phrase.Text} ← {r.Verdict.PatternId}")));
    }

    /// <summary>
    /// The held-out sets whose figures have been reported are development data from then on (issue 14: holdout.yaml since the
    /// second pass, holdout2.yaml since the third, holdout3.yaml since its blind figures were reported in the fourth, holdout4.yaml since the fifth,
    /// holdout5.yaml since the sixth, holdout6.yaml since the seventh, holdout7.yaml since the eighth, holdout8.yaml since the ninth, holdout9.yaml since the tenth, holdout10.yaml since the eleventh), so they must meet the same goals; a next blind set is measured by the lead and never added here before its figures are reported.
    /// </summary>
    [Theory]
    [InlineData("holdout.yaml", Language.Kk)]
    [InlineData("holdout.yaml", Language.Ru)]
    [InlineData("holdout2.yaml", Language.Kk)]
    [InlineData("holdout2.yaml", Language.Ru)]
    [InlineData("holdout3.yaml", Language.Kk)]
    [InlineData("holdout3.yaml", Language.Ru)]
    [InlineData("holdout4.yaml", Language.Kk)]
    [InlineData("holdout4.yaml", Language.Ru)]
    [InlineData("holdout5.yaml", Language.Kk)]
    [InlineData("holdout5.yaml", Language.Ru)]
    [InlineData("holdout6.yaml", Language.Kk)]
    [InlineData("holdout6.yaml", Language.Ru)]
    [InlineData("holdout7.yaml", Language.Kk)]
    [InlineData("holdout7.yaml", Language.Ru)]
    [InlineData("holdout8.yaml", Language.Kk)]
    [InlineData("holdout8.yaml", Language.Ru)]
    [InlineData("holdout9.yaml", Language.Kk)]
    [InlineData("holdout9.yaml", Language.Ru)]
    [InlineData("holdout10.yaml", Language.Kk)]
    [InlineData("holdout10.yaml", Language.Ru)]
    public void Every_reported_holdout_corpus_meets_the_goals_too(string file, Language lang)
    {
        var evaluation = Measure(file);
        output.WriteLine(evaluation.Report(file));
        Assert.True(evaluation.Results.Count(r => r.Phrase.Lang == lang) >= 100, $"{file} has its phrases");
        Assert.True(evaluation.Recall(lang) >= MinRecall, $"{file} {lang} recall {evaluation.Recall(lang):P1} < {MinRecall:P0}; misses: " +
            string.Join(" | ", evaluation.Misses.Where(p => p.Lang == lang).Select(p => p.Text)));
        Assert.True(evaluation.FalseAlarms(lang) <= MaxFalseAlarms, $"{file} {lang} false alarms {evaluation.FalseAlarms(lang):P1} > {MaxFalseAlarms:P0}: " +
            string.Join(" | ", evaluation.FalseAlarmList.Where(r => r.Phrase.Lang == lang).Select(r => $"{r.Phrase.Text} ← {r.Verdict.PatternId}")));
    }

    [Fact]
    public void Every_flagged_phrase_names_its_pattern_and_words_and_both_levels_occur()
    {
        var evaluation = CrisisEvaluation.Run(Lexicon.Value, CrisisCorpus.Read(Corpus("phrases.yaml")));
        foreach (var (phrase, verdict) in evaluation.Results.Where(r => r.Phrase.Alarm && r.Verdict.IsCrisis))
        {
            // The assessment names the pattern and the words, so a worker and an editor can see why.
            Assert.NotNull(verdict.PatternId);
            Assert.False(string.IsNullOrEmpty(verdict.Matched), phrase.Text);
        }

        Assert.Contains(evaluation.Results, r => r.Verdict.Level == CrisisLevel.Unclear);
        Assert.Contains(evaluation.Results, r => r.Verdict.Level == CrisisLevel.Clear);
    }
}
