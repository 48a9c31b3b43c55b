namespace HotlineBot.Dialogs;

/// <summary>One thing wrong with the dialog files, with the place a content editor must look.</summary>
public sealed record DialogProblem(SourceLocation Where, string Message)
{
    public override string ToString() => $"{Where}: {Message}";
}
