using System.CommandLine;
using System.Globalization;
using HotlineBot.Conversations;
using HotlineBot.Crisis;
using HotlineBot.Dialogs;
using HotlineBot.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HotlineBot.Hosting;

/// <summary>
/// `crisis eval [FILE]`: how the crisis patterns and the learned model do on a labelled corpus (recall and false alarms per
/// language and category, every miss and false alarm; a file the model learned from is cross-validated unless --as-loaded);
/// `crisis explain "TEXT"`: why one message did or did not raise the alarm. Both load the
/// dialogs from Dialogs:Path, so an editor sees the effect of an edit to dialogs/crisis.yaml at once.
/// </summary>
public static class CrisisCommands
{
    public const string DefaultCorpus = "dialogs/crisis-examples/phrases.yaml";

    public static Command Create()
    {
        var file = new Argument<string?>("file") { Arity = ArgumentArity.ZeroOrOne, Description = $"The labelled corpus (default: {DefaultCorpus})" };
        var minRecall = new Option<double?>("--min-recall") { Description = "Exit 1 when recall in a language is below this (e.g. 0.97)" };
        var maxFalse = new Option<double?>("--max-false") { Description = "Exit 1 when false alarms in a language are above this (e.g. 0.03)" };
        var asLoaded = new Option<bool>("--as-loaded")
        {
            Description = "For a file of the crisis examples: judge it with the model as the bot loads it, which learned the file (figures overstate), not cross-validated",
        };
        var eval = new Command("eval", "Recall and false alarms of dialogs/crisis.yaml and the learned model on a labelled corpus") { file, minRecall, maxFalse, asLoaded };
        eval.TreatUnmatchedTokensAsErrors = false;
        eval.SetAction(result => Evaluate([.. result.UnmatchedTokens], result.GetValue(file) ?? DefaultCorpus, result.GetValue(minRecall), result.GetValue(maxFalse), result.GetValue(asLoaded)));

        var text = new Argument<string>("text") { Description = "The message to explain" };
        var explain = new Command("explain", "Show how one message is folded and which crisis pattern matches it, and why") { text };
        explain.TreatUnmatchedTokensAsErrors = false;
        explain.SetAction(result => Explain([.. result.UnmatchedTokens], result.GetValue(text)!));
        return new Command("crisis", "Check the crisis patterns and the learned model") { eval, explain };
    }

    private static int Evaluate(string[] args, string corpus, double? minRecall, double? maxFalse, bool asLoaded)
    {
        if (Load(args) is not { } lexicon)
        {
            return 2;
        }

        if (!File.Exists(corpus))
        {
            Console.Error.WriteLine($"no corpus at {corpus}");
            return 2;
        }

        IReadOnlyList<CorpusPhrase> phrases;
        try
        {
            phrases = CrisisCorpus.Read(corpus);
        }
        catch (Exception e) when (e is CorpusFormatException or YamlDotNet.Core.YamlException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        string? note = null;
        var evaluation = asLoaded ? CrisisEvaluation.Run(lexicon, phrases) : CrisisExamples.Measure(lexicon, corpus, phrases, out note);
        if (note is not null)
        {
            Console.WriteLine($"({note})");
        }

        Console.Write(evaluation.Report(corpus));
        if (lexicon.HasModel)
        {
            var patterns = CrisisEvaluation.Run(lexicon.PatternsOnly, phrases);
            Console.WriteLine(string.Join("; ", new[] { Language.Kk, Language.Ru }.Select(lang => string.Create(CultureInfo.InvariantCulture,
                $"{lang.Code()} patterns alone: recall {patterns.RecallShown(lang)}, false alarms {patterns.FalseAlarms(lang):P1}"))));
        }
        var failed = new[] { Language.Kk, Language.Ru }
            .Where(lang => (minRecall is { } r && evaluation.Recall(lang) < r) || (maxFalse is { } f && evaluation.FalseAlarms(lang) > f))
            .ToList();
        foreach (var lang in failed)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{lang.Code()}: recall {evaluation.Recall(lang):P1}, false alarms {evaluation.FalseAlarms(lang):P1}: misses the goal (--min-recall {minRecall?.ToString(CultureInfo.InvariantCulture) ?? "-"}, --max-false {maxFalse?.ToString(CultureInfo.InvariantCulture) ?? "-"})"));
        }

        return failed.Count == 0 ? 0 : 1;
    }

    private static int Explain(string[] args, string text)
    {
        if (Load(args) is not { } lexicon)
        {
            return 2;
        }

        Console.WriteLine(lexicon.Explain(text));
        return 0;
    }

    private static CrisisLexicon? Load(string[] args)
    {
        using var host = HotlineHost.CreateBuilder(args, HostMode.Terminal).Build();
        var path = host.Services.GetRequiredService<IOptions<DialogsOptions>>().Value.Path;
        var (set, problems) = DialogCatalog.Load(path);
        foreach (var problem in problems)
        {
            Console.Error.WriteLine(problem);
        }

        return set?.Crisis;
    }
}
