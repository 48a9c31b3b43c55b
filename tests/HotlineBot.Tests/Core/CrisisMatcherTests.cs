using HotlineBot.Crisis;
using HotlineBot.Dialogs;
using YamlDotNet.RepresentationModel;

namespace HotlineBot.Tests.Core;

/// <summary>The pattern notation on small crisis files of its own: word order, windows, families, exceptions, negation, levels.</summary>
public sealed class CrisisMatcherTests
{
    /// <summary>Reads <paramref name="yaml"/> through the real crisis reader and compiler; fails on any problem.</summary>
    internal static CrisisLexicon Lexicon(string yaml)
    {
        var (lexicon, problems) = Read(yaml);
        Assert.Empty(problems);
        return lexicon;
    }

    internal static (CrisisLexicon Lexicon, List<DialogProblem> Problems) Read(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var source = new CrisisSource();
        var problems = new List<DialogProblem>();
        foreach (var (key, value) in ((YamlMappingNode)stream.Documents[0].RootNode).Children)
        {
            CrisisYamlReader.ReadSection(((YamlScalarNode)key).Value!, value, "test.yaml", source, problems);
        }

        return (CrisisYamlReader.Compile(source, problems), problems);
    }

    private static readonly Lazy<CrisisLexicon> Small = new(() => Lexicon("""
        families:
          бить: [бьет, бил, избил, избива, ударил, душит, душил, задушу]
          ұру: [ұрады, ұрды, ұрып, сабады]
        patterns:
          - id: want_die
            kind: suicide
            level: clear
            words: хочу|хочется умереть|умирать
            negation: =не
          - id: no_live
            kind: suicide
            level: clear
            words: =не хочу|хочется жить
          - id: window
            kind: suicide
            level: clear
            words: =в окно выйти|выйду
            order: in_order
            window: 3
          - id: olgim
            kind: suicide
            level: clear
            words: өлгім келеді|келіп|кеп
            order: together
          - id: beats
            kind: violence
            level: clear
            words: <бить> меня|мужа|детей
          - id: kk_beats
            kind: violence
            level: clear
            words: күйеуім <ұру>
          - id: tired
            kind: suicide
            level: unclear
            words: устала от всего|жизни
            window: 4
          - id: hang
            kind: suicide
            level: clear
            words: асылып
          - id: end_life
            kind: suicide
            level: clear
            words: өмірімді қиямын
          - id: resolve
            kind: suicide
            level: clear
            words: өлуге бел будым
            order: together
        exceptions:
          - сердце бьется|бьет
          - кашель|кашлем душил|душит
          - доп ұрады
          - words: фильм|новост
            near: 5
            unless: тоже|опять|=де
        """));

    [Theory]
    [InlineData("хочу умереть", "want_die")]
    [InlineData("умереть хочу", "want_die")] // any order
    [InlineData("хочу так сильно умереть", "want_die")] // two words between: four words in all, the default window
    [InlineData("xочу умереть", "want_die")] // Latin look-alike х
    [InlineData("hochu umeret", "want_die")] // Latin transliteration
    [InlineData("хочу очень-очень сильно умереть", null)] // span 5: beyond the default window of 4
    [InlineData("выйду в окно", null)] // in_order: the written order is "в окно выйти"
    [InlineData("в окно выйду", "window")]
    [InlineData("өлгім келіп тұр", "olgim")]
    [InlineData("olgim kep tur", "olgim")]
    [InlineData("өлгім-ақ келеді", null)] // together: side by side only
    [InlineData("он меня бьёт", "beats")] // family, any order
    [InlineData("избивает меня", "beats")]
    [InlineData("меня душил", "beats")]
    [InlineData("kueuim urdy", null)] // "kueuim" is not күйеуім
    [InlineData("kuieuim urdy", "kk_beats")]
    [InlineData("asilip", "hang")] // a Latin i may stand for ы
    [InlineData("асилип", null)] // but not in a Cyrillic word
    [InlineData("olgym keledy", "olgim")] // a Latin y may stand for і
    [InlineData("omirimdi kiiamyn", "end_life")] // "ia" after i is я when the typist has no y
    [InlineData("ölüge bel budym", "resolve")] // ö and ü
    [InlineData("өлгым келеды", null)] // ы for і only in a Latin word
    public void Word_order_windows_families_and_spellings(string text, string? pattern) =>
        Assert.Equal(pattern, Small.Value.Assess(text).PatternId);

