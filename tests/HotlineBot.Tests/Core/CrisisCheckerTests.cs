using HotlineBot.Dialogs;

namespace HotlineBot.Tests.Core;

/// <summary>
/// Each problem the crisis reader reports, one at a time, at its exact line: the real dialogs folder is copied and one file
/// with crisis sections added, so every other rule stays satisfied (the way CheckerTests does it for screens).
/// </summary>
public sealed class CrisisCheckerTests
{
    private const string Broken = "zz_crisis.yaml";

    private static DialogProblem LoadWithExtraFile(string yaml, string marker, string messagePart)
    {
        using var dir = CheckerTests.CopyOfDialogs();
        return CheckerTests.LoadWithFile(dir, Broken, yaml, marker, messagePart);
    }

    [Fact]
    public void The_real_crisis_file_loads_with_many_patterns()
    {
        var (set, problems) = DialogCatalog.Load(CoreHarness.DialogsPath);
        Assert.Empty(problems);
        Assert.True(set!.Crisis.Count > 100);
        Assert.True(set.Crisis.Exceptions.Count > 20);
        foreach (var kind in Enum.GetValues<Crisis.CrisisKind>().Where(k => k != Crisis.CrisisKind.None))
        {
            Assert.Contains(set.Crisis.Rules, r => r.Kind == kind && r.Id.StartsWith("kk.", StringComparison.Ordinal));
            Assert.Contains(set.Crisis.Rules, r => r.Kind == kind && r.Id.StartsWith("ru.", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_valid_extra_pattern_loads_and_matches()
    {
        using var dir = new TempDir();
        TestPaths.CopyDialogsTo(dir.Path);

        File.WriteAllText(dir.File(Broken), """
            patterns:
              - id: extra.ok
                kind: child_danger
                level: unclear
                words: =на морозе|холоде ребенок
            """);
        var (set, problems) = DialogCatalog.Load(dir.Path);
        Assert.Empty(problems);
        Assert.Equal("extra.ok", set!.Crisis.Assess("ребенок на морозе").PatternId);
    }

    [Fact]
    public void A_misspelt_key() => LoadWithExtraFile("""
        patterns:
          - id: extra.key
            kind: suicide
            level: clear
            wrods: хочу умереть
        """, "wrods:", "unknown key 'wrods'");

    [Fact]
    public void Unless_without_near() => LoadWithExtraFile("""
        exceptions:
          - words: фильм|кино
            unless: тоже
        """, "- words: фильм|кино", "unless is for a context exception");

    [Fact]
    public void Negation_through_without_negation_after() => LoadWithExtraFile("""
        patterns:
          - id: extra.through
            kind: suicide
            level: clear
            words: өзімді кескім
            negation_through: деп
        """, "negation_through: деп", "give negation_after or negation too");

    [Fact]
    public void A_negation_after_item_of_three_words() => LoadWithExtraFile("""
        patterns:
          - id: extra.pairs
            kind: suicide
            level: clear
            words: суицид
            negation_after: [=нет, =не было никогда]
        """, "negation_after: [=нет", "one negator or two words");

    [Fact]
    public void Clause_without_near() => LoadWithExtraFile("""
        exceptions:
          - words: ойым жоқ
            clause: true
        """, "clause: true", "give it near too");

    [Fact]
    public void Clause_that_is_not_true_or_false() => LoadWithExtraFile("""
        exceptions:
          - words: ойым жоқ
            near: 4
            clause: yes
        """, "clause: yes", "clause must be true or false");

    [Fact]
    public void An_unknown_family_in_negation_after() => LoadWithExtraFile("""
        patterns:
          - id: extra.after
            kind: suicide
            level: clear
            words: өзімді кескім
            negation_after: <жоқтар>
        """, "negation_after: <жоқтар>", "unknown family <жоқтар>");

    [Fact]
    public void Cancels_other_than_unclear() => LoadWithExtraFile("""
        exceptions:
          - words: справк|очеред
            near: 4
            cancels: clear
        """, "cancels: clear", "cancels must be unclear");

    [Fact]
    public void An_unknown_kind() => LoadWithExtraFile("""
        patterns:
          - id: extra.kind
            kind: suicde
            level: clear
            words: хочу умереть
        """, "kind: suicde", "not 'suicde'");

    [Fact]
    public void An_unknown_level() => LoadWithExtraFile("""
        patterns:
          - id: extra.level
            kind: suicide
            level: urgent
            words: хочу умереть
        """, "level: urgent", "level must be clear or unclear");

    [Fact]
    public void A_too_short_stem_alone() => LoadWithExtraFile("""
        patterns:
          - id: extra.short
            kind: violence
            level: clear
            words: бь|удар
        """, "words: бь|удар", "stem 'бь' is too short");

    [Fact]
    public void A_short_stem_is_fine_next_to_another_word()
    {
        var (_, problems) = CrisisMatcherTests.Read("""
            patterns:
              - id: short.ok
                kind: violence
                level: clear
                words: =он бьет
            """);
        Assert.Empty(problems);
    }

    [Fact]
    public void An_empty_alternative() => LoadWithExtraFile("""
        patterns:
          - id: extra.empty
            kind: suicide
            level: clear
            words: хочу умереть||сдохнуть
        """, "words: хочу", "an empty stem");

    [Fact]
    public void A_stem_that_folds_to_nothing() => LoadWithExtraFile("""
        patterns:
          - id: extra.nothing
            kind: suicide
            level: clear
            words: хочу ьъ
        """, "words: хочу", "has no letters after folding");

    [Fact]
    public void A_hyphenated_stem() => LoadWithExtraFile("""
        patterns:
          - id: extra.hyphen
            kind: suicide
            level: clear
            words: өз-өзіме
        """, "words: өз-өзіме", "read as 2 words");

    [Theory]
    [InlineData("0")]
    [InlineData("13")]
    [InlineData("four")]
    public void A_bad_window(string window) => LoadWithExtraFile($"""
        patterns:
          - id: extra.window
            kind: suicide
            level: clear
            words: хочу умереть
            window: {window}
        """, "window:", "window must be a whole number");

    [Fact]
    public void A_window_smaller_than_its_words() => LoadWithExtraFile("""
        patterns:
          - id: extra.narrow
            kind: suicide
            level: clear
            words: я хочу умереть
            window: 2
        """, "words: я хочу", "window 2 is smaller than the 3 words");

    [Fact]
    public void An_unknown_family() => LoadWithExtraFile("""
        patterns:
          - id: extra.family
            kind: violence
            level: clear
            words: <бит> меня
        """, "words: <бит>", "unknown family <бит>");

    [Fact]
    public void An_unknown_order() => LoadWithExtraFile("""
        patterns:
          - id: extra.order
            kind: violence
            level: clear
            words: бьет меня
            order: sorted
        """, "order: sorted", "order must be any, in_order or together");

    [Fact]
    public void A_duplicate_pattern_id() => LoadWithExtraFile("""
        patterns:
          - id: ru.want_to_die
            kind: suicide
            level: clear
            words: хочу умереть
        """, "- id: ru.want_to_die", "pattern id 'ru.want_to_die' is used twice");

    [Fact]
    public void A_misspelt_key_in_an_exception() => LoadWithExtraFile("""
        exceptions:
          - words: убить время
            windw: 3
        """, "windw:", "unknown key 'windw' in an exception");

    /// <summary>The real crisis.yaml with its 'learned' section replaced, loaded from a copy: the one problem, at its line.</summary>
    private static DialogProblem LoadWithLearned(string learned, string marker, string messagePart)
    {
        using var dir = CheckerTests.CopyOfDialogs();
        var crisis = File.ReadAllText(dir.File("crisis.yaml"));
        var at = crisis.IndexOf("\nlearned:", StringComparison.Ordinal);
        Assert.True(at > 0, "crisis.yaml has a learned section");
        return CheckerTests.LoadWithFile(dir, "crisis.yaml", crisis[..(at + 1)] + learned, marker, messagePart);
    }

    [Fact]
    public void A_misspelt_key_in_learned() => LoadWithLearned("""
        learned:
          exmples: crisis-examples
          threshold: 0.9
        """, "exmples:", "unknown key 'exmples' in learned");

    [Fact]
    public void A_missing_examples_folder() => LoadWithLearned("""
        learned:
          examples: crisis-exampels
        """, "examples: crisis-exampels", "the examples folder 'crisis-exampels' does not exist");

    [Fact]
    public void A_threshold_out_of_range() => LoadWithLearned("""
        learned:
          examples: crisis-examples
          threshold: 1.5
        """, "threshold: 1.5", "threshold must be a number from 0.5");

    [Fact]
    public void A_broken_example_names_its_file_and_line()
    {
        using var dir = CheckerTests.CopyOfDialogs();
        CheckerTests.LoadWithFile(dir, Path.Combine("crisis-examples", "zz.yaml"), """
            phrases:
              - { lang: ru, expect: alarm, category: suicide, text: "не хочу больше жить" }
              - { lang: ru, expect: alarm, category: suicide }
            """, "category: suicide }", "a phrase needs lang");
    }

    [Fact]
    public void An_alarm_example_without_a_known_category()
    {
        using var dir = CheckerTests.CopyOfDialogs();
        CheckerTests.LoadWithFile(dir, Path.Combine("crisis-examples", "zz.yaml"), """
            phrases:
              - { lang: ru, expect: alarm, category: sucide, text: "не хочу больше жить" }
            """, "sucide", "an alarm example needs a category");
    }
}
