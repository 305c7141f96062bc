using Dossier.Core.Duplicates;
using Dossier.Core.Events;
using Dossier.Core.Export;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Resolve;
using Dossier.Core.Series;
using Dossier.Core.Stories;
using static Dossier.Storage.BatchedReading;

namespace Dossier.Storage;

/// <summary>The export of a store that reads a few documents and groups at a time: each section reads what it
/// writes a batch at a time and lets it go, the documents read again for the sections after their own (the
/// export that kept every document and corpus result held 5.8 GB at 100,000 articles). Only the entities' texts
/// and lines, for the entities section, and the events, which are written in date order once all are read
/// and ranked, are held for a section; the events without their documents. Each section's next batch is read while
/// the one before is written (<see cref="BatchedReading.ReadAhead"/>).</summary>
/// <param name="documentBatch">Documents read at a time.</param>
/// <param name="groupBatch">Groups read at a time, with their members' documents.</param>
public sealed class StoredExport(IDossierStore dossier, IBatchedReads store, int documentBatch = DocumentBatch, int groupBatch = GroupBatch) : IExportSource
{
    private readonly IReadOnlySet<long> _stored = store.StoredDocumentIds();
    private Dictionary<string, string>? _names;

    /// <summary>What a document's own object shows (how many sentences; the reports bounding the date of one that gives none).</summary>
    private static readonly IReadOnlySet<string> Sentences = new HashSet<string> { Layers.Sentences }, Reports = new HashSet<string> { Layers.Events };

    /// <summary>Writes the export of a stored dossier in a format (<see cref="ExportFormats"/>): read a batch at a time from a store
    /// that reads so (<see cref="Of"/>); from one that reads every document at once, JSON is written as the documents are read.</summary>
    public static void Write(IDossierStore dossier, Stream output, string format)
    {
        if (dossier is not IBatchedReads && format == "json")
        {
            JsonExporter.Write(output, Stored(dossier), documents => CorpusResults.Read(dossier, documents));
            return;
        }
        ExportFormats.Write(output, Of(dossier), format);
    }

    /// <summary>What the exports and the timeline read of a stored dossier: a batch at a time from a store that reads so;
    /// from one that reads every document at once, the events' and entities' view of them whole.</summary>
    public static IExportSource Of(IDossierStore dossier)
    {
        if (dossier is IBatchedReads store) return new StoredExport(dossier, store);
        var documents = Stored(dossier).ToList();
        return new HeldExport(documents, CorpusResults.Read(dossier, documents));
    }

    private static IEnumerable<ExportedDocument> Stored(IDossierStore dossier) =>
        dossier.LoadAllToShow().Select(x => new ExportedDocument(ExportedDocument.IdOf(x.Id), x.Document) { Paths = dossier.SourcePaths(x.Id), TokenCount = x.Tokens });

    public int DocumentCount => _stored.Count;

    public IEnumerable<ExportedDocument> Documents() =>
        ReadAhead(_stored.Order().Chunk(documentBatch).Select(Shown)).SelectMany(batch => batch);

    /// <summary>A batch of documents with what their own objects show.</summary>
    private ExportedDocument[] Shown(long[] batch)
    {
        var documents = store.LoadToShow(batch, Sentences).ToArray();
        // Only a document that gives no date shows its reports: the bound they put on its date.
        var reports = store.LoadToShow(documents.Where(d => d.Document.Metadata.Published is null).Select(d => d.Id).ToArray(), Reports)
            .ToDictionary(d => d.Id, d => d.Document.Events);
        var paths = store.SourcePaths(batch);
        return Array.ConvertAll(documents, stored =>
        {
            var (id, document, tokens) = stored;
            if (reports.TryGetValue(id, out var events)) document.Events = events;
            return new ExportedDocument(ExportedDocument.IdOf(id), document) { Paths = paths.GetValueOrDefault(id) ?? [], TokenCount = tokens };
        });
    }

    public IEnumerable<ExportedDocument> Again(params string[] layers)
    {
        var wanted = layers.ToHashSet(StringComparer.Ordinal);
        return ReadAhead(_stored.Order().Chunk(documentBatch)
                .Select(batch => store.LoadToShow(batch, wanted).Select(x => new ExportedDocument(ExportedDocument.IdOf(x.Id), x.Document) { TokenCount = x.Tokens }).ToArray()))
            .SelectMany(batch => batch);
    }

