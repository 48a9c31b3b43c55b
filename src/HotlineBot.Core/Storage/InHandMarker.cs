using System.Globalization;
using System.Text;

namespace HotlineBot.Storage;

/// <summary>
/// A small file beside the database naming the updates being handled right now. An update that crashes the whole
/// process never reaches the code that counts a failed try; this file survives the crash, and at the next start
/// those updates get their try counted, so a crashing update is parked after three starts instead of looping forever.
/// A plain file write per group of updates, not a LiteDB commit per update.
/// </summary>
public sealed class InHandMarker(string dataPath) : IDisposable
{
    private readonly string? _file = dataPath == ":memory:" ? null : dataPath + ".inhand";
    private readonly Lock _gate = new();

    // Kept open and rewritten in place: creating and unlinking the file for every group of updates cost the saturated
    // bot about 2 % of its processor time (two metadata changes in the file system per group). An empty file is no marker.
    private FileStream? _stream;

    public void Write(IEnumerable<long> updateIds)
    {
        if (_file is null)
        {
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', updateIds.Select(i => i.ToString(CultureInfo.InvariantCulture))));
        lock (_gate)
        {
            var stream = _stream ??= new FileStream(_file, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read, bufferSize: 0);
            stream.SetLength(0);
            stream.Position = 0;
            stream.Write(bytes);
        }
    }

    public void Clear()
    {
        if (_file is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_stream is not null)
            {
                _stream.SetLength(0);
            }
            else if (File.Exists(_file))
            {
                File.WriteAllBytes(_file, []);
            }
        }
    }

    /// <summary>What was in hand when the process last stopped without clearing the file (a crash).</summary>
    public IReadOnlyList<long> Left()
    {
        if (_file is null || !File.Exists(_file))
        {
            return [];
        }

        string[] lines;
        lock (_gate)
        {
            lines = File.ReadAllLines(_file);
        }

        return [.. lines.Select(l => long.TryParse(l, CultureInfo.InvariantCulture, out var id) ? id : (long?)null).OfType<long>()];
    }

    /// <summary>At a clean stop nothing is in hand: the empty file goes, so the folder holds only the database and its lock.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            var empty = _stream?.Length == 0;
            _stream?.Dispose();
            _stream = null;
            if (empty && _file is not null)
            {
                File.Delete(_file);
            }
        }
    }
}
