namespace Dossier.Core.Model;

/// <summary>One article as read from its input, before any analysis.</summary>
/// <param name="SourceKey">Identity of the source inside a dossier: the full path of the file,
/// with "#record" for one record of a multi-document file. A changed source replaces its old version.</param>
/// <param name="Path">The path shown to users and in exports (relative to what the user named).</param>
/// <param name="Format">Input format: "text", "jsonl", …</param>
/// <param name="ContentHash">SHA-256 of the raw bytes the document came from (hex): the same bytes are never ingested twice.</param>
/// <param name="Text">The decoded text, byte order mark removed, line endings as in the source.</param>
/// <param name="Encoding">The encoding the bytes were decoded with.</param>
/// <param name="Hints">Metadata the input format states outright (a JSON "title" field, …).</param>
public sealed record SourceDocument(
    string SourceKey,
    string Path,
    string Format,
    string ContentHash,
    string Text,
    string Encoding,
    SourceHints Hints)
{
    /// <summary>The full path of the input file the document was read from (for a record, its file).</summary>
    public string FilePath { get; init; } = SourceKey;
}

/// <summary>Metadata given by the input format itself rather than found in the text.</summary>
/// <param name="Published">The date as the source states it, time zone kept ("2016-04-19T09:10:00+02:00").</param>
/// <param name="Fields">Every metadata value the source offered, each with where it came from
/// ("meta[property=article:published_time]"), best first per name; the chosen ones are above.</param>
/// <param name="SourceLines">For extracted text (HTML, feeds, archives): the 1-based line of the
/// source file where each line of <see cref="SourceDocument.Text"/> starts (0 when unknown).</param>
/// <param name="LinesAreBlocks">True when each line is a block the source's markup delimits (a
/// paragraph, a heading, a list item): layout guesses made for plain text, such as taking a short
/// line between paragraphs for a sub-heading, do not apply.</param>
public sealed record SourceHints(string? Id = null, string? Url = null, string? Title = null, string? Published = null, string? Author = null,
    IReadOnlyList<HintField>? Fields = null, IReadOnlyList<int>? SourceLines = null, bool LinesAreBlocks = false)
{
    /// <summary>The publication date the user gave for inputs that state none ("2016-07-11",
    /// `build --published`): used only when neither the source, the text nor the path has one.</summary>
    public string? GivenPublished { get; init; }

    public static SourceHints None { get; } = new();
}

/// <summary>One metadata value found in a source: its name ("title", "published", "author", "url"),
/// the value as written, and where it was found.</summary>
public sealed record HintField(string Name, string Value, string Origin);
