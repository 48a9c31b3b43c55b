using System.Globalization;

namespace HotlineBot.Storage;

/// <summary>
/// A small file beside the database naming the updates being handled right now. An update that crashes the whole
/// process never reaches the code that counts a failed try; this file survives the crash, and at the next start
/// those updates get their try counted, so a crashing update is parked after three starts instead of looping forever.
/// A plain file write per group of updates, not a LiteDB commit per update.
/// </summary>
public sealed class InHandMarker(string dataPath)
{
    private readonly string? _file = dataPath == ":memory:" ? null : dataPath + ".inhand";

    public void Write(IEnumerable<long> updateIds)
    {
        if (_file is not null)
        {
            File.WriteAllText(_file, string.Join('\n', updateIds.Select(i => i.ToString(CultureInfo.InvariantCulture))));
        }
    }

    public void Clear()
    {
        if (_file is not null)
        {
            File.Delete(_file);
        }
    }

    /// <summary>What was in hand when the process last stopped without clearing the file (a crash).</summary>
    public IReadOnlyList<long> Left()
    {
        if (_file is null || !File.Exists(_file))
        {
            return [];
        }

        return [.. File.ReadAllLines(_file).Select(l => long.TryParse(l, CultureInfo.InvariantCulture, out var id) ? id : (long?)null).OfType<long>()];
    }
}
