using System.Text.Json;
using Dossier.Core.Duplicates;
using Dossier.Core.Events;
using Dossier.Core.Export;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Resolve;
using Dossier.Core.Series;
using Dossier.Core.Stories;
using static Dossier.Storage.BatchedReading;

namespace Dossier.Storage.Browse;

public static partial class BrowseIndex
{
    /// <summary>Writes the items of what changed since the index was written, and only those: the documents
    /// changed or whose marks changed, the changed groups (an entity, event, series, story or duplicate
    /// group), the days of the changed events, and the graph, made from every entity mention's line as
    /// stored, not from the documents. Each is made as the whole index makes it, from the documents it
    /// shows alone: adding 100 articles to 3,000 read all 3,100 documents and every group to make them all.</summary>
    private static void WriteChanges(IDossierStore dossier, IBrowseChanges store, BrowseChanges changes, CancellationToken cancellationToken)
    {
        var stored = store.StoredDocumentIds();

        // An entity shows where its mentions stand and what they say. Those in the documents that did not change are
        // as its stored item wrote them: only its members in the changed documents are read, with those documents' text
        // and lines (an entity named in most articles read all its members and nearly every document of the dossier
        // each build); an entity without an item reads all of its own.
        var before = changes.GroupsOf(CorpusLayers.Entities).ToDictionary(id => id, id => dossier.BrowseDetail(BrowseKinds.Entity, id), StringComparer.Ordinal);
        var inChanged = store.CorpusGroupsIn(CorpusLayers.Entities, changes.Documents.Where(stored.Contains).ToArray())
            .Where(g => before.GetValueOrDefault(g.Id) is not null).ToArray();
        var read = inChanged.Concat(store.CorpusGroups(CorpusLayers.Entities, before.Keys.Except(inChanged.Select(g => g.Id), StringComparer.Ordinal).ToArray())
            .Select(g => before[g.Id] is null ? g : g with { Members = [] })).ToArray();
        var texts = Texts(store, Members(read).Where(stored.Contains).Distinct().Order().ToArray());
        var entities = read.Select(g => ShownEntity.Of(EntityResolutionStage.Read(g, texts), before[g.Id], changes.Documents)).OfType<ShownEntity>().ToArray();
        var eventGroups = store.CorpusGroups(CorpusLayers.Events, changes.GroupsOf(CorpusLayers.Events));
        var events = EventStage.Read(eventGroups, Documents(store, [], stored, Members(eventGroups), EventsAndSentences));

        // Every entity as its item will show it: those unchanged as stored, the others as made again. Read only for
        // the graph and the places of changed series: a build that changed no entity read all 418,000 at 100,000 articles.
        var summaries = new Lazy<EntitySummary[]>(() => store.BrowseSummaries(BrowseKinds.Entity)
            .Where(s => !changes.GroupsOf(CorpusLayers.Entities).Contains(s.Id))
            .Select(s => JsonSerializer.Deserialize<EntitySummary>(s.Summary, Web)!)
            .Concat(entities.Select(e => e.Summary))
            .ToArray());
        // Whether an entity is shown, as the place of a series marking a document: those changed as made again, the others
        // as stored, looked up one place at a time.
        var made = entities.Select(e => e.Summary.Id).ToHashSet(StringComparer.Ordinal);
        bool IsShown(string entity) => changes.GroupsOf(CorpusLayers.Entities).Contains(entity) ? made.Contains(entity) : dossier.BrowseHas(BrowseKinds.Entity, entity);
        // The graph is made from the entities' names and types and their members' lines alone, which change only
        // with an entity group (schema 47): with none changed it is kept as stored, and no member's line is read.
        var graphChanged = changes.GroupsOf(CorpusLayers.Entities).Count > 0;
        // An entity gone takes the series placed on it with it (SeriesStage.Read).
        var gone = changes.GroupsOf(CorpusLayers.Entities).Except(entities.Select(e => e.Summary.Id), StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var seriesIds = gone.Count == 0 ? changes.GroupsOf(CorpusLayers.Series) : changes.GroupsOf(CorpusLayers.Series)
            .Concat(dossier.CorpusGroups(CorpusLayers.Series).Where(g => gone.Contains(SeriesStage.PlaceOf(g))).Select(g => g.Id)).ToHashSet(StringComparer.Ordinal);
        var seriesGroups = store.CorpusGroups(CorpusLayers.Series, seriesIds.ToArray());
        IReadOnlyList<QuantitySeries> series = seriesGroups.Count == 0 ? [] : SeriesStage.Read(seriesGroups, Documents(store, [], stored, Members(seriesGroups), Quantities), Places(summaries.Value));
        var byId = Unreads(stored);
        var stories = StoryStage.Read(store.CorpusGroups(CorpusLayers.Stories, changes.GroupsOf(CorpusLayers.Stories)), byId);
        var duplicates = DuplicateStage.Read(store.CorpusGroups(CorpusLayers.Duplicates, changes.GroupsOf(CorpusLayers.Duplicates)), byId);

        // The documents' items, with their marks made from the groups' members in them alone; a figure's
        // series is read whole, as its item is, and marks the very figures of the documents shown.
        // A series or event shown or no longer as its place or a report comes or goes marks its figures or
        // triggers in every document it has members in, whose members did not change; one that was shown and
        // still is marks them as it did (a mark does not tell where its event stands in the list of events).
        var shownOrNot = Members(ShownOrNot(store, BrowseKinds.Series, seriesGroups, series.Select(s => s.Id))
            .Concat(ShownOrNot(store, BrowseKinds.Event, eventGroups, events.Select(e => e.Id))));
        var documentIds = changes.Documents.Concat(shownOrNot).Where(stored.Contains).Distinct().Order().ToArray();

        // A day's salience, from the votes of its events: the stored ones of the events unchanged, and those made again.
        var eventIds = changes.GroupsOf(CorpusLayers.Events);
        var madeVotes = events.SelectMany(e => EventSalience.Day(e.Date) is { } day ? EventSalience.Votes(e).Select(v => new EventVote(e.Id, day, v.Document, v.Weight)) : []).ToArray();
        var days = store.EventVoteDays(eventIds.ToArray()).Concat(madeVotes.Select(v => v.Day)).ToHashSet(StringComparer.Ordinal);
        var dayVotes = new EventSalience.DayVotes();
        foreach (var v in store.EventVotesOn(days).Where(v => !eventIds.Contains(v.Event)).Concat(madeVotes)) dayVotes.Add(v.Day, v.Document, v.Weight);
        var saliences = dayVotes.Saliences.ToArray();

        var scope = new BrowseScope(new Dictionary<string, IReadOnlyCollection<string>?>(StringComparer.Ordinal)
        {
            [BrowseKinds.Document] = changes.Documents.Concat(documentIds).Distinct().Select(ExportedDocument.IdOf).ToArray(),
            [BrowseKinds.Entity] = changes.GroupsOf(CorpusLayers.Entities).ToArray(),
            [BrowseKinds.Event] = eventIds.ToArray(),
            [BrowseKinds.EventDay] = days.ToArray(),
            [BrowseKinds.Series] = seriesIds.ToArray(),
            [BrowseKinds.Story] = changes.GroupsOf(CorpusLayers.Stories).ToArray(),
            [BrowseKinds.Duplicate] = changes.GroupsOf(CorpusLayers.Duplicates).ToArray(),
            [BrowseKinds.GraphNode] = graphChanged ? null : [],
            [BrowseKinds.GraphEdge] = graphChanged ? null : [],
        });
        store.WriteBrowseChanges(Cancellable(Changed(), cancellationToken), scope);

        IEnumerable<BrowseItem> Changed()
        {
            using var writer = new ItemWriter();
            foreach (var batch in documentIds.Chunk(DocumentBatch))
                foreach (var item in DocumentItems(store, batch, stored, IsShown, writer)) yield return item;
            foreach (var item in EntityItems(entities, writer)) yield return item;
            foreach (var item in EventItems(events, null, writer)) yield return item;
            foreach (var (day, salience) in saliences) yield return DayItem(day, salience, writer);
            foreach (var item in GroupItems(new CorpusResults([], series, stories, duplicates, []), writer)) yield return item;
            if (graphChanged)
                foreach (var item in GraphItems(store, summaries.Value)) yield return item;
        }
    }

    /// <summary>The groups shown now that had no item, and those that had one and are no longer shown.</summary>
    private static IEnumerable<CorpusGroup> ShownOrNot(IBrowseChanges store, string kind, IReadOnlyList<CorpusGroup> groups, IEnumerable<string> shown)
    {
        var before = store.BrowseRanks(kind, groups.Select(g => g.Id).ToArray());
        var now = shown.ToHashSet(StringComparer.Ordinal);
        return groups.Where(g => now.Contains(g.Id) != before.ContainsKey(g.Id));
    }

    /// <summary>The whole index, made a few documents or groups at a time as it is written, read from the
    /// store in the write's transaction: no more than a batch of documents is held (the index made from every
    /// document at once held them all, 13 GB at 100,000 articles).</summary>
    private static IEnumerable<BrowseItem> Whole(IDossierStore dossier, IBrowseChanges store)
    {
        var stored = store.StoredDocumentIds();
        using var writer = new ItemWriter();
        var summaries = new List<EntitySummary>();
        foreach (var item in WholeEntities(store, stored, summaries, writer)) yield return item;
        var places = Places(summaries);
        var entityIds = summaries.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);

        var days = new EventSalience.DayVotes();
        var reports = new EventStage.HeldReports();
        foreach (var (groups, documents) in GroupsWithDocuments(store, CorpusLayers.Events, stored))
        {
            var events = EventStage.Read(groups, documents, reports);
            foreach (var ev in events) days.Add(ev);
            foreach (var item in EventItems(events, null, writer)) yield return item;
        }
        foreach (var (day, salience) in days.Saliences) yield return DayItem(day, salience, writer);

        var seriesGroups = dossier.CorpusGroups(CorpusLayers.Series);
        var byId = Unreads(stored);
        var groupsShown = new CorpusResults([], SeriesStage.Read(seriesGroups, Documents(store, [], stored, Members(seriesGroups)), places),
            StoryStage.Read(dossier.CorpusGroups(CorpusLayers.Stories), byId), DuplicateStage.Read(dossier.CorpusGroups(CorpusLayers.Duplicates), byId), []);
        foreach (var item in GroupItems(groupsShown, writer)) yield return item;

        foreach (var batch in stored.Order().Chunk(DocumentBatch))
            foreach (var item in DocumentItems(store, batch, stored, entityIds.Contains, writer)) yield return item;

        foreach (var item in GraphItems(store, summaries)) yield return item;
    }

