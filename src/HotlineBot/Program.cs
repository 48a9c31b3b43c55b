using System.CommandLine;
using System.Globalization;
using HotlineBot.Cases;
using HotlineBot.Conversations;
using HotlineBot.Dialogs;
using HotlineBot.Hosting;
using HotlineBot.Settings;
using HotlineBot.Storage;
using HotlineBot.Terminal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HotlineBot;

/// <summary>
/// The verbs: no verb runs the bot on Telegram; console chats in the terminal; dialogs check|graph help content
/// editors; cases export and backup serve the team. Unknown --Section:Key=value tokens go to configuration.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("HotlineBot: a trust-hotline bot in Kazakh and Russian") { TreatUnmatchedTokensAsErrors = false };
        root.SetAction((result, ct) => RunTelegramAsync([.. result.UnmatchedTokens], ct));

        var console = new Command("console", "Chat with the bot in this terminal; no token needed") { TreatUnmatchedTokensAsErrors = false };
        console.SetAction((result, ct) => RunConsoleAsync([.. result.UnmatchedTokens], ct));
        root.Subcommands.Add(console);

        var dir = new Argument<string?>("dir") { Arity = ArgumentArity.ZeroOrOne, Description = "The dialogs folder (default: Dialogs:Path, i.e. dialogs)" };
        var check = new Command("check", "Check every dialog file; report problems with file and line") { dir };
        check.SetAction(result => CheckDialogs(result.GetValue(dir)));
        var outFile = new Option<string>("--out") { Description = "File to write", Required = true };
        var graphFormat = new Option<string>("--format") { Description = "dot or mermaid (default: from the file name, else dot)" };
        var graphDir = new Option<string?>("--dir") { Description = "The dialogs folder" };
        var graph = new Command("graph", "Write the map of all dialog screens") { outFile, graphFormat, graphDir };
        graph.SetAction(result => WriteGraph(result.GetValue(graphDir), result.GetValue(outFile)!, result.GetValue(graphFormat)));
        root.Subcommands.Add(new Command("dialogs", "Work with the dialog files") { check, graph });

        var since = new Option<DateTimeOffset?>("--since") { Description = "Only cases opened on or after this date (yyyy-MM-dd)" };
        var exportFormat = new Option<string>("--format") { Description = "json or csv", DefaultValueFactory = _ => "json" };
        var exportOut = new Option<string?>("--out") { Description = "File to write (default: standard output)" };
        var export = new Command("export", "Write cases and their logs for reporting") { since, exportFormat, exportOut };
        export.TreatUnmatchedTokensAsErrors = false;
        export.SetAction((result, ct) => ExportCasesAsync([.. result.UnmatchedTokens], result.GetValue(since), result.GetValue(exportFormat)!, result.GetValue(exportOut)));
        var month = new Option<string>("--month") { Description = "The month, YYYY-MM (the hotline's own time zone)", Required = true };
        var reportFormat = new Option<string>("--format") { Description = "md or csv", DefaultValueFactory = _ => "md" };
        var reportLanguage = new Option<string?>("--language") { Description = "kk or ru, for the Markdown labels (default ru)" };
        var reportOut = new Option<string?>("--out") { Description = "File to write (default: standard output)" };
        var report = new Command("report", "Write a month's counts (no message text) for a funder or ministry") { month, reportFormat, reportLanguage, reportOut };
        report.TreatUnmatchedTokensAsErrors = false;
        report.SetAction((result, ct) => ReportCommand.RunAsync([.. result.UnmatchedTokens], result.GetValue(month)!, result.GetValue(reportFormat)!, result.GetValue(reportLanguage), result.GetValue(reportOut)));
        root.Subcommands.Add(new Command("cases", "Work with stored cases") { export, report });

        var backupOut = new Option<string>("--out") { Description = "File to write the copy to", Required = true };
        var backup = new Command("backup", "Make a consistent copy of the database, also while the bot runs") { backupOut };
        backup.TreatUnmatchedTokensAsErrors = false;
        backup.SetAction((result, ct) => BackupAsync([.. result.UnmatchedTokens], result.GetValue(backupOut)!));
        root.Subcommands.Add(backup);
        root.Subcommands.Add(StorageCommands.Create());
        root.Subcommands.Add(CrisisCommands.Create());

        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (LiteDB.LiteException e)
        {
            // A wrong password, wherever the database is opened (backup, export, ...): one line, not a stack trace.
            using var host = HotlineHost.CreateBuilder(args, HostMode.Telegram).Build();
            if (StorageProblem.Describe(e, host.Services) is not { } line)
            {
                throw;
            }

            Console.Error.WriteLine(line);
            return 1;
        }
    }

    private static async Task<int> RunTelegramAsync(string[] args, CancellationToken ct)
    {
        using var host = HotlineHost.CreateBuilder(args, HostMode.Telegram).Build();
        if (!Preflight(host.Services, HostMode.Telegram))
        {
            return 1;
        }

        await host.RunAsync(ct).ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> RunConsoleAsync(string[] args, CancellationToken ct)
    {
        using var host = HotlineHost.CreateBuilder(args, HostMode.Terminal).Build();
        if (!Preflight(host.Services, HostMode.Terminal))
        {
            return 1;
        }

        var chat = ActivatorUtilities.CreateInstance<ConsoleChat>(host.Services);
        await chat.RunAsync(Console.In, Console.Out, ct).ConfigureAwait(false);
        return 0;
    }

    private static int CheckDialogs(string? directory)
    {
        var path = directory ?? DialogsPath();
        var (set, problems) = DialogCatalog.Load(path, ConfiguredNumbers());
        foreach (var problem in problems)
        {
            Console.Error.WriteLine(problem);
        }

        if (set is null)
        {
            Console.Error.WriteLine($"{problems.Count} problem(s) in {path}");
            return 2;
        }

        Console.WriteLine($"{path}: {set.Nodes.Count} screens, {set.Ui.Strings.Count} sentences, {set.Questionnaire.Questions.Count} questions, " +
            $"{set.Questionnaire.Results.Count} eligibility rules, {set.Crisis.Count} crisis patterns" +
            (set.Crisis.Model is { } model ? $" and a crisis model learned from {model.Examples} examples" : string.Empty) + $", {set.QuickReplies.Count} quick replies: OK");
        return 0;
    }

    private static int WriteGraph(string? directory, string output, string? format)
    {
        var (set, problems) = DialogCatalog.Load(directory ?? DialogsPath());
        if (set is null)
        {
            problems.ToList().ForEach(p => Console.Error.WriteLine(p));
            return 2;
        }

        var mermaid = string.Equals(format, "mermaid", StringComparison.OrdinalIgnoreCase)
            || (format is null && (output.EndsWith(".mmd", StringComparison.OrdinalIgnoreCase) || output.EndsWith(".md", StringComparison.OrdinalIgnoreCase)));
        File.WriteAllText(output, mermaid ? DialogGraph.Mermaid(set) : DialogGraph.Dot(set));
        Console.WriteLine($"wrote {(mermaid ? "Mermaid" : "DOT")} graph of {set.Nodes.Count} screens to {output}");
        return 0;
    }

    private static async Task<int> ExportCasesAsync(string[] args, DateTimeOffset? since, string format, string? output)
    {
        using var host = HotlineHost.CreateBuilder(args, HostMode.Telegram).Build();
        var path = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Path;
        var target = output ?? Path.Combine(Path.GetTempPath(), $"hotline-export-{Guid.NewGuid():N}.{format}");
        string? failure;
        if (RunningBot.IsRunning(path))
        {
            failure = await RunningBot.AskAsync(path, new AdminRequest(AdminRequest.Export, Path.GetFullPath(target), since, format), TimeSpan.FromSeconds(120)).ConfigureAwait(false);
        }
        else
        {
            var services = host.Services;
            failure = CaseExport.WriteAudited(services.GetRequiredService<HotlineDatabase>(), services.GetRequiredService<ICaseStore>(),
                services.GetRequiredService<IOptions<HotlineOptions>>().Value, services.GetRequiredService<DialogSet>().Ui, since, format, target, "cli", DateTimeOffset.UtcNow);
        }

        return await CommandFile.FinishAsync(failure, target, output, "the export").ConfigureAwait(false);
    }

    private static async Task<int> BackupAsync(string[] args, string output)
    {
        using var host = HotlineHost.CreateBuilder(args, HostMode.Telegram).Build();
        var path = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Path;
        if (RunningBot.IsRunning(path))
        {
            var pid = DatabaseLock.HolderPid(path);
            // Never open a database another process is writing: ask that process for the copy.
            var failure = await RunningBot.AskAsync(path, new AdminRequest(AdminRequest.Backup, Path.GetFullPath(output)), TimeSpan.FromSeconds(60)).ConfigureAwait(false);
            if (failure is not null)
            {
                Console.Error.WriteLine(failure);
                return 1;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"backup of {path} written to {output} by the running bot (pid {pid})"));
            return 0;
        }

        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"no database at {path} (Storage:Path)");
            return 1;
        }

        host.Services.GetRequiredService<HotlineDatabase>().BackupTo(output);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"backup of {path} written to {output}"));
        return 0;
    }

    /// <summary>The numbers {number:KEY} may name, from the same configuration the bot starts with.</summary>
    private static List<string> ConfiguredNumbers()
    {
        using var host = HotlineHost.CreateBuilder([], HostMode.Terminal).Build();
        return host.Services.GetRequiredService<IOptions<HotlineOptions>>().Value.Numbers.Select(n => n.Number).ToList();
    }

    private static string DialogsPath()
    {
        using var host = HotlineHost.CreateBuilder([], HostMode.Terminal).Build();
        return host.Services.GetRequiredService<IOptions<DialogsOptions>>().Value.Path;
    }

    private static bool Preflight(IServiceProvider services, HostMode mode)
    {
        var problems = HotlineHost.Preflight(services, mode);
        foreach (var problem in problems)
        {
            Console.Error.WriteLine(problem);
        }

        return problems.Count == 0;
    }
}
