using HotlineBot.Conversations;
using YamlDotNet.RepresentationModel;

namespace HotlineBot.Crisis;

/// <summary>One labelled phrase of tests/crisis/*.yaml: what a person might write and whether a counsellor would want it flagged.</summary>
public sealed record CorpusPhrase(Language Lang, bool Alarm, string Category, string Text, int Line);

/// <summary>Reads a labelled corpus (phrases: list of { lang, expect, category, text }); a malformed entry stops with its line.</summary>
public static class CrisisCorpus
{
    public static IReadOnlyList<CorpusPhrase> Read(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("phrases"), out var list) || list is not YamlSequenceNode phrases)
        {
            throw new CorpusFormatException(path, 1, "expected 'phrases:' with a list");
        }

        var result = new List<CorpusPhrase>();
        foreach (var item in phrases.Children)
        {
            var line = (int)item.Start.Line;
            string? Get(string key) => item is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;
            var lang = LanguageCodes.Parse(Get("lang"));
            var expect = Get("expect");
            var text = Get("text");
            if (lang is null || expect is not ("alarm" or "none") || string.IsNullOrWhiteSpace(text))
            {
                throw new CorpusFormatException(path, line, "a phrase needs lang: kk|ru, expect: alarm|none and text");
            }

            result.Add(new CorpusPhrase(lang.Value, expect == "alarm", Get("category") ?? "-", text, line));
        }

        return result;
    }
}

/// <summary>A labelled corpus that cannot be read, with the file and line to open.</summary>
public sealed class CorpusFormatException(string file, int line, string reason) : FormatException($"{file}:{line}: {reason}")
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public string Reason { get; } = reason;
}

/// <summary>Recall (alarm phrases flagged) and false alarms (none phrases flagged) of a lexicon on a corpus, per language and category.</summary>
public sealed class CrisisEvaluation
{
    private CrisisEvaluation(IReadOnlyList<(CorpusPhrase Phrase, CrisisAssessment Verdict)> results) => Results = results;

    public IReadOnlyList<(CorpusPhrase Phrase, CrisisAssessment Verdict)> Results { get; }

    public static CrisisEvaluation Run(CrisisLexicon lexicon, IEnumerable<CorpusPhrase> phrases) =>
        new([.. phrases.Select(p => (p, lexicon.Assess(p.Text)))]);

    /// <summary>Verdicts reached elsewhere (one per phrase, in order), e.g. by models that never saw the phrase.</summary>
    public static CrisisEvaluation Of(IReadOnlyList<CorpusPhrase> phrases, IReadOnlyList<CrisisAssessment> verdicts) =>
        new([.. phrases.Zip(verdicts)]);

    public double Recall(Language? lang = null, string? category = null) => Rate(true, lang, category);

    /// <summary>Recall as the reports print it: «—» for a corpus with no alarm phrases in the language (all calm, as ordinary.yaml).</summary>
    public string RecallShown(Language lang) =>
        double.IsNaN(Recall(lang)) ? "—" : Recall(lang).ToString("P1", System.Globalization.CultureInfo.InvariantCulture);

    public double FalseAlarms(Language? lang = null, string? category = null) => Rate(false, lang, category);

    public IEnumerable<CorpusPhrase> Misses => Results.Where(r => r.Phrase.Alarm && !r.Verdict.IsCrisis).Select(r => r.Phrase);

    public IEnumerable<(CorpusPhrase Phrase, CrisisAssessment Verdict)> FalseAlarmList => Results.Where(r => !r.Phrase.Alarm && r.Verdict.IsCrisis);

    private double Rate(bool alarm, Language? lang, string? category)
    {
        var group = Results.Where(r => r.Phrase.Alarm == alarm && (lang is null || r.Phrase.Lang == lang) && (category is null || r.Phrase.Category == category)).ToList();
        return group.Count == 0 ? double.NaN : (double)group.Count(r => r.Verdict.IsCrisis) / group.Count;
    }

    /// <summary>The report `crisis eval` prints: figures per language, per category, the level split, every miss and false alarm.</summary>
    public string Report(string corpusName)
    {
        var w = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        w.WriteLine($"{corpusName}: {Results.Count} phrases");
        foreach (var lang in new[] { Language.Kk, Language.Ru })
        {
            var alarms = Results.Where(r => r.Phrase.Lang == lang && r.Phrase.Alarm).ToList();
            var nones = Results.Where(r => r.Phrase.Lang == lang && !r.Phrase.Alarm).ToList();
            w.WriteLine($"{lang.Code()}: recall {RecallShown(lang)} ({alarms.Count(r => r.Verdict.IsCrisis)}/{alarms.Count}), " +
                $"false alarms {FalseAlarms(lang):P1} ({nones.Count(r => r.Verdict.IsCrisis)}/{nones.Count}); " +
                $"alarms flagged clear {alarms.Count(r => r.Verdict.Level == CrisisLevel.Clear)}, unclear {alarms.Count(r => r.Verdict.Level == CrisisLevel.Unclear)}" +
                $" (by the learned model {alarms.Count(r => r.Verdict.PatternId == CrisisLexicon.LearnedId)}; its false alarms {nones.Count(r => r.Verdict.PatternId == CrisisLexicon.LearnedId)})");
            foreach (var category in Results.Where(r => r.Phrase.Lang == lang).Select(r => (r.Phrase.Category, r.Phrase.Alarm)).Distinct().OrderBy(c => !c.Alarm).ThenBy(c => c.Category, StringComparer.Ordinal))
            {
                var group = Results.Where(r => r.Phrase.Lang == lang && r.Phrase.Category == category.Category && r.Phrase.Alarm == category.Alarm).ToList();
                var flagged = group.Count(r => r.Verdict.IsCrisis);
                w.WriteLine(category.Alarm
                    ? $"  {category.Category,-16} recall {(double)flagged / group.Count,7:P1} ({flagged}/{group.Count}; clear {group.Count(r => r.Verdict.Level == CrisisLevel.Clear)}, unclear {group.Count(r => r.Verdict.Level == CrisisLevel.Unclear)})"
                    : $"  {category.Category,-16} false   {(double)flagged / group.Count,7:P1} ({flagged}/{group.Count})");
            }
        }

        var misses = Misses.ToList();
        w.WriteLine($"misses ({misses.Count}):");
        misses.ForEach(p => w.WriteLine($"  line {p.Line} {p.Lang.Code()} {p.Category}: {p.Text}"));
        var falseAlarms = FalseAlarmList.ToList();
        w.WriteLine($"false alarms ({falseAlarms.Count}):");
        falseAlarms.ForEach(r => w.WriteLine($"  line {r.Phrase.Line} {r.Phrase.Lang.Code()} {r.Phrase.Category}: {r.Phrase.Text}  ← {r.Verdict.Explanation}"));
        return w.ToString();
    }
}