    /// <summary>Every entity's item, a batch of groups at a time, from every document's text and lines read
    /// once (a much mentioned entity has mentions in most documents: each batch read them again), and
    /// let go once the entities are written; each entity's summary is added to <paramref name="summaries"/>.</summary>
    private static IEnumerable<BrowseItem> WholeEntities(IBrowseChanges store, IReadOnlySet<long> stored, List<EntitySummary> summaries, ItemWriter writer)
    {
        var texts = Texts(store, stored.Order().ToArray());
        foreach (var batch in store.CorpusGroupIds(CorpusLayers.Entities).Chunk(GroupBatch))
        {
            var entities = EntityResolutionStage.Read(store.CorpusGroups(CorpusLayers.Entities, batch), texts).Select(e => new ShownEntity(e)).ToArray();
            summaries.AddRange(entities.Select(e => e.Summary));
            foreach (var item in EntityItems(entities, writer)) yield return item;
        }
    }

    /// <summary>Documents' items, with their marks made from the groups' members in them alone (a figure's
    /// series from its stored group, without the series' other documents).</summary>
    /// <param name="entities">Whether an entity is shown, as a series' place.</param>
    private static IEnumerable<BrowseItem> DocumentItems(IBrowseChanges store, long[] ids, IReadOnlySet<long> stored, Func<string, bool> entities, ItemWriter writer)
    {
        var shown = Documents(store, [], stored, ids);
        var documents = ids.Where(shown.ContainsKey).Select(id => new KeptDocument(shown[id], shown[id].TokenCount)).ToArray();
        var series = store.CorpusGroups(CorpusLayers.Series, store.CorpusGroupsIn(CorpusLayers.Series, ids).Select(g => g.Id).ToArray());
        var marked = new CorpusResults(EntityResolutionStage.Read(store.CorpusGroupsIn(CorpusLayers.Entities, ids), shown), [],
            StoryStage.Read(store.CorpusGroupsIn(CorpusLayers.Stories, ids), shown), [],
            EventStage.Read(store.CorpusGroupsIn(CorpusLayers.Events, ids), shown));
        return DocumentItems(documents, marked, null, writer, SeriesStage.SeriesOf(series, shown, entities, stored.Contains));
    }

