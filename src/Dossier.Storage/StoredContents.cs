using Dossier.Core.Clean;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Storage;

/// <summary>A document exactly as a store holds it, to copy a dossier from one store to another.</summary>
/// <param name="Document">The document as its own analysis left it: its lines' own kinds and every
/// annotation, those of lines the corpus has since set aside included.</param>
/// <param name="Lines">Its lines as readers see them, kinds set by the corpus (recurring lines are boilerplate).</param>
/// <param name="Sources">Every source holding its text, first source first.</param>
public sealed record StoredDocument(long Id, AnalysedDocument Document, IReadOnlyList<Line> Lines, IReadOnlyList<StoredSource> Sources, DateTimeOffset IngestedAt)
{
    /// <summary>How many tokens it has: those of <see cref="Document"/>, or as many as were stored when they were not read.</summary>
    public int TokenCount { get; init; } = Document.Tokens.Length;

    /// <summary>The document as readers see it: lines with the kinds the corpus gave them, and no
    /// annotation of a line the corpus set aside as boilerplate.</summary>
    public AnalysedDocument Shown()
    {
        var document = new AnalysedDocument(Document.Source)
        {
            Language = Document.Language,
            Metadata = Document.Metadata,
            Tokens = Document.Tokens,
            Sentences = Document.Sentences,
            Lines = Lines,
            AnalysisVersion = Document.AnalysisVersion,
        };
        document.Entities = DemotedLines.Drop(document, Document.Entities, e => e.Span);
        document.Timexes = DemotedLines.Drop(document, Document.Timexes, t => t.Span);
        document.Quantities = DemotedLines.Drop(document, Document.Quantities, q => q.Span);
        document.Events = DemotedLines.Drop(document, Document.Events, e => e.Triggers[0]);
        return document;
    }
}

/// <summary>A logged change of the stored documents that some corpus stage has not taken in yet.</summary>
public sealed record PendingChange(long Sequence, long DocumentId, bool Removed);

/// <summary>Where a corpus stage stands: the last logged change it has taken in.</summary>
public sealed record CorpusStageRun(string Stage, long Seen, DateTimeOffset CompletedAt);

/// <summary>Everything the corpus phase keeps, as stored: groups of every kind, absorbed ids, id
/// counters, inverted indexes, bytes kept per document, and where each stage stands.</summary>
public sealed record CorpusState(
    IReadOnlyDictionary<string, IReadOnlyList<CorpusGroup>> Groups,
    IReadOnlyList<(string Kind, string Absorbed, string Into)> Absorbed,
    IReadOnlyDictionary<string, long> Counters,
    IReadOnlyList<(string Index, string Key, long Document)> Index,
    IReadOnlyList<(string Name, long Document, byte[] Value)> Kept,
    IReadOnlyList<CorpusStageRun> StageRuns,
    IReadOnlyList<PendingChange> PendingChanges);

/// <summary>A store whose whole content can be read as stored, ids included, to copy the dossier elsewhere.</summary>
public interface IStoredContentsSource
{
    /// <summary>Every document in id order, read as the caller goes.</summary>
    IEnumerable<StoredDocument> ReadStoredDocuments();

    CorpusState ReadCorpusState();
}

/// <summary>A store that can take in a whole dossier copied from another store, ids included.</summary>
public interface IStoredContentsTarget
{
    /// <summary>Copies the documents and the corpus state into an empty store in one transaction, so
    /// that an interrupted copy leaves the store empty. Returns the number of documents copied.</summary>
    int Import(IEnumerable<StoredDocument> documents, CorpusState corpus);
}
