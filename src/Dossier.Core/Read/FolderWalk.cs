using Mono.Unix.Native;

namespace Dossier.Core.Read;

/// <summary>Lists the visible files below a folder, in name order. Links to folders are followed,
/// but no folder is walked twice: folders are known by device and inode, so a link back to a
/// folder above it (a loop) or to a folder already walked is reported once and not followed.
/// Hidden entries (a leading dot) and dossier files are left out.</summary>
public static class FolderWalk
{
    public static IEnumerable<(InputFile? File, InputProblem? Problem)> Files(string folder)
    {
        var root = Path.GetFullPath(folder);
        var walked = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new List<InputFile>();
        var problems = new List<InputProblem>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            // A folder counts as walked when it is walked, not when it is seen: the first path to
            // it in walk order (depth first, name order) is the one it is read under.
            if (!TryIdentity(directory, out var identity)) continue; // a link to nothing
            if (walked.TryGetValue(identity, out var first))
            {
                problems.Add(new InputProblem(Shown(root, directory), null, ProblemSeverity.Warning, IsUnder(directory, first)
                    ? $"a link back to {Shown(root, first)}, which holds it (a loop); not followed"
                    : $"the same folder as {Shown(root, first)}, already read; not read twice"));
                continue;
            }
            walked[identity] = directory;
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(directory).EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = FileAttributes.Hidden })
                    .OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add(new InputProblem(Shown(root, directory), null, ProblemSeverity.Error, $"cannot read the folder: {ex.Message}"));
                continue;
            }
            var subfolders = new List<string>();
            foreach (var entry in entries)
            {
                if (entry.Name.StartsWith('.')) continue;
                if (entry is FileInfo file)
                {
                    if (!file.Name.EndsWith(".dossier", StringComparison.OrdinalIgnoreCase))
                        files.Add(new InputFile(file.FullName, Shown(root, file.FullName)));
                }
                else
                {
                    subfolders.Add(entry.FullName);
                }
            }
            for (var i = subfolders.Count - 1; i >= 0; i--) pending.Push(subfolders[i]);
        }
        foreach (var problem in problems) yield return (null, problem);
        foreach (var file in files.OrderBy(f => f.FullPath, StringComparer.Ordinal)) yield return (file, null);
    }

    private static string Shown(string root, string path) => Path.GetRelativePath(root, path);

    /// <summary>True when <paramref name="path"/> lies in <paramref name="folder"/> as walked (through the links taken).</summary>
    private static bool IsUnder(string path, string folder) =>
        path.Equals(folder, StringComparison.Ordinal) || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The device and inode of the folder a path leads to, through any links (stat(2)); on
    /// Windows, which has no inodes, its final full path.</summary>
    private static bool TryIdentity(string path, out string identity)
    {
        if (OperatingSystem.IsWindows())
        {
            identity = (new DirectoryInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path)).ToUpperInvariant();
            return true;
        }
        var found = Syscall.stat(path, out var status) == 0;
        identity = found ? $"{status.st_dev}:{status.st_ino}" : "";
        return found;
    }
}
