using System.Text.Json;
using Dossier.Core.Export;
using Dossier.Core.Pipeline;
using Dossier.Storage;

namespace Dossier.Server;

/// <summary>An annotation of one document, for the evidence viewer: what kind it is, where it
/// stands (line, offsets in the line, as in the export), and what it links to (an entity, series or event id).</summary>
public sealed record Annotation(string Kind, int Line, int Start, int End, string Text, string? Ref, string? Type, string? Value);

/// <summary>The dossier as the export describes it, read once when the server starts, with the
/// indexes the endpoints filter by. Serving the export's own objects keeps the API's JSON shaped
/// exactly like the export. Cross-document results (entities, series, stories, duplicates, events)
/// are the stored ones the export reads, so they appear here as the engine stores them.</summary>
public sealed class DossierSnapshot : IDisposable
{
    private readonly JsonDocument _export;

    private DossierSnapshot(JsonDocument export)
    {
        _export = export;
        var root = export.RootElement;
        Documents = root.GetProperty("documents").EnumerateArray().ToArray();
        DocumentSummaries = Documents.Select(Summary).ToArray();
        DocumentIndex = Documents.Select((d, i) => (Id: d.GetProperty("id").GetString()!, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        Entities = Section(root, "entities");
        Events = Section(root, "events");
        Series = Section(root, "series");
        Stories = Section(root, "stories");
        Duplicates = Section(root, "duplicates");
        EntityIndex = IndexById(Entities);
        EventIndex = IndexById(Events);
        SeriesIndex = IndexById(Series);
        StoryIndex = IndexById(Stories);
        StoriesOfDocument = Stories
            .SelectMany(s => s.GetProperty("documents").EnumerateArray().Select(d => (Doc: d.GetString()!, Story: s.GetProperty("id").GetString()!)))
            .GroupBy(x => x.Doc, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Story).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        Annotations = CollectAnnotations(root);
        Graph = CooccurrenceGraph.Build(
            Entities.Select(e => (e.GetProperty("id").GetString()!, e.GetProperty("name").GetString()!, e.GetProperty("type").GetString()!)),
            Entities.SelectMany(e => e.GetProperty("mentions").EnumerateArray().Select(m =>
                new EntityPlace(e.GetProperty("id").GetString()!, m.GetProperty("doc").GetString()!, m.GetProperty("line").GetInt32()))));
    }

    public IReadOnlyList<JsonElement> Documents { get; }
    /// <summary>Each document without its text and lines, for lists.</summary>
    public IReadOnlyList<JsonElement> DocumentSummaries { get; }
    public IReadOnlyDictionary<string, int> DocumentIndex { get; }
    public IReadOnlyList<JsonElement> Entities { get; }
    public IReadOnlyList<JsonElement> Events { get; }
    public IReadOnlyList<JsonElement> Series { get; }
    public IReadOnlyList<JsonElement> Stories { get; }
    public IReadOnlyList<JsonElement> Duplicates { get; }
    public IReadOnlyDictionary<string, JsonElement> EntityIndex { get; }
    public IReadOnlyDictionary<string, JsonElement> EventIndex { get; }
    public IReadOnlyDictionary<string, JsonElement> SeriesIndex { get; }
    public IReadOnlyDictionary<string, JsonElement> StoryIndex { get; }
    public IReadOnlyDictionary<string, HashSet<string>> StoriesOfDocument { get; }
    public IReadOnlyDictionary<string, List<Annotation>> Annotations { get; }
    public CooccurrenceGraph Graph { get; }

    /// <summary>Reads the dossier and its stored corpus results through a read-only connection and exports it in memory.</summary>
    public static DossierSnapshot Load(Func<IDossierStore> open)
    {
        using var store = open();
        var documents = StoredDocuments.Of(store.LoadAll());
        using var buffer = new MemoryStream();
        JsonExporter.Write(buffer, documents, CorpusResults.Read(store, documents));
        return new DossierSnapshot(JsonDocument.Parse(buffer.ToArray()));
    }

    public static string? StringOf(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement[] Section(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) ? array.EnumerateArray().ToArray() : [];

    private static Dictionary<string, JsonElement> IndexById(IEnumerable<JsonElement> items) =>
        items.ToDictionary(x => x.GetProperty("id").GetString()!, StringComparer.Ordinal);

    private static JsonElement Summary(JsonElement document)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var property in document.EnumerateObject())
                if (property.Name is not ("text" or "lines")) property.WriteTo(json);
            json.WriteEndObject();
        }
        return JsonDocument.Parse(buffer.ToArray()).RootElement;
    }

    private Dictionary<string, List<Annotation>> CollectAnnotations(JsonElement root)
    {
        var byDocument = new Dictionary<string, List<Annotation>>(StringComparer.Ordinal);
        void Add(JsonElement span, string kind, string? reference, string? type, string? value)
        {
            var doc = span.GetProperty("doc").GetString()!;
            if (!byDocument.TryGetValue(doc, out var list)) byDocument[doc] = list = [];
            list.Add(new Annotation(kind, span.GetProperty("line").GetInt32(), span.GetProperty("start").GetInt32(), span.GetProperty("end").GetInt32(),
                StringOf(span, "text") ?? "", reference, type, value));
        }
        foreach (var entity in Entities)
            foreach (var mention in entity.GetProperty("mentions").EnumerateArray())
                Add(mention, "entity", StringOf(entity, "id"), StringOf(entity, "type"), StringOf(entity, "name"));
        foreach (var timex in Section(root, "timexes"))
            Add(timex, "timex", null, StringOf(timex, "type"), StringOf(timex, "value"));
        foreach (var quantity in Section(root, "quantities"))
            Add(quantity, "quantity", StringOf(quantity, "series"), StringOf(quantity, "unit"), quantity.GetProperty("value").GetRawText());
        foreach (var ev in Events)
            if (ev.TryGetProperty("mentions", out var mentions))
                foreach (var mention in mentions.EnumerateArray())
                    Add(mention, "event", StringOf(ev, "id"), null, StringOf(ev, "summary"));
        foreach (var list in byDocument.Values)
            list.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Start.CompareTo(b.Start));
        return byDocument;
    }

    public void Dispose() => _export.Dispose();
}
