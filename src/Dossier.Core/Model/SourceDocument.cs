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
    SourceHints Hints);

/// <summary>Metadata given by the input format itself rather than found in the text.</summary>
public sealed record SourceHints(string? Id = null, string? Url = null, string? Title = null, string? Published = null, string? Author = null)
{
    public static SourceHints None { get; } = new();
}
