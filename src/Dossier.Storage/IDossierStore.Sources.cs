using Dossier.Core.Model;

namespace Dossier.Storage;

/// <summary>One input file (and record in it) that a stored text came from.</summary>
/// <param name="Key">The source key: the file's full path, with "#record" for a record of a multi-document file.</param>
/// <param name="File">The full path of the input file.</param>
/// <param name="Path">The path shown to users.</param>
/// <param name="DocumentId">The stored text it holds.</param>
/// <param name="ContentHash">That text's content hash.</param>
public sealed record StoredSource(string Key, string File, string Path, long DocumentId, string ContentHash);

/// <summary>Sources: a document is one text, held by one or more sources (identical copies in
/// several files or records). A text no source holds any more is removed with everything derived from it.</summary>
public partial interface IDossierStore
{
    IReadOnlyList<StoredSource> ListSources();

    /// <summary>The paths of every source of a document, first source first.</summary>
    IReadOnlyList<string> SourcePaths(long documentId);

    /// <summary>Points each source at the stored text with its content hash, in one transaction (a
    /// copy of a text stored under another path). Sources whose text is not stored are left as they
    /// are. Returns the ids of the documents removed because no source holds them any more.</summary>
    IReadOnlyList<long> LinkSources(IReadOnlyList<SourceDocument> sources);

    /// <summary>Removes sources in one transaction. Returns the ids of the documents removed because
    /// no source holds them any more.</summary>
    IReadOnlyList<long> RemoveSources(IReadOnlyCollection<string> sourceKeys);
}
