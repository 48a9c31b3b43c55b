using HotlineBot.Dialogs;

namespace HotlineBot.Tests.Core;

/// <summary>The eligibility questionnaire from dialogs/eligibility.yaml: its rules one by one, and through the engine.</summary>
public sealed class QuestionnaireTests
{
    private const long Person = 7001;
    private static readonly string[] Order = ["age", "disability", "children", "status", "income", "probation", "breadwinner"];
    private static readonly Lazy<DialogSet> Dialogs = new(() => DialogCatalog.LoadOrThrow(CoreHarness.DialogsPath));

    private static Questionnaire Q => Dialogs.Value.Questionnaire;

    public static TheoryData<string> ResultIds() => [.. Q.Results.Select(r => r.Id)];

    [Fact]
    public void The_questions_are_asked_in_file_order() => Assert.Equal(Order, Q.Questions.Select(q => q.Id));

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
    [InlineData("disability=group1", "special_benefit_disability")]
    [InlineData("disability=group3", "special_benefit_disability")]
    [InlineData("disability=child_under16", "special_benefit_child_disability")]
    [InlineData("children=from1to3", "children_asp_note")]
    [InlineData("children=four_plus", "large_family,children_asp_note")]
    [InlineData("status=mother_award", "mother_awards")]
    [InlineData("status=ww2", "special_benefit_ww2")]
    [InlineData("status=military_family", "special_benefit_military_family")]
    [InlineData("status=chernobyl", "special_benefit_chernobyl")]
    [InlineData("status=repression", "special_benefit_repression")]
    [InlineData("income=yes", "asp_low_income")]
    [InlineData("income=unsure", "asp_unsure")]
    [InlineData("probation=yes", "probation_help")]
    [InlineData("breadwinner=yes", "breadwinner_benefit")]
    [InlineData("age=age70plus", "senior_70")]
    [InlineData("age=age70plus;disability=group2;children=four_plus;income=yes;probation=yes;breadwinner=yes", "senior_70,special_benefit_disability,large_family,children_asp_note,asp_low_income,probation_help,breadwinner_benefit")]
    [InlineData("age=age18_69;disability=none;children=none;status=none;income=no;probation=no;breadwinner=no", "")]
    [InlineData("age=under16;disability=none", "")]
    public void Evaluate_gives_exactly_the_expected_results(string answers, string expected)
    {
        var given = answers.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Split('=')).ToDictionary(a => a[0], a => a[1]);
        var ids = Q.Evaluate(given).Select(r => r.Id).Order(StringComparer.Ordinal);
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal), ids);
    }

    /// <summary>Answers the seven questions through the engine ("-" skips) and returns the result screen.</summary>
    private static string Run(CoreHarness bot, string lang, params string[] values)
    {
        bot.Onboard(Person, lang);
        bot.Press(Person, "a:questionnaire", lang: lang);
        for (var i = 0; i < Order.Length; i++)
        {
            var text = bot.TextTo(Person);
            Assert.Contains(Q.Questions[i].Text.For(lang == "kk" ? Conversations.Language.Kk : Conversations.Language.Ru), text, StringComparison.Ordinal);
            Assert.Contains($"q:{Order[i]}:-", CoreHarness.ButtonData(bot.RepliesTo(Person)));
            bot.Press(Person, $"q:{Order[i]}:{values[i]}", lang: lang);
        }

        var result = bot.RepliesTo(Person).Single();
        Assert.Contains("a:escalate", CoreHarness.ButtonData([result]));
        Assert.Contains("a:menu", CoreHarness.ButtonData([result]));
        return result.Text!;
    }

    private static string Ru(string id) => Q.Results.Single(r => r.Id == id).Text.Ru!;

    [Fact]
    public void Engine_shows_every_matching_result_and_no_other()
    {
        using var bot = new CoreHarness();
        var text = Run(bot, "ru", "-", "group2", "four_plus", "-", "yes", "no", "-");
        Assert.StartsWith("По вашим ответам вам может подойти следующее.", text, StringComparison.Ordinal);
        foreach (var id in new[] { "special_benefit_disability", "large_family", "children_asp_note", "asp_low_income" })
        {
            Assert.Contains(Ru(id), text, StringComparison.Ordinal);
        }

        foreach (var id in Q.Results.Select(r => r.Id).Except(["special_benefit_disability", "large_family", "children_asp_note", "asp_low_income"]))
        {
            Assert.DoesNotContain(Ru(id), text, StringComparison.Ordinal);
        }

        Assert.Contains("пособие по инвалидности", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Q.Fallback.Ru!, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_shows_senior_breadwinner_and_probation_results()
    {
        using var bot = new CoreHarness();
        var text = Run(bot, "ru", "age70plus", "none", "none", "none", "no", "yes", "yes");
        Assert.Contains(Ru("senior_70"), text, StringComparison.Ordinal);
        Assert.Contains(Ru("breadwinner_benefit"), text, StringComparison.Ordinal);
        Assert.Contains(Ru("probation_help"), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Ru("asp_low_income"), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Ru("special_benefit_disability"), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_answers_in_kazakh_for_a_kazakh_speaker()
    {
        using var bot = new CoreHarness();
        var text = Run(bot, "kk", "-", "-", "-", "mother_award", "-", "-", "-");
        Assert.Contains(Q.Results.Single(r => r.Id == "mother_awards").Text.Kk!, text, StringComparison.Ordinal);
        Assert.StartsWith("Жауаптарыңыз бойынша", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Ru("mother_awards"), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_shows_the_fallback_when_everything_is_skipped()
    {
        using var bot = new CoreHarness();
        var text = Run(bot, "ru", "-", "-", "-", "-", "-", "-", "-");
        Assert.Contains(Q.Fallback.Ru!, text, StringComparison.Ordinal);
        Assert.Contains("По вашим ответам мы не нашли конкретную выплату", text, StringComparison.Ordinal);
        Assert.All(Q.Results, r => Assert.DoesNotContain(r.Text.Ru!, text, StringComparison.Ordinal));
    }

    [Fact]
    public void Engine_shows_the_fallback_when_nothing_matches()
    {
        using var bot = new CoreHarness();
        var text = Run(bot, "ru", "age18_69", "none", "none", "none", "no", "no", "no");
        Assert.Contains(Q.Fallback.Ru!, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_a_skipped_question_never_matches_even_when_others_are_answered()
    {
        using var bot = new CoreHarness();
        // income skipped: neither ASP result may appear, though "unsure" and "yes" are its matching values.
        var text = Run(bot, "ru", "age18_69", "none", "none", "none", "-", "no", "no");
        Assert.DoesNotContain(Ru("asp_low_income"), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Ru("asp_unsure"), text, StringComparison.Ordinal);
        Assert.Contains(Q.Fallback.Ru!, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_starting_again_forgets_earlier_answers()
    {
        using var bot = new CoreHarness();
        Run(bot, "ru", "-", "-", "-", "-", "yes", "-", "-");
        bot.Press(Person, "a:questionnaire");
        foreach (var q in Order)
        {
            bot.Press(Person, $"q:{q}:-");
        }

        Assert.Contains(Q.Fallback.Ru!, bot.TextTo(Person), StringComparison.Ordinal);
    }
}
