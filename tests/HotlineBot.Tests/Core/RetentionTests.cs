using HotlineBot.Cases;
using HotlineBot.Storage;

namespace HotlineBot.Tests.Core;

/// <summary>Hotline:RetentionDays: old case logs lose their words, statistics keep their facts.</summary>
public sealed class RetentionTests
{
    private const long Person = 7001;

    [Fact]
    public void Texts_of_cases_closed_longer_ago_than_the_retention_go_and_ratings_and_times_stay()
    {
        using var core = new CoreHarness(settings: new Dictionary<string, string?> { ["Hotline:RetentionDays"] = "30" });
        core.Onboard(Person);
        core.Press(Person, "a:escalate");
        core.Say(Person, "Секретный вопрос про пособие");
        core.Press(CoreHarness.Worker1, "w:take:1");
        core.Say(CoreHarness.Worker1, "Ответ специалиста");
        core.Say(CoreHarness.Worker1, "/note внутренняя заметка");
        HotlineBot.Tests.Practice.WrapUpSteps.Close(core, CoreHarness.Worker1, 1);
        core.Press(Person, "r:4");
        core.Say(Person, "Спасибо, помогли");

        core.Time.Advance(TimeSpan.FromDays(29));
        core.Db.InTransaction(() => core.Engine.Tick(core.Time.GetUtcNow()));
        var store = core.Get<ICaseStore>();
        Assert.Contains(store.Log(1), e => e.Text == "Секретный вопрос про пособие");
        Assert.Contains(store.Log(1), e => e.Text?.Contains("Спасибо, помогли", StringComparison.Ordinal) == true);

        core.Time.Advance(TimeSpan.FromDays(2));
        core.Db.InTransaction(() => core.Engine.Tick(core.Time.GetUtcNow()));
        var log = store.Log(1);
        Assert.DoesNotContain(log, e => e.Kind is CaseEventKind.PersonMessage or CaseEventKind.WorkerMessage or CaseEventKind.Note);
        // The rating comment is the person's words too: gone from the log as well as from the case; the stars stay.
        Assert.DoesNotContain(log, e => e.Text?.Contains("Спасибо, помогли", StringComparison.Ordinal) == true);
        Assert.Contains(log, e => e.Kind == CaseEventKind.Rating && e.Text == "4/5");
        Assert.Contains(log, e => e.Kind == CaseEventKind.StateChange && e.Text == "closed: other");
        var kept = store.Find(1)!;
        Assert.Equal(4, kept.Rating);
        Assert.Null(kept.RatingComment);
        Assert.NotNull(kept.TakenAt);
        Assert.True(kept.TextRemoved);
    }

    [Fact]
    public void A_comment_kept_in_a_rating_line_by_an_older_version_goes_too_and_its_stars_stay()
    {
        using var core = new CoreHarness(settings: new Dictionary<string, string?> { ["Hotline:RetentionDays"] = "30" });
        core.Onboard(Person);
        core.Press(Person, "a:escalate");
        core.Say(Person, "Вопрос");
        core.Press(CoreHarness.Worker1, "w:take:1");
        Practice.WrapUpSteps.Close(core, CoreHarness.Worker1, 1);
        core.Press(Person, "r:5");
        var store = core.Get<ICaseStore>();
        // How logs were written before comments had their own kind.
        core.Db.InTransaction(() => store.Append(new CaseEvent
        {
            CaseId = 1, At = core.Time.GetUtcNow(), Actor = ActorRole.Person, Kind = CaseEventKind.Rating, Text = "comment: Старый отзыв",
        }));

        core.Time.Advance(TimeSpan.FromDays(31));
        core.Db.InTransaction(() => core.Engine.Tick(core.Time.GetUtcNow()));
        var log = store.Log(1);
        Assert.DoesNotContain(log, e => e.Text?.Contains("Старый отзыв", StringComparison.Ordinal) == true);
        Assert.Contains(log, e => e.Kind == CaseEventKind.Rating && e.Text == "5/5");
    }

    [Fact]
    public void Without_a_retention_nothing_is_removed()
    {
        using var core = new CoreHarness();
        core.Onboard(Person);
        core.Press(Person, "a:escalate");
        core.Say(Person, "Вопрос");
        core.Press(CoreHarness.Worker1, "w:take:1");
        HotlineBot.Tests.Practice.WrapUpSteps.Close(core, CoreHarness.Worker1, 1);
        core.Time.Advance(TimeSpan.FromDays(3650));
        core.Db.InTransaction(() => core.Engine.Tick(core.Time.GetUtcNow()));
        Assert.Contains(core.Get<ICaseStore>().Log(1), e => e.Text == "Вопрос");
    }

    [Fact]
    public void Words_kept_for_a_specialist_that_the_person_never_passed_on_go_with_the_retention_window()
    {
        using var core = new CoreHarness(settings: new Dictionary<string, string?> { ["Hotline:RetentionDays"] = "30" });
        core.Onboard(Person);
        const string words = "муж ушёл и не платит алименты, что мне делать";
        core.Say(Person, words);
        var people = core.Get<IPersonStore>();
        Assert.Equal(words, people.Find(Person)!.PendingWords);

        // The person never answers "pass them on?".
        core.Time.Advance(TimeSpan.FromDays(29));
        core.Db.InTransaction(() => core.Engine.Tick(core.Time.GetUtcNow()));
        Assert.Equal(words, people.Find(Person)!.PendingWords);

        core.Time.Advance(TimeSpan.FromDays(2));
        core.Db.InTransaction(() => core.Engine.Tick(core.Time.GetUtcNow()));
        Assert.Null(people.Find(Person)!.PendingWords);
        // Gone from the file too, not only from the turn's memory.
        Assert.DoesNotContain(people.All(), p => p.PendingWords is not null || p.WordsKeptAt is not null);
    }
}
