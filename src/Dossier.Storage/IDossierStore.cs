using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Storage;

/// <summary>A document as listed in a dossier: enough to sort and show a timeline.</summary>
public sealed record DocumentSummary(long Id, string Path, string Language, string? Title, PublicationDate? Published, string? Outlet)
{
    public string ExportId => DocumentIds.Format(Id);
}

public static class DocumentIds
{
    public static string Format(long id) => Core.Export.ExportedDocument.IdOf(id);

    /// <summary>Reads "d12" or "12".</summary>
    public static long? Parse(string reference)
    {
        var digits = reference.StartsWith('d') ? reference[1..] : reference;
        return long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}

/// <summary>Where a dossier lives. Every write is one transaction holding whole documents, so a
/// build stopped at any moment leaves a store that opens and holds only complete documents.</summary>
public partial interface IDossierStore : ICorpusStore, IDossierSearch, IDossierBrowse, IDisposable
{
    /// <summary>Stores documents in one transaction, each with its source; a source stored already
    /// leaves its old text (removed when no other source holds it). Returns how many sources were stored already.</summary>
    int Save(IReadOnlyList<AnalysedDocument> documents);

    /// <summary>Marks as boilerplate the content lines (of at most <paramref name="maxLineLength"/>
    /// characters) that recur in at least <paramref name="minDocuments"/> documents, and restores
    /// lines that no longer do. Returns the number of lines whose kind changed.</summary>
    int ApplyCorpusBoilerplate(int minDocuments, int maxLineLength);

    IReadOnlyList<DocumentSummary> ListDocuments();

    /// <summary>Finds a document by "d12", "12", its path or its file name.</summary>
    long? FindDocument(string reference);

    AnalysedDocument? Load(long id);

    IEnumerable<(long Id, AnalysedDocument Document)> LoadAll();

    /// <summary>Every stored document as the export and the reading index read it, in id order: as
    /// <see cref="LoadAll"/> without its tokens, of which they show only how many (<c>Tokens</c>), nor
    /// its own entity mentions, which the stored entities place (neither is read from the store).</summary>
    IEnumerable<(long Id, AnalysedDocument Document, int Tokens)> LoadAllToShow();

    /// <summary>Ids of the documents whose <see cref="AnalysedDocument.AnalysisVersion"/> is not this one, in order.</summary>
    IReadOnlyList<long> DocumentsAnalysedOtherThan(string version);

    /// <summary>Replaces the layers of stored documents with a new analysis of their stored text, in
    /// one transaction: each keeps its id and sources, and the corpus stages and the search index
    /// take it in as a replaced document.</summary>
    void Reanalysed(IReadOnlyList<(long Id, AnalysedDocument Document)> documents);
}