    /// <summary>The co-occurrence graph, from every entity member's line as stored and every entity's name and type.</summary>
    private static IEnumerable<BrowseItem> GraphItems(IBrowseChanges store, IEnumerable<EntitySummary> entities) =>
        GraphItems(entities.Select(s => (s.Id, s.Name, s.Type)), store.EntityLines().Select(m => new EntityPlace(m.Entity, ExportedDocument.IdOf(m.Document), m.Line)));

    /// <summary>An entity as its item shows it: its summary (the names its mentions write it with, how many they are)
    /// and its mentions, all made from their documents, or those of the changed documents made and the others as
    /// written in its stored item (<see cref="Before"/>) in the documents not <see cref="Changed"/>, in the order of their documents.</summary>
    private sealed record ShownEntity(EntityGroup Entity, EntitySummary Summary, string? Before = null, IReadOnlySet<long>? Changed = null)
    {
        public ShownEntity(EntityGroup entity) : this(entity, new EntitySummary(entity.Id, entity.Name, entity.Type, entity.Aliases, entity.Mentions.Count)) { }

        /// <summary>The entity of <paramref name="made"/>'s mentions (those of the <paramref name="changed"/> documents) and of
        /// those of its stored item <paramref name="before"/> in the others; null when it has none.</summary>
        public static ShownEntity? Of(EntityGroup made, string? before, IReadOnlySet<long> changed)
        {
            if (before is null) return made.Mentions.Count == 0 ? null : new ShownEntity(made);
            using var item = JsonDocument.Parse(before);
            var mentions = 0;
            var aliases = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (kept, index) in Merged(item.RootElement, made, changed))
            {
                mentions++;
                var text = kept is { } mention ? mention.GetProperty("text").GetString()! : TextOf(made.Mentions[index]);
                if (seen.Add(text)) aliases.Add(text);
            }
            if (mentions == 0) return null;
            var entity = made with { Aliases = aliases };
            return new ShownEntity(entity, new EntitySummary(entity.Id, entity.Name, entity.Type, aliases, mentions), before, changed);
        }

