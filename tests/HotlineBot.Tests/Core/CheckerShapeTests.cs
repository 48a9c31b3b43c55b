using HotlineBot.Dialogs;
using static HotlineBot.Tests.Core.CheckerTests;

namespace HotlineBot.Tests.Core;

/// <summary>
/// Unknown keys, wrong shapes and broken YAML (issue 15, defect 7; the unclosed '[' is defect 14): each is one problem at its own line,
/// in a copy of the real dialogs with one file added, never a silent gap or a stack trace.
/// </summary>
public sealed class CheckerShapeTests
{
    /// <summary>Every problem of the added file, as "line: message", for checks that expect more than one.</summary>
    private static List<DialogProblem> ProblemsOfExtraFile(string yaml)
    {
        using var dir = CopyOfDialogs();
        File.WriteAllText(dir.File(Broken), yaml);
        var (set, problems) = DialogCatalog.Load(dir.Path);
        Assert.Null(set);
        Assert.All(problems, p => Assert.EndsWith(Broken, p.Where.File, StringComparison.Ordinal));
        return problems.ToList();
    }

    private static void Has(List<DialogProblem> problems, string yaml, string marker, string messagePart) =>
        Assert.Contains(problems, p => p.Where.Line == LineOf(yaml, marker) && p.Message.Contains(messagePart, StringComparison.Ordinal));

    [Fact]
    public void A_misspelt_key_in_a_node_is_named_with_the_keys_a_node_may_have()
    {
        const string yaml = """
            nodes:
              - id: extra.typo
                deeplink: extra_typo
                text:
                  kk: "Қате"
                  ru: "Опечатка"
                buttns:
                  - to: benefits
                    kk: "Жәрдемақы"
                    ru: "Пособия"
            """;
        LoadWithExtraFile(yaml, "buttns:", "unknown key 'buttns' in node 'extra.typo' (expected id, text, buttons, deeplink, topic)");
    }

    [Fact]
    public void A_complex_key_at_the_top_is_a_problem_not_a_crash()
    {
        const string yaml = """
            ? [a, b]
            : c
            """;
        LoadWithExtraFile(yaml, "? [a, b]", "a section name must be a plain word, not a list or a mapping");
    }

    [Fact]
    public void A_complex_key_inside_a_node_is_a_problem()
    {
        const string yaml = """
            nodes:
              - id: extra.complex
                deeplink: extra_complex
                text:
                  kk: "Күрделі"
                  ru: "Сложный"
                ? [a, b]
                : c
            """;
        LoadWithExtraFile(yaml, "? [a, b]", "a key in node 'extra.complex' must be a plain word");
    }

    [Fact]
    public void A_complex_key_in_strings_is_a_problem()
    {
        const string yaml = """
            strings:
              ? { a: b }
              : { kk: "а", ru: "а" }
            """;
        LoadWithExtraFile(yaml, "? { a: b }", "a string's name must be a plain word");
    }

