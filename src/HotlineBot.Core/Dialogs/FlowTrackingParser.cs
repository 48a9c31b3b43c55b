using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HotlineBot.Dialogs;

/// <summary>
/// YamlDotNet's parser, remembering where each open flow collection ('[' or '{') began. A flow list left open
/// ("- id: [broken") fails only where the file ends, or with an InvalidOperationException from the scanner;
/// the line a content editor must open is the one with the bracket.
/// </summary>
internal sealed class FlowTrackingParser(TextReader reader) : IParser
{
    private readonly Parser _inner = new(reader);
    private readonly Stack<(bool Flow, Mark Start)> _open = new();

    public ParsingEvent? Current => _inner.Current;

    /// <summary>Where the innermost flow collection still open began, if one is.</summary>
    public Mark? OpenFlowStart => _open.FirstOrDefault(o => o.Flow) is { Flow: true } open ? open.Start : null;

    public bool MoveNext()
    {
        var moved = _inner.MoveNext();
        switch (_inner.Current)
        {
            case SequenceStart s: _open.Push((s.Style == YamlDotNet.Core.Events.SequenceStyle.Flow, s.Start)); break;
            case MappingStart m: _open.Push((m.Style == YamlDotNet.Core.Events.MappingStyle.Flow, m.Start)); break;
            case SequenceEnd or MappingEnd when _open.Count > 0: _open.Pop(); break;
        }

        return moved;
    }
}
