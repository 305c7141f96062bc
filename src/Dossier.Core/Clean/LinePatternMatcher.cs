using System.Text.RegularExpressions;
using Dossier.Languages;

namespace Dossier.Core.Clean;

/// <summary>A line pattern that matched one segment of a line.</summary>
public sealed record LinePatternMatch(LinePattern Pattern, Match Match);

/// <summary>Matches a line against the lines.tsv patterns of every language: pages in one language
/// routinely carry widgets and footers in another ("GIPHY App Key not set" on a French page).
/// A line made of parts joined by " | " ("Par : Norbert | Mots clés : …") is matched part by part.</summary>
public sealed class LinePatternMatcher
{
    private static readonly char[] SegmentSeparators = ['|', '•', '·'];
    private readonly LinePattern[] _patterns;

    public static LinePatternMatcher Default { get; } = new(LanguageProfile.Every);

    public LinePatternMatcher(IEnumerable<LanguageProfile> languages) =>
        _patterns = languages.SelectMany(l => l.LinePatterns).ToArray();

    /// <summary>The segments of a line, trimmed, with their offsets in the line.</summary>
    public static IEnumerable<(int Start, string Text)> Segments(string line)
    {
        var start = 0;
        while (start <= line.Length)
        {
            var end = line.IndexOfAny(SegmentSeparators, start);
            if (end < 0) end = line.Length;
            var raw = line[start..end];
            var text = raw.Trim();
            if (text.Length > 0) yield return (start + raw.IndexOf(text[0], StringComparison.Ordinal), text);
            start = end + 1;
        }
    }

    /// <summary>For each segment of the line, the first pattern that matches it (null where none does).</summary>
    public IReadOnlyList<(int Start, string Text, LinePatternMatch? Match)> MatchSegments(string line)
    {
        var result = new List<(int, string, LinePatternMatch?)>(2);
        foreach (var (start, text) in Segments(line))
            result.Add((start, text, MatchOne(text)));
        return result;
    }

    /// <summary>Page furniture is short: the longest cookie banners run to about 400 characters,
    /// while paragraphs of news text are often longer. Longer segments are not tried, which keeps
    /// the unanchored patterns from scanning every paragraph.</summary>
    public const int MaxFurnitureLength = 500;

    public LinePatternMatch? MatchOne(string text)
    {
        if (text.Length > MaxFurnitureLength) return null;
        foreach (var pattern in _patterns)
        {
            var match = pattern.Regex.Match(text);
            if (match.Success) return new LinePatternMatch(pattern, match);
        }
        return null;
    }
}
