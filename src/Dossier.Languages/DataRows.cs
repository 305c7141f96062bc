namespace Dossier.Languages;

/// <summary>One row of a tab-separated data file: the file it comes from ("fr/quantities.tsv" or the
/// user's file), its line number, its kind (first column) and the columns after it ("unit", "km", "km").</summary>
public sealed record DataRow(string Origin, int Line, string Kind, string Text, string Value, string[] Columns);

/// <summary>The rows of a data file whose first column names the row's kind ("trigger", "unit").
/// The code loading the file asks for each kind it knows; a row of a kind nobody asked for (a
/// misspelt or unknown kind) is an error naming the file and line, never a silently ignored row.</summary>
public sealed class DataRows
{
    private readonly DataRow[] _rows;
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);

    private DataRows(string origin, DataRow[] rows) => (Origin, _rows) = (origin, rows);

    /// <summary>"es/time.tsv": the shipped file the rows extend.</summary>
    public string Origin { get; }

    /// <summary>Reads "<paramref name="folder"/>/<paramref name="file"/>" and the user's file of that name
    /// (<see cref="LanguageData"/>); every row needs a kind and a text.</summary>
    public static DataRows Read(string folder, string file) => Parse($"{folder}/{file}", LanguageData.ReadExtendedLines(folder, file));

    /// <summary>Rows from numbered lines without comments and blank lines; <paramref name="origin"/> names them in errors.</summary>
    public static DataRows Parse(string origin, IEnumerable<(int Number, string Text)> lines) =>
        Parse(origin, lines.Select(l => (origin, l.Number, l.Text)));

    private static DataRows Parse(string origin, IEnumerable<(string Origin, int Number, string Text)> lines)
    {
        var rows = new List<DataRow>();
        foreach (var (file, number, line) in lines)
        {
            var cols = line.Split('\t');
            if (cols.Length < 2 || cols[0].Length == 0 || cols[1].Length == 0)
                throw new InvalidDataException($"{file}:{number}: expected 'kind<TAB>text[<TAB>value]', got '{line}'");
            rows.Add(new DataRow(file, number, cols[0], cols[1], cols.Length > 2 ? cols[2] : "", cols[1..]));
        }
        return new DataRows(origin, rows.ToArray());
    }

    public bool IsEmpty => _rows.Length == 0;

    /// <summary>The rows of one kind, in file order; asking makes the kind known.</summary>
    public IEnumerable<DataRow> Of(string kind)
    {
        _asked.Add(kind);
        return _rows.Where(r => r.Kind == kind);
    }

    /// <summary>The rows of any of these kinds, in file order; asking makes the kinds known.</summary>
    public IEnumerable<DataRow> Of(IReadOnlyCollection<string> kinds)
    {
        _asked.UnionWith(kinds);
        return _rows.Where(r => kinds.Contains(r.Kind));
    }

    /// <summary>Fails on the first row of a kind that was never asked for.</summary>
    public void RejectUnknownKinds()
    {
        foreach (var row in _rows)
            if (!_asked.Contains(row.Kind))
                throw new InvalidDataException($"{row.Origin}:{row.Line}: unknown kind '{row.Kind}' (known: {string.Join(", ", _asked.Order(StringComparer.Ordinal))})");
    }

    /// <summary>An error about one row, naming the file and line.</summary>
    public InvalidDataException Error(DataRow row, string problem) => new($"{row.Origin}:{row.Line}: {problem}");
}