        /// <summary>Its item's JSON, as the exporter writes an entity.</summary>
        public void Write(Utf8JsonWriter json)
        {
            if (Before is null)
            {
                JsonExporter.WriteEntity(json, Entity);
                return;
            }
            using var item = JsonDocument.Parse(Before);
            JsonExporter.WriteEntity(json, Entity, json =>
            {
                foreach (var (kept, index) in Merged(item.RootElement, Entity, Changed!))
                {
                    if (kept is { } mention) json.WriteRawValue(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(mention), skipInputValidation: true);
                    else JsonExporter.WriteMention(json, Entity.Mentions[index].DocumentId, Entity.Mentions[index].Document, Entity.Mentions[index].Mention);
                }
            });
        }

        /// <summary>The stored item's mentions in the documents not changed, each as written (and -1), and the made
        /// ones (null and their index), in document order: the two are in other documents, each list in order.</summary>
        private static IEnumerable<(JsonElement? Kept, int Made)> Merged(JsonElement before, EntityGroup made, IReadOnlySet<long> changed)
        {
            var next = 0;
            foreach (var mention in before.GetProperty("mentions").EnumerateArray())
            {
                var number = ExportedDocument.StoreIdOf(mention.GetProperty("doc").GetString()!);
                if (changed.Contains(number)) continue;
                for (; next < made.Mentions.Count && ExportedDocument.StoreIdOf(made.Mentions[next].DocumentId) < number; next++) yield return (null, next);
                yield return (mention, -1);
            }
            for (; next < made.Mentions.Count; next++) yield return (null, next);
        }

        private static string TextOf((string DocumentId, AnalysedDocument Document, EntityMention Mention) made) =>
            made.Document.Text.Substring(made.Mention.Span.Start, made.Mention.Span.Length);
    }

    /// <summary>The entities a series may be placed on, of which it shows the id: no mention is needed.</summary>
    private static EntityGroup[] Places(IEnumerable<EntitySummary> entities) => entities.Select(s => new EntityGroup(s.Id, s.Name, s.Type, [], [])).ToArray();
}
