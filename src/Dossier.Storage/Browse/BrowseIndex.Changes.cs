using System.Text.Json;
using Dossier.Core.Duplicates;
using Dossier.Core.Events;
using Dossier.Core.Export;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Resolve;
using Dossier.Core.Series;
using Dossier.Core.Stories;

namespace Dossier.Storage.Browse;

public static partial class BrowseIndex
{
    /// <summary>Stands for a stored document of which a story or duplicate group shows the id alone.</summary>
    private static readonly AnalysedDocument Unread = new(new SourceDocument("", "", "", "", "", "", SourceHints.None));

    /// <summary>Writes the items of what changed since the index was written, and only those: the documents
    /// changed or whose marks changed, the changed groups (an entity, event, series, story or duplicate
    /// group), the days of the changed events, and the graph, made from every entity mention's line as
    /// stored, not from the documents. Each is made as the whole index makes it, from the documents it
    /// shows alone: adding 100 articles to 3,000 read all 3,100 documents and every group to make them all.</summary>
    private static void WriteChanges(IDossierStore dossier, IBrowseChanges store, BrowseChanges changes)
    {
        var stored = store.StoredDocumentIds();
        var loaded = new Dictionary<long, ExportedDocument>();
        IReadOnlyDictionary<long, ExportedDocument> Load(IEnumerable<CorpusGroup> groups) => Documents(store, loaded, stored, groups.SelectMany(g => g.Members.Select(m => m.Document)));

        var changedEntities = store.CorpusGroups(CorpusLayers.Entities, changes.GroupsOf(CorpusLayers.Entities));
        // An entity shows where its mentions stand and what they say: their documents' text and lines alone are read.
        var entities = EntityResolutionStage.Read(changedEntities, Texts(store, stored, changedEntities));
        var eventGroups = store.CorpusGroups(CorpusLayers.Events, changes.GroupsOf(CorpusLayers.Events));
        var events = EventStage.Read(eventGroups, Load(eventGroups));

        // Every entity as its item will show it: those unchanged as stored, the others as made again.
        var summaries = store.BrowseSummaries(BrowseKinds.Entity)
            .Where(s => !changes.GroupsOf(CorpusLayers.Entities).Contains(s.Id))
            .Select(s => JsonSerializer.Deserialize<EntitySummary>(s.Summary, Web)!)
            .Concat(entities.Select(e => new EntitySummary(e.Id, e.Name, e.Type, e.Aliases, e.Mentions.Count)))
            .ToArray();
        // A series is read with its place, of which it shows the id: an entity with no name or mention stands for it.
        var places = summaries.Select(s => new EntityGroup(s.Id, s.Name, s.Type, [], [])).ToArray();
        // An entity gone takes the series placed on it with it (SeriesStage.Read).
        var gone = changes.GroupsOf(CorpusLayers.Entities).Except(entities.Select(e => e.Id), StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var seriesIds = gone.Count == 0 ? changes.GroupsOf(CorpusLayers.Series) : changes.GroupsOf(CorpusLayers.Series)
            .Concat(dossier.CorpusGroups(CorpusLayers.Series).Where(g => gone.Contains(SeriesStage.PlaceOf(g))).Select(g => g.Id)).ToHashSet(StringComparer.Ordinal);
        var seriesGroups = store.CorpusGroups(CorpusLayers.Series, seriesIds.ToArray());
        var series = SeriesStage.Read(seriesGroups, Load(seriesGroups), places);
        var byId = stored.ToDictionary(id => id, id => new ExportedDocument(ExportedDocument.IdOf(id), Unread));
        var stories = StoryStage.Read(store.CorpusGroups(CorpusLayers.Stories, changes.GroupsOf(CorpusLayers.Stories)), byId);
        var duplicates = DuplicateStage.Read(store.CorpusGroups(CorpusLayers.Duplicates, changes.GroupsOf(CorpusLayers.Duplicates)), byId);

        // The documents' items, with their marks made from the groups' members in them alone; a figure's
        // series is read whole, as its item is, and marks the very figures of the documents shown.
        var documentIds = changes.Documents.Where(stored.Contains).Order().ToArray();
        var shown = Documents(store, loaded, stored, documentIds);
        var documents = documentIds.Select(id => new KeptDocument(shown[id], shown[id].TokenCount)).ToArray();
        var seriesShown = store.CorpusGroups(CorpusLayers.Series, store.CorpusGroupsIn(CorpusLayers.Series, documentIds).Select(g => g.Id).ToArray());
        var marked = new CorpusResults(EntityResolutionStage.Read(store.CorpusGroupsIn(CorpusLayers.Entities, documentIds), shown),
            SeriesStage.Read(seriesShown, Load(seriesShown), places),
            StoryStage.Read(store.CorpusGroupsIn(CorpusLayers.Stories, documentIds), shown), [],
            EventStage.Read(store.CorpusGroupsIn(CorpusLayers.Events, documentIds), documentIds.ToDictionary(id => id, id => shown[id])));

        // A day's salience, from the votes of its events: the stored ones of the events unchanged, and those made again.
        var eventIds = changes.GroupsOf(CorpusLayers.Events);
        var madeVotes = events.SelectMany(e => EventSalience.Day(e.Date) is { } day ? EventSalience.Votes(e).Select(v => new EventVote(e.Id, day, v.Document, v.Weight)) : []).ToArray();
        var days = store.EventVoteDays(eventIds.ToArray()).Concat(madeVotes.Select(v => v.Day)).ToHashSet(StringComparer.Ordinal);
        var votes = store.EventVotesOn(days).Where(v => !eventIds.Contains(v.Event)).Concat(madeVotes);
        var saliences = votes.GroupBy(v => v.Day, StringComparer.Ordinal)
            .Select(day => (Day: day.Key, Salience: day.GroupBy(v => v.Document, StringComparer.Ordinal).Sum(d => d.Max(v => v.Weight))))
            .ToArray();

        var scope = new BrowseScope(new Dictionary<string, IReadOnlyCollection<string>?>(StringComparer.Ordinal)
        {
            [BrowseKinds.Document] = changes.Documents.Select(ExportedDocument.IdOf).ToArray(),
            [BrowseKinds.Entity] = changes.GroupsOf(CorpusLayers.Entities).ToArray(),
            [BrowseKinds.Event] = eventIds.ToArray(),
            [BrowseKinds.EventDay] = days.ToArray(),
            [BrowseKinds.Series] = seriesIds.ToArray(),
            [BrowseKinds.Story] = changes.GroupsOf(CorpusLayers.Stories).ToArray(),
            [BrowseKinds.Duplicate] = changes.GroupsOf(CorpusLayers.Duplicates).ToArray(),
            [BrowseKinds.GraphNode] = null,
            [BrowseKinds.GraphEdge] = null,
        });
        // Read before the write begins, which holds the store's connection: the graph's few thousand items.
        var lines = store.EntityLines().Select(m => new EntityPlace(m.Entity, ExportedDocument.IdOf(m.Document), m.Line));
        var graph = GraphItems(summaries.Select(s => (s.Id, s.Name, s.Type)), lines).ToArray();
        store.WriteBrowseChanges(Changed(), scope);

        IEnumerable<BrowseItem> Changed()
        {
            using var writer = new ItemWriter();
            foreach (var item in DocumentItems(documents, marked, null, writer)) yield return item;
            foreach (var item in EntityItems(entities, writer)) yield return item;
            foreach (var item in EventItems(events, null, writer)) yield return item;
            foreach (var (day, salience) in saliences) yield return DayItem(day, salience, writer);
            foreach (var item in GroupItems(new CorpusResults([], series, stories, duplicates, []), writer)) yield return item;
            foreach (var item in graph) yield return item;
        }
    }

    private static Dictionary<long, ExportedDocument> Texts(IBrowseChanges store, IReadOnlySet<long> stored, IEnumerable<CorpusGroup> groups) =>
        store.LoadTexts(groups.SelectMany(g => g.Members.Select(m => m.Document)).Where(stored.Contains).Distinct().Order().ToArray())
            .ToDictionary(x => x.Id, x => new ExportedDocument(ExportedDocument.IdOf(x.Id), x.Document));

    /// <summary>The stored documents of these ids, read once for all the groups that show them, in id order as the whole index reads them.</summary>
    private static Dictionary<long, ExportedDocument> Documents(IBrowseChanges store, Dictionary<long, ExportedDocument> loaded, IReadOnlySet<long> stored, IEnumerable<long> ids)
    {
        var wanted = ids.Where(id => stored.Contains(id) && !loaded.ContainsKey(id)).Distinct().Order().ToArray();
        foreach (var (id, document, tokens) in store.LoadToShow(wanted))
            loaded[id] = new ExportedDocument(ExportedDocument.IdOf(id), document) { TokenCount = tokens };
        return loaded;
    }
}
