using HotlineBot.Cases;
using HotlineBot.Conversations;
using HotlineBot.Dialogs;
using HotlineBot.Storage;
using HotlineBot.Tests.Core;

namespace HotlineBot.Tests.Practice;

/// <summary>The wrap-up form's steps and rules, replayed through the core with the real dialogs/wrapup.yaml.</summary>
public sealed class WrapUpFormTests
{
    private const long Person = 7701;
    private const long Worker = CoreHarness.Worker1;

    private static CoreHarness TakenCase(string first = "Мне не дают пособие")
    {
        var core = new CoreHarness();
        core.Onboard(Person);
        core.Press(Person, "a:escalate");
        core.Say(Person, first);
        core.Press(Worker, "w:take:1");
        return core;
    }

    [Fact]
    public void Close_walks_category_subcategory_actions_repeat_and_summary_and_the_person_never_sees_the_summary()
    {
        using var core = TakenCase();
        core.Say(Worker, "/close");
        var form = Assert.Single(core.RepliesTo(Worker));
        Assert.Contains("выберите категорию", form.Text, StringComparison.Ordinal);
        var data = CoreHarness.ButtonData([form]).ToList();
        Assert.Contains("w:wu:1:c:benefits", data);
        Assert.Contains("w:wu:1:c:none", data);
        Assert.All(data, d => Assert.True(CallbackData.Bytes(d) <= CallbackData.MaxBytes));

        core.Press(Worker, "w:wu:1:c:benefits", 55);
        var sub = Assert.Single(core.RepliesTo(Worker));
        Assert.Equal(OutboundKind.Edit, sub.Kind);
        Assert.Equal(55, sub.EditMessageId);
        Assert.Contains("w:wu:1:s:special", CoreHarness.ButtonData([sub]));

        core.Press(Worker, "w:wu:1:s:special", 55);
        core.Press(Worker, "w:wu:1:a:info", 55);
        core.Press(Worker, "w:wu:1:a:r1414", 55);
        var actions = Assert.Single(core.RepliesTo(Worker));
        Assert.Contains(actions.Buttons!.SelectMany(r => r), b => b.Data == "w:wu:1:a:r1414" && b.Label.StartsWith('✓'));
        core.Press(Worker, "w:wu:1:a:info", 55); // a second tap takes it back off
        core.Press(Worker, "w:wu:1:n", 55);
        core.Press(Worker, "w:wu:1:r:1", 55);

        // The summary is the worker's next plain text: it goes into the form, not to the person.
        var typed = core.Say(Worker, "Объяснил категории, направил в ЦОН");
        Assert.DoesNotContain(typed, o => o.ChatId == Person);
        Assert.Contains("Объяснил категории", core.TextTo(Worker), StringComparison.Ordinal);

        var closed = core.Press(Worker, "w:wu:1:f", 55);
        Assert.Contains(closed, o => o.ChatId == Person && o.Text!.Contains("завершил", StringComparison.Ordinal));
        Assert.DoesNotContain(core.All, o => o.ChatId == Person && o.Text?.Contains("направил в ЦОН", StringComparison.Ordinal) == true);

        var store = core.Get<ICaseStore>();
        var c = store.Find(1)!;
        Assert.Equal(CaseStatus.Closed, c.Status);
        Assert.Equal("benefits/special", c.Outcome);
        Assert.Equal(["r1414"], c.WrapUp!.Actions);
        Assert.True(c.WrapUp.RepeatContact);
        Assert.Equal("Объяснил категории, направил в ЦОН", c.WrapUp.Summary);
        Assert.Equal(Worker, c.WrapUp.ClosedBy);
        Assert.Contains(store.Log(1), e => e.Kind == CaseEventKind.WrapUp && e.Text!.StartsWith("category=benefits/special; actions=r1414; repeat=yes", StringComparison.Ordinal));
        Assert.Null(core.Get<IWorkerStore>().Get(Worker).WrapUp);

        // After the close, plain text is no longer taken as a summary.
        Assert.Contains(core.Say(Worker, "ещё текст"), o => o.ChatId == Worker && o.Text!.Contains("нет активного", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_case_does_not_close_without_a_category_or_without_the_subcategory_its_category_needs()
    {
        using var core = TakenCase();
        core.Press(Worker, "w:close:1");
        var blocked = core.Press(Worker, "w:wu:1:f");
        Assert.Contains("Без категории обращение закрыть нельзя", core.TextTo(Worker), StringComparison.Ordinal);
        Assert.DoesNotContain(blocked, o => o.ChatId == Person);
        Assert.Equal(CaseStatus.Assigned, core.Get<ICaseStore>().Find(1)!.Status);

        core.Press(Worker, "w:wu:1:c:violence");
        core.Press(Worker, "w:wu:1:f");
        Assert.Contains("Без категории", core.TextTo(Worker), StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Assigned, core.Get<ICaseStore>().Find(1)!.Status);

        // A stale outcome button from before the form opens the form; it does not close.
        core.Press(Worker, "w:close:1:consulted");
        Assert.Contains("выберите категорию", core.TextTo(Worker), StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Assigned, core.Get<ICaseStore>().Find(1)!.Status);

        // While a category is being picked, the worker's plain text still reaches the person.
        Assert.Contains(core.Say(Worker, "Я ещё здесь"), o => o.ChatId == Person && o.Text == "Специалист: Я ещё здесь");

        core.Press(Worker, "w:wu:1:x");
        Assert.Contains("Закрытие отменено", core.TextTo(Worker), StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Assigned, core.Get<ICaseStore>().Find(1)!.Status);
    }

    [Fact]
    public void Only_the_closer_or_a_supervisor_edits_the_form_later_and_each_edit_is_logged()
    {
        using var core = TakenCase();
        WrapUpSteps.Close(core, Worker, 1, "none", "test");

        core.Say(CoreHarness.Worker2, "/wrapup 1");
        Assert.Contains("может изменить только закрывший", core.TextTo(CoreHarness.Worker2), StringComparison.Ordinal);

        core.Say(Worker, "/wrapup 1");
        Assert.Contains("w:wu:1:c:legal", CoreHarness.ButtonData(core.RepliesTo(Worker)));
        core.Press(Worker, "w:wu:1:c:legal");
        core.Press(Worker, "w:wu:1:f");
        Assert.Contains("сохранена", core.TextTo(Worker), StringComparison.Ordinal);

        core.Say(CoreHarness.Supervisor, "/wrapup 1");
        core.Press(CoreHarness.Supervisor, "w:wu:1:c:probation");
        core.Press(CoreHarness.Supervisor, "w:wu:1:f");

        var store = core.Get<ICaseStore>();
        var c = store.Find(1)!;
        Assert.Equal("probation", c.WrapUp!.Category);
        Assert.Equal(Worker, c.WrapUp.ClosedBy);
        Assert.Equal("probation", c.Outcome);
        var edits = store.Log(1).Where(e => e.Kind == CaseEventKind.WrapUp && e.Text!.StartsWith("edited", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, edits.Count);
        Assert.Contains("was [category=none/test", edits[0].Text, StringComparison.Ordinal);
        Assert.Contains("now [category=legal", edits[0].Text, StringComparison.Ordinal);
        Assert.Equal(ActorRole.Supervisor, edits[1].Actor);
        Assert.Contains("now [category=probation", edits[1].Text, StringComparison.Ordinal);
        Assert.Contains("[wrapup] edited", core.Get<CaseDesk>().History(c, HotlineBot.Conversations.Language.Ru), StringComparison.Ordinal);
    }

    [Fact]
    public void An_open_case_cannot_be_edited_with_wrapup_and_kazakh_workers_get_the_form_in_kazakh()
    {
        using var core = TakenCase();
        core.Say(Worker, "/wrapup 1");
        Assert.Contains("может изменить только", core.TextTo(Worker), StringComparison.Ordinal);
        core.Say(Worker, "/close", "kk");
        Assert.Contains("санатты таңдаңыз", core.TextTo(Worker), StringComparison.Ordinal);
        Assert.Contains(core.RepliesTo(Worker).SelectMany(o => o.Buttons!).SelectMany(r => r), b => b.Label == "Кеңес емес");
    }

    [Fact]
    public void Retention_removes_the_summary_and_keeps_the_category_for_the_reports()
    {
        using var core = new CoreHarness(settings: new Dictionary<string, string?> { ["Hotline:RetentionDays"] = "30" });
        core.Onboard(Person);
        core.Press(Person, "a:escalate");
        core.Say(Person, "Вопрос");
        core.Press(Worker, "w:take:1");
        core.Press(Worker, "w:close:1");
        core.Press(Worker, "w:wu:1:c:legal");
        core.Press(Worker, "w:wu:1:n");
        core.Press(Worker, "w:wu:1:r:0");
        core.Say(Worker, "Секретное резюме");
        core.Press(Worker, "w:wu:1:f");
        Assert.Equal("Секретное резюме", core.Get<ICaseStore>().Find(1)!.WrapUp!.Summary);

        core.Time.Advance(TimeSpan.FromDays(31));
        core.Db.InTransaction(() => core.Engine.Tick(core.Time.GetUtcNow()));
        var kept = core.Get<ICaseStore>().Find(1)!;
        Assert.Null(kept.WrapUp!.Summary);
        Assert.Equal("legal", kept.WrapUp.Category);
        Assert.False(kept.WrapUp.RepeatContact);
        Assert.DoesNotContain(core.Get<ICaseStore>().Log(1), e => e.Text?.Contains("Секретное", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_reopened_case_needs_a_new_form_and_the_old_one_stays_in_the_log()
    {
        using var core = TakenCase();
        WrapUpSteps.Close(core, Worker, 1, "legal");
        core.Say(CoreHarness.Worker2, "/reopen 1");
        var reopened = core.Get<ICaseStore>().Find(1)!;
        Assert.Null(reopened.WrapUp);
        Assert.Null(reopened.ClosedBy);
        Assert.Contains(core.Get<ICaseStore>().Log(1), e => e.Kind == CaseEventKind.WrapUp && e.Text!.StartsWith("category=legal", StringComparison.Ordinal));

        core.Press(CoreHarness.Worker2, "w:take:1");
        core.Press(CoreHarness.Worker2, "w:close:1");
        core.Press(CoreHarness.Worker2, "w:wu:1:f");
        Assert.Contains("Без категории", core.TextTo(CoreHarness.Worker2), StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Assigned, core.Get<ICaseStore>().Find(1)!.Status);
    }

    [Fact]
    public void A_broken_wrapup_form_names_file_and_line()
    {
        using var dir = new TempDir();
        TestPaths.CopyDialogsTo(dir.Path);

        var yaml = File.ReadAllText(dir.File("wrapup.yaml"))
            .Replace("- { id: test, kk: \"Тексеру\", ru: \"Проверка\" }", "- { id: test, ru: \"Проверка\" }", StringComparison.Ordinal)
            .Replace("- { id: callback,", "- { id: \"call:back\",", StringComparison.Ordinal);
        File.WriteAllText(dir.File("wrapup.yaml"), yaml);
        var (set, problems) = DialogCatalog.Load(dir.Path);
        Assert.Null(set);
        var lines = yaml.Split('\n');
        int Line(string marker) => Array.FindIndex(lines, l => l.Contains(marker, StringComparison.Ordinal)) + 1;
        Assert.Contains(problems, p => p.Where.File.EndsWith("wrapup.yaml", StringComparison.Ordinal) && p.Where.Line == Line("id: test,") && p.Message.Contains("'none/test' has no 'kk' label", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Where.Line == Line("call:back") && p.Message.Contains("may hold only", StringComparison.Ordinal));
        Assert.Equal(2, problems.Count);
    }
}
