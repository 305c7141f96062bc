namespace Dossier.Core.Tests.Fixtures;

/// <summary>The project's shared data sets, found beside the repository (../shared/data).</summary>
public static class SharedData
{
    public static string Folder { get; } = FindFolder();

    public static string PathOf(string relative) => Path.Combine(Folder, relative);

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Dossier.slnx"))) continue;
            var candidate = Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("shared/data not found beside the repository");
    }
}
