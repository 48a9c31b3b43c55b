using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HotlineBot.Storage;

/// <summary>
/// How the backup command reaches a running bot: only the process that has the database open may read it
/// consistently, so the command leaves a request file beside the database and the bot writes the copy.
/// The bot marks itself running with a pid file beside the database.
/// </summary>
public static class BackupRequests
{
    public static string PidFile(string dataPath) => dataPath + ".pid";
    public static string RequestFile(string dataPath) => dataPath + ".backup-request";
    public static string ResultFile(string dataPath) => dataPath + ".backup-result";

    /// <summary>The id of the bot process using this database, when one is running.</summary>
    public static int? RunningBot(string dataPath)
    {
        try
        {
            var text = File.ReadAllText(PidFile(dataPath)).Trim();
            if (!int.TryParse(text, CultureInfo.InvariantCulture, out var pid))
            {
                return null;
            }

            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited ? null : pid;
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Asks the running bot for a copy and waits for its answer: null when done, else why not.</summary>
    public static async Task<string?> RequestAsync(string dataPath, string target, TimeSpan patience)
    {
        File.Delete(ResultFile(dataPath));
        await File.WriteAllTextAsync(RequestFile(dataPath), Path.GetFullPath(target)).ConfigureAwait(false);
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

/// <summary>In the running bot: marks the database as in use and answers backup requests.</summary>
public sealed partial class BackupWatcher(HotlineDatabase db, ILogger<BackupWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (db.Path == ":memory:")
        {
            return;
        }

        var pidFile = BackupRequests.PidFile(db.Path);
        await File.WriteAllTextAsync(pidFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), stoppingToken).ConfigureAwait(false);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System, stoppingToken).ConfigureAwait(false);
                var request = BackupRequests.RequestFile(db.Path);
                if (File.Exists(request))
                {
                    Answer(request);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            File.Delete(pidFile);
        }
    }

    private void Answer(string request)
    {
        string result;
        try
        {
            var target = File.ReadAllText(request).Trim();
            db.BackupTo(target);
            LogDone(target);
            result = "ok";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            result = "backup failed: " + e.Message;
        }

        File.Delete(request);
        File.WriteAllText(BackupRequests.ResultFile(db.Path), result);
    }

    [LoggerMessage(LogLevel.Information, "Backup written to {Target}")]
    private partial void LogDone(string target);
}