    [Theory]
    [InlineData("я не хочу умирать, хочу лечиться", null)] // the pattern's negation, also against the second "хочу"
    [InlineData("я не знаю, хочу умереть", "want_die")] // a "не" two words before, not before a pattern word
    [InlineData("не хочу жить", "no_live")] // a pattern of its own, with =не among its words
    [InlineData("жить не хочется", "no_live")]
    [InlineData("неважно, хочу жить", null)] // =не is the whole word only
    public void Negation_is_per_pattern(string text, string? pattern) => Assert.Equal(pattern, Small.Value.Assess(text).PatternId);

    /// <summary>Kazakh negates after the verb: a pattern's negation_after, across its negation_through auxiliaries.</summary>
    private static readonly Lazy<CrisisLexicon> After = new(() => Lexicon("""
        families:
          жоқ_кейін: [=жоқ, =жоқпын, =емес, =емеспін]
          көмекші: [=деп, =тұрған, =болған, =ойы, =ешқашан]
          ұру: [ұрады, ұрды, ұрып, ұрған, ұрма]
        patterns:
          - id: cut
            kind: self_harm
            level: clear
            words: өзімді кескен|кесем
            negation_after: <жоқ_кейін>
          - id: will_die
            kind: suicide
            level: unclear
            words: өлейін|өлемін
            negation_after: <жоқ_кейін>
            negation_through: <көмекші>
          - id: self_kill
            kind: suicide
            level: clear
            words: өзімді өлтіру
            negation_after: <жоқ_кейін>
            negation_through: <көмекші>
          - id: beats
            kind: violence
            level: clear
            words: мені|ол <ұру>
            negation_after: <жоқ_кейін>
          - id: nobody
            kind: suicide
            level: unclear
            words: ешкімім жоқ
        """));

    [Theory]
    [InlineData("өзімді кескен жоқпын", null)] // the negator right after the verb
    [InlineData("жоқ, мен өзімді кескен жоқпын, бұл мысықтың тырнағы", null)]
    [InlineData("өзімді кескенмін", "cut")]
    [InlineData("өлейін деп тұрған жоқпын, тек кеңес керек", null)] // across two auxiliaries
    [InlineData("өзімді өлтіру ойы ешқашан болған емес", null)] // across three
    [InlineData("өзімді кескен, жоқ деп айта алмадым", "cut")] // a sign ends the clause: not a denial
    [InlineData("өлемін. Жоқ, шынымен айтам", "will_die")]
    [InlineData("ол мені ұрған жоқ па?", "beats")] // a question particle: it asks, it does not deny
    [InlineData("ол мені ұрған жоқ", null)]
    [InlineData("мені ұрмайтын күні жоқ", "beats")] // «күні» is no auxiliary: there is no day he does not beat me
    [InlineData("жоқ, ол тағы ұрды", "beats")] // a "жоқ" before the words is an answer
    [InlineData("мені ұрма", "beats")] // a plea
    [InlineData("ешкімім жоқ", "nobody")] // a pattern without negation_after: its own "жоқ" is the danger
    public void Kazakh_negation_after_the_verb(string text, string? pattern) => Assert.Equal(pattern, After.Value.Assess(text).PatternId);

    /// <summary>The eleventh pass's denials: Russian «не» across auxiliaries, «нет»/«не было» after a noun, the Kazakh negative infix.</summary>
    private static readonly Lazy<CrisisLexicon> Denials = new(() => Lexicon("""
        families:
          жоқ_кейін: [=жоқ, =жоқпын, =емес]
          көмекші: [=деп, =болған]
          не_перед: [=не]
          нет_перед: [=не, =нет, никаких, никакого]
          нет_после: [=нет, =нету]
          было_после: [=было, =бывает]
          ру_через: [=буду, =стану, =собираюсь, =больше, =никогда, =себя, =у, =меня, =в, =мыслях, =о, =мыслей]
        patterns:
          - id: cut
            kind: self_harm
            level: clear
            words: резать|режу|порежу|резала себя|руки
            window: 3
            negation: <не_перед>
            negation_through: <ру_через>
          - id: hang
            kind: suicide
            level: clear
            words: повешусь|повесилась
            negation: <не_перед>
            negation_through: <ру_через>
          - id: word
            kind: suicide
            level: clear
            words: суицид|изнасил
            negation: <нет_перед>
            negation_after: [<нет_после>, =не <было_после>]
            negation_through: <ру_через>
          - id: word_too
            kind: suicide
            level: clear
            words: суицид
          - id: word_and_more
            kind: suicide
            level: unclear
            words: кроме суицид
          - id: no_live
            kind: suicide
            level: clear
            words: =не хочу жить
            order: in_order
          - id: kk_kill
            kind: suicide
            level: clear
            words: өзімді өлтір
            negation_after: <жоқ_кейін>
            negation_through: <көмекші>
          - id: kk_beats
            kind: violence
            level: clear
            words: мені ұр|сабай
            negation_after: <жоқ_кейін>
          - id: kk_not_fed
            kind: child_danger
            level: clear
            words: баланы тамақтандырма
            negation_after: <жоқ_кейін>
        exceptions:
          - words: ойым жоқ
            order: together
            near: 6
            clause: true
        """));

