using Dossier.Core.Duplicates;
using Dossier.Core.Events;
using Dossier.Core.Pipeline;
using Dossier.Core.Resolve;
using Dossier.Core.Series;
using Dossier.Core.Stories;

namespace Dossier.Core.Export;

/// <summary>What the corpus stages stored, read back for a reader of the dossier (the export):
/// nothing is computed here.</summary>
public sealed record CorpusResults(IReadOnlyList<EntityGroup> Entities, IReadOnlyList<QuantitySeries> Series,
    IReadOnlyList<Story> Stories, IReadOnlyList<DuplicateGroup> Duplicates, IReadOnlyList<DossierEvent> Events)
{
    public static CorpusResults Empty { get; } = new([], [], [], [], []);

    public static CorpusResults Read(ICorpusStore store, IReadOnlyList<ExportedDocument> documents)
    {
        var byId = StoredDocuments.Index(documents);
        var entities = EntityResolutionStage.Read(store.CorpusGroups(CorpusLayers.Entities), byId);
        return new CorpusResults(entities,
            SeriesStage.Read(store.CorpusGroups(CorpusLayers.Series), byId, entities),
            StoryStage.Read(store.CorpusGroups(CorpusLayers.Stories), byId),
            DuplicateStage.Read(store.CorpusGroups(CorpusLayers.Duplicates), byId),
            EventStage.Read(store.CorpusGroups(CorpusLayers.Events), byId));
    }
}
