using HotlineBot.Cases;
using HotlineBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HotlineBot.Hosting;

/// <summary>
/// <c>cases report --month YYYY-MM</c>: the month's counts for a funder or ministry. Like the export, it asks a running bot
/// to write the file (a second process must never open a LiteDB file another is writing) and otherwise reads the file itself.
/// </summary>
internal static class ReportCommand
{
    public static async Task<int> RunAsync(string[] args, string month, string format, string? language, string? output)
    {
        using var host = HotlineHost.CreateBuilder(args, HostMode.Telegram).Build();
        var path = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Path;
        var target = output ?? Path.Combine(Path.GetTempPath(), $"hotline-report-{Guid.NewGuid():N}.{format}");
        var failure = RunningBot.IsRunning(path)
            ? await RunningBot.AskAsync(path, new AdminRequest(AdminRequest.Report, Path.GetFullPath(target), null, format, month, language), TimeSpan.FromSeconds(120)).ConfigureAwait(false)
            : host.Services.GetRequiredService<CaseReport>().Write(host.Services.GetRequiredService<ICaseStore>(), month, format, language, target);
        return await CommandFile.FinishAsync(failure, target, output, $"the report for {month}").ConfigureAwait(false);
    }
}
