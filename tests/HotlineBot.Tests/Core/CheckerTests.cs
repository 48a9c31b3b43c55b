using HotlineBot.Dialogs;

namespace HotlineBot.Tests.Core;

/// <summary>
/// Each rule of the dialog checker, one broken thing at a time: the real dialogs folder is copied and one
/// file added or changed, so every other rule stays satisfied and the one problem must name the right file and line.
/// </summary>
public sealed class CheckerTests
{
    internal const string Broken = "zz_broken.yaml";

    internal static TempDir CopyOfDialogs()
    {
        var dir = new TempDir();
        TestPaths.CopyDialogsTo(dir.Path);

        return dir;
    }

    /// <summary>1-based line of the first line of <paramref name="text"/> that contains <paramref name="marker"/>.</summary>
    internal static int LineOf(string text, string marker)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(marker, StringComparison.Ordinal));
        Assert.True(index >= 0, $"marker '{marker}' not in the test's own YAML");
        return index + 1;
    }

    /// <summary>Loads a copy of the real dialogs with <paramref name="yaml"/> added as one more file; expects exactly one problem.</summary>
    internal static DialogProblem LoadWithExtraFile(string yaml, string marker, string messagePart)
    {
        using var dir = CopyOfDialogs();
        return LoadWithFile(dir, Broken, yaml, marker, messagePart);
    }

    /// <summary>
    /// Writes <paramref name="text"/> as <paramref name="file"/> into the copy <paramref name="dir"/> and loads it: exactly one
    /// problem, in that file, at the line of <paramref name="marker"/>, saying <paramref name="messagePart"/>.
    /// </summary>
    internal static DialogProblem LoadWithFile(TempDir dir, string file, string text, string marker, string messagePart)
    {
        ArgumentNullException.ThrowIfNull(dir);
        File.WriteAllText(dir.File(file), text);
        var (set, problems) = DialogCatalog.Load(dir.Path);
        Assert.Null(set);
        var problem = Assert.Single(problems);
        Assert.EndsWith(file, problem.Where.File, StringComparison.Ordinal);
        Assert.Equal(LineOf(text, marker), problem.Where.Line);
        Assert.Contains(messagePart, problem.Message, StringComparison.Ordinal);
        return problem;
    }

    [Fact]
    public void The_real_dialogs_load_without_problems()
    {
        var (set, problems) = DialogCatalog.Load(CoreHarness.DialogsPath);
        Assert.Empty(problems);
        Assert.NotNull(set);
        Assert.True(set.Crisis.Count > 100);
        Assert.Equal(9, set.Questionnaire.Questions.Count);
    }

    [Fact]
    public void A_copy_of_the_real_dialogs_with_a_valid_extra_node_loads()
    {
        using var dir = CopyOfDialogs();
        File.WriteAllText(dir.File(Broken), """
            nodes:
              - id: extra.ok
                deeplink: extra_ok
                text:
                  kk: "Қосымша"
                  ru: "Дополнительно"
            """);
        var (set, problems) = DialogCatalog.Load(dir.Path);
        Assert.Empty(problems);
        Assert.NotNull(set!.FindDeepLink("EXTRA_OK"));
    }

    [Fact]
    public void A_node_missing_a_language()
    {
        const string yaml = """
            nodes:
              - id: extra.half
                deeplink: extra_half
                text:
                  ru: "Только по-русски"
            """;
        LoadWithExtraFile(yaml, "- id: extra.half", "node 'extra.half' text has no 'kk' text");
    }

    [Fact]
    public void A_button_leading_to_an_unknown_node()
    {
        const string yaml = """
            nodes:
              - id: extra.dead.end
                deeplink: extra_dead_end
                text:
                  kk: "Батырма"
                  ru: "Кнопка"
                buttons:
                  - to: benefits
                    kk: "Жәрдемақы"
                    ru: "Пособия"
                  - to: no.such.node
                    kk: "Ешқайда"
                    ru: "В никуда"
            """;
        LoadWithExtraFile(yaml, "- to: no.such.node", "leads to 'no.such.node', which no file defines");
    }

    [Fact]
    public void A_button_naming_an_unknown_action()
    {
        const string yaml = """
            nodes:
              - id: extra.dance
                deeplink: extra_dance
                text:
                  kk: "Би"
                  ru: "Танец"
                buttons:
                  - action: dance
                    kk: "Билеу"
                    ru: "Танцевать"
            """;
        LoadWithExtraFile(yaml, "- action: dance", "unknown action 'dance'");
    }

    [Fact]
    public void A_node_no_path_reaches()
    {
        const string yaml = """
            # no deeplink and no button leads here
            nodes:
              - id: extra.orphan
                text:
                  kk: "Жетім"
                  ru: "Сирота"
            """;
        LoadWithExtraFile(yaml, "- id: extra.orphan", "node 'extra.orphan' cannot be reached");
    }

    [Fact]
    public void A_duplicate_node_id()
    {
        const string yaml = """
            nodes:
              - id: benefits.apply
                text:
                  kk: "Екінші"
                  ru: "Второй"
            """;
        var problem = LoadWithExtraFile(yaml, "- id: benefits.apply", "duplicate node id 'benefits.apply'");
        Assert.Contains("benefits.yaml", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_over_4096_characters()
    {
        var yaml = $"""
            nodes:
              - id: extra.long
                deeplink: extra_long
                text:
                  kk: "Қысқа"
                  ru: "{new string('я', 4097)}"
            """;
        LoadWithExtraFile(yaml, "- id: extra.long", "in 'ru' is 4097 characters; the limit is 4096");
    }

    [Fact]
    public void Exactly_4096_characters_is_allowed()
    {
        using var dir = CopyOfDialogs();
        File.WriteAllText(dir.File(Broken), $"""
            nodes:
              - id: extra.long
                deeplink: extra_long
                text:
                  kk: "Қысқа"
                  ru: "{new string('я', 4096)}"
            """);
        Assert.Empty(DialogCatalog.Load(dir.Path).Problems);
    }

    [Fact]
    public void Callback_data_over_64_bytes_from_a_long_node_id()
    {
        var id = "extra." + new string('x', 57); // "n:" + 63 characters = 65 bytes
        var yaml = $"""
            nodes:
              - id: {id}
                deeplink: extra_long_id
                text:
                  kk: "Ұзын"
                  ru: "Длинный"
            """;
        LoadWithExtraFile(yaml, "- id: extra.", "of 65 bytes; Telegram allows 64");
    }

    [Fact]
    public void Callback_data_counts_bytes_not_characters()
    {
        var id = "extra." + new string('ә', 29); // "n:extra." is 8 bytes, 29 two-byte letters make 66
        var yaml = $"""
            nodes:
              - id: {id}
                deeplink: extra_kazakh_id
                text:
                  kk: "Ұзын"
                  ru: "Длинный"
            """;
        LoadWithExtraFile(yaml, "- id: extra.", "of 66 bytes");
    }

    [Fact]
    public void Invalid_yaml_names_the_line()
    {
        const string yaml = """
            nodes:
              - id: extra.bad
                deeplink: extra_bad
                text:
                  kk: "Жақсы"
                  ru: это: ошибка
            """;
        LoadWithExtraFile(yaml, "ru: это: ошибка", "not valid YAML");
    }

    [Fact]
    public void A_missing_ui_string()
    {
        using var dir = CopyOfDialogs();
        var ui = File.ReadAllText(dir.File("ui.yaml"));
        var without = string.Join("\n", ui.Split('\n').Where(l => !l.TrimStart().StartsWith("button.skip:", StringComparison.Ordinal)));
        Assert.NotEqual(ui.Length, without.Length);
        File.WriteAllText(dir.File("ui.yaml"), without);

        var (set, problems) = DialogCatalog.Load(dir.Path);
        Assert.Null(set);
        var problem = Assert.Single(problems);
        Assert.EndsWith("ui.yaml", problem.Where.File, StringComparison.Ordinal);
        Assert.Equal(LineOf(without, "  language.prompt:"), problem.Where.Line);
        Assert.Contains("'button.skip' is missing", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_naming_an_unknown_question()
    {
        const string yaml = """
            results:
              - id: extra_result
                when:
                  pets: ["yes"]
                text:
                  kk: "Нәтиже"
                  ru: "Результат"
            """;
        LoadWithExtraFile(yaml, "- id: extra_result", "depends on question 'pets', which does not exist");
    }

    [Fact]
    public void A_result_naming_an_unknown_value()
    {
        const string yaml = """
            results:
              - id: extra_result
                when:
                  age: [age200]
                text:
                  kk: "Нәтиже"
                  ru: "Результат"
            """;
        LoadWithExtraFile(yaml, "- id: extra_result", "expects 'age200' for question 'age'");
    }

    [Fact]
    public void Several_problems_are_all_reported_with_their_lines()
    {
        const string yaml = """
            nodes:
              - id: extra.orphan
                text:
                  ru: "Сирота"
                buttons:
                  - to: nowhere
                    kk: "Ешқайда"
                    ru: "Никуда"
            """;
        using var dir = CopyOfDialogs();
        File.WriteAllText(dir.File(Broken), yaml);
        var (set, problems) = DialogCatalog.Load(dir.Path);
        Assert.Null(set);
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Where.Line == 2 && p.Message.Contains("no 'kk' text", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Where.Line == 6 && p.Message.Contains("'nowhere'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Where.Line == 2 && p.Message.Contains("cannot be reached", StringComparison.Ordinal));
        Assert.Throws<DialogLoadException>(() => DialogCatalog.LoadOrThrow(dir.Path));
    }

    private static readonly string[] Configured = ["112", "102", "103", "111", "150", "1414"];

    [Fact]
    public void The_real_dialogs_name_only_configured_numbers() =>
        Assert.Empty(DialogCatalog.Load(CoreHarness.DialogsPath, Configured).Problems);

    [Fact]
    public void A_number_placeholder_naming_an_unconfigured_number_is_reported_with_file_and_line()
    {
        const string yaml = """
            nodes:
              - id: extra.number
                deeplink: extra_number
                text:
                  kk: "Қоңырау шалыңыз: {number:1414}"
                  ru: "Позвоните: {number:1515}"
            """;
        using var dir = CopyOfDialogs();
        File.WriteAllText(dir.File(Broken), yaml);
        var (set, problems) = DialogCatalog.Load(dir.Path, Configured);
        Assert.Null(set);
        var problem = Assert.Single(problems);
        Assert.EndsWith(Broken, problem.Where.File, StringComparison.Ordinal);
        Assert.Equal(LineOf(yaml, "id: extra.number"), problem.Where.Line);
        Assert.Contains("{number:1515}", problem.Message, StringComparison.Ordinal);
        Assert.Contains("1414", problem.Message, StringComparison.Ordinal);

        // Without the configuration (a folder checked on its own) the key cannot be judged, so it is not refused.
        Assert.Empty(DialogCatalog.Load(dir.Path).Problems);
    }

    [Fact]
    public void The_number_placeholder_is_filled_with_the_configured_number()
    {
        using var bot = new CoreHarness();
        bot.Onboard(6100);
        bot.Press(6100, "n:benefits.apply");
        var text = bot.TextTo(6100);
        Assert.Contains("позвоните по номеру 1414 — это бесплатно", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{number", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_value_that_would_clash_with_the_questionnaires_own_buttons_is_reported()
    {
        const string yaml = """
            questions:
              - id: extra_q
                text:
                  kk: "Сұрақ"
                  ru: "Вопрос"
                options:
                  - value: "+"
                    kk: "Иә"
                    ru: "Да"
            """;
        LoadWithExtraFile(yaml, "id: extra_q", "not '-', '+' or '<'");
    }
}