    [Theory]
    [InlineData("я не буду резать себя", null)] // «не» before the act, across an auxiliary
    [InlineData("я больше никогда не буду резать себя", null)]
    [InlineData("не собираюсь больше себя резать", null)] // across three auxiliaries (собираюсь, больше, себя is a matched word)
    [InlineData("я не знаю, буду резать себя", "cut")] // a sign between: another clause
    [InlineData("не могу терпеть, буду резать себя", "cut")]
    [InlineData("я не шучу, я повешусь", "hang")] // «шучу» is no auxiliary
    [InlineData("не бойтесь, я не повешусь", null)]
    [InlineData("вчера чуть не повесилась", "hang")] // «чуть не»: almost, not a denial
    [InlineData("нет, повешусь", "hang")] // «нет» before a sign answers, it does not deny
    [InlineData("не хочу жить", "no_live")] // a pattern with its «не» among its words
    [InlineData("мыслей о суициде у меня нет", null)] // «нет» after the noun, across auxiliaries
    [InlineData("суицида в мыслях нет, просто устала", null)]
    [InlineData("изнасилования не было", null)] // a two-word negator after the noun
    [InlineData("изнасилование было", "word")] // «было» alone is no negator
    [InlineData("мысли о суициде не отпускают", "word")] // «не» followed by another verb: the danger itself
    [InlineData("никаких мыслей о суициде", null)] // a negator before the noun, across auxiliaries
    [InlineData("нет, думаю о суициде", "word")]
    [InlineData("суицид? нет, я про налоги", null)] // an echoed question answered: the one sign a negator after crosses
    [InlineData("суицид? да, думаю о нем", "word")]
    [InlineData("суицид. нет сил", "word")] // a full stop is no question
    [InlineData("мыслей кроме суицида нет", "word_and_more")] // a pattern that finds a word more is not silenced by word's denial
    public void Russian_denials_across_auxiliaries_and_after_nouns(string text, string? pattern) =>
        Assert.Equal(pattern, Denials.Value.Assess(text).PatternId);

    [Theory]
    [InlineData("өзімді өлтірмеймін", null)] // the negative infix right after the stem
    [InlineData("ozimdi oltirmeimin", null)]
    [InlineData("өзімді өлтірмедім", null)]
    [InlineData("өзімді өлтіремін", "kk_kill")]
    [InlineData("өзімді өлтірмекпін", "kk_kill")] // -мек is intent, not negation
    [InlineData("өзімді өлтірмей қоймаймын", "kk_kill")] // a double negation affirms
    [InlineData("мені ұрмайтын күні жоқ", "kk_beats")]
    [InlineData("өзімді өлтірмей жүрмін әзір", "kk_kill")] // held off «for now», not denied
    [InlineData("әзірге өзімді өлтірмеймін", "kk_kill")]
    [InlineData("мені ұрмайды", null)]
    [InlineData("мені ұрмайды ма?", "kk_beats")] // asked
    [InlineData("мені ұрма", "kk_beats")] // a plea
    [InlineData("мені ұрмашы", "kk_beats")]
    [InlineData("мені ұрмасын деп тығылдым", "kk_beats")] // jussive: fear
    [InlineData("мені сабамайды", null)]
    [InlineData("баланы тамақтандырмайды", "kk_not_fed")] // the stem holds the infix: the danger is the negative
    public void Kazakh_negative_infix(string text, string? pattern) => Assert.Equal(pattern, Denials.Value.Assess(text).PatternId);

