using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Storage;

/// <summary>A store that reads its documents and corpus groups a few at a time, so that a reader of the whole
/// dossier (the export, the reading index written whole) need never hold every document or group at once.</summary>
public interface IBatchedReads
{
    /// <summary>Every stored document's id.</summary>
    IReadOnlySet<long> StoredDocumentIds();

    /// <summary>These documents, in id order, as <see cref="IDossierStore.LoadAllToShow"/> reads them.</summary>
    IEnumerable<(long Id, AnalysedDocument Document, int Tokens)> LoadToShow(IReadOnlyCollection<long> ids);

    /// <summary>These documents, in id order, as <see cref="LoadToShow(IReadOnlyCollection{long})"/> reads them but with only these of
    /// their layers (<see cref="Layers"/>; text, language, metadata and lines always), for a reader that needs no more: a
    /// store that cannot leave layers out reads them all.</summary>
    IEnumerable<(long Id, AnalysedDocument Document, int Tokens)> LoadToShow(IReadOnlyCollection<long> ids, IReadOnlySet<string> layers) => LoadToShow(ids);

    /// <summary>The paths of the sources of these documents by document, each document's first source first
    /// (<see cref="IDossierStore.SourcePaths"/> of each).</summary>
    IReadOnlyDictionary<long, List<string>> SourcePaths(IReadOnlyCollection<long> documentIds);

    /// <summary>These documents' text and lines alone, in id order: where a mention stands and what it says.</summary>
    IEnumerable<(long Id, AnalysedDocument Document)> LoadTexts(IReadOnlyCollection<long> ids);

    /// <summary>The stored groups of a kind with these ids, in id order, with all their members.</summary>
    IReadOnlyList<CorpusGroup> CorpusGroups(string kind, IReadOnlyCollection<string> ids);

    /// <summary>The ids of the stored groups of a kind, in the order of their first member's document, so that
    /// groups taken a few at a time in that order read each document a few times at most.</summary>
    IReadOnlyList<string> CorpusGroupIds(string kind);

    /// <summary>The stored groups of a kind with a member in these documents, in id order, each with only its members there.</summary>
    IReadOnlyList<CorpusGroup> CorpusGroupsIn(string kind, IReadOnlyCollection<long> documents);

    /// <summary>The line of every member of an entity group in a stored document: the co-occurrence graph's input.</summary>
    IEnumerable<(string Entity, long Document, int Line)> EntityLines();
}
