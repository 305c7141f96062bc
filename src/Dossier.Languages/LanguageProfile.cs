using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Dossier.Languages;

/// <summary>What the pipeline knows of one language, loaded once from its data folder and shared
/// (immutable) by every thread.</summary>
public sealed class LanguageProfile
{
    private static readonly Lazy<FrozenDictionary<string, LanguageProfile>> All = new(() =>
        LanguageData.Available.ToFrozenDictionary(code => code, code => new LanguageProfile(code), StringComparer.Ordinal));

    public string Code { get; }
    public FrozenSet<string> Stopwords { get; }
    /// <summary>Abbreviations with their final period ("M.", "juil."), case-sensitive.</summary>
    public FrozenSet<string> Abbreviations { get; }
    /// <summary>Elided words without the apostrophe ("l", "qu"), case-insensitive.</summary>
    public FrozenSet<string> Elisions { get; }
    /// <summary>Month names and abbreviations → 1..12, case-insensitive.</summary>
    public FrozenDictionary<string, int> Months { get; }
    /// <summary>Weekday names → ISO day (1 = Monday), case-insensitive.</summary>
    public FrozenDictionary<string, int> Weekdays { get; }
    public IReadOnlyList<LinePattern> LinePatterns { get; }
    /// <summary>Endings of a day number ("er" in "1er", "th" in "4th"), case-insensitive.</summary>
    public FrozenSet<string> Ordinals { get; }
    /// <summary>Words for hours after a number ("heures", "h"), case-insensitive.</summary>
    public FrozenSet<string> HourWords { get; }
    /// <summary>Words written between a day, its month and its year ("de" in "21 de abril de 2022"), case-insensitive.</summary>
    public FrozenSet<string> DateLinks { get; }
    /// <summary>Marks of a 12-hour clock ("p.m.") → hours they add, case-insensitive.</summary>
    public FrozenDictionary<string, int> Meridiems { get; }

    private LanguageProfile(string code)
    {
        Code = code;
        Stopwords = LanguageData.ReadLines(code, "stopwords.txt").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Elisions = LanguageData.ReadLines(code, "elisions.txt").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Months = LanguageData.ReadIntMap(code, "months.tsv");
        // A month written short with its period ("dec. 2018", "Déc. 2018") does not end a sentence either.
        Abbreviations = LanguageData.ReadLines(code, "abbreviations.txt")
            .Concat(Months.Keys.Where(m => m.EndsWith('.')).SelectMany(m => new[] { m, char.ToUpperInvariant(m[0]) + m[1..] }))
            .ToFrozenSet(StringComparer.Ordinal);
        Weekdays = LanguageData.ReadIntMap(code, "weekdays.tsv");
        LinePatterns = ReadLinePatterns(code, "lines.tsv");
        Ordinals = LanguageData.ReadLines(code, "ordinals.txt").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        HourWords = LanguageData.ReadLines(code, "hours.txt").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        DateLinks = LanguageData.ReadLines(code, "date-links.txt").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Meridiems = LanguageData.ReadIntMap(code, "meridiems.tsv");
    }

    public static LanguageProfile Get(string code) =>
        All.Value.TryGetValue(code, out var profile) ? profile : throw new ArgumentException($"no language data for '{code}'", nameof(code));

    public static IReadOnlyCollection<LanguageProfile> Every => All.Value.Values;

    /// <summary>Language-neutral knowledge (news agencies).</summary>
    public static FrozenSet<string> Agencies { get; } =
        LanguageData.ReadLines("common", "agencies.txt").ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Picture agencies, as photo credits end with them (language-neutral); news agencies (<see cref="Agencies"/>) besides.</summary>
    public static IReadOnlyList<string> PictureAgencies { get; } = LanguageData.ReadLines("common", "picture-agencies.txt");

    private static LinePattern[] ReadLinePatterns(string folder, string file)
    {
        var patterns = new List<LinePattern>();
        var rows = DataRows.Read(folder, file);
        var kinds = new Dictionary<string, LinePatternKind>(StringComparer.Ordinal)
        {
            ["boilerplate"] = LinePatternKind.Boilerplate, ["boilerplate-tail"] = LinePatternKind.BoilerplateTail, ["metadata"] = LinePatternKind.Metadata,
            ["metadata-label"] = LinePatternKind.MetadataLabel,
        };
        foreach (var row in rows.Of(kinds.Keys))
        {
            if (row.Columns.Length != 2 || row.Value.Length == 0) throw rows.Error(row, "expected 'kind<TAB>role<TAB>regex'");
            var regex = new Regex(row.Value, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, PatternLimit.Timeout);
            patterns.Add(new LinePattern(kinds[row.Kind], row.Text, regex, $"{folder}/{file}"));
        }
        rows.RejectUnknownKinds();
        return patterns.ToArray();
    }
}

/// <summary>What a matching line is. A <see cref="MetadataLabel"/> is metadata whose value is on the
/// next line, as pages print a byline split in two ("By" above "Todd Bates").</summary>
public enum LinePatternKind { Boilerplate, BoilerplateTail, Metadata, MetadataLabel }

/// <summary>One line of a lines.tsv file: a regex saying that a line is page furniture or metadata.</summary>
public sealed record LinePattern(LinePatternKind Kind, string Role, Regex Regex, string Origin);
