using Dossier.Core.Export;
using Dossier.Core.Model;

namespace Dossier.Core.Pipeline;

/// <summary>Stored documents as the cross-document builders take them ("d12" and its analysis).</summary>
public static class StoredDocuments
{
    public static IReadOnlyList<ExportedDocument> Of(IEnumerable<(long Id, AnalysedDocument Document)> stored) =>
        stored.Select(x => new ExportedDocument(ExportedDocument.IdOf(x.Id), x.Document)).ToArray();

    /// <summary>Store id → document, to read members back; a member whose document is gone is not found.</summary>
    public static IReadOnlyDictionary<long, ExportedDocument> Index(IReadOnlyList<ExportedDocument> documents) =>
        documents.ToDictionary(d => ExportedDocument.StoreIdOf(d.Id));
}
