using HotlineBot.Cases;
using HotlineBot.Conversations;

namespace HotlineBot.Dialogs;

/// <summary>
/// What would break the wrap-up form in front of a worker: no form, a category or action without both languages,
/// duplicate or malformed ids, button data over Telegram's 64 bytes (checked with the largest case number we expect).
/// </summary>
internal static class WrapUpChecker
{
    /// <summary>Button data carries the case number; nine digits leave room for a very long-lived line.</summary>
    private const int LargestCase = 999_999_999;

    public static void Check(DialogSource source, List<DialogProblem> problems)
    {
        if (source.WrapUp is not { } form)
        {
            problems.Add(new(new SourceLocation("dialogs/wrapup.yaml", 0), "no wrap-up form: add a 'wrapup:' section with categories and actions"));
            return;
        }

        var where = source.WrapUpWhere ?? new SourceLocation("dialogs/wrapup.yaml", 0);
        if (form.Categories.Count == 0)
        {
            problems.Add(new(where, "the wrap-up form has no categories: a case could never close"));
        }

        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var category in form.Categories)
        {
            CheckId(category.Id, category.Where, "category", WrapUpInputKind.Category, seen, problems);
            Label(category.Label, category.Where, $"wrap-up category '{category.Id}'", problems);
            var subs = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            foreach (var sub in category.Subcategories)
            {
                CheckId(sub.Id, sub.Where, $"subcategory of '{category.Id}'", WrapUpInputKind.Subcategory, subs, problems);
                Label(sub.Label, sub.Where, $"wrap-up subcategory '{category.Id}/{sub.Id}'", problems);
            }
        }

        var actions = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var action in form.Actions)
        {
            CheckId(action.Id, action.Where, "action", WrapUpInputKind.ToggleAction, actions, problems);
            Label(action.Label, action.Where, $"wrap-up action '{action.Id}'", problems);
        }
    }

    private static void CheckId(string id, SourceLocation where, string what, WrapUpInputKind step, Dictionary<string, SourceLocation> seen, List<DialogProblem> problems)
    {
        if (string.IsNullOrEmpty(id))
        {
            problems.Add(new(where, $"a wrap-up {what} has no id"));
            return;
        }

        if (!id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            problems.Add(new(where, $"wrap-up {what} id '{id}' may hold only A-Z, a-z, 0-9, _ and -"));
        }

        if (!seen.TryAdd(id, where))
        {
            problems.Add(new(where, $"wrap-up {what} id '{id}' is used twice (first at {seen[id]})"));
        }

        var data = WrapUpInput.Data(LargestCase, step, id);
        if (CallbackData.Bytes(data) > CallbackData.MaxBytes)
        {
            problems.Add(new(where, $"wrap-up {what} id '{id}' makes button data of {CallbackData.Bytes(data)} bytes; Telegram allows {CallbackData.MaxBytes}"));
        }
    }

    private static void Label(LocalizedText text, SourceLocation where, string what, List<DialogProblem> problems)
    {
        foreach (var language in new[] { Language.Kk, Language.Ru })
        {
            var value = text.Get(language);
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add(new(where, $"{what} has no '{language.Code()}' label"));
            }
            else if (value.Length > DialogChecker.MaxLabelLength)
            {
                problems.Add(new(where, $"{what} in '{language.Code()}' is {value.Length} characters; a button label may have {DialogChecker.MaxLabelLength}"));
            }
        }
    }
}
