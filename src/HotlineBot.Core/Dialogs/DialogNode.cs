namespace HotlineBot.Dialogs;

/// <summary>A button on a screen: it either opens another node (<see cref="To"/>) or runs an action.</summary>
public sealed record DialogButton(string? To, string? Action, LocalizedText Label, SourceLocation Where);

/// <summary>One screen of content.</summary>
public sealed record DialogNode(
    string Id,
    LocalizedText Text,
    IReadOnlyList<DialogButton> Buttons,
    string? DeepLink,
    string? Topic,
    SourceLocation Where);