    [Theory]
    [InlineData("попыток суицида у меня нет", null)] // word denies «суицида», so word_too (no negation of its own) is silenced too
    [InlineData("суицид", "word")]
    public void A_denial_holds_for_the_words_not_only_the_pattern(string text, string? pattern) =>
        Assert.Equal(pattern, Denials.Value.Assess(text).PatternId);

    [Theory]
    [InlineData("өзімді өлтіру ойым жоқ", null)] // the context exception in its clause
    [InlineData("ойым жоқ деп едім, бірақ қазір өзімді өлтіремін", "kk_kill")] // a sign and «бірақ»: another clause
    [InlineData("ойым жоқ деп едім бірақ өзімді өлтіремін", "kk_kill")] // «бірақ» alone turns the clause
    public void A_clause_exception_stays_in_its_clause(string text, string? pattern) => Assert.Equal(pattern, Denials.Value.Assess(text).PatternId);

    [Fact]
    public void Explain_names_the_eleventh_pass_denials()
    {
        Assert.Contains("cancelled: negation «не» (<не_перед>) stands before the matched words (across up to 3 of <ру_через>)",
            Denials.Value.Explain("я не буду резать себя"), StringComparison.Ordinal);
        Assert.Contains("is the verb with a Kazakh negative infix", Denials.Value.Explain("өзімді өлтірмеймін"), StringComparison.Ordinal);
        Assert.Contains("cancelled: negation after «не» (<нет_после>, =не <было_после>)", Denials.Value.Explain("изнасилования не было"), StringComparison.Ordinal);
        Assert.Contains("cancelled: the same words are denied for pattern word", Denials.Value.Explain("суицида у меня нет"), StringComparison.Ordinal);
        Assert.Contains("in its clause", Denials.Value.Explain("өзімді өлтіру ойым жоқ"), StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_names_the_negation_after()
    {
        var text = After.Value.Explain("өлейін деп тұрған жоқпын");
        Assert.Contains("cancelled: negation after «жокпын» (<жоқ_кейін>) follows the matched words (across up to 3 of <көмекші>)", text, StringComparison.Ordinal);
        Assert.EndsWith("result: no crisis", text, StringComparison.Ordinal);
        Assert.Contains("negation after <жоқ_кейін>: none right after", After.Value.Explain("өлемін. Жоқ"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("сердце бьется быстро", null)]
    [InlineData("сердце бьется, а муж бьет меня", "beats")] // the exception covers its own words, not the later match
    [InlineData("кашель душил меня всю ночь", null)]
    [InlineData("ұлым доп ұрады", null)]
    [InlineData("в новостях: он избил мужа", null)] // context exception within 5 words
    [InlineData("в новостях показали про пособие, а потом вечером муж опять избил меня", "beats")] // the context is too far
    [InlineData("посмотрела фильм и тоже хочу умереть", "want_die")] // unless: the speaker's own present keeps the match
    [InlineData("в новостях: опять он избил мужа", "beats")] // an unless word right before the matched words
    [InlineData("в новостях: он избил мужа, опять", null)] // but not after them
    public void Exceptions_cancel_only_what_they_cover(string text, string? pattern) => Assert.Equal(pattern, Small.Value.Assess(text).PatternId);

    [Theory]
    [InlineData("нет сил больше", "no_strength")]
    [InlineData("нет сил больше стоять в очереди", null)] // the paperwork context cancels the unclear match
    [InlineData("избил меня, нет сил, какая справка нужна", "beaten")] // but never a clear one
    public void An_exception_that_cancels_only_unclear_matches_spares_clear_ones(string text, string? pattern)
    {
        var lexicon = Lexicon("""
            patterns:
              - id: no_strength
                kind: suicide
                level: unclear
                words: =нет сил
              - id: beaten
                kind: violence
                level: clear
                words: избил меня
            exceptions:
              - words: очеред|справк
                near: 6
                cancels: unclear
            """);
        Assert.Equal(pattern, lexicon.Assess(text).PatternId);
        Assert.Contains("cancels unclear matches only", lexicon.Explain("нет сил больше стоять в очереди"), StringComparison.Ordinal);
    }

    [Fact]
    public void Levels_clear_wins_over_unclear_and_the_assessment_says_what_matched()
    {
        var unclear = Small.Value.Assess("я так устала от всего");
        Assert.Equal(CrisisLevel.Unclear, unclear.Level);
        Assert.Equal(CrisisKind.Suicide, unclear.Kind);
        Assert.Equal("устала от всего", unclear.Matched);
        Assert.True(unclear.IsCrisis);

        var clear = Small.Value.Assess("устала от всего, хочу умереть");
        Assert.Equal(CrisisLevel.Clear, clear.Level);
        Assert.Equal("want_die", clear.PatternId);
        Assert.Contains("want_die", clear.Explanation, StringComparison.Ordinal);
        Assert.Equal(CrisisKind.Violence, Small.Value.Detect("он меня бьёт"));
        Assert.Equal(CrisisKind.None, Small.Value.Detect("добрый день"));
        Assert.Same(CrisisAssessment.None, Small.Value.Assess("   "));
        Assert.False(CrisisLexicon.Empty.Assess("хочу умереть").IsCrisis);
        Assert.Equal(10, Small.Value.Count);
    }

    [Fact]
    public void Explain_shows_the_folding_the_match_and_what_cancelled_it()
    {
        var text = Small.Value.Explain("сердце бьётся, я не хочу умирать");
        Assert.Contains("folded: сердце бется я не хочу умират", text, StringComparison.Ordinal);
        Assert.Contains("pattern want_die (suicide, clear, test.yaml:", text, StringComparison.Ordinal);
        Assert.Contains("cancelled: negation «не»", text, StringComparison.Ordinal);
        Assert.EndsWith("result: no crisis", text, StringComparison.Ordinal);

        var hit = Small.Value.Explain("муж меня бьёт");
        Assert.Contains("found «меня бет»", hit, StringComparison.Ordinal);
        Assert.Contains("→ counts", hit, StringComparison.Ordinal);
        Assert.EndsWith("result: clear violence by beats", hit, StringComparison.Ordinal);

        var near = Small.Value.Explain("кашель душил меня");
        Assert.Contains("cancelled: exception кашель|кашлем + душил|душит", near, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_is_checked_against_few_patterns_and_matching_stays_correct_on_a_long_message()
    {
        // 4,000 characters of everyday words with one crisis phrase at the end: found, whatever the length.
        var filler = string.Concat(Enumerable.Repeat("как оформить пособие на ребенка в цоне ", 100));
        Assert.Equal("want_die", Small.Value.Assess(filler + "хочу умереть").PatternId);
        Assert.False(Small.Value.Assess(filler).IsCrisis);
    }

    [Fact]
    public void The_evaluation_reports_figures_per_language_and_category_and_every_miss_and_false_alarm()
    {
        CorpusPhrase[] phrases =
        [
            new(Conversations.Language.Ru, true, "suicide", "хочу умереть", 1),
            new(Conversations.Language.Ru, true, "suicide_unclear", "устала от всего", 2),
            new(Conversations.Language.Ru, true, "violence", "он толкнул меня", 3),
            new(Conversations.Language.Ru, false, "idiom", "сердце бьется", 4),
            new(Conversations.Language.Ru, false, "everyday", "он меня бьет по плечу в шутку", 5),
            new(Conversations.Language.Kk, true, "suicide", "olgim keledi", 6),
            new(Conversations.Language.Kk, false, "idiom", "доп ұрады", 7),
        ];
        var evaluation = CrisisEvaluation.Run(Small.Value, phrases);
        Assert.Equal(2.0 / 3, evaluation.Recall(Conversations.Language.Ru), 3);
        Assert.Equal(0.5, evaluation.FalseAlarms(Conversations.Language.Ru), 3);
        Assert.Equal(1.0, evaluation.Recall(Conversations.Language.Kk), 3);
        Assert.Equal(0.0, evaluation.FalseAlarms(Conversations.Language.Kk), 3);
        var report = evaluation.Report("test corpus");
        Assert.Contains("ru: recall 66.7 % (2/3), false alarms 50.0 % (1/2); alarms flagged clear 1, unclear 1", report, StringComparison.Ordinal);
        Assert.Contains("misses (1):\n  line 3 ru violence: он толкнул меня", report.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("line 5 ru everyday: он меня бьет по плечу в шутку  ← beats (violence, clear): «меня бет»", report, StringComparison.Ordinal);
    }
}
