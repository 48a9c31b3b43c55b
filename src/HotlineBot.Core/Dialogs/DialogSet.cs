using HotlineBot.Crisis;

namespace HotlineBot.Dialogs;

/// <summary>Everything loaded from dialogs/: screens, the bot's own sentences, the questionnaire and crisis words.</summary>
public sealed class DialogSet(
    IReadOnlyDictionary<string, DialogNode> nodes,
    UiText ui,
    Questionnaire questionnaire,
    CrisisLexicon crisis,
    IReadOnlyList<QuickReply> quickReplies,
    WrapUpForm? wrapUp = null)
{
    public const string RootId = "main";

    /// <summary>The emergency numbers' screen, which the "numbers" action opens.</summary>
    public const string NumbersId = "numbers";

    public IReadOnlyDictionary<string, DialogNode> Nodes { get; } = nodes;
    public UiText Ui { get; } = ui;
    public Questionnaire Questionnaire { get; } = questionnaire;
    public CrisisLexicon Crisis { get; } = crisis;
    public IReadOnlyList<QuickReply> QuickReplies { get; } = quickReplies;

    /// <summary>The form a worker fills in before a case closes (dialogs/wrapup.yaml).</summary>
    public WrapUpForm WrapUp { get; } = wrapUp ?? WrapUpForm.Empty;

    public DialogNode Root => Nodes[RootId];

    public DialogNode? Find(string? id) => id is not null && Nodes.TryGetValue(id, out var node) ? node : null;

    public DialogNode? FindDeepLink(string payload) =>
        Nodes.Values.FirstOrDefault(n => string.Equals(n.DeepLink, payload, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A short prepared reply a worker can send; the person receives it in their own language.</summary>
public sealed record QuickReply(string Id, LocalizedText Label, LocalizedText Text);
