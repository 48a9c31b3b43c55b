using HotlineBot.Storage;
using System.CommandLine;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HotlineBot.Hosting;

/// <summary>
/// storage encrypt | rekey: turn on encryption of an existing database, or change its password. The new password is
/// read from the first line of standard input, so it appears in no process list and no shell history; the current
/// one is Storage:Password as always. The bot must be stopped: no second process may open a file in use.
/// </summary>
public static class StorageCommands
{
    public static Command Create()
    {
        var encrypt = new Command("encrypt", "Encrypt the unencrypted database at Storage:Path with a new password read from standard input")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        encrypt.SetAction(result => Run([.. result.UnmatchedTokens], requireEncrypted: false));
        var rekey = new Command("rekey", "Change the password of the encrypted database (current: Storage:Password; new: standard input)")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        rekey.SetAction(result => Run([.. result.UnmatchedTokens], requireEncrypted: true));
        return new Command("storage", "Work with the database file") { encrypt, rekey };
    }

    private static int Run(string[] args, bool requireEncrypted)
    {
        using var host = HotlineHost.CreateBuilder(args, HostMode.Telegram).Build();
        var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var path = storage.Path;
        var current = string.IsNullOrEmpty(storage.Password) ? null : storage.Password;
        var failure = Check(path, current, requireEncrypted) ?? Rekey(path, current, Console.In.ReadLine());
        if (failure is not null)
        {
            Console.Error.WriteLine(failure);
            return 1;
        }

        Console.WriteLine($"{path} is now encrypted with the new password: set Storage__Password to it before the bot starts again");
        return 0;
    }

    private static string? Check(string path, string? current, bool requireEncrypted)
    {
        if (!File.Exists(path))
        {
            return $"no database at {path} (Storage:Path)";
        }

        if (RunningBot.IsRunning(path))
        {
            return $"a running bot has {path} open: stop it first, then run this again";
        }

        if (requireEncrypted && current is null)
        {
            return $"storage rekey needs the current password in Storage:Password (Storage__Password); for a file that is not encrypted yet use storage encrypt";
        }

        if (!requireEncrypted && current is not null)
        {
            return $"storage encrypt is for a file that is not encrypted yet, but Storage:Password is set; to change a password use storage rekey";
        }

        return null;
    }

    private static string? Rekey(string path, string? current, string? fresh)
    {
        if (string.IsNullOrEmpty(fresh))
        {
            return "no new password: give it on the first line of standard input, e.g. printf '%s\\n' \"$NEW\" | HotlineBot storage encrypt";
        }

        var copy = path + ".rekey";
        try
        {
            // A copy, collection by collection, into a new file with the new password, then moved over the old one.
            // (LiteDB's Rebuild with a new password leaves the engine unable to reopen what it wrote.) The bot
            // recreates its indexes when it starts.
            File.Delete(copy);
            using (var source = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, Password = current }))
            using (var target = new LiteDatabase(new ConnectionString { Filename = copy, Connection = ConnectionType.Direct, Password = fresh }))
            {
                foreach (var name in source.GetCollectionNames())
                {
                    target.GetCollection(name).InsertBulk(source.GetCollection(name).FindAll());
                }

                target.Checkpoint();
            }

            File.Move(copy, path, overwrite: true);
            return null;
        }
        catch (LiteException e) when (StorageProblem.Describe(e, path, current is not null) is { } line)
        {
            File.Delete(copy);
            return line;
        }
    }
}
