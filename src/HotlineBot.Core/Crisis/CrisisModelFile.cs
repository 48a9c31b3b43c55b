using System.Security.Cryptography;
using System.Text;

namespace HotlineBot.Crisis;

/// <summary>
/// Keeps the learned crisis model between starts, in a file beside the database: learning from ten thousand examples takes a
/// second or two at every start (and leaves tens of megabytes of garbage), reading the weights back a few milliseconds. The
/// file is only a cache: its name and contents carry the examples' fingerprint (which includes the build), and a checksum
/// guards the weights, so a file that is stale, cut short or damaged is never used; the model is then learned again.
/// Nothing a person wrote is in it: only weights learned from the repository's labelled phrases.
/// </summary>
public static class CrisisModelFile
{
    private const string Prefix = "crisis-model-";
    private const string Extension = ".bin";
    private const int Format = 1;

    /// <summary>The file a model of this fingerprint is kept in.</summary>
    public static string PathFor(string folder, string key) => Path.Combine(folder, Prefix + key[..32].ToLowerInvariant() + Extension);

    /// <summary>The model kept for this fingerprint, or none when there is no usable file (missing, stale or damaged).</summary>
    public static CrisisModel? Read(string folder, string key)
    {
        var path = PathFor(folder, key);
        try
        {
            var bytes = File.ReadAllBytes(path);
            const int Checksum = SHA256.HashSizeInBytes;
            if (bytes.Length <= Checksum || !SHA256.HashData(bytes.AsSpan(Checksum)).AsSpan().SequenceEqual(bytes.AsSpan(0, Checksum)))
            {
                return null;
            }

            using var reader = new BinaryReader(new MemoryStream(bytes, Checksum, bytes.Length - Checksum), Encoding.UTF8);
            return reader.ReadInt32() == Format && reader.ReadString() == key ? CrisisModel.ReadFrom(reader) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or EndOfStreamException)
        {
            return null;
        }
    }

    /// <summary>
    /// Keeps the model for the next start: written to a temporary file and moved into place, so a start that reads at the
    /// same moment sees the whole file or none; older models are removed. A folder that cannot be written is not an error:
    /// the bot works the same, it only learns again at the next start.
    /// </summary>
    public static void Write(string folder, string key, CrisisModel model)
    {
        var path = PathFor(folder, key);
        var temporary = path + "." + Environment.ProcessId + ".tmp";
        try
        {
            Directory.CreateDirectory(folder);
            using (var body = new MemoryStream())
            {
                using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
                {
                    writer.Write(Format);
                    writer.Write(key);
                    model.WriteTo(writer);
                }

                using var file = File.Create(temporary);
                file.Write(SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length)));
                file.Write(body.GetBuffer().AsSpan(0, (int)body.Length));
            }

            File.Move(temporary, path, overwrite: true);
            foreach (var old in Directory.EnumerateFiles(folder, Prefix + "*" + Extension).Where(f => f != path))
            {
                File.Delete(old);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do: a leftover temporary file is never read.
            }
        }
    }
}
