using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dossier.Core.Events;
using Dossier.Core.Model;
using Dossier.Core.Export;
using Dossier.Core.Pipeline;
using Dossier.Core.Resolve;

namespace Dossier.Storage.Browse;

/// <summary>An annotation of one document, for the evidence viewer: what kind it is, where it
/// stands (line, offsets in the line, as in the export), and what it links to (an entity, series or event id).
/// An entity's or event's mark is stored without the name and type its group shows, which are read
/// from the group's item when the document is shown (<see cref="BrowseIndex.ShownMarks"/>).</summary>
public sealed record Annotation(string Kind, int Line, int Start, int End, string Text, string? Ref, string? Type, string? Value);

/// <summary>A list's view of an entity: its names and how often it is mentioned.</summary>
public sealed record EntitySummary(string Id, string Name, string Type, IReadOnlyList<string> Aliases, int Mentions);

/// <summary>A document as the reading index keeps it while it is made: without its tokens (as the
/// export keeps documents past their own section), with how many it had.</summary>
public sealed record KeptDocument(ExportedDocument Exported, int Tokens);

/// <summary>Makes the reading index of a dossier: one item per document, entity, event, series, story,
/// duplicate group and graph edge, its JSON written by the exporter's own writer for that object, so
/// that what a reader pages through is exactly what the export says, without the whole export ever
/// being made or held.</summary>
public static partial class BrowseIndex
{
    /// <summary>The heaviest edges of the co-occurrence graph kept for the page; the whole graph is `export --format gexf`.</summary>
    public const int GraphEdges = 5_000;

    /// <summary>Camel case, no nulls, letters of every script as they are; only what HTML and JavaScript
    /// treat specially (&lt; &gt; &amp; quotes) is escaped.</summary>
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>Writes the index when it is not current (a build changed the dossier, or it was never written):
    /// the items of what changed alone when the store records what changed since it was written, else whole,
    /// made a few documents at a time when the store reads them so, and from every document at once when not.
    /// Cancelled, it stops between two items and the store keeps the index it had (a write is one transaction).</summary>
    public static void Update(IDossierStore store, CancellationToken cancellationToken = default)
    {
        if (store.BrowseIndexIsCurrent()) return;
        if (store is IBrowseChanges tracked)
        {
            if (tracked.BrowseChangesSince(Maker) is { } changes) WriteChanges(store, tracked, changes, cancellationToken);
            else store.WriteBrowseIndex(Cancellable(Whole(store, tracked), cancellationToken));
            return;
        }
        var documents = Read(store);
        store.WriteBrowseIndex(Cancellable(Items(documents, CorpusResults.Read(store, documents.Select(d => d.Exported).ToArray()), store.BrowseBases()), cancellationToken));
    }

