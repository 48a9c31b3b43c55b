using HotlineBot.Cases;
using HotlineBot.Conversations;
using HotlineBot.Crisis;
using HotlineBot.Dialogs;
using HotlineBot.Storage;
using Xunit.Abstractions;

namespace HotlineBot.Tests.Core;

/// <summary>
/// The learned second opinion (<see cref="CrisisModel"/>): it learns from dialogs/crisis-examples/, says the same on every
/// start, generalises to a file it never saw, speaks only where no pattern found its words (a cancelled pattern is the
/// editors' verdict), flags only the worrying level, and a message only it recognises gets the direct question.
/// </summary>
public sealed class CrisisModelTests(ITestOutputHelper output)
{
    private const long Person = 8201;

    /// <summary>Found by no pattern, recognised by the model (checked below, so a new pattern that covers it shows up here).</summary>
    // «на руках уже места нет от шрамов» was this example until the sixth pass of issue 14 covered scars on the arms by a pattern.
    private const string OnlyTheModelKnows = "каждую ночь думаю как всё это прекратить навсегда";

    private static readonly Lazy<CrisisLexicon> Lexicon = new(() => DialogCatalog.LoadOrThrow(CoreHarness.DialogsPath).Crisis);

    private static string Examples(string file) => Path.Combine(CoreHarness.DialogsPath, "crisis-examples", file);

    private static List<CrisisExample> ExamplesOf(params string[] files) =>
        [.. files.SelectMany(f => CrisisCorpus.Read(Examples(f))).Select(p => CrisisExamples.ExampleOf(p)!.Value)];

    [Fact]
    public void The_same_examples_teach_the_same_model()
    {
        var examples = ExamplesOf("holdout2.yaml", "holdout3.yaml");
        var first = CrisisModel.Train(examples);
        var second = CrisisModel.Train(examples);
        var probe = CrisisCorpus.Read(Examples("holdout.yaml"));
        Assert.All(probe, p => Assert.Equal(first.Predict(CrisisText.Words(p.Text)), second.Predict(CrisisText.Words(p.Text))));
        Assert.Same(CrisisModel.For(examples), CrisisModel.For([.. examples]));
    }

    [Theory]
    [InlineData(Language.Kk)]
    [InlineData(Language.Ru)]
    public void On_a_file_it_did_not_learn_the_model_alone_finds_most_dangers_and_few_calm_messages(Language lang)
    {
        // The model alone (no patterns), taught without holdout4.yaml, on holdout4.yaml: a measure of what it learned, not
        // of what it remembers. Measured at the end of the sixth pass: kk 92.8 % of the dangers with 0.9 % false alarms, ru 91.1 % with 0 %.
        var taught = ExamplesOf([.. Directory.EnumerateFiles(Path.GetDirectoryName(Examples("x"))!, "*.yaml").Select(Path.GetFileName).Where(f => f != "holdout4.yaml")!]);
        var modelAlone = new CrisisLexicon([], [], Task.FromResult(CrisisModel.For(taught)), CrisisYamlReader.DefaultThreshold);
        var evaluation = CrisisEvaluation.Run(modelAlone, CrisisCorpus.Read(Examples("holdout4.yaml")));
        output.WriteLine(evaluation.Report("holdout4.yaml, model alone"));
        Assert.True(evaluation.Recall(lang) >= 0.80, $"{lang}: recall {evaluation.Recall(lang):P1}");
        Assert.True(evaluation.FalseAlarms(lang) <= 0.06, $"{lang}: false alarms {evaluation.FalseAlarms(lang):P1}");
        Assert.All(evaluation.Results.Where(r => r.Verdict.IsCrisis), r =>
        {
            Assert.Equal(CrisisLevel.Unclear, r.Verdict.Level);
            Assert.Equal(CrisisLexicon.LearnedId, r.Verdict.PatternId);
            Assert.False(string.IsNullOrEmpty(r.Verdict.Matched));
        });
    }

