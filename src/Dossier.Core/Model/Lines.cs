namespace Dossier.Core.Model;

/// <summary>What a line of an article is. Nothing is deleted: a kind is an annotation.</summary>
public enum LineKind
{
    /// <summary>Holds no visible text; not listed in exports.</summary>
    Blank,
    Content,
    Title,
    /// <summary>Dates, bylines, datelines, source and "updated" lines, sub-headings.</summary>
    Metadata,
    /// <summary>Ads, navigation, comment forms, widget errors, social footers, links to other articles.</summary>
    Boilerplate,
    /// <summary>Repeats content already present in the same document.</summary>
    Duplicate,
}

/// <summary>One line of the document text (split on '\n'; a trailing '\r' is outside the span).</summary>
/// <param name="Number">1-based line number.</param>
/// <param name="Reason">Why the line got its kind ("pattern fr/lines.tsv:ad", "repeats line 6", …).</param>
/// <param name="DuplicateOf">The line this one repeats, for <see cref="LineKind.Duplicate"/>.</param>
public sealed record Line(int Number, TextSpan Span, LineKind Kind, string Reason, int? DuplicateOf = null)
{
    /// <summary>The line holding a text offset, among a text's lines in order (binary search).</summary>
    public static Line At(IReadOnlyList<Line> lines, int offset) => lines[TextSpan.LastStartingAtOrBefore(lines, l => l.Span, offset)];

    public static string KindName(LineKind kind) => kind switch
    {
        LineKind.Blank => "blank",
        LineKind.Content => "content",
        LineKind.Title => "title",
        LineKind.Metadata => "metadata",
        LineKind.Boilerplate => "boilerplate",
        LineKind.Duplicate => "duplicate",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static LineKind ParseKind(string name) => name switch
    {
        "blank" => LineKind.Blank,
        "content" => LineKind.Content,
        "title" => LineKind.Title,
        "metadata" => LineKind.Metadata,
        "boilerplate" => LineKind.Boilerplate,
        "duplicate" => LineKind.Duplicate,
        _ => throw new ArgumentException($"unknown line kind '{name}'", nameof(name)),
    };
}
