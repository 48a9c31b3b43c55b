namespace HotlineBot.Hosting;

/// <summary>
/// The folder that holds config/appsettings.json, and from which config/, dialogs/ and data/ are found: the current
/// folder, else the program's own folder and the folders above it (which covers the repository layout, where the
/// build output sits in src/HotlineBot/bin/…, so `dotnet run --project src/HotlineBot` works from anywhere).
/// </summary>
public sealed record ContentRoot(string? Path, IReadOnlyList<string> LookedIn)
{
    public const string ConfigFile = "config/appsettings.json";

    public bool Found => Path is not null;

    /// <summary>The line that says where the settings were looked for, when they were not found.</summary>
    public string NotFoundProblem =>
        $"{ConfigFile} was not found in {LookedIn[0]}, nor in {LookedIn[^1]} or any folder above it: " +
        "start the bot from the folder that holds config/ and dialogs/ (the repository root)";

    public static ContentRoot Find() => Find(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    public static ContentRoot Find(string currentDirectory, string programDirectory)
    {
        var current = System.IO.Path.GetFullPath(currentDirectory);
        if (HasConfig(current))
        {
            return new ContentRoot(current, [current]);
        }

        var program = System.IO.Path.GetFullPath(programDirectory);
        for (var dir = new DirectoryInfo(program); dir is not null; dir = dir.Parent)
        {
            if (HasConfig(dir.FullName))
            {
                return new ContentRoot(dir.FullName, [current, program]);
            }
        }

        return new ContentRoot(null, [current, program]);
    }

    /// <summary>A relative setting (dialogs, data/hotline.db) made absolute against this root; ":memory:" stays.</summary>
    public string? Resolve(string? relative) =>
        string.IsNullOrWhiteSpace(relative) || relative == ":memory:" || Path is null ? relative : System.IO.Path.GetFullPath(relative, Path);

    private static bool HasConfig(string folder) => File.Exists(System.IO.Path.Combine(folder, ConfigFile));
}
