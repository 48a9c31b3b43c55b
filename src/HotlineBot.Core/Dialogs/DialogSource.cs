using HotlineBot.Crisis;

namespace HotlineBot.Dialogs;

/// <summary>What the YAML files said, before it is checked: duplicates and gaps are kept so the checker can report them.</summary>
internal sealed class DialogSource
{
    public List<DialogNode> Nodes { get; } = [];
    public Dictionary<string, (LocalizedText Text, SourceLocation Where)> Strings { get; } = new(StringComparer.Ordinal);
    public List<Question> Questions { get; } = [];
    public List<EligibilityResult> Results { get; } = [];
    public LocalizedText? Fallback { get; set; }
    public SourceLocation? FallbackWhere { get; set; }
    public CrisisSource Crisis { get; } = new();
    public List<(QuickReply Reply, SourceLocation Where)> QuickReplies { get; } = [];
    public WrapUpForm? WrapUp { get; set; }
    public SourceLocation? WrapUpWhere { get; set; }
    public List<DialogProblem> Problems { get; } = [];
}
