using HotlineBot.Conversations;

namespace HotlineBot.Dialogs;

/// <summary>A text written in both languages by a content editor.</summary>
public sealed record LocalizedText(string? Kk, string? Ru)
{
    public string For(Language language) => (language == Language.Kk ? Kk : Ru) ?? Ru ?? Kk ?? string.Empty;

    public string? Get(Language language) => language == Language.Kk ? Kk : Ru;
}

/// <summary>Where a thing was written, so every complaint about content names file and line.</summary>
public sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
