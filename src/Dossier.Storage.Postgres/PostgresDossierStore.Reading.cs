using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Npgsql;

namespace Dossier.Storage.Postgres;

/// <summary>Reading documents back a batch at a time: one query per table for a batch of ids,
/// rather than one per document and layer.</summary>
public sealed partial class PostgresDossierStore
{
    private const int ReadBatchSize = 256;

    public AnalysedDocument? Load(long id) => ReadDocuments([id]).Select(stored => stored.Shown()).FirstOrDefault();

    public IEnumerable<(long Id, AnalysedDocument Document)> LoadAll()
    {
        foreach (var batch in AllDocumentIds().Chunk(ReadBatchSize))
            foreach (var stored in ReadDocuments(batch))
                yield return (stored.Id, stored.Shown());
    }

    public IEnumerable<(long Id, AnalysedDocument Document, int Tokens)> LoadAllToShow()
    {
        foreach (var batch in AllDocumentIds().Chunk(ReadBatchSize))
            foreach (var stored in ReadDocuments(batch, toShow: true))
                yield return (stored.Id, stored.Shown(), stored.TokenCount);
    }

    private List<long> AllDocumentIds()
    {
        using var command = Command("SELECT id FROM documents ORDER BY id");
        return ReadAll(command, reader => reader.GetInt64(0));
    }

    /// <summary>Documents as stored, in id order; ids not stored are skipped.</summary>
    /// <param name="toShow">Without the tokens (their count only) and entity mentions (<see cref="LoadAllToShow"/>).</param>
    /// <param name="layers">The layers to read (<see cref="Layers"/>; text, language, metadata and lines always are), or null for all.</param>
    private List<StoredDocument> ReadDocuments(long[] ids, bool toShow = false, IReadOnlySet<string>? layers = null)
    {
        bool Wanted(string layer) => layers is null || layers.Contains(layer);
        var tokenCount = toShow || !Wanted(Layers.Tokens);
        var lines = ByDocument(ids, "SELECT doc_id, number, start, length, kind, reason, own_kind, own_reason, duplicate_of FROM lines WHERE doc_id = ANY(@ids) ORDER BY doc_id, number",
            r => (Shown: new Line(r.GetInt32(1), new TextSpan(r.GetInt32(2), r.GetInt32(3)), Line.ParseKind(r.GetString(4)), r.GetString(5), NullableInt(r, 8)),
                  Own: new Line(r.GetInt32(1), new TextSpan(r.GetInt32(2), r.GetInt32(3)), Line.ParseKind(r.GetString(6)), r.GetString(7), NullableInt(r, 8))));
        var entities = toShow || !Wanted(Layers.Entities) ? [] : ByDocument(ids, "SELECT doc_id, start, length, type FROM entity_mentions WHERE doc_id = ANY(@ids) ORDER BY doc_id, start, ordinal",
            r => StoredRows.Entity(r, 1));
        var timexes = !Wanted(Layers.Timexes) ? [] : ByDocument(ids, "SELECT doc_id, start, length, type, value, mod FROM timexes WHERE doc_id = ANY(@ids) ORDER BY doc_id, start, ordinal",
            r => StoredRows.Timex(r, 1));
        var quantities = !Wanted(Layers.Quantities) ? [] : ByDocument(ids, "SELECT doc_id, start, length, value, unit, qualifier, role, value_max FROM quantities WHERE doc_id = ANY(@ids) ORDER BY doc_id, start, ordinal",
            r => StoredRows.Quantity(r, 1));
        var sources = ByDocument(ids, "SELECT doc_id, source_key, file, path FROM sources WHERE doc_id = ANY(@ids) ORDER BY doc_id, seq",
            r => (Key: r.GetString(1), File: r.GetString(2), Path: r.GetString(3)));

        using var command = Command($"""
            SELECT d.id, d.source_key, d.path, d.format, d.content_hash, d.encoding, d.hints, d.text, d.language, d.metadata, d.ingested_at, {(tokenCount ? "length(s.tokens)::bigint" : "s.tokens")}, s.sentences, d.analysis_version, {(Wanted(Layers.Events) ? "e.mentions" : "NULL")}
            FROM documents d JOIN segments s ON s.doc_id = d.id LEFT JOIN packed_event_mentions e ON e.doc_id = d.id WHERE d.id = ANY(@ids) ORDER BY d.id
            """);
        command.Parameters.AddWithValue("ids", ids);
        return ReadAll(command, r =>
        {
            var id = r.GetInt64(0);
            var source = new SourceDocument(r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(7), r.GetString(5), StoredJson.Hints(r.GetString(6)));
            var documentLines = lines.GetValueOrDefault(id) ?? [];
            var document = new AnalysedDocument(source)
            {
                Language = r.GetString(8),
                Metadata = StoredJson.Metadata(r.GetString(9)),
                Tokens = tokenCount ? [] : SegmentCodec.DecodeTokens(r.GetFieldValue<byte[]>(11)),
                Sentences = Wanted(Layers.Sentences) ? SegmentCodec.DecodeSentences(r.GetFieldValue<byte[]>(12)) : [],
                Lines = documentLines.Select(l => l.Own).ToArray(),
                Entities = [.. entities.GetValueOrDefault(id) ?? []],
                Timexes = [.. timexes.GetValueOrDefault(id) ?? []],
                Quantities = [.. quantities.GetValueOrDefault(id) ?? []],
                Events = r.IsDBNull(14) ? [] : EventMentionCodec.Decode(r.GetFieldValue<byte[]>(14)),
                AnalysisVersion = r.GetString(13),
            };
            var held = (sources.GetValueOrDefault(id) ?? []).Select(s => new StoredSource(s.Key, s.File, s.Path, id, source.ContentHash)).ToArray();
            return new StoredDocument(id, document, documentLines.Select(l => l.Shown).ToArray(), held, r.GetFieldValue<DateTimeOffset>(10))
            {
                TokenCount = tokenCount ? SegmentCodec.TokenCount(r.GetInt64(11)) : document.Tokens.Length,
            };
        });
    }

    private Dictionary<long, List<T>> ByDocument<T>(long[] ids, string sql, Func<NpgsqlDataReader, T> row)
    {
        var map = new Dictionary<long, List<T>>();
        using var command = Command(sql);
        command.Parameters.AddWithValue("ids", ids);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            if (!map.TryGetValue(id, out var list)) map[id] = list = [];
            list.Add(row(reader));
        }
        return map;
    }

    private static int? NullableInt(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetInt32(column);
}