    /// <remarks>A document's figures are marked from its own members of the series (<see cref="IBatchedReads.CorpusGroupsIn"/>), of
    /// those known to be read: a series of every month of the dossier was read whole again for each batch.</remarks>
    public IEnumerable<(ExportedDocument Document, IReadOnlyDictionary<Quantity, string> SeriesOf)> Figures()
    {
        var entities = EntityNames();
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in store.CorpusGroupIds(CorpusLayers.Series).Chunk(groupBatch))
            shown.UnionWith(store.CorpusGroups(CorpusLayers.Series, batch).Where(g => SeriesStage.IsShown(g, entities.ContainsKey, _stored.Contains)).Select(g => g.Id));
        return ReadAhead(_stored.Order().Chunk(documentBatch).Select(batch =>
        {
            var documents = BatchedReading.Documents(store, [], _stored, batch, Quantities);
            var seriesOf = SeriesStage.PointsOf(store.CorpusGroupsIn(CorpusLayers.Series, batch).Where(g => shown.Contains(g.Id)), documents);
            return batch.Where(documents.ContainsKey).Select(id => (documents[id], (IReadOnlyDictionary<Quantity, string>)seriesOf)).ToArray();
        })).SelectMany(batch => batch);
    }

    /// <remarks>Every document's text and lines are read once for the section (a much mentioned entity has mentions in
    /// most documents), and let go after it.</remarks>
    public IEnumerable<EntityGroup> Entities()
    {
        var texts = Texts(store, _stored.Order().ToArray());
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var groups in ReadAhead(InStoredOrder(store.CorpusGroupIds(CorpusLayers.Entities)).Chunk(groupBatch).Select(batch => store.CorpusGroups(CorpusLayers.Entities, batch))))
            foreach (var entity in EntityResolutionStage.Read(groups, texts))
            {
                names[entity.Id] = entity.Name;
                yield return entity;
            }
        _names ??= names;
    }

    /// <remarks>The entities with a member in a stored document, as <see cref="EntityResolutionStage.Read"/> keeps them.</remarks>
    public IReadOnlyDictionary<string, string> EntityNames()
    {
        if (_names is not null) return _names;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var batch in store.CorpusGroupIds(CorpusLayers.Entities).Chunk(groupBatch))
            foreach (var group in store.CorpusGroups(CorpusLayers.Entities, batch))
                if (group.Members.Any(m => _stored.Contains(m.Document))) names[group.Id] = group.Label;
        return _names = names;
    }

    public IEnumerable<QuantitySeries> Series()
    {
        // A series shows its place's id alone: the entities it may be placed on need no mention.
        var places = EntityNames().Select(e => new EntityGroup(e.Key, e.Value, "", [], [])).ToArray();
        var batches = InStoredOrder(store.CorpusGroupIds(CorpusLayers.Series)).Chunk(groupBatch).Select(batch =>
        {
            var groups = store.CorpusGroups(CorpusLayers.Series, batch);
            return (groups, Documents: BatchedReading.Documents(store, [], _stored, Members(groups), Quantities));
        });
        foreach (var (groups, documents) in ReadAhead(batches))
            foreach (var series in SeriesStage.Read(groups, documents, places))
                yield return series;
    }

    public IEnumerable<Story> Stories() => StoryStage.Read(dossier.CorpusGroups(CorpusLayers.Stories), Unreads(_stored));

    public IEnumerable<DuplicateGroup> Duplicates() => DuplicateStage.Read(dossier.CorpusGroups(CorpusLayers.Duplicates), Unreads(_stored));

    /// <remarks>Read in the order of their first document, each batch with its documents, and ranked once all are
    /// read: a day's salience counts every event of the day (<see cref="EventSalience"/>).</remarks>
    public IReadOnlyList<ExportedEvent> Events()
    {
        var days = new EventSalience.DayVotes();
        var events = new List<(long Rank, ExportedEvent Event, string[] Words)>();
        var reports = new EventStage.HeldReports();
        foreach (var (groups, documents) in ReadAhead(GroupsWithDocuments(store, CorpusLayers.Events, _stored, EventsAndSentences, groupBatch)))
            foreach (var ev in EventStage.Unranked(groups, documents, reports))
            {
                var words = EventSalience.Words(ev);
                days.Add(ev, words);
                // Its own documents' salience when it has no day; its day's, once every event is read.
                events.Add((EventStage.Rank(ev), ExportedEvent.Of(EventSalience.Day(ev.Date) is null ? ev with { Salience = EventSalience.Of(ev, days, words) } : ev), words));
            }
        return events.OrderBy(e => e.Rank).ThenBy(e => e.Event.Id, StringComparer.Ordinal)
            .Select(e => EventSalience.Day(e.Event.Date) is { } day ? e.Event with { Salience = days.SalienceOf(day, e.Words) } : e.Event)
            .ToArray();
    }

    /// <remarks>From every entity member's line as stored, not from the documents.</remarks>
    public CooccurrenceGraph Graph() =>
        CooccurrenceGraph.Build(Entities().Select(e => (e.Id, e.Name, e.Type)),
            store.EntityLines().Select(m => new EntityPlace(m.Entity, ExportedDocument.IdOf(m.Document), m.Line)));
}
