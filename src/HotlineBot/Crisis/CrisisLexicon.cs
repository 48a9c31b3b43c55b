namespace HotlineBot.Crisis;

/// <summary>Why a message was judged a crisis; shown to workers so they know what to open with.</summary>
public enum CrisisKind
{
    None,
    Suicide,
    Violence,
    SelfHarm,
    SexualViolence,
    ChildDanger,
}

/// <summary>
/// Stems from dialogs/crisis.yaml, folded the same way as the messages they are matched against.
/// A false alarm costs a worker's minute, a miss can cost a life: matching is deliberately generous.
/// </summary>
public sealed class CrisisLexicon(IReadOnlyDictionary<CrisisKind, IReadOnlyList<string>> stems)
{
    public static readonly CrisisLexicon Empty = new(new Dictionary<CrisisKind, IReadOnlyList<string>>());

    private readonly (CrisisKind Kind, string Stem)[] _folded = stems
        .SelectMany(pair => pair.Value.Select(stem => (pair.Key, TextNormalizer.Normalize(stem).Trim())))
        .Where(pair => pair.Item2.Length > 0)
        .ToArray();

    public int Count => _folded.Length;

    public CrisisKind Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return CrisisKind.None;
        }

        var normalized = TextNormalizer.Normalize(text);
        foreach (var (kind, stem) in _folded)
        {
            // A stem matches at the start of a word, so "бьет" matches "бьет" but not "отбьет"-like inner hits.
            if (normalized.Contains(" " + stem, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return CrisisKind.None;
    }
}
