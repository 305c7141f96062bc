using System.Collections.Frozen;
using System.Reflection;

namespace Dossier.Languages;

/// <summary>Reads the embedded data files of a language folder ("fr/months.tsv").</summary>
public static class LanguageData
{
    private static readonly Assembly Assembly = typeof(LanguageData).Assembly;

    /// <summary>The languages that have a folder of data.</summary>
    public static IReadOnlyList<string> Available { get; } = Assembly.GetManifestResourceNames()
        .Select(n => n.Split('/')[0]).Where(n => n != "common").Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal).ToArray();

    /// <summary>Every data file, "fr/months.tsv", in ordinal order.</summary>
    public static IReadOnlyList<string> Files { get; } = Assembly.GetManifestResourceNames().Order(StringComparer.Ordinal).ToArray();

    /// <summary>A data file as a stream (binary files such as a model), or null when the language has none.</summary>
    public static Stream? Open(string folder, string file) => Assembly.GetManifestResourceStream($"{folder}/{file}");

    /// <summary>Lines of a data file without comments ('#') and blank lines; empty when the file is absent.</summary>
    public static IReadOnlyList<string> ReadLines(string folder, string file) =>
        ReadNumberedLines(folder, file).Select(l => l.Text).ToArray();

    /// <summary>Lines of a data file with their line numbers (from 1), without comments and blank lines.</summary>
    public static IReadOnlyList<(int Number, string Text)> ReadNumberedLines(string folder, string file)
    {
        using var stream = Assembly.GetManifestResourceStream($"{folder}/{file}");
        if (stream is null) return [];
        using var reader = new StreamReader(stream);
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

    /// <summary>The rows of a tab-separated file with exactly <paramref name="columns"/> columns; any
    /// other row is an error naming the file and line, never a row silently dropped.</summary>
    public static IReadOnlyList<string[]> ReadColumns(string folder, string file, int columns) =>
        ReadNumberedLines(folder, file).Select(l => l.Text.Split('\t') is var c && c.Length == columns ? c
            : throw new InvalidDataException($"{folder}/{file}:{l.Number}: expected {columns} tab-separated columns, got '{l.Text}'")).ToArray();

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
