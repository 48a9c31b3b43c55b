using System.Globalization;
using System.Text.Json;
using HotlineBot.Cases;
using HotlineBot.Dialogs;
using HotlineBot.Settings;
using HotlineBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HotlineBot.Hosting;

/// <summary>In the running bot: marks the database as in use and does what the command line asks of it.</summary>
public sealed partial class AdminRequestWatcher(
    HotlineDatabase db,
    ICaseStore cases,
    CaseReport reports,
    IOptions<HotlineOptions> hotline,
    DialogSet dialogs,
    TimeProvider time,
    ILogger<AdminRequestWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (db.Path == ":memory:")
        {
            return;
        }

        var pidFile = RunningBot.PidFile(db.Path);
        await File.WriteAllTextAsync(pidFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), stoppingToken).ConfigureAwait(false);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System, stoppingToken).ConfigureAwait(false);
                var request = RunningBot.RequestFile(db.Path);
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
            // Only ever this process's own file: the database lock means no other bot wrote it meanwhile.
            if (Storage.DatabaseLock.HolderPid(db.Path) == Environment.ProcessId)
            {
                File.Delete(pidFile);
            }
        }
    }

    private void Answer(string requestFile)
    {
        string result;
        try
        {
            var request = JsonSerializer.Deserialize<AdminRequest>(File.ReadAllText(requestFile))
                ?? throw new InvalidOperationException("empty request");
            result = request.Kind switch
            {
                AdminRequest.Backup => Backup(request.Target),
                AdminRequest.Report => reports.Write(cases, request.Month ?? string.Empty, request.Format ?? "md", request.Language, request.Target),
                AdminRequest.Export => CaseExport.WriteAudited(db, cases, hotline.Value, dialogs.Ui, request.Since, request.Format ?? "json", request.Target, "cli", time.GetUtcNow()),
                _ => $"unknown request '{request.Kind}'",
            } ?? "ok";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or JsonException)
        {
            result = "failed: " + e.Message;
        }

        File.Delete(requestFile);
        // Renamed into place, like the request: the command line polls for it.
        var draft = RunningBot.ResultFile(db.Path) + ".tmp";
        File.WriteAllText(draft, result);
        File.Move(draft, RunningBot.ResultFile(db.Path), overwrite: true);
    }

    private string? Backup(string target)
    {
        db.BackupTo(target);
        LogBackup(target);
        return null;
    }

    [LoggerMessage(LogLevel.Information, "Backup written to {Target}")]
    private partial void LogBackup(string target);
}
