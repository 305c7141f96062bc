using System.Text.Json;
using Dossier.Core.Export;
using Dossier.Core.Pipeline;

namespace Dossier.Storage.Browse;

/// <summary>An annotation of one document, for the evidence viewer: what kind it is, where it
/// stands (line, offsets in the line, as in the export), and what it links to (an entity, series or event id).</summary>
public sealed record Annotation(string Kind, int Line, int Start, int End, string Text, string? Ref, string? Type, string? Value);

/// <summary>A list's view of an entity: its names and how often it is mentioned.</summary>
public sealed record EntitySummary(string Id, string Name, string Type, IReadOnlyList<string> Aliases, int Mentions);

/// <summary>Makes the reading index of a dossier from its export: one item per document, entity,
/// event, series, story, duplicate group and graph edge, its JSON cut from the export itself, so that
/// what a reader pages through is exactly what the export says.</summary>
public static class BrowseIndex
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

    /// <summary>Writes the index when it is not current (a build changed the dossier, or it was never written).</summary>
    public static void Update(IDossierStore store)
    {
        if (store.BrowseIndexIsCurrent()) return;
        using var buffer = new MemoryStream();
        JsonExporter.Write(buffer, store.LoadAll().Select(x => new ExportedDocument(ExportedDocument.IdOf(x.Id), x.Document)),
            documents => CorpusResults.Read(store, documents), indented: false);
        // Parsed where it was written, not from a copy of it.
        using var export = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, checked((int)buffer.Length)));
        store.WriteBrowseIndex(Items(export.RootElement));
    }

    public static IEnumerable<BrowseItem> Items(JsonElement export)
    {
        var entities = Section(export, "entities");
        var events = Section(export, "events");
        var stories = Section(export, "stories");
        var storiesOf = stories
            .SelectMany(s => Strings(s, "documents").Select(d => (Doc: d, Story: Id(s))))
            .GroupBy(x => x.Doc, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Story).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        var annotations = Annotations(export, entities, events);

        var rank = 0;
        foreach (var document in Section(export, "documents"))
        {
            var id = Id(document);
            var stored = storiesOf.GetValueOrDefault(id) ?? [];
            var outlet = StringOf(document, "outlet");
            yield return new BrowseItem(BrowseKinds.Document, id, rank++, Summary(document))
            {
                Detail = JsonSerializer.Serialize(new { document, annotations = annotations.GetValueOrDefault(id) ?? [], stories = stored }, Web),
                Date = document.TryGetProperty("published", out var published) && published.ValueKind == JsonValueKind.Object ? StringOf(published, "value") : null,
                Facets = [$"language:{StringOf(document, "language")}", .. outlet is null ? Array.Empty<string>() : [$"outlet:{outlet.ToLowerInvariant()}"],
                    .. stored.Select(s => $"story:{s}")],
            };
        }

        var summaries = entities.Select(e => (Entity: e, Summary: new EntitySummary(Id(e), StringOf(e, "name")!, StringOf(e, "type")!,
                Strings(e, "aliases").ToArray(), e.GetProperty("mentions").GetArrayLength())))
            .OrderByDescending(x => x.Summary.Mentions).ThenBy(x => StableIds.Number(x.Summary.Id));
        rank = 0;
        foreach (var (entity, summary) in summaries)
            yield return new BrowseItem(BrowseKinds.Entity, summary.Id, rank++, JsonSerializer.Serialize(summary, Web))
            {
                Detail = entity.GetRawText(),
                Names = string.Join('\n', summary.Aliases.Select(a => a.ToLowerInvariant())),
                Facets = [$"type:{summary.Type}"],
            };

        rank = 0;
        foreach (var ev in events)
        {
            var involved = Strings(ev, "participants").Append(StringOf(ev, "place")).OfType<string>().Distinct(StringComparer.Ordinal);
            var evidence = ev.TryGetProperty("evidence", out var lines) ? lines.EnumerateArray().ToArray() : [];
            var inStories = evidence.SelectMany(l => storiesOf.GetValueOrDefault(StringOf(l, "doc") ?? "") ?? []).Distinct(StringComparer.Ordinal);
            yield return new BrowseItem(BrowseKinds.Event, Id(ev), rank++, EventSummary(ev, evidence.Length))
            {
                Detail = ev.GetRawText(),
                Date = StringOf(ev, "date"),
                Weight = evidence.Length,
                Facets = [.. involved.Select(e => $"entity:{e}"), .. inStories.Select(s => $"story:{s}")],
            };
        }

        foreach (var (kind, section) in new[] { (BrowseKinds.Series, "series"), (BrowseKinds.Story, "stories"), (BrowseKinds.Duplicate, "duplicates") })
        {
            rank = 0;
            foreach (var item in Section(export, section))
                yield return new BrowseItem(kind, Id(item), rank++, item.GetRawText());
        }

        var graph = CooccurrenceGraph.Build(
            entities.Select(e => (Id(e), StringOf(e, "name")!, StringOf(e, "type")!)),
            entities.SelectMany(e => e.GetProperty("mentions").EnumerateArray().Select(m => new EntityPlace(Id(e), StringOf(m, "doc")!, m.GetProperty("line").GetInt32()))));
        var edges = graph.Edges.Take(GraphEdges).ToArray();
        var joined = edges.SelectMany(e => new[] { e.Source, e.Target }).ToHashSet(StringComparer.Ordinal);
        rank = 0;
        foreach (var node in graph.Nodes.Where(n => joined.Contains(n.Id)))
            yield return new BrowseItem(BrowseKinds.GraphNode, node.Id, rank++, JsonSerializer.Serialize(node, Web));
        rank = 0;
        foreach (var edge in edges)
            yield return new BrowseItem(BrowseKinds.GraphEdge, $"{edge.Source}-{edge.Target}", rank++, JsonSerializer.Serialize(edge, Web));
    }

    /// <summary>Every mark of the evidence viewer, per document, in line then offset order.</summary>
    private static Dictionary<string, List<Annotation>> Annotations(JsonElement export, IReadOnlyList<JsonElement> entities, IReadOnlyList<JsonElement> events)
    {
        var byDocument = new Dictionary<string, List<Annotation>>(StringComparer.Ordinal);
        void Add(JsonElement span, string kind, string? reference, string? type, string? value)
        {
            var doc = StringOf(span, "doc")!;
            if (!byDocument.TryGetValue(doc, out var list)) byDocument[doc] = list = [];
            list.Add(new Annotation(kind, span.GetProperty("line").GetInt32(), span.GetProperty("start").GetInt32(), span.GetProperty("end").GetInt32(),
                StringOf(span, "text") ?? "", reference, type, value));
        }
        foreach (var entity in entities)
            foreach (var mention in entity.GetProperty("mentions").EnumerateArray())
                Add(mention, "entity", StringOf(entity, "id"), StringOf(entity, "type"), StringOf(entity, "name"));
        foreach (var timex in Section(export, "timexes"))
            Add(timex, "timex", null, StringOf(timex, "type"), StringOf(timex, "value"));
        foreach (var quantity in Section(export, "quantities"))
            Add(quantity, "quantity", StringOf(quantity, "series"), StringOf(quantity, "unit"), quantity.GetProperty("value").GetRawText());
        foreach (var ev in events)
            if (ev.TryGetProperty("mentions", out var mentions))
                foreach (var mention in mentions.EnumerateArray())
                    Add(mention, "event", StringOf(ev, "id"), null, StringOf(ev, "summary"));
        foreach (var list in byDocument.Values)
            list.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Start.CompareTo(b.Start));
        return byDocument;
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

    private static JsonElement[] Section(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) ? array.EnumerateArray().ToArray() : [];

    private static string Id(JsonElement item) => StringOf(item, "id")!;

    private static string? StringOf(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IEnumerable<string> Strings(JsonElement element, string property) =>
        element.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().Select(x => x.GetString() ?? "") : [];
}
