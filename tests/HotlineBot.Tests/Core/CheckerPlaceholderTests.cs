using HotlineBot.Dialogs;
using static HotlineBot.Tests.Core.CheckerTests;

namespace HotlineBot.Tests.Core;

/// <summary>
/// Placeholders (issue 15, defect 14): each text may use only what its kind is filled with, so "{nubmers}" is a problem
/// at its line instead of a literal brace on the emergency-numbers screen.
/// </summary>
public sealed class CheckerPlaceholderTests
{
    /// <summary>Changes one real file in a copy of the dialogs; expects exactly one problem, in that file at the changed line.</summary>
    private static DialogProblem LoadWithChangedFile(string file, string from, string to, string marker, string messagePart)
    {
        using var dir = CopyOfDialogs();
        var original = File.ReadAllText(dir.File(file));
        Assert.Contains(from, original, StringComparison.Ordinal);
        return LoadWithFile(dir, file, original.Replace(from, to, StringComparison.Ordinal), marker, messagePart);
    }

    [Fact]
    public void A_misspelt_numbers_on_the_emergency_screen_is_named_at_its_line_inside_the_block()
    {
        // The ru text is a literal block (|): the problem names the line of the placeholder, not of "ru: |".
        LoadWithChangedFile("numbers.yaml", "\n        {numbers}\n\n        {number:112} и", "\n        {nubmers}\n\n        {number:112} и", "{nubmers}",
            "unknown placeholder {nubmers} in the text of node 'numbers' in 'ru' (allowed: {numbers})");
    }

    [Fact]
    public void A_misspelt_placeholder_in_a_one_line_node_text()
    {
        const string yaml = """
            nodes:
              - id: extra.numbers
                deeplink: extra_numbers
                text:
                  kk: "Нөмірлер: {numbers}"
                  ru: "Номера: {number}"
            """;
        LoadWithExtraFile(yaml, "ru: \"Номера: {number}\"", "unknown placeholder {number} in the text of node 'extra.numbers' in 'ru'");
    }

    [Fact]
    public void One_configured_number_and_the_list_of_numbers_are_accepted_on_a_screen()
    {
        using var dir = CopyOfDialogs();
        File.WriteAllText(dir.File(Broken), """
            nodes:
              - id: extra.numbers
                deeplink: extra_numbers
                text:
                  kk: "Полиция: {number:police}\n{numbers}"
                  ru: "Полиция: {number:police}\n{numbers}"
            """);
        Assert.Empty(DialogCatalog.Load(dir.Path).Problems);
    }

    [Fact]
    public void A_button_label_is_shown_as_written_so_no_placeholder_is_allowed()
    {
        const string yaml = """
            nodes:
              - id: extra.label
                deeplink: extra_label
                text: { kk: "Белгі", ru: "Метка" }
                buttons:
                  - to: numbers
                    kk: "Нөмірлер"
                    ru: "Номера {numbers}"
            """;
        LoadWithExtraFile(yaml, "ru: \"Номера {numbers}\"", "unknown placeholder {numbers} in a button of node 'extra.label' in 'ru' (allowed: none here)");
    }

    [Fact]
    public void A_ui_sentence_may_use_only_the_values_the_code_fills_for_its_key()
    {
        LoadWithChangedFile("ui.yaml", "Ваше место в очереди: {position}.", "Ваше место в очереди: {positon}.", "{positon}",
            "unknown placeholder {positon} in string 'case.queued' in 'ru' (allowed: {number}, {numbers}, {position})");
    }

    [Fact]
    public void A_value_filled_for_another_key_is_not_allowed()
    {
        // {position} is filled for the queue message, never for "case closed".
        LoadWithChangedFile("ui.yaml", "ru: \"Обращение №{number} закрыто. Если", "ru: \"Обращение №{number} закрыто, место {position}. Если", "закрыто, место {position}",
            "unknown placeholder {position} in string 'case.cancelled' in 'ru'");
    }
}
