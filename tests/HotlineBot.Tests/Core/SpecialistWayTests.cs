using HotlineBot.Storage;

namespace HotlineBot.Tests.Core;

/// <summary>The ways to a specialist that go around the menu: the deep link, and asking before a language was chosen.</summary>
public sealed class SpecialistWayTests
{
    private const long Person = 9201;
    private const string Prompt = "Напишите специалисту своими словами";

    [Fact]
    public void The_specialist_link_asks_for_the_language_first_and_then_goes_straight_to_a_specialist()
    {
        using var bot = new CoreHarness();
        bot.Say(Person, "/start specialist");
        Assert.Contains("Выберите язык", bot.TextTo(Person), StringComparison.Ordinal);

        bot.Press(Person, "l:ru");
        Assert.Contains(Prompt, bot.TextTo(Person), StringComparison.Ordinal);
        bot.Say(Person, "Хочу посоветоваться о пособии на ребёнка");
        Assert.Contains("Обращение №1 принято.", bot.TextTo(Person), StringComparison.Ordinal);

        // Once chosen, the link is spent: the language changed later leads back to the screen, not to a new case.
        bot.Press(Person, "a:language");
        bot.Press(Person, "l:kk");
        Assert.DoesNotContain(Prompt, bot.TextTo(Person), StringComparison.Ordinal);
    }

    [Fact]
    public void A_screens_link_before_the_language_shows_that_screen_after_it()
    {
        using var bot = new CoreHarness();
        bot.Say(Person, "/start benefits");
        bot.Press(Person, "l:ru");
        Assert.DoesNotContain(Prompt, bot.TextTo(Person), StringComparison.Ordinal);
        Assert.Equal("benefits", bot.Get<IPersonStore>().Find(Person)!.NodeId);
    }

    [Fact]
    public void The_specialist_link_for_someone_who_chose_a_language_asks_for_their_words()
    {
        using var bot = new CoreHarness();
        bot.Onboard(Person);
        bot.Say(Person, "/start specialist");
        Assert.Contains(Prompt, bot.TextTo(Person), StringComparison.Ordinal);
    }

    /// <summary>
    /// Words of worry before any language was chosen: the reply's language is guessed, and from the menu they reach
    /// the specialist button. Their next words open the case (they used to get the language question instead, while
    /// the prompt had promised that a specialist would read them).
    /// </summary>
    [Fact]
    public void Asking_for_a_specialist_with_a_guessed_language_opens_the_case_with_the_next_words()
    {
        using var bot = new CoreHarness();
        bot.Say(Person, "я всем только мешаю");
        bot.Press(Person, "c:no");
        bot.Press(Person, "a:menu");
        bot.Press(Person, "a:escalate");
        Assert.Contains(Prompt, bot.TextTo(Person), StringComparison.Ordinal);

        bot.Say(Person, "Хочу поговорить о том, как жить дальше");
        Assert.Contains("Обращение №1 принято.", bot.TextTo(Person), StringComparison.Ordinal);
        Assert.NotNull(bot.Get<ICaseStore>().Find(1));
    }
}
