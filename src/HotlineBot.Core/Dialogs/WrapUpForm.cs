namespace HotlineBot.Dialogs;

/// <summary>
/// The wrap-up form from dialogs/wrapup.yaml: two levels of categories and the actions a worker can record.
/// Ids are what is stored and reported; labels are what a worker reads, in their language.
/// </summary>
public sealed record WrapUpForm(IReadOnlyList<WrapUpCategory> Categories, IReadOnlyList<WrapUpAction> Actions)
{
    public static WrapUpForm Empty { get; } = new([], []);

    public WrapUpCategory? Category(string? id) => Categories.FirstOrDefault(c => c.Id == id);

    public WrapUpAction? Action(string? id) => Actions.FirstOrDefault(a => a.Id == id);

    /// <summary>"Category · subcategory" in the worker's language; unknown ids (an edited form file) show themselves.</summary>
    public string Label(string? category, string? subcategory, Conversations.Language language)
    {
        if (Category(category) is not { } c)
        {
            return category ?? "—";
        }

        var sub = subcategory is null ? null : c.Subcategories.FirstOrDefault(s => s.Id == subcategory)?.Label.For(language) ?? subcategory;
        return sub is null ? c.Label.For(language) : $"{c.Label.For(language)} · {sub}";
    }
}

public sealed record WrapUpCategory(string Id, LocalizedText Label, IReadOnlyList<WrapUpSubcategory> Subcategories, SourceLocation Where);

public sealed record WrapUpSubcategory(string Id, LocalizedText Label, SourceLocation Where);

/// <summary>What the worker did; a referral names where the person was sent (counted by target in the reports).</summary>
public sealed record WrapUpAction(string Id, LocalizedText Label, bool Referral, SourceLocation Where);