    [Theory]
    [InlineData("""
        nodes:
          - id: extra.button
            deeplink: extra_button
            text: { kk: "Батырма", ru: "Кнопка" }
            buttons:
              - to: benefits
                kk: "Жәрдемақы"
                ru: "Пособия"
                lable: "Пособия"
        """, "lable:", "unknown key 'lable' in a button of node 'extra.button' (expected to, action, kk, ru)")]
    [InlineData("""
        nodes:
          - id: extra.lang
            deeplink: extra_lang
            text: { kk: "Тіл", ru: "Язык", en: "Language" }
        """, "text:", "unknown key 'en' in the text of node 'extra.lang' (expected kk, ru)")]
    [InlineData("""
        strings:
          extra.sentence:
            kk: "Сөйлем"
            ru: "Предложение"
            rus: "Предложение"
        """, "rus:", "unknown key 'rus' in string 'extra.sentence' (expected kk, ru)")]
    [InlineData("""
        questions:
          - id: extra_q
            text: { kk: "Сұрақ", ru: "Вопрос" }
            hint: "подсказка"
            options:
              - value: a
                kk: "А"
                ru: "А"
        """, "hint:", "unknown key 'hint' in question 'extra_q' (expected id, text, options, multi)")]
    [InlineData("""
        questions:
          - id: extra_q
            text: { kk: "Сұрақ", ru: "Вопрос" }
            options:
              - value: a
                kk: "А"
                ru: "А"
                score: 3
        """, "score:", "unknown key 'score' in an option of question 'extra_q' (expected value, kk, ru, exclusive)")]
    [InlineData("""
        results:
          - id: extra_r
            when: { age: [age18_69] }
            text: { kk: "Нәтиже", ru: "Результат" }
            priority: 1
        """, "priority:", "unknown key 'priority' in result 'extra_r' (expected id, when, text)")]
    [InlineData("""
        quick_replies:
          - id: extra_qr
            label: { kk: "Жауап", ru: "Ответ" }
            text: { kk: "Жауап", ru: "Ответ" }
            emoji: "💬"
        """, "emoji:", "unknown key 'emoji' in quick reply 'extra_qr' (expected id, label, text)")]
    [InlineData("""
        fallback:
          text: { kk: "Табылмады", ru: "Не найдено" }
          note: "x"
        """, "note:", "unknown key 'note' in the questionnaire fallback (expected text)")]
    public void An_unknown_key_of_each_kind_of_mapping_is_one_problem_at_its_line(string yaml, string marker, string message) =>
        LoadWithExtraFile(yaml, marker, message);

    [Fact]
    public void A_question_may_say_multi()
    {
        using var dir = CopyOfDialogs();
        File.WriteAllText(dir.File(Broken), """
            questions:
              - id: extra_multi
                multi: true
                text: { kk: "Сұрақ", ru: "Вопрос" }
                options:
                  - value: a
                    kk: "А"
                    ru: "А"
            """);
        Assert.Empty(DialogCatalog.Load(dir.Path).Problems);
    }

    [Theory]
    [InlineData("""
        nodes:
          - id: extra.topic
            deeplink: extra_topic
            topic: { a: b }
            text: { kk: "Тақырып", ru: "Тема" }
        """, "topic:", "'topic' of node 'extra.topic' must be a single value, not a list or a mapping")]
    [InlineData("""
        strings:
          extra.list: [a, b]
        """, "extra.list:", "string 'extra.list' must be a mapping of kk: and ru:")]
    [InlineData("""
        nodes: { id: extra.map }
        """, "nodes:", "'nodes' must be a list")]
    [InlineData("""
        results:
          - id: extra_r
            when: [age]
            text: { kk: "Нәтиже", ru: "Результат" }
        """, "when:", "'when' of result 'extra_r' must be a mapping of question id: accepted value(s)")]
    [InlineData("""
        results:
          - id: extra_r
            when:
              age: { a: b }
            text: { kk: "Нәтиже", ru: "Результат" }
        """, "age:", "the accepted values for 'age' in result 'extra_r' must be a value or a list of values, not a mapping")]
    [InlineData("""
        questions:
          - just a line
        """, "- just a line", "a question must be a mapping with id, text and options")]
    [InlineData("""
        fallback: "Не найдено"
        """, "fallback:", "fallback must be a mapping with text:")]
    public void A_wrong_shape_is_one_problem_at_its_line(string yaml, string marker, string message) =>
        LoadWithExtraFile(yaml, marker, message);

    [Fact]
    public void A_list_where_a_text_is_expected_is_named_at_its_line()
    {
        const string yaml = """
            nodes:
              - id: extra.label
                deeplink: extra_label
                text: { kk: "Белгі", ru: "Метка" }
                buttons:
                  - to: benefits
                    kk: [a, b]
                    ru: "Пособия"
            """;
        var problems = ProblemsOfExtraFile(yaml);
        Has(problems, yaml, "kk: [a, b]", "a button of node 'extra.label' in 'kk' must be a single text, not a list or a mapping");
    }

    [Fact]
    public void An_unclosed_flow_list_is_a_problem_at_its_line_not_a_crash()
    {
        const string yaml = """
            nodes:
              - id: [broken
            """;
        LoadWithExtraFile(yaml, "- id: [broken", "not valid YAML");
    }
}
