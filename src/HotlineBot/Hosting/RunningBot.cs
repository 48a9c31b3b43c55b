using System.Text.Json;

namespace HotlineBot.Hosting;

/// <summary>A job for the process that has the database open: a consistent copy, or the reporting export.</summary>
public sealed record AdminRequest(string Kind, string Target, DateTimeOffset? Since = null, string? Format = null, string? Month = null, string? Language = null)
{
    public const string Backup = "backup";
    public const string Export = "export";
    public const string Report = "report";
}

/// <summary>
/// How the command line reaches a running bot. A second process must never open a LiteDB file another one is
/// writing, so the command leaves a request file beside the database and the bot does the work. The bot marks
/// itself running by the OS lock it holds on <db>.lock (see DatabaseLock) and names itself in a pid file.
/// </summary>
public static class RunningBot
{
    public static string PidFile(string dataPath) => Storage.DatabaseLock.PidFile(dataPath);
    public static string RequestFile(string dataPath) => dataPath + ".request";
    public static string ResultFile(string dataPath) => dataPath + ".result";

    /// <summary>
    /// True when a process has the database open (its lock is held): then it must be asked. The pid file is not
    /// trusted for this: after a crash or a reboot it may name a process that is gone, or someone else's.
    /// </summary>
    public static bool IsRunning(string dataPath) => Storage.DatabaseLock.IsHeld(dataPath);

    /// <summary>Asks the running bot to do <paramref name="request"/> and waits: null when done, else why not.</summary>
    public static async Task<string?> AskAsync(string dataPath, AdminRequest request, TimeSpan patience)
    {
        ArgumentNullException.ThrowIfNull(request);
        File.Delete(ResultFile(dataPath));
        // Written aside and renamed into place: the bot polls for the file and must never read it half-written.
        var draft = RequestFile(dataPath) + ".tmp";
        await File.WriteAllTextAsync(draft, JsonSerializer.Serialize(request)).ConfigureAwait(false);
        File.Move(draft, RequestFile(dataPath), overwrite: true);
        var until = DateTimeOffset.UtcNow + patience;
        while (DateTimeOffset.UtcNow < until)
        {
            if (File.Exists(ResultFile(dataPath)))
            {
                var result = (await File.ReadAllTextAsync(ResultFile(dataPath)).ConfigureAwait(false)).Trim();
                File.Delete(ResultFile(dataPath));
                return result == "ok" ? null : result;
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        File.Delete(RequestFile(dataPath));
        return $"the running bot did not answer within {patience.TotalSeconds:0} s";
    }
}
