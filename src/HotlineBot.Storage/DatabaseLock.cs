using System.Globalization;

namespace HotlineBot.Storage;

/// <summary>
/// A real operating-system lock on <c>&lt;db&gt;.lock</c>, held for as long as the database is open: two processes must
/// never write one LiteDB file. The OS drops it when the process ends, however it ends, so a stale file after a crash
/// or a reboot never blocks anyone (unlike a pid file, whose pid may by then belong to another program).
/// </summary>
public sealed class DatabaseLock : IDisposable
{
    private readonly FileStream _file;

    private DatabaseLock(FileStream file) => _file = file;

    public static string LockFile(string dataPath) => dataPath + ".lock";

    /// <summary>The pid file a long-running bot writes beside its database; only used to name it in messages.</summary>
    public static string PidFile(string dataPath) => dataPath + ".pid";

    /// <summary>Takes the lock, or throws <see cref="DatabaseInUseException"/> naming the process that has it.</summary>
    public static DatabaseLock Take(string dataPath) =>
        TryTake(dataPath) ?? throw new DatabaseInUseException(InUseMessage(dataPath));

    public static DatabaseLock? TryTake(string dataPath)
    {
        try
        {
            // FileShare.None is an exclusive flock on Unix and a share-mode lock on Windows; kept open, it is held.
            return new DatabaseLock(new FileStream(LockFile(dataPath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>True when some process has the database open now (tried, and let go at once if free).</summary>
    public static bool IsHeld(string dataPath)
    {
        if (!File.Exists(LockFile(dataPath)))
        {
            return false;
        }

        using var probe = TryTake(dataPath);
        return probe is null;
    }

    /// <summary>The running bot's pid, as its pid file says; meaningful only while the lock is held.</summary>
    public static int? HolderPid(string dataPath)
    {
        try
        {
            return int.TryParse(File.ReadAllText(PidFile(dataPath)).Trim(), CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static string InUseMessage(string dataPath) => HolderPid(dataPath) is { } pid
        ? string.Create(CultureInfo.InvariantCulture, $"another HotlineBot (pid {pid}) is using {dataPath}")
        : $"another HotlineBot process is using {dataPath}";

    public void Dispose() => _file.Dispose();
}

public sealed class DatabaseInUseException(string message) : Exception(message);
