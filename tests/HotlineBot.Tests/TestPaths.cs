namespace HotlineBot.Tests;

/// <summary>Finds the repository's own dialogs and config, so tests run against the real content.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Dialogs => Path.Combine(RepoRoot, "dialogs");

    public static string Config => Path.Combine(RepoRoot, "config", "appsettings.json");

    /// <summary>Copies the real dialogs folder, subfolders too (the crisis examples), into <paramref name="target"/>.</summary>
    public static void CopyDialogsTo(string target)
    {
        foreach (var file in Directory.EnumerateFiles(Dialogs, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(Dialogs, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "hotline-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HotlineBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("HotlineBot.sln not found above " + AppContext.BaseDirectory);
    }
}