    [Theory]
    [InlineData(Language.Kk)]
    [InlineData(Language.Ru)]
    public void Cross_validated_on_the_main_file_the_model_adds_few_false_alarms(Language lang)
    {
        // phrases.yaml's calm phrases were written to trip the patterns (the same verbs in everyday senses): the hardest test
        // of the model's false alarms. Each phrase judged by a model that never saw it; at the threshold 0.9 the model added
        // 34 of 829 (kk, 4.1 %) and 38 of 859 (ru, 4.4 %) at the end of the sixth pass, the patterns alone 0.5 % and 0.3 %.
        var phrases = CrisisCorpus.Read(Examples("phrases.yaml"));
        var evaluation = CrisisExamples.Measure(Lexicon.Value, Examples("phrases.yaml"), phrases, out var note);
        Assert.NotNull(note);
        output.WriteLine(evaluation.Report("phrases.yaml, cross-validated"));
        Assert.True(evaluation.Recall(lang) >= 0.97, $"{lang}: recall {evaluation.Recall(lang):P1}");
        var byModel = evaluation.FalseAlarmList.Count(r => r.Phrase.Lang == lang && r.Verdict.PatternId == CrisisLexicon.LearnedId);
        var calm = phrases.Count(p => p.Lang == lang && !p.Alarm);
        Assert.True(byModel <= calm * 0.07, $"{lang}: the model flagged {byModel} of {calm} calm phrases");
    }

    [Fact]
    public void Where_a_negation_or_an_exception_cancelled_a_pattern_the_model_is_not_asked()
    {
        // A model taught that both messages are dangers: only the patterns' own verdict can keep one of them calm.
        const string Negated = "я не хочу умирать, хочу лечиться";
        const string Calm = "подскажите пожалуйста где оформить пособие на ребенка";
        var alarmist = Lexicon.Value.WithModel(CrisisModel.Train(
            [.. Enumerable.Repeat(new CrisisExample(Negated, CrisisKind.Suicide), 20), .. Enumerable.Repeat(new CrisisExample(Calm, CrisisKind.Suicide), 20), new("ок", CrisisKind.None)]));
        var real = Lexicon.Value;
        Assert.True(alarmist.Model!.Predict(CrisisText.Words(Negated)).Alarm >= CrisisYamlReader.DefaultThreshold);

        Assert.Contains("cancelled:", real.Explain(Negated), StringComparison.Ordinal);
        Assert.False(alarmist.Assess(Negated).IsCrisis);

        Assert.DoesNotContain("cancelled:", real.Explain(Calm), StringComparison.Ordinal);
        var verdict = alarmist.Assess(Calm);
        Assert.Equal(CrisisLevel.Unclear, verdict.Level);
        Assert.Equal(CrisisLexicon.LearnedId, verdict.PatternId);
        Assert.False(real.Assess(Calm).IsCrisis);
    }

    [Fact]
    public void Explain_shows_the_models_opinion_and_the_words_that_weighed()
    {
        var explained = Lexicon.Value.Explain(OnlyTheModelKnows);
        output.WriteLine(explained);
        Assert.Contains("learned model (", explained, StringComparison.Ordinal);
        Assert.Contains("towards danger: ", explained, StringComparison.Ordinal);
        Assert.Contains("result: unclear", explained, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_only_the_model_recognises_gets_the_direct_question_and_yes_opens_an_urgent_case()
    {
        Assert.False(Lexicon.Value.PatternsOnly.Assess(OnlyTheModelKnows).IsCrisis);
        using var bot = new CoreHarness();
        bot.Onboard(Person);
        bot.Say(Person, OnlyTheModelKnows);
        var question = Assert.Single(bot.RepliesTo(Person), o => o.Priority == OutboundPriority.Crisis);
        Assert.Contains("вы думаете о том, чтобы покончить с собой?", question.Text, StringComparison.Ordinal);
        Assert.Empty(bot.Get<ICaseStore>().All());

        bot.Press(Person, "c:yes");
        var @case = Assert.Single(bot.Get<ICaseStore>().All());
        Assert.True(@case.Urgent);
        var log = bot.Get<ICaseStore>().Log(@case.Id);
        Assert.Contains(log, e => e.Kind == CaseEventKind.PersonMessage && e.Text == OnlyTheModelKnows);
        Assert.Contains(log, e => e.Kind == CaseEventKind.Crisis && e.Text!.Contains(CrisisLexicon.LearnedId, StringComparison.Ordinal));
    }

    [Fact]
    public void In_an_open_case_the_model_stays_silent_and_the_words_go_to_the_case()
    {
        using var bot = new CoreHarness();
        bot.Onboard(Person);
        bot.Press(Person, "a:escalate");
        bot.Say(Person, "вопрос про пособие");
        bot.Say(Person, OnlyTheModelKnows);
        Assert.DoesNotContain(bot.RepliesTo(Person), o => o.Priority == OutboundPriority.Crisis);
        Assert.Contains("Добавлено к обращению №1", bot.TextTo(Person), StringComparison.Ordinal);
        var log = bot.Get<ICaseStore>().Log(1);
        Assert.Contains(log, e => e.Kind == CaseEventKind.PersonMessage && e.Text == OnlyTheModelKnows);
        Assert.DoesNotContain(log, e => e.Kind == CaseEventKind.Crisis);
    }
}
