namespace HotlineBot.Hosting;

/// <summary>
/// The export and the report are written to a file by whichever process has the database open (the running bot, or the
/// command itself); this ends the command: the failure in one line, or the file on standard output (without --out), or where it went.
/// </summary>
internal static class CommandFile
{
    public static async Task<int> FinishAsync(string? failure, string target, string? output, string written)
    {
        if (failure is not null)
        {
            Console.Error.WriteLine(failure);
            return 2;
        }

        if (output is null)
        {
            Console.Out.Write(await File.ReadAllTextAsync(target).ConfigureAwait(false));
            File.Delete(target);
        }
        else
        {
            Console.Error.WriteLine($"wrote {written} to {output}");
        }

        return 0;
    }
}
