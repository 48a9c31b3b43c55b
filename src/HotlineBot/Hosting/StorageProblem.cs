using HotlineBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HotlineBot.Hosting;

/// <summary>
/// One readable line for a database that will not open because of its password (LiteDB's own words are terse and
/// come with a stack trace): wrong password, a password missing for an encrypted file, or one set for a plain file.
/// </summary>
public static class StorageProblem
{
    public static string? Describe(Exception error, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return Describe(error, storage.Path, !string.IsNullOrEmpty(storage.Password));
    }

    public static string? Describe(Exception error, string path, bool passwordGiven)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.Message;
        if (message.Contains("needs a password", StringComparison.OrdinalIgnoreCase))
        {
            return $"The database {path} is encrypted and Storage:Password is not set: set Storage__Password in the environment";
        }

        if (message.Contains("not encrypted", StringComparison.OrdinalIgnoreCase))
        {
            return $"The database {path} is not encrypted, but Storage:Password is set: unset it, or encrypt the file with 'storage encrypt'";
        }

        if (message.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            return passwordGiven
                ? $"Storage:Password does not open the database {path}: wrong password"
                : $"The database {path} could not be opened: it is not a LiteDB file, or it needs Storage:Password";
        }

        return null;
    }
}
