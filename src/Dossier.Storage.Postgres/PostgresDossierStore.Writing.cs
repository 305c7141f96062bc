using Dossier.Core.Clean;
using Dossier.Core.Model;
using Npgsql;
using NpgsqlTypes;

namespace Dossier.Storage.Postgres;

/// <summary>Writing whole documents with COPY: one stream per table for a whole batch, instead of
/// a statement per line and annotation.</summary>
public sealed partial class PostgresDossierStore
{
    /// <summary>Writes documents under their given ids with their sources and every layer, inside the caller's transaction.</summary>
    private void WriteDocuments(IReadOnlyList<StoredDocument> documents)
    {
        Copy("documents (id, source_key, path, format, content_hash, encoding, hints, text, language, title, published, outlet, metadata, ingested_at, analysis_version)", documents, (row, d) =>
        {
            var source = d.Document.Source;
            var meta = d.Document.Metadata;
            row.Write(d.Id, NpgsqlDbType.Bigint);
            row.Write(d.Sources[0].Key, NpgsqlDbType.Text);
            row.Write(d.Sources[0].Path, NpgsqlDbType.Text);
            row.Write(source.Format, NpgsqlDbType.Text);
            row.Write(source.ContentHash, NpgsqlDbType.Text);
            row.Write(source.Encoding, NpgsqlDbType.Text);
            row.Write(StoredJson.Write(source.Hints), NpgsqlDbType.Jsonb);
            row.Write(source.Text, NpgsqlDbType.Text);
            row.Write(d.Document.Language, NpgsqlDbType.Text);
            WriteNullable(row, meta.Title?.Value);
            WriteNullable(row, meta.Published?.Value);
            WriteNullable(row, meta.Outlet?.Value);
            row.Write(StoredJson.Write(meta), NpgsqlDbType.Jsonb);
            row.Write(d.IngestedAt, NpgsqlDbType.TimestampTz);
            row.Write(d.Document.AnalysisVersion, NpgsqlDbType.Text);
        });
        Copy("sources (source_key, file, path, doc_id)", documents.SelectMany(d => d.Sources), (row, s) =>
        {
            row.Write(s.Key, NpgsqlDbType.Text);
            row.Write(s.File, NpgsqlDbType.Text);
            row.Write(s.Path, NpgsqlDbType.Text);
            row.Write(s.DocumentId, NpgsqlDbType.Bigint);
        });
        Copy("lines (doc_id, number, start, length, kind, reason, own_kind, own_reason, duplicate_of, fingerprint)",
            documents.SelectMany(d => d.Document.Lines.Select((own, i) => (d.Id, Own: own, Shown: d.Lines[i], d.Document.Text))), (row, x) =>
            {
                row.Write(x.Id, NpgsqlDbType.Bigint);
                row.Write(x.Own.Number, NpgsqlDbType.Integer);
                row.Write(x.Own.Span.Start, NpgsqlDbType.Integer);
                row.Write(x.Own.Span.Length, NpgsqlDbType.Integer);
                row.Write(Line.KindName(x.Shown.Kind), NpgsqlDbType.Text);
                row.Write(x.Shown.Reason, NpgsqlDbType.Text);
                row.Write(Line.KindName(x.Own.Kind), NpgsqlDbType.Text);
                row.Write(x.Own.Reason, NpgsqlDbType.Text);
                WriteNullable(row, x.Own.DuplicateOf);
                row.Write(LineFingerprint.Of(x.Text.AsSpan(x.Own.Span.Start, x.Own.Span.Length)), NpgsqlDbType.Bigint);
            });
        Copy("segments (doc_id, tokens, sentences)", documents, (row, d) =>
        {
            row.Write(d.Id, NpgsqlDbType.Bigint);
            row.Write(SegmentCodec.EncodeTokens(d.Document.Tokens), NpgsqlDbType.Bytea);
            row.Write(SegmentCodec.EncodeSentences(d.Document.Sentences), NpgsqlDbType.Bytea);
        });
        Copy("packed_event_mentions (doc_id, mentions)", documents.Where(d => d.Document.Events.Length > 0), (row, d) =>
        {
            row.Write(d.Id, NpgsqlDbType.Bigint);
            row.Write(EventMentionCodec.Encode(d.Document.Events), NpgsqlDbType.Bytea);
        });
        CopyLayer("entity_mentions (doc_id, ordinal, start, length, type)", documents, d => d.Entities, (row, m) =>
        {
            row.Write(m.Span.Start, NpgsqlDbType.Integer);
            row.Write(m.Span.Length, NpgsqlDbType.Integer);
            row.Write(m.Type, NpgsqlDbType.Text);
        });
        CopyLayer("timexes (doc_id, ordinal, start, length, type, value, mod)", documents, d => d.Timexes, (row, t) =>
        {
            row.Write(t.Span.Start, NpgsqlDbType.Integer);
            row.Write(t.Span.Length, NpgsqlDbType.Integer);
            row.Write(t.Type, NpgsqlDbType.Text);
            WriteNullable(row, t.Value);
            WriteNullable(row, t.Mod);
        });
        CopyLayer("quantities (doc_id, ordinal, start, length, value, value_max, unit, qualifier, role)", documents, d => d.Quantities, (row, q) =>
        {
            row.Write(q.Span.Start, NpgsqlDbType.Integer);
            row.Write(q.Span.Length, NpgsqlDbType.Integer);
            row.Write(q.Value, NpgsqlDbType.Double);
            WriteNullable(row, q.ValueMax);
            row.Write(q.Unit, NpgsqlDbType.Text);
            row.Write(q.Qualifier, NpgsqlDbType.Text);
            row.Write(q.Role.ToString().ToLowerInvariant(), NpgsqlDbType.Text);
        });
    }

    /// <summary>One annotation layer of every document: document id and position in the layer, then the annotation's own columns.</summary>
    private void CopyLayer<T>(string table, IReadOnlyList<StoredDocument> documents, Func<AnalysedDocument, IReadOnlyList<T>> layer, Action<NpgsqlBinaryImporter, T> write) =>
        Copy(table, documents.SelectMany(d => layer(d.Document).Select((item, ordinal) => (d.Id, Ordinal: ordinal, Item: item))), (row, x) =>
        {
            row.Write(x.Id, NpgsqlDbType.Bigint);
            row.Write(x.Ordinal, NpgsqlDbType.Integer);
            write(row, x.Item);
        });

    private void Copy<T>(string table, IEnumerable<T> rows, Action<NpgsqlBinaryImporter, T> write)
    {
        using var importer = _connection.BeginBinaryImport($"COPY {table} FROM STDIN (FORMAT BINARY)");
        foreach (var item in rows)
        {
            importer.StartRow();
            write(importer, item);
        }
        importer.Complete();
    }

    private static void WriteNullable(NpgsqlBinaryImporter row, string? value)
    {
        if (value is null) row.WriteNull(); else row.Write(value, NpgsqlDbType.Text);
    }

    private static void WriteNullable(NpgsqlBinaryImporter row, int? value)
    {
        if (value is null) row.WriteNull(); else row.Write(value.Value, NpgsqlDbType.Integer);
    }

    private static void WriteNullable(NpgsqlBinaryImporter row, double? value)
    {
        if (value is null) row.WriteNull(); else row.Write(value.Value, NpgsqlDbType.Double);
    }
}
