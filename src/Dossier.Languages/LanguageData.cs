using System.Collections.Frozen;
using System.Reflection;

namespace Dossier.Languages;

/// <summary>Reads the embedded data files of a language folder ("fr/months.tsv"), each followed by
/// the lines of the user's file of the same name, if any, in the folder named by the environment
/// variable <see cref="UserFolderVariable"/> ("$DOSSIER_DATA/fr/gazetteer.tsv" adds places and
/// organisations to the shipped ones).</summary>
public static class LanguageData
{
    public const string UserFolderVariable = "DOSSIER_DATA";

    private static readonly Assembly Assembly = typeof(LanguageData).Assembly;

    private static readonly Lazy<IReadOnlyDictionary<string, string>> UserFilesByName = new(FindUserFiles);

    /// <summary>The languages that have a folder of data.</summary>
    public static IReadOnlyList<string> Available { get; } = Assembly.GetManifestResourceNames()
        .Select(n => n.Split('/')[0]).Where(n => n != "common").Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal).ToArray();

    /// <summary>Every data file, "fr/months.tsv", in ordinal order.</summary>
    public static IReadOnlyList<string> Files { get; } = Assembly.GetManifestResourceNames().Order(StringComparer.Ordinal).ToArray();

    /// <summary>A data file as a stream (binary files such as a model), or null when the language has none.</summary>
    public static Stream? Open(string folder, string file) => Assembly.GetManifestResourceStream($"{folder}/{file}");

    /// <summary>The user's data files ("fr/gazetteer.tsv" → its full path), in ordinal order of name.</summary>
    public static IReadOnlyDictionary<string, string> UserFiles => UserFilesByName.Value;

    /// <summary>Lines of a data file without comments ('#') and blank lines, then those of the user's
    /// file of the same name; empty when neither exists.</summary>
    public static IReadOnlyList<string> ReadLines(string folder, string file) =>
        ReadExtendedLines(folder, file).Select(l => l.Text).ToArray();

    /// <summary>The rows of a tab-separated data file (and the user's), each of exactly
    /// <paramref name="columns"/> columns, or up to <paramref name="optional"/> more: a row of another
    /// count, or one <paramref name="fault"/> finds wrong, is an error naming its file and line.</summary>
    /// <param name="fault">What is wrong with a row of the right count, or null when nothing is.</param>
    public static IReadOnlyList<string[]> ReadColumns(string folder, string file, int columns, int optional = 0, Func<string[], string?>? fault = null) =>
        ReadExtendedLines(folder, file).Select(l =>
        {
            var cells = l.Text.Split('\t');
            var problem = cells.Length < columns || cells.Length > columns + optional
                ? $"expected {(optional == 0 ? $"{columns}" : $"{columns} to {columns + optional}")} tab-separated columns, got '{l.Text}'"
                : fault?.Invoke(cells);
            return problem is null ? cells : throw new InvalidDataException($"{l.Origin}:{l.Number}: {problem}");
        }).ToArray();

    /// <summary>The shipped file's lines, then the user's, each with the file it comes from and its number there.</summary>
    public static IReadOnlyList<(string Origin, int Number, string Text)> ReadExtendedLines(string folder, string file)
    {
        var name = $"{folder}/{file}";
        var lines = ReadNumberedLines(folder, file).Select(l => (name, l.Number, l.Text)).ToList();
        if (UserFiles.TryGetValue(name, out var path))
        {
            using var reader = new StreamReader(path);
            lines.AddRange(ReadNumbered(reader).Select(l => (path, l.Number, l.Text)));
        }
        return lines;
    }

    /// <summary>Lines of a shipped data file with their line numbers (from 1), without comments and blank lines.</summary>
    public static IReadOnlyList<(int Number, string Text)> ReadNumberedLines(string folder, string file)
    {
        using var stream = Assembly.GetManifestResourceStream($"{folder}/{file}");
        if (stream is null) return [];
        using var reader = new StreamReader(stream);
        return ReadNumbered(reader);
    }

    private static List<(int Number, string Text)> ReadNumbered(StreamReader reader)
    {
        var lines = new List<(int, string)>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line)) continue;
            lines.Add((number, line.TrimEnd('\r')));
        }
        return lines;
    }

    /// <summary>The files of the user's data folder, each of which must extend a shipped text data file
    /// ("fr/aliases.tsv"): a file that extends none (a misspelt name, a model) is an error naming it,
    /// never a file silently ignored.</summary>
    private static IReadOnlyDictionary<string, string> FindUserFiles()
    {
        if (Environment.GetEnvironmentVariable(UserFolderVariable) is not { Length: > 0 } folder) return new Dictionary<string, string>();
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"{UserFolderVariable}={folder}: no such folder");
        var extendable = Files.Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".tsv", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            if (!extendable.Contains(name))
                throw new InvalidDataException($"{path}: not the name of a data file it could extend (such as fr/gazetteer.tsv, fr/aliases.tsv, fr/role-holders.tsv)");
            files[name] = path;
        }
        return files;
    }

    /// <summary>A two-column tab-separated file read as a case-insensitive map.</summary>
    public static FrozenDictionary<string, int> ReadIntMap(string folder, string file)
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in ReadLines(folder, file))
        {
            var cols = line.Split('\t');
            if (cols.Length < 2 || !int.TryParse(cols[1], System.Globalization.CultureInfo.InvariantCulture, out var value))
                throw new InvalidDataException($"{folder}/{file}: expected 'name<TAB>number', got '{line}'");
            map[cols[0].Trim()] = value;
        }
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