    /// <summary>The items as they are made, until cancelled: a whole write at 100,000 articles takes many minutes.</summary>
    private static IEnumerable<BrowseItem> Cancellable(IEnumerable<BrowseItem> items, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }
    }

    /// <summary>Every stored document, in id order, kept without its tokens.</summary>
    public static IReadOnlyList<KeptDocument> Read(IDossierStore store) =>
        store.LoadAllToShow().Select(x => new KeptDocument(new ExportedDocument(ExportedDocument.IdOf(x.Id), x.Document), x.Tokens)).ToArray();

    /// <param name="bases">The basis of each stored item whose documents have not changed
    /// (<see cref="IDossierBrowse.BrowseBases"/>): such an item made from the same basis is kept, not made again; none, every item is made.</param>
    public static IEnumerable<BrowseItem> Items(IReadOnlyList<KeptDocument> documents, CorpusResults corpus, IReadOnlyDictionary<(string Kind, string Id), long>? bases = null)
    {
        using var writer = new ItemWriter();
        foreach (var item in DocumentItems(documents, corpus, bases, writer)) yield return item;
        foreach (var item in CorpusItems(corpus, bases, writer)) yield return item;
    }

    /// <summary>The documents' items; a document's marks are made with its item, not held for every document at once.</summary>
    /// <param name="seriesOf">The series of each figure of the documents, when not read from <paramref name="corpus"/>'s series.</param>
    private static IEnumerable<BrowseItem> DocumentItems(IReadOnlyList<KeptDocument> documents, CorpusResults corpus,
        IReadOnlyDictionary<(string Kind, string Id), long>? bases, ItemWriter writer, IReadOnlyDictionary<Quantity, string>? seriesOf = null)
    {
        var storiesOf = corpus.Stories
            .SelectMany(s => s.DocumentIds.Select(d => (Doc: d, Story: s.Id)))
            .GroupBy(x => x.Doc, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Story).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        var marksByDocument = new Marks(corpus, seriesOf);

        // A document's rank is its number in the dossier: later documents never move it.
        foreach (var (exported, tokens) in documents)
        {
            var id = exported.Id;
            var stored = storiesOf.GetValueOrDefault(id) ?? [];
            var marks = marksByDocument.Of(id, exported.Document);
            var basis = Basis(id, marks, stored);
            if (IsUnchanged(bases, BrowseKinds.Document, id, basis))
            {
                yield return BrowseItem.Kept(BrowseKinds.Document, id);
                continue;
            }
            var meta = exported.Document.Metadata;
            using var document = writer.Parse(json => JsonExporter.WriteDocument(json, exported, tokens));
            yield return new BrowseItem(BrowseKinds.Document, id, ExportedDocument.StoreIdOf(id), Summary(document.RootElement))
            {
                Detail = JsonSerializer.Serialize(new { document = document.RootElement, annotations = marks, stories = stored }, Web),
                Basis = basis,
                Date = meta.Published?.Value,
                Facets = [$"language:{exported.Document.Language}", .. meta.Outlet?.Value is not { } outlet ? Array.Empty<string>() : [$"outlet:{outlet.ToLowerInvariant()}"],
                    .. stored.Select(s => $"story:{s}")],
            };
        }
    }

    /// <summary>The items of the corpus results: entities, events and their days, series, stories, duplicate groups and the graph.</summary>
    private static IEnumerable<BrowseItem> CorpusItems(CorpusResults corpus, IReadOnlyDictionary<(string Kind, string Id), long>? bases, ItemWriter writer)
    {
        foreach (var item in EntityItems(corpus.Entities.Select(e => new ShownEntity(e)), writer)) yield return item;
        foreach (var item in EventItems(corpus.Events, bases, writer)) yield return item;

        // A day's salience changes with every document reporting on that day: it is kept beside the
        // day's events, not in them, so that an event's item changes only with the event.
        var days = new EventSalience.DayVotes();
        foreach (var ev in corpus.Events) days.Add(ev);
        foreach (var (day, salience) in days.Saliences) yield return DayItem(day, salience, writer);

        foreach (var item in GroupItems(corpus, writer)) yield return item;

        var entities = corpus.Entities.Select(e => (e.Id, e.Name, e.Type));
        var places = corpus.Entities.SelectMany(e => e.Mentions.Select(m => new EntityPlace(e.Id, m.DocumentId, m.Document.LineAt(m.Mention.Span.Start).Number)));
        foreach (var item in GraphItems(entities, places)) yield return item;
    }

    private static IEnumerable<BrowseItem> EntityItems(IEnumerable<ShownEntity> entities, ItemWriter writer)
    {
        foreach (var (entity, entityRank) in entities.Select(e => (Entity: e, Rank: EntityRank(e.Summary))).OrderBy(x => x.Rank))
        {
            var summary = entity.Summary;
            yield return new BrowseItem(BrowseKinds.Entity, summary.Id, entityRank, JsonSerializer.Serialize(summary, Web))
            {
                Detail = writer.Text(entity.Write),
                Names = string.Join('\n', summary.Aliases.Select(a => a.ToLowerInvariant())),
                Facets = [$"type:{summary.Type}"],
            };
        }
    }

    private static IEnumerable<BrowseItem> EventItems(IEnumerable<DossierEvent> events, IReadOnlyDictionary<(string Kind, string Id), long>? bases, ItemWriter writer)
    {
        foreach (var ev in events)
        {
            var eventBasis = Basis(ev);
            if (IsUnchanged(bases, BrowseKinds.Event, ev.Id, eventBasis))
            {
                yield return BrowseItem.Kept(BrowseKinds.Event, ev.Id);
                continue;
            }
            var involved = ev.Participants.Append(ev.Place).OfType<string>().Distinct(StringComparer.Ordinal);
            // Its documents, not their stories (BrowseQuery.ThroughDocuments): those are formed again as their topics gain articles.
            var inDocuments = ev.Evidence.Select(l => l.DocumentId).Distinct(StringComparer.Ordinal);
            var day = EventSalience.Day(ev.Date);
            using var json = writer.Parse(w => JsonExporter.WriteEvent(w, day is null ? ev : ev with { Salience = SalienceOfItsDay }));
            yield return new BrowseItem(BrowseKinds.Event, ev.Id, EventStage.Rank(ev), EventSummary(json.RootElement, ev.Evidence.Count))
            {
                Detail = json.RootElement.GetRawText(),
                Basis = eventBasis,
                Date = ev.Date,
                Weight = ev.Evidence.Count,
                Facets = [.. involved.Select(e => $"entity:{e}"), .. inDocuments.Select(BrowseQuery.DocumentFacet)],
                Votes = day is null ? [] : EventSalience.Votes(ev).Select(v => new EventVote(ev.Id, day, v.Document, v.Weight)).ToArray(),
            };
        }
    }

    private static BrowseItem DayItem(string day, double salience, ItemWriter writer) =>
        new(BrowseKinds.EventDay, day, EventDates.Day(day)!.Value.DayNumber, writer.Text(json => json.WriteNumberValue(salience)));

    /// <summary>Series, stories and duplicate groups, listed by age: a rank is the id's number, which no
    /// later build moves (a place in the list shifts every item after one added or absorbed).</summary>
    private static IEnumerable<BrowseItem> GroupItems(CorpusResults corpus, ItemWriter writer)
    {
        foreach (var series in corpus.Series)
            yield return new BrowseItem(BrowseKinds.Series, series.Id, StableIds.Number(series.Id), writer.Text(json => JsonExporter.WriteSeries(json, series)));
        foreach (var story in corpus.Stories)
            yield return new BrowseItem(BrowseKinds.Story, story.Id, StableIds.Number(story.Id), writer.Text(json => JsonExporter.WriteStory(json, story)));
        foreach (var group in corpus.Duplicates)
            yield return new BrowseItem(BrowseKinds.Duplicate, group.Id, StableIds.Number(group.Id), writer.Text(json => JsonExporter.WriteDuplicate(json, group)));
    }

    /// <summary>The co-occurrence graph's heaviest edges and the nodes they join.</summary>
    private static IEnumerable<BrowseItem> GraphItems(IEnumerable<(string Id, string Name, string Type)> entities, IEnumerable<EntityPlace> places)
    {
        var graph = CooccurrenceGraph.Build(entities, places, GraphEdges);
        // A node's rank is its entity's number and an edge's its two ends' numbers, not a place in the
        // list: one edge added among the heaviest moved every edge after it, and the build wrote them all
        // again. Edges are listed heaviest first by their weight (a list's top k).
        var edges = graph.Edges;
        var joined = edges.SelectMany(e => new[] { e.Source, e.Target }).ToHashSet(StringComparer.Ordinal);
        foreach (var node in graph.Nodes.Where(n => joined.Contains(n.Id)))
            yield return new BrowseItem(BrowseKinds.GraphNode, node.Id, StableIds.Number(node.Id), JsonSerializer.Serialize(node, Web));
        foreach (var edge in edges)
            yield return new BrowseItem(BrowseKinds.GraphEdge, $"{edge.Source}-{edge.Target}", EdgeRank(edge), JsonSerializer.Serialize(edge, Web))
            {
                Weight = edge.Weight,
            };
    }

    /// <summary>Whether the stored item of that kind and id was made from the same basis and its documents have not changed since.</summary>
    private static bool IsUnchanged(IReadOnlyDictionary<(string Kind, string Id), long>? bases, string kind, string id, long basis) =>
        bases is not null && bases.TryGetValue((kind, id), out var stored) && stored == basis;

    /// <summary>An edge's rank: its ends' numbers, the smaller first (numbers below 2^31 fit).</summary>
    private static long EdgeRank(GraphEdge edge)
    {
        var (a, b) = (StableIds.Number(edge.Source), StableIds.Number(edge.Target));
        return (Math.Min(a, b) << 32) | Math.Max(a, b);
    }

    /// <summary>The form of the items, to be counted up whenever the items made from the same stored
    /// documents and groups would be other than before (what an item holds, or how it is made), so that
    /// an index written in another form is written whole. 2: marks hold their groups' ids, not their names.
    /// BrowseItemFormTests holds the items made from a stored dossier to the digest recorded with this form.</summary>
    private const int ItemForm = 2;

    /// <summary>What the items are made as: their form and the export's format, whose objects they are.
    /// Not the build's code: a build of other code whose analysis and items are unchanged writes what
    /// changed alone, not the whole index again (at 100,000 articles, the whole index of every dossier).</summary>
    public static readonly string Maker = $"items {ItemForm}, export format {JsonExporter.FormatVersion}";

    /// <summary>The first 8 bytes of the SHA-256 of what a document's item shows beside its stored document:
    /// its marks and stories, and the code that makes it.</summary>
    private static long Basis(string id, List<Annotation> marks, string[] stories)
    {
        using var digest = new PartsDigest();
        digest.Add(Maker).Add(id);
        foreach (var mark in marks)
            digest.Add(mark.Kind).Add(mark.Line.ToString(CultureInfo.InvariantCulture)).Add(mark.Start.ToString(CultureInfo.InvariantCulture))
                .Add(mark.End.ToString(CultureInfo.InvariantCulture)).Add(mark.Text).Add(mark.Ref).Add(mark.Type).Add(mark.Value);
        digest.Add("stories");
        foreach (var story in stories) digest.Add(story);
        return digest.Finish();
    }

    /// <summary>The first 8 bytes of the SHA-256 of what an event's item is made from beside its documents:
    /// the event as stored (its reports as places in them) and the code that makes it. A build that adds a
    /// few documents changes the events that gained reports, and the rest, most of them, are not made
    /// again; the salience of their days, which the added documents change too, is kept beside them.</summary>
    private static long Basis(DossierEvent ev)
    {
        using var digest = new PartsDigest();
        digest.Add(Maker).Add(ev.Id).Add(ev.Class).Add(ev.Status.ToString()).Add(ev.Date).Add(ev.DateInferred ? "inferred" : "stated").Add(ev.Summary)
            .Add(ev.Place).Add(ev.Outlets.ToString(CultureInfo.InvariantCulture));
        digest.Add("participants");
        foreach (var participant in ev.Participants) digest.Add(participant);
        digest.Add("reports");
        foreach (var report in ev.Reports)
        {
            digest.Add(report.DocumentId);
            foreach (var trigger in report.Mention.Triggers)
                digest.Add(trigger.Start.ToString(CultureInfo.InvariantCulture)).Add(trigger.End.ToString(CultureInfo.InvariantCulture));
        }
        return digest.Finish();
    }

    /// <summary>The salience an event dated to a day holds in its item: none of its own, the day's (an
    /// <see cref="BrowseKinds.EventDay"/> item) is shown in its place (<see cref="Shown"/>).</summary>
    private const int SalienceOfItsDay = -1;

    private const string SalienceOfItsDayJson = "\"salience\":-1";

    /// <summary>An item's JSON as a reader is shown it: an event dated to a day with that day's salience,
    /// <paramref name="daySalience"/> (the day's item's summary; null for every other item, which is shown as stored).</summary>
    public static string Shown(string json, string? daySalience) =>
        daySalience is null ? json : json.Replace(SalienceOfItsDayJson, "\"salience\":" + daySalience, StringComparison.Ordinal);

    /// <summary>An item's detail as a reader is shown it: a document's marks with their groups' names
    /// (<see cref="ShownMarks"/>), an event dated to a day with that day's salience (<see cref="Shown"/>).</summary>
    /// <param name="summaries">The summaries of the stored items of a kind with these ids.</param>
    public static string ShownDetail(string kind, string json, string? daySalience, Func<string, IReadOnlyCollection<string>, IEnumerable<(string Id, string Summary)>> summaries) =>
        kind == BrowseKinds.Document ? ShownMarks(json, summaries) : Shown(json, daySalience);

    /// <summary>A document's item as a reader is shown it: each mark of an entity or event with the name
    /// (and an entity's type) that the group's item shows now. A mark holds its group's id alone, so that a
    /// group a build names otherwise writes its own item again, not the item of every document it is in
    /// (100 articles added to 100,000 renamed 9,000 groups, whose marks were in 36,000 documents).</summary>
    public static string ShownMarks(string detail, Func<string, IReadOnlyCollection<string>, IEnumerable<(string Id, string Summary)>> summaries)
    {
        using var item = JsonDocument.Parse(detail);
        if (!item.RootElement.TryGetProperty("annotations", out var marks)) return detail;
        var named = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            [BrowseKinds.Entity] = new(StringComparer.Ordinal),
            [BrowseKinds.Event] = new(StringComparer.Ordinal),
        };
        foreach (var mark in marks.EnumerateArray())
            if (mark.TryGetProperty("ref", out var reference) && named.TryGetValue(mark.GetProperty("kind").GetString()!, out var ids)) ids.Add(reference.GetString()!);
        if (named.Values.All(ids => ids.Count == 0)) return detail;
        var labels = new Dictionary<(string Kind, string Id), (string? Type, string? Value)>();
        foreach (var (kind, ids) in named)
            foreach (var (id, summary) in ids.Count == 0 ? [] : summaries(kind, ids))
                labels[(kind, id)] = LabelOf(kind, summary);

        var buffer = new ArrayBufferWriter<byte>(detail.Length + 64 * labels.Count);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Web.Encoder }))
        {
            json.WriteStartObject();
            foreach (var property in item.RootElement.EnumerateObject())
            {
                if (property.NameEquals("annotations")) WriteMarks(json, property.Value, labels);
                else WriteAsStored(json, property);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The marks as stored, each followed by its group's type and name, as an <see cref="Annotation"/> lists them last.</summary>
    private static void WriteMarks(Utf8JsonWriter json, JsonElement marks, Dictionary<(string Kind, string Id), (string? Type, string? Value)> labels)
    {
        json.WriteStartArray("annotations");
        foreach (var mark in marks.EnumerateArray())
        {
            json.WriteStartObject();
            foreach (var property in mark.EnumerateObject()) WriteAsStored(json, property);
            if (mark.TryGetProperty("ref", out var reference) && labels.TryGetValue((mark.GetProperty("kind").GetString()!, reference.GetString()!), out var label))
            {
                if (label.Type is not null) json.WriteString("type", label.Type);
                if (label.Value is not null) json.WriteString("value", label.Value);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>A property with its value's JSON as stored, byte for byte.</summary>
    private static void WriteAsStored(Utf8JsonWriter json, JsonProperty property)
    {
        json.WritePropertyName(property.Name);
        json.WriteRawValue(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(property.Value), skipInputValidation: true);
    }

    /// <summary>What a mark of a group shows of it, from the group's item: an entity's type and name, an event's summary.</summary>
    private static (string? Type, string? Value) LabelOf(string kind, string summary)
    {
        using var group = JsonDocument.Parse(summary);
        return kind == BrowseKinds.Entity
            ? (group.RootElement.GetProperty("type").GetString(), group.RootElement.GetProperty("name").GetString())
            : (null, group.RootElement.GetProperty("summary").GetString());
    }

    /// <summary>Mentions an entity's rank tells apart; more are ranked as this many.</summary>
    private const int MostMentions = (1 << 24) - 1;

    /// <summary>An entity's rank: the most mentioned first, then by number. It is made of the two, not a
    /// place in the list, so that an entity whose mentions change moves alone and the others keep their
    /// rank; with numbers below 2^32 it fits the 56 bits a name index key gives a rank (schema 40).</summary>
    private static long EntityRank(EntitySummary entity) =>
        ((long)(MostMentions - Math.Min(entity.Mentions, MostMentions)) << 32) | StableIds.Number(entity.Id);

    /// <summary>The marks of the evidence viewer, made for one document at a time: what the corpus results
    /// place in each document is indexed by document (a reference per mark), and a document's marks are
    /// made with its item, so that the index never holds every document's marks, each with its text, at once.</summary>
    private sealed class Marks
    {
        private readonly Dictionary<string, List<(EntityGroup Entity, AnalysedDocument Document, EntityMention Mention)>> _entities = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<(DossierEvent Event, EventReport Report)>> _events = new(StringComparer.Ordinal);
        private readonly IReadOnlyDictionary<Quantity, string> _seriesOf;

        public Marks(CorpusResults corpus, IReadOnlyDictionary<Quantity, string>? seriesOf)
        {
            foreach (var entity in corpus.Entities)
                foreach (var (doc, document, mention) in entity.Mentions)
                    In(_entities, doc).Add((entity, document, mention));
            var ofPoints = new Dictionary<Quantity, string>(ReferenceEqualityComparer.Instance);
            foreach (var series in corpus.Series)
                foreach (var point in series.Points) ofPoints[point.Quantity] = series.Id;
            _seriesOf = seriesOf ?? ofPoints;
            foreach (var ev in corpus.Events)
                foreach (var report in ev.Reports)
                    In(_events, report.DocumentId).Add((ev, report));
        }

        private static List<T> In<T>(Dictionary<string, List<T>> byDocument, string doc)
        {
            if (!byDocument.TryGetValue(doc, out var list)) byDocument[doc] = list = [];
            return list;
        }

        /// <summary>Every mark of a document, in line then offset order, placed as the export places its spans.</summary>
        public List<Annotation> Of(string doc, AnalysedDocument document)
        {
            var list = new List<Annotation>();
            void Add(AnalysedDocument source, TextSpan span, string kind, string? reference, string? type, string? value)
            {
                var line = source.LineAt(span.Start);
                list.Add(new Annotation(kind, line.Number, span.Start - line.Span.Start, span.End - line.Span.Start,
                    source.Text.Substring(span.Start, span.Length), reference, type, value));
            }
            foreach (var (entity, source, mention) in _entities.GetValueOrDefault(doc) ?? [])
                Add(source, mention.Span, BrowseKinds.Entity, entity.Id, null, null);
            foreach (var timex in document.Timexes)
                Add(document, timex.Span, "timex", null, timex.Type, timex.Value);
            foreach (var quantity in document.Quantities)
                Add(document, quantity.Span, "quantity", _seriesOf.GetValueOrDefault(quantity), quantity.Unit, JsonSerializer.Serialize(quantity.Value));
            foreach (var (ev, report) in _events.GetValueOrDefault(doc) ?? [])
                foreach (var trigger in report.Mention.Triggers)
                    Add(report.Source, trigger, BrowseKinds.Event, ev.Id, null, null);
            list.Sort(Order);
            return list;
        }

        /// <summary>Line then offset order, marks at the same place by all they show: a document's marks are the same
        /// whatever order its groups come in (an event whose date moves it in the list of events marks it as it did).</summary>
        private static int Order(Annotation a, Annotation b)
        {
            var order = a.Line.CompareTo(b.Line);
            if (order == 0) order = a.Start.CompareTo(b.Start);
            if (order == 0) order = a.End.CompareTo(b.End);
            if (order == 0) order = string.CompareOrdinal(a.Kind, b.Kind);
            if (order == 0) order = string.CompareOrdinal(a.Ref, b.Ref);
            if (order == 0) order = string.CompareOrdinal(a.Type, b.Type);
            if (order == 0) order = string.CompareOrdinal(a.Value, b.Value);
            return order != 0 ? order : string.CompareOrdinal(a.Text, b.Text);
        }
    }

    /// <summary>One object's JSON as the export writes it (compact), into a buffer used again for the next.</summary>
    private sealed class ItemWriter : IDisposable
    {
        private readonly ArrayBufferWriter<byte> _buffer = new();
        private readonly Utf8JsonWriter _json;

        public ItemWriter() => _json = new Utf8JsonWriter(_buffer, JsonExporter.CompactOptions);

        public string Text(Action<Utf8JsonWriter> write) => Encoding.UTF8.GetString(Write(write).Span);

        /// <summary>The object parsed, to be disposed before the next is written (it reads the buffer).</summary>
        public JsonDocument Parse(Action<Utf8JsonWriter> write) => JsonDocument.Parse(Write(write));

        private ReadOnlyMemory<byte> Write(Action<Utf8JsonWriter> write)
        {
            _buffer.ResetWrittenCount();
            _json.Reset(_buffer);
            write(_json);
            _json.Flush();
            return _buffer.WrittenMemory;
        }

        public void Dispose() => _json.Dispose();
    }

    /// <summary>A document without its text and lines, for lists.</summary>
    private static string Summary(JsonElement document) =>
        Without(document, ["text", "lines"], _ => { });

    /// <summary>An event without its lists of evidence lines, trigger mentions and participants, which
    /// can run to thousands for a much reported event (a page of the 500 best attested of 10,000
    /// articles was 1.3 MB with its participants' ids): how many evidence lines and participants it
    /// has, and the place a click opens (its first trigger mention, or else its first evidence line).
    /// Events of one participant are listed by the entity filter.</summary>
    private static string EventSummary(JsonElement ev, int evidenceLines) =>
        Without(ev, ["evidence", "mentions", "participants"], json =>
        {
            json.WriteNumber("evidence_lines", evidenceLines);
            json.WriteNumber("participant_count", ev.TryGetProperty("participants", out var participants) ? participants.GetArrayLength() : 0);
            var first = ev.TryGetProperty("mentions", out var mentions) && mentions.GetArrayLength() > 0 ? mentions[0]
                : ev.TryGetProperty("evidence", out var lines) && lines.GetArrayLength() > 0 ? lines[0] : (JsonElement?)null;
            if (first is { } at)
            {
                json.WritePropertyName("first_evidence");
                at.WriteTo(json);
            }
        });

    /// <summary>An object's JSON without some of its properties, with more written after the rest.</summary>
    private static string Without(JsonElement item, string[] left, Action<Utf8JsonWriter> more)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Web.Encoder }))
        {
            json.WriteStartObject();
            foreach (var property in item.EnumerateObject())
                if (Array.IndexOf(left, property.Name) < 0) property.WriteTo(json);
            more(json);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}