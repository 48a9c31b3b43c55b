using HotlineBot.Conversations;
using HotlineBot.Dialogs;
using HotlineBot.Storage;

namespace HotlineBot.Tests.Core;

/// <summary>The eligibility questionnaire from dialogs/eligibility.yaml: its rules one by one, what they reach, and through the engine.</summary>
public sealed class QuestionnaireTests
{
    private const long Person = 7001;
    private static readonly string[] Order = ["age", "disability", "children", "family", "health", "status", "income", "situation", "safety"];
    private static readonly Lazy<DialogSet> Dialogs = new(() => DialogCatalog.LoadOrThrow(CoreHarness.DialogsPath));

    private static Questionnaire Q => Dialogs.Value.Questionnaire;

    public static TheoryData<string> ResultIds() => [.. Q.Results.Select(r => r.Id)];

    [Fact]
    public void The_questions_are_asked_in_file_order() => Assert.Equal(Order, Q.Questions.Select(q => q.Id));

    [Fact]
    public void Statuses_disability_family_health_and_situation_are_multi_select()
    {
        Assert.Equal(["disability", "family", "health", "status", "situation"], Q.Questions.Where(q => q.Multi).Select(q => q.Id));
        Assert.All(Q.Questions.Where(q => q.Multi), q => Assert.Single(q.Options, o => o.Exclusive));
    }

    [Theory]
    [MemberData(nameof(ResultIds))]
    public void Each_result_is_included_when_its_conditions_hold(string id)
    {
        var result = Q.Results.Single(r => r.Id == id);
        Assert.NotEmpty(result.When);
        foreach (var pick in new Func<IReadOnlyList<string>, string>[] { v => v[0], v => v[^1] })
        {
            var answers = result.When.ToDictionary(w => w.Key, w => pick(w.Value));
            Assert.Contains(Q.Evaluate(answers), r => r.Id == id);
        }
    }

    [Theory]
    [MemberData(nameof(ResultIds))]
    public void Each_result_is_left_out_when_a_condition_is_skipped_or_answered_otherwise(string id)
    {
        var result = Q.Results.Single(r => r.Id == id);
        foreach (var question in result.When.Keys)
        {
            var skipped = result.When.Where(w => w.Key != question).ToDictionary(w => w.Key, w => w.Value[0]);
            Assert.DoesNotContain(Q.Evaluate(skipped), r => r.Id == id);

            var other = Q.Find(question)!.Options.Select(o => o.Value).FirstOrDefault(v => !result.When[question].Contains(v));
            if (other is not null)
            {
                var otherwise = new Dictionary<string, string>(skipped) { [question] = other };
                Assert.DoesNotContain(Q.Evaluate(otherwise), r => r.Id == id);
            }
        }
    }

    [Fact]
    public void Nothing_answered_matches_nothing() => Assert.Empty(Q.Evaluate(new Dictionary<string, string>()));

    [Theory]
    [InlineData("disability=self_group1", "disability_benefit")]
    [InlineData("disability=self_group3,family_adult", "disability_benefit,disability_family")]
    [InlineData("disability=child_under16", "child_disability")]
    [InlineData("children=from1to3", "children_asp")]
    [InlineData("children=four_plus", "large_family,children_asp")]
    [InlineData("family=single_parent,baby,young_mother", "single_parent,birth_childcare,young_mother")]
    [InlineData("family=breadwinner,bereaved", "breadwinner_benefit,funeral")]
    [InlineData("family=military", "military_family")]
    [InlineData("family=hardship", "family_hardship")]
    [InlineData("health=chronic,mental", "chronic_illness,mental_health")]
    [InlineData("status=ww2,chernobyl", "special_benefit_status,special_benefit_chernobyl")]
    [InlineData("status=mother_award,hazardous", "mother_awards,hazardous_work")]
    [InlineData("income=yes", "asp_low_income")]
    [InlineData("income=unsure", "asp_unsure")]
    [InlineData("situation=probation,jobless", "probation_help,labour")]
    [InlineData("situation=deviant,marginal,lonely", "deviant,marginal,lonely")]
    [InlineData("safety=yes", "violence_help")]
    [InlineData("safety=sometimes", "violence_help")]
    [InlineData("age=age70plus", "senior_70")]
    [InlineData("age=under16", "young_people")]
    [InlineData("age=age16_17", "young_people")]
    [InlineData("age=age18_69;disability=none;children=none;family=none;health=none;status=none;income=no;situation=none;safety=no", "")]
    public void Evaluate_gives_exactly_the_expected_results(string answers, string expected)
    {
        var given = answers.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Split('=')).ToDictionary(a => a[0], a => a[1]);
        var ids = Q.Evaluate(given).Select(r => r.Id).Order(StringComparer.Ordinal);
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal), ids);
    }

    /// <summary>
    /// What the seed names, and the words a result must use for it: the 11 groups (seed 57-67), the eight benefit kinds
    /// (seed 120-134) and the eight special social services (seed 10-24).
    /// </summary>
    public static TheoryData<string, string> Reach() => new()
    {
        { "group: families in hardship", "Семьи в тяжёлом положении" },
        { "group: low-income families", "доходом ниже черты бедности" },
        { "group: large families", "многодетным семьям" },
        { "group: single-parent families", "Неполные семьи" },
        { "group: older people over 70", "старше 70 лет" },
        { "group: mental disorders", "психическими расстройствами" },
        { "group: chronic illness", "хроническими заболеваниями" },
        { "group: young mothers", "Молодые матери" },
        { "group: deviant behaviour", "девиантным поведением" },
        { "group: victims of violence", "пострадавшие от насилия" },
        { "group: people with disability", "пособие по инвалидности" },
        { "group: marginalised people", "на обочине общества" },
        { "benefit: special state benefit", "специального государственного пособия" },
        { "benefit: disability", "государственное социальное пособие по инвалидности" },
        { "benefit: loss of a breadwinner", "по случаю потери кормильца" },
        { "benefit: by age", "пособие по возрасту" },
        { "benefit: Lists No. 1 and No. 2", "государственное специальное пособие (Списки №1 и №2)" },
        { "benefit: birth and childcare", "пособие на рождение ребенка и пособие по уходу за ребенком до полутора лет" },
        { "benefit: families with children under 18", "Пособие семьям с детьми" },
        { "benefit: funeral", "выплата на погребение" },
        { "service: social-medical", "Социально-медицинские" },
        { "service: social-psychological", "социально-психологическая" },
        { "service: social-pedagogical", "Социально-педагогические" },
        { "service: social-economic", "социально-экономическая" },
        { "service: social-legal", "социально-правовую" },
        { "service: social-household", "Социально-бытовые" },
        { "service: social-labour", "Социально-трудовые" },
        { "service: social-cultural", "Социально-культурные" },
    };

    /// <summary>For each: some honest answer set, put through the real questionnaire through the engine, shows a result that names it.</summary>
    [Theory]
    [MemberData(nameof(Reach))]
    public void Every_group_benefit_kind_and_service_is_reachable_by_some_answer_set(string what, string words)
    {
        var result = Q.Results.FirstOrDefault(r => r.Text.Ru!.Contains(words, StringComparison.OrdinalIgnoreCase));
        Assert.True(result is not null, $"{what}: no result says «{words}»");

        // The answer set is the rule's own conditions, each a real option of its question, answered through the bot.
        var answers = Order.Select(q => result!.When.TryGetValue(q, out var values) ? values[0] : EligibilityControls.Skip).ToArray();
        using var bot = new CoreHarness();
        var text = Run(bot, "ru", answers);
        Assert.Contains(words, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void No_result_promises_a_benefit_to_someone_who_does_not_know_their_income()
    {
        var unsure = Q.Evaluate(new Dictionary<string, string> { ["income"] = "unsure" });
        Assert.NotEmpty(unsure);
        foreach (var result in unsure)
        {
            Assert.DoesNotContain("может подойти", result.Text.Ru, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("берілуі мүмкін", result.Text.Kk, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Проверьте", result.Text.Ru, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_chernobyl_option_and_the_large_family_question_carry_the_seeds_limits()
    {
        var chernobyl = Q.Find("status")!.Options.Single(o => o.Value == "chernobyl");
        Assert.Contains("1988–1989", chernobyl.Label.Ru, StringComparison.Ordinal);
        Assert.Contains("1988–1989", chernobyl.Label.Kk, StringComparison.Ordinal);
        Assert.Contains("до 23 лет", Q.Find("children")!.Text.Ru, StringComparison.Ordinal);
        Assert.Contains("23", Q.Results.Single(r => r.Id == "large_family").Text.Ru, StringComparison.Ordinal);
    }

    [Fact]
    public void The_disability_answers_cover_you_and_your_family()
    {
        var labels = Q.Find("disability")!.Options.Select(o => o.Label.Ru!).ToList();
        Assert.Contains(labels, l => l.StartsWith("У меня", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.Contains("члена семьи", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.Contains("ребёнка", StringComparison.Ordinal));
    }

    [Fact]
    public void The_safety_result_gives_111_and_the_way_to_a_specialist()
    {
        using var bot = new CoreHarness();
        var text = Run(bot, "ru", "-", "-", "-", "-", "-", "-", "-", "-", "yes");
        Assert.Contains("111 —", text, StringComparison.Ordinal);
        Assert.Contains("112", text, StringComparison.Ordinal);
        Assert.Contains("a:escalate", CoreHarness.ButtonData(bot.RepliesTo(Person)));
        Assert.Contains("a:numbers", CoreHarness.ButtonData(bot.RepliesTo(Person)));
    }

    /// <summary>
    /// Answers the questions through the engine: "-" skips; a multi-select question gets each comma-separated value
    /// ticked and then "Done". Returns the results.
    /// </summary>
    private static string Run(CoreHarness bot, string lang, params string[] values)
    {
        bot.Onboard(Person, lang);
        bot.Press(Person, "a:questionnaire", lang: lang);
        for (var i = 0; i < Order.Length; i++)
        {
            var question = Q.Questions[i];
            var text = bot.TextTo(Person);
            var language = lang == "kk" ? Conversations.Language.Kk : Conversations.Language.Ru;
            Assert.Contains(question.Text.For(language).Split('\n')[0], text, StringComparison.Ordinal);
            var data = CoreHarness.ButtonData(bot.RepliesTo(Person)).ToList();
            Assert.Contains(question.Multi ? $"q:{Order[i]}:+" : $"q:{Order[i]}:-", data);
            Assert.Contains("a:escalate", data);
            Assert.Contains("a:hide", data);
            if (values[i] == "-" || !question.Multi)
            {
                bot.Press(Person, $"q:{Order[i]}:{values[i]}", lang: lang);
                continue;
            }

            foreach (var value in values[i].Split(','))
            {
                bot.Press(Person, $"q:{Order[i]}:{value}", lang: lang);
            }

            bot.Press(Person, $"q:{Order[i]}:+", lang: lang);
        }

        var replies = bot.RepliesTo(Person);
        Assert.Contains("a:escalate", CoreHarness.ButtonData(replies));
        Assert.Contains("a:menu", CoreHarness.ButtonData(replies));
        Assert.Contains("a:hide", CoreHarness.ButtonData(replies));
        Assert.Empty(bot.Get<IPersonStore>().Find(Person)!.Answers);
        return string.Join("\n", replies.Select(r => r.Text));
    }

    private static string Ru(string id) => Fill(Q.Results.Single(r => r.Id == id).Text.Ru!);

    private static string Fill(string text) => DialogChecker.NumberPlaceholder().Replace(text, m => m.Groups[1].Value);

    [Fact]
    public void Engine_shows_every_matching_result_and_no_other()
    {
        using var bot = new CoreHarness();
        var text = Run(bot, "ru", "-", "self_group2", "four_plus", "-", "-", "-", "yes", "-", "-");
        Assert.StartsWith("По вашим ответам стоит проверить вот что.", text, StringComparison.Ordinal);
        string[] expected = ["disability_benefit", "large_family", "children_asp", "asp_low_income"];
        foreach (var id in expected)
        {
            Assert.Contains(Ru(id), text, StringComparison.Ordinal);
        }

        foreach (var id in Q.Results.Select(r => r.Id).Except(expected))
        {
            Assert.DoesNotContain(Ru(id), text, StringComparison.Ordinal);
        }

        Assert.Contains("пособие по инвалидности", text, StringComparison.Ordinal);
        Assert.Contains("1414", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{number:", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Fill(Q.Fallback.Ru!), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_shows_senior_breadwinner_and_probation_results()
    {
        using var bot = new CoreHarness();
        var text = Run(bot, "ru", "age70plus", "none", "none", "breadwinner", "none", "none", "no", "probation", "no");
        Assert.Contains(Ru("senior_70"), text, StringComparison.Ordinal);
        Assert.Contains(Ru("breadwinner_benefit"), text, StringComparison.Ordinal);
        Assert.Contains(Ru("probation_help"), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Ru("asp_low_income"), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Ru("disability_benefit"), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Probation_help_sends_the_person_to_the_probation_service_not_to_1414()
    {
        var help = Q.Results.Single(r => r.Id == "probation_help");
        Assert.DoesNotContain("1414", help.Text.Ru, StringComparison.Ordinal);
        Assert.DoesNotContain("1414", help.Text.Kk, StringComparison.Ordinal);
        Assert.Contains("пробации", help.Text.Ru, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_answers_in_kazakh_for_a_kazakh_speaker()
    {
        using var bot = new CoreHarness();
        var text = Run(bot, "kk", "-", "-", "-", "-", "-", "mother_award", "-", "-", "-");
        Assert.Contains(Fill(Q.Results.Single(r => r.Id == "mother_awards").Text.Kk!), text, StringComparison.Ordinal);
        Assert.StartsWith("Жауаптарыңыз бойынша", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Ru("mother_awards"), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_shows_the_fallback_when_everything_is_skipped()
    {
        using var bot = new CoreHarness();
        var text = Run(bot, "ru", "-", "-", "-", "-", "-", "-", "-", "-", "-");
        Assert.Contains(Fill(Q.Fallback.Ru!), text, StringComparison.Ordinal);
        Assert.Contains("По вашим ответам мы не нашли конкретную выплату", text, StringComparison.Ordinal);
        Assert.All(Q.Results, r => Assert.DoesNotContain(Fill(r.Text.Ru!), text, StringComparison.Ordinal));
    }

    [Fact]
    public void Engine_shows_the_fallback_when_nothing_matches()
    {
        using var bot = new CoreHarness();
        var text = Run(bot, "ru", "age18_69", "none", "none", "none", "none", "none", "no", "none", "no");
        Assert.Contains(Fill(Q.Fallback.Ru!), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_a_skipped_question_never_matches_even_when_others_are_answered()
    {
        using var bot = new CoreHarness();
        // income skipped: neither ASP result may appear, though "unsure" and "yes" are its matching values.
        var text = Run(bot, "ru", "age18_69", "none", "none", "none", "none", "none", "-", "none", "no");
        Assert.DoesNotContain(Ru("asp_low_income"), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Ru("asp_unsure"), text, StringComparison.Ordinal);
        Assert.Contains(Fill(Q.Fallback.Ru!), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_starting_again_forgets_earlier_answers()
    {
        using var bot = new CoreHarness();
        Run(bot, "ru", "-", "-", "-", "-", "-", "-", "yes", "-", "-");
        bot.Press(Person, "a:questionnaire");
        foreach (var q in Order)
        {
            bot.Press(Person, $"q:{q}:-");
        }

        Assert.Contains(Fill(Q.Fallback.Ru!), bot.TextTo(Person), StringComparison.Ordinal);
    }

    [Fact]
    public void Multi_select_ticks_and_unticks_in_place_and_none_clears_the_rest()
    {
        using var bot = new CoreHarness();
        bot.Onboard(Person);
        bot.Press(Person, "a:questionnaire");
        bot.Press(Person, "q:age:age18_69", messageId: 42);

        string Label(string value) => bot.RepliesTo(Person).Single().Buttons!.SelectMany(r => r).Single(b => b.Data == "q:disability:" + value).Label;

        bot.Press(Person, "q:disability:self_group1", messageId: 42);
        var screen = bot.RepliesTo(Person).Single();
        Assert.Equal(OutboundKind.Edit, screen.Kind);
        Assert.Equal(42, screen.EditMessageId);
        Assert.Contains("Есть ли инвалидность", screen.Text, StringComparison.Ordinal);
        Assert.Equal("✅ У меня I группа", Label("self_group1"));
        Assert.Equal("▫ У меня II группа", Label("self_group2"));

        bot.Press(Person, "q:disability:family_adult", messageId: 42);
        Assert.StartsWith("✅", Label("self_group1"), StringComparison.Ordinal);
        Assert.StartsWith("✅", Label("family_adult"), StringComparison.Ordinal);

        bot.Press(Person, "q:disability:self_group1", messageId: 42);
        Assert.StartsWith("▫", Label("self_group1"), StringComparison.Ordinal);
        Assert.StartsWith("✅", Label("family_adult"), StringComparison.Ordinal);

        bot.Press(Person, "q:disability:none", messageId: 42);
        Assert.StartsWith("✅", Label("none"), StringComparison.Ordinal);
        Assert.StartsWith("▫", Label("family_adult"), StringComparison.Ordinal);

        bot.Press(Person, "q:disability:self_group2", messageId: 42);
        Assert.StartsWith("▫", Label("none"), StringComparison.Ordinal);
        bot.Press(Person, "q:disability:family_adult", messageId: 42);
        Assert.Equal("self_group2,family_adult", bot.Get<IPersonStore>().Find(Person)!.Answers["disability"]);

        bot.Press(Person, "q:disability:+", messageId: 42);
        Assert.Contains(Q.Find("children")!.Text.Ru!, bot.TextTo(Person), StringComparison.Ordinal);

        // Back returns to the ticked question as it was left.
        bot.Press(Person, "q:children:<", messageId: 42);
        Assert.StartsWith("✅", Label("self_group2"), StringComparison.Ordinal);
        bot.Press(Person, "q:disability:+", messageId: 42);
        foreach (var q in Order.Skip(2))
        {
            bot.Press(Person, $"q:{q}:-", messageId: 42);
        }

        var text = bot.TextTo(Person);
        Assert.Contains(Ru("disability_benefit"), text, StringComparison.Ordinal);
        Assert.Contains(Ru("disability_family"), text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_safety_answer_is_forgotten_when_the_person_leaves_the_questionnaire_half_way()
    {
        using var bot = new CoreHarness();
        bot.Onboard(Person);
        bot.Press(Person, "a:questionnaire");
        foreach (var q in Order.SkipLast(1))
        {
            bot.Press(Person, $"q:{q}:-");
        }

        bot.Press(Person, "q:safety:yes");
        Assert.Empty(bot.Get<IPersonStore>().Find(Person)!.Answers);

        bot.Press(Person, "a:questionnaire");
        foreach (var q in Order.SkipLast(1))
        {
            bot.Press(Person, $"q:{q}:-");
        }

        bot.Press(Person, "q:safety:<");
        Assert.Contains(Q.Find("situation")!.Text.Ru!, bot.TextTo(Person), StringComparison.Ordinal);
        bot.Press(Person, "q:situation:<");
        bot.Press(Person, "q:income:unsure");
        Assert.Equal("unsure", bot.Get<IPersonStore>().Find(Person)!.Answers["income"]);

        bot.Press(Person, "a:menu");

        Assert.Empty(bot.Get<IPersonStore>().Find(Person)!.Answers);
    }

    [Fact]
    public void Back_on_the_first_question_and_a_specialist_from_any_question()
    {
        using var bot = new CoreHarness();
        bot.Onboard(Person);
        bot.Press(Person, "a:questionnaire");
        var data = CoreHarness.ButtonData(bot.RepliesTo(Person)).ToList();
        Assert.Contains("a:menu", data);
        Assert.DoesNotContain("q:age:<", data);
        bot.Press(Person, "q:age:age70plus");
        bot.Press(Person, "a:escalate");
        Assert.Contains("Напишите специалисту своими словами", bot.TextTo(Person), StringComparison.Ordinal);
        Assert.Empty(bot.Get<IPersonStore>().Find(Person)!.Answers);
    }
}
