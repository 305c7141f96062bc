using System.Text.Encodings.Web;
using System.Text.Json;
using Dossier.Core.Model;
using Dossier.Core.Resolve;
using Dossier.Core.Series;
using Dossier.Core.Stories;
using Dossier.Core.Duplicates;
using Dossier.Core.Events;

namespace Dossier.Core.Export;

/// <summary>A document as it appears in an export: its dossier id ("d1"), its analysis and, when
/// known, the paths of every source holding its text (first source first).</summary>
public sealed record ExportedDocument(string Id, AnalysedDocument Document)
{
    public IReadOnlyList<string>? Paths { get; init; }

    /// <summary>How many tokens it has: its document's, or as many as were stored when it was read without them.</summary>
    public int TokenCount { get; init; } = Document.Tokens.Length;

    public static string IdOf(long storeId) => $"d{storeId}";

    public static long StoreIdOf(string id) => long.Parse(id.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Writes the dossier JSON export, format version 1 (docs: export-format.md). Every
/// section of the contract is written, empty when no stage fills it yet.</summary>
public static partial class JsonExporter
{
    public const int FormatVersion = 1;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Keep accented letters readable in the file (the output is UTF-8 anyway), but escape <, > and &
        // (and quotes) as \u003C…, so an export inlined in a web page cannot close its script tag.
        Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static readonly JsonWriterOptions CompactOptions = Options with { Indented = false };

    /// <summary>Writes the documents and what the corpus stages stored about them; computes nothing.</summary>
    /// <param name="indented">One value a line, for people to read; false for JSON only programs read.</param>
    public static void Write(Stream output, IReadOnlyList<ExportedDocument> documents, CorpusResults corpus, bool indented = true) =>
        Write(output, new HeldExport(documents, corpus), indented);

    /// <summary>Writes each document as it is read, then what the corpus stages stored about them, read by
    /// <paramref name="corpus"/> over the documents as the later sections need them: past its own
    /// section a document is kept without its tokens and its own entity mentions (the stored entities
    /// locate theirs).</summary>
    public static void Write(Stream output, IEnumerable<ExportedDocument> documents, Func<IReadOnlyList<ExportedDocument>, CorpusResults> corpus, bool indented = true) =>
        Write(output, new KeptAsRead(documents, corpus), indented);

    /// <summary>Writes every section of the contract as <paramref name="dossier"/> reads it, in the contract's order; what
    /// is written goes out to <paramref name="output"/> as it is made, so that the whole export is never held.</summary>
    public static void Write(Stream output, IExportSource dossier, bool indented = true)
    {
        using var json = new Utf8JsonWriter(output, indented ? Options : CompactOptions);
        json.WriteStartObject();
        json.WriteNumber("format", FormatVersion);
        json.WriteStartArray("documents");
        foreach (var exported in dossier.Documents())
        {
            WriteDocument(json, exported, exported.TokenCount);
            FlushWhenFull(json);
        }
        json.WriteEndArray();
        WriteSection(json, "entities", dossier.Entities(), WriteEntity);
        WriteTimexes(json, dossier.Again(Pipeline.Layers.Timexes));
        WriteQuantities(json, dossier.Figures());
        WriteSection(json, "series", dossier.Series(), WriteSeries);
        WriteSection(json, "stories", dossier.Stories(), WriteStory);
        WriteSection(json, "duplicates", dossier.Duplicates(), WriteDuplicate);
        WriteSection(json, "events", dossier.Events(), WriteEvent);
        json.WriteEndObject();
    }

    /// <summary>Documents read once, written as they come and kept without their tokens for the later sections,
    /// which read the corpus results over them.</summary>
    private sealed class KeptAsRead(IEnumerable<ExportedDocument> documents, Func<IReadOnlyList<ExportedDocument>, CorpusResults> corpus) : IExportSource
    {
        private readonly List<ExportedDocument> _kept = [];
        private HeldExport? _held;

        private HeldExport Held => _held ??= new HeldExport(_kept, corpus(_kept));

        public int DocumentCount => _kept.Count;

        public IEnumerable<ExportedDocument> Documents()
        {
            foreach (var exported in documents)
            {
                yield return exported;
                _kept.Add(exported with { Document = WithoutTokens(exported.Document), Paths = null });
            }
        }

        public IEnumerable<ExportedDocument> Again(params string[] layers) => Held.Again(layers);
        public IEnumerable<(ExportedDocument Document, IReadOnlyDictionary<Quantity, string> SeriesOf)> Figures() => Held.Figures();
        public IEnumerable<EntityGroup> Entities() => Held.Entities();
        public IReadOnlyDictionary<string, string> EntityNames() => Held.EntityNames();
        public IEnumerable<QuantitySeries> Series() => Held.Series();
        public IEnumerable<Story> Stories() => Held.Stories();
        public IEnumerable<DuplicateGroup> Duplicates() => Held.Duplicates();
        public IReadOnlyList<ExportedEvent> Events() => Held.Events();
        public CooccurrenceGraph Graph() => Held.Graph();
    }

    /// <summary>The writer holds what it wrote until flushed: sent on once it passes this size.</summary>
    private const int PendingBytes = 1 << 20;

    private static void FlushWhenFull(Utf8JsonWriter json)
    {
        if (json.BytesPending >= PendingBytes) json.Flush();
    }

    /// <summary>What the sections after the documents read of a document: its text, lines, metadata,
    /// sentences, time expressions, figures and event mentions.</summary>
    public static AnalysedDocument WithoutTokens(AnalysedDocument document) => new(document.Source)
    {
        AnalysisVersion = document.AnalysisVersion,
        Language = document.Language,
        Lines = document.Lines,
        Metadata = document.Metadata,
        Sentences = document.Sentences,
        Timexes = document.Timexes,
        Quantities = document.Quantities,
        Events = document.Events,
    };

    /// <summary>A document's object of the documents section; <paramref name="tokens"/> is how many
    /// tokens it has, so that a reader that kept it without them can still write it.</summary>
    public static void WriteDocument(Utf8JsonWriter json, ExportedDocument exported, int tokens)
    {
        var document = exported.Document;
        var meta = document.Metadata;
        json.WriteStartObject();
        json.WriteString("id", exported.Id);
        json.WriteString("path", document.Source.Path);
        if (exported.Paths is { Count: > 1 } paths)
        {
            WriteStrings(json, "paths", paths);
        }
        json.WriteString("format", document.Source.Format);
        json.WriteString("encoding", document.Source.Encoding);
        json.WriteString("language", document.Language);
        WriteField(json, "title", meta.Title);
        if (meta.Published is { } published)
        {
            json.WriteStartObject("published");
            json.WriteString("value", published.Value);
            json.WriteString("text", published.Text);
            if (published.Line is { } line) json.WriteNumber("line", line); else json.WriteNull("line");
            json.WriteBoolean("inferred", published.Inferred);
            json.WriteString("origin", published.Origin);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("published");
            WritePublicationEstimate(json, exported.Id, document);
        }
        WriteField(json, "outlet", meta.Outlet);
        WriteField(json, "author", meta.Author);
        WriteField(json, "agency", meta.Agency);
        WriteField(json, "dateline", meta.Dateline);
        json.WriteString("url", meta.Url);
        WriteSourceFields(json, document.Source.Hints.Fields);
        json.WriteString("text", string.Join('\n', document.Lines.Select(document.LineText)));
        var sourceLines = document.Source.Hints.SourceLines;
        json.WriteStartArray("lines");
        foreach (var line in document.Lines)
        {
            if (line.Kind == LineKind.Blank) continue;
            json.WriteStartObject();
            json.WriteNumber("line", line.Number);
            json.WriteString("kind", Line.KindName(line.Kind));
            if (line.Reason.Length > 0) json.WriteString("reason", line.Reason);
            if (line.DuplicateOf is { } of) json.WriteNumber("duplicate_of", of);
            if (sourceLines is not null && line.Number <= sourceLines.Count && sourceLines[line.Number - 1] > 0)
                json.WriteNumber("source_line", sourceLines[line.Number - 1]);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("sentences", document.Sentences.Length);
        json.WriteNumber("tokens", tokens);
        json.WriteEndObject();
    }

    /// <summary>Every metadata value the source offered, with where it came from (extra field).</summary>
    private static void WriteSourceFields(Utf8JsonWriter json, IReadOnlyList<HintField>? fields)
    {
        if (fields is null || fields.Count == 0) return;
        json.WriteStartArray("source_fields");
        foreach (var field in fields)
        {
            json.WriteStartObject();
            json.WriteString("name", field.Name);
            json.WriteString("value", field.Value);
            json.WriteString("origin", field.Origin);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>A section of the corpus results: an array of its objects, each written by the writer the reading index also uses.</summary>
    private static void WriteSection<T>(Utf8JsonWriter json, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        json.WriteStartArray(name);
        foreach (var item in items) write(json, item);
        json.WriteEndArray();
    }

    public static void WriteEntity(Utf8JsonWriter json, EntityGroup entity) => WriteEntity(json, entity, json =>
    {
        foreach (var (id, document, mention) in entity.Mentions) WriteMention(json, id, document, mention);
    });

    /// <summary>An entity with its mentions written by <paramref name="mentions"/>: a reader that keeps mentions
    /// as written before (the reading index, for the documents that did not change) writes them as they were.</summary>
    public static void WriteEntity(Utf8JsonWriter json, EntityGroup entity, Action<Utf8JsonWriter> mentions)
    {
        json.WriteStartObject();
        json.WriteString("id", entity.Id);
        json.WriteString("name", entity.Name);
        json.WriteString("type", entity.Type);
        WriteStrings(json, "aliases", entity.Aliases);
        WriteStrings(json, "reasons", entity.Reasons);
        json.WriteStartArray("mentions");
        mentions(json);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>An entity's mention, as <see cref="WriteEntity(Utf8JsonWriter, EntityGroup)"/> lists it.</summary>
    public static void WriteMention(Utf8JsonWriter json, string id, AnalysedDocument document, EntityMention mention) =>
        WriteSpan(json, id, document, mention.Span, static (_, _) => { });

    private static void WriteTimexes(Utf8JsonWriter json, IEnumerable<ExportedDocument> documents)
    {
        json.WriteStartArray("timexes");
        foreach (var (id, document) in documents)
        {
            foreach (var timex in document.Timexes)
            {
                WriteSpan(json, id, document, timex.Span, (w, _) =>
                {
                    w.WriteString("type", timex.Type);
                    w.WriteString("value", timex.Value);
                    if (timex.Mod is not null) w.WriteString("mod", timex.Mod);
                });
            }
        }
        json.WriteEndArray();
    }

    private static void WriteQuantities(Utf8JsonWriter json, IEnumerable<(ExportedDocument Document, IReadOnlyDictionary<Quantity, string> SeriesOf)> documents)
    {
        json.WriteStartArray("quantities");
        foreach (var ((id, document), seriesOf) in documents)
        {
            foreach (var quantity in document.Quantities)
            {
                WriteSpan(json, id, document, quantity.Span, (w, _) =>
                {
                    w.WriteNumber("value", quantity.Value);
                    if (quantity.ValueMax is { } high) w.WriteNumber("value_max", high);
                    w.WriteString("unit", quantity.Unit);
                    w.WriteString("qualifier", quantity.Qualifier);
                    w.WriteString("role", quantity.Role.ToString().ToLowerInvariant());
                    w.WriteString("series", seriesOf.GetValueOrDefault(quantity));
                });
            }
        }
        json.WriteEndArray();
    }

    public static void WriteSeries(Utf8JsonWriter json, QuantitySeries s)
    {
        json.WriteStartObject();
        json.WriteString("id", s.Id);
        json.WriteString("label", s.Label);
        json.WriteString("unit", s.Unit);
        json.WriteString("place", s.Place.Id);
        json.WriteStartArray("points");
        foreach (var point in s.Points)
        {
            json.WriteStartObject();
            json.WriteString("date", point.Date);
            json.WriteNumber("value", point.Quantity.Value);
            json.WriteString("qualifier", point.Quantity.Qualifier);
            json.WriteString("doc", point.DocumentId);
            json.WriteNumber("line", point.Document.LineAt(point.Quantity.Span.Start).Number);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("disagreements");
        foreach (var (a, b) in s.Disagreements)
        {
            json.WriteStartObject();
            json.WriteString("date", a.Date);
            json.WriteString("a", $"{a.DocumentId}:{a.Document.LineAt(a.Quantity.Span.Start).Number} {a.Quantity.Value}");
            json.WriteString("b", $"{b.DocumentId}:{b.Document.LineAt(b.Quantity.Span.Start).Number} {b.Quantity.Value}");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        FlushWhenFull(json);
    }

    public static void WriteStory(Utf8JsonWriter json, Story story)
    {
        json.WriteStartObject();
        json.WriteString("id", story.Id);
        json.WriteString("parent", story.Parent);
        json.WriteString("label", story.Label);
        WriteStrings(json, "documents", story.DocumentIds);
        json.WriteEndObject();
        FlushWhenFull(json);
    }

    public static void WriteDuplicate(Utf8JsonWriter json, DuplicateGroup group)
    {
        json.WriteStartObject();
        json.WriteString("id", group.Id);
        WriteStrings(json, "documents", group.DocumentIds);
        json.WriteNumber("similarity", group.Similarity);
        json.WriteEndObject();
        FlushWhenFull(json);
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    /// <summary>An object locating a span as the contract does: document, 1-based line, offsets in the line.</summary>
    private static void WriteSpan(Utf8JsonWriter json, string id, AnalysedDocument document, TextSpan span, Action<Utf8JsonWriter, TextSpan> extra)
    {
        var line = document.LineAt(span.Start);
        WriteSpan(json, id, line.Number, span.Start - line.Span.Start, span.End - line.Span.Start, document.Text.AsSpan(span.Start, span.Length));
        extra(json, span);
        json.WriteEndObject();
        FlushWhenFull(json);
    }

    /// <summary>Opens a span's object and writes where it stands; the caller adds what else it says and closes it.</summary>
    private static void WriteSpan(Utf8JsonWriter json, string id, int line, int start, int end, ReadOnlySpan<char> text)
    {
        json.WriteStartObject();
        json.WriteString("doc", id);
        json.WriteNumber("line", line);
        json.WriteNumber("start", start);
        json.WriteNumber("end", end);
        json.WriteString("text", text);
    }

    /// <summary>The contract's fields are plain strings; where each came from goes beside it.</summary>
    private static void WriteField(Utf8JsonWriter json, string name, MetadataField? field)
    {
        json.WriteString(name, field?.Value);
        if (field is null) return;
        json.WriteStartObject(name + "_source");
        if (field.Line is { } line) json.WriteNumber("line", line); else json.WriteNull("line");
        json.WriteString("origin", field.Origin);
        json.WriteEndObject();
    }
}
