using System.Text.Json;
using Dossier.Core.Clean;
using Dossier.Core.Model;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>A document's layers (lines, segmentation, mentions, figures, events) as rows, written by
/// a build and by a re-analysis alike; and the re-analysis of a stored document in place.</summary>
public sealed partial class SqliteDossierStore
{
    /// <summary>The layers' rows of a document, whose own row the caller writes.</summary>
    private sealed class AnalysisWriter : IDisposable
    {
        private readonly SqliteCommand _lines;
        private readonly SqliteCommand _segments;
        private readonly SqliteCommand _mentions;
        private readonly SqliteCommand _timexes;
        private readonly SqliteCommand _events;
        private readonly SqliteCommand _quantities;

        public AnalysisWriter(SqliteDossierStore store, SqliteTransaction transaction)
        {
            _lines = store.Command("""
                INSERT INTO lines (doc_id, number, start, length, kind, reason, own_kind, own_reason, duplicate_of, fingerprint)
                VALUES ($doc, $number, $start, $length, $kind, $reason, $kind, $reason, $dup, $fp)
                """, transaction);
            _segments = store.Command("INSERT INTO segments (doc_id, tokens, sentences) VALUES ($doc, $tokens, $sentences)", transaction);
            _mentions = store.Command("INSERT INTO entity_mentions (doc_id, start, length, type) VALUES ($doc, $start, $length, $type)", transaction);
            _timexes = store.Command("INSERT INTO timexes (doc_id, start, length, type, value, mod) VALUES ($doc, $start, $length, $type, $value, $mod)", transaction);
            _events = store.Command("INSERT INTO packed_event_mentions (doc_id, mentions) VALUES ($doc, $mentions)", transaction);
            _quantities = store.Command("INSERT INTO quantities (doc_id, start, length, value, unit, qualifier, role, value_max) VALUES ($doc, $start, $length, $value, $unit, $qualifier, $role, $value_max)", transaction);
        }

        public void Write(long id, AnalysedDocument document)
        {
                _lines.Parameters.Clear();
                var pDoc = _lines.Parameters.Add("$doc", SqliteType.Integer);
                var pNumber = _lines.Parameters.Add("$number", SqliteType.Integer);
                var pStart = _lines.Parameters.Add("$start", SqliteType.Integer);
                var pLength = _lines.Parameters.Add("$length", SqliteType.Integer);
                var pKind = _lines.Parameters.Add("$kind", SqliteType.Text);
                var pReason = _lines.Parameters.Add("$reason", SqliteType.Text);
                var pDup = _lines.Parameters.Add("$dup", SqliteType.Integer);
                var pFingerprint = _lines.Parameters.Add("$fp", SqliteType.Integer);
                pDoc.Value = id;
                foreach (var line in document.Lines)
                {
                    pNumber.Value = line.Number;
                    pStart.Value = line.Span.Start;
                    pLength.Value = line.Span.Length;
                    pKind.Value = Line.KindName(line.Kind);
                    pReason.Value = line.Reason;
                    pDup.Value = (object?)line.DuplicateOf ?? DBNull.Value;
                    pFingerprint.Value = LineFingerprint.Of(document.Text.AsSpan(line.Span.Start, line.Span.Length));
                    _lines.ExecuteNonQuery();
                }
                _segments.Parameters.Clear();
                _segments.Parameters.AddWithValue("$doc", id);
                _segments.Parameters.AddWithValue("$tokens", SegmentCodec.EncodeTokens(document.Tokens));
                _segments.Parameters.AddWithValue("$sentences", SegmentCodec.EncodeSentences(document.Sentences));
                _segments.ExecuteNonQuery();
                foreach (var mention in document.Entities)
                    SqliteDossierStore.Run(_mentions, ("$doc", id), ("$start", mention.Span.Start), ("$length", mention.Span.Length), ("$type", mention.Type));
                foreach (var timex in document.Timexes)
                    SqliteDossierStore.Run(_timexes, ("$doc", id), ("$start", timex.Span.Start), ("$length", timex.Span.Length), ("$type", timex.Type),
                        ("$value", timex.Value), ("$mod", timex.Mod));
                foreach (var quantity in document.Quantities)
                    SqliteDossierStore.Run(_quantities, ("$doc", id), ("$start", quantity.Span.Start), ("$length", quantity.Span.Length), ("$value", quantity.Value),
                        ("$unit", quantity.Unit), ("$qualifier", quantity.Qualifier), ("$role", quantity.Role.ToString().ToLowerInvariant()), ("$value_max", quantity.ValueMax));
                if (document.Events.Length > 0) SqliteDossierStore.Run(_events, ("$doc", id), ("$mentions", EventMentionCodec.Encode(document.Events)));
        }

        public void Dispose()
        {
            foreach (var command in new[] { _lines, _segments, _mentions, _timexes, _events, _quantities }) command.Dispose();
        }
    }

    /// <summary>The per-document tables a re-analysis rewrites (every one with a row per document and layer).</summary>
    private static readonly string[] LayerTables = ["lines", "segments", "entity_mentions", "timexes", "quantities", "packed_event_mentions"];

    public IReadOnlyList<long> DocumentsAnalysedOtherThan(string version)
    {
        var ids = new List<long>();
        using var command = Command("SELECT id FROM documents WHERE analysis_version <> $version ORDER BY id");
        command.Parameters.AddWithValue("$version", version);
        using var reader = command.ExecuteReader();
        while (reader.Read()) ids.Add(reader.GetInt64(0));
        return ids;
    }

    public void Reanalysed(IReadOnlyList<(long Id, AnalysedDocument Document)> documents)
    {
        using var transaction = _connection.BeginTransaction();
        using var analysis = new AnalysisWriter(this, transaction);
        using var update = Command("""
            UPDATE documents SET language = $language, title = $title, published = $published, outlet = $outlet, metadata = $metadata,
                analysis_version = $version WHERE id = $id
            """, transaction);
        // The corpus stages take a re-analysed document in as removed and added again under the same id (CorpusChanges.Reanalysed).
        using var logChange = Command("INSERT INTO document_changes (doc_id, change) VALUES ($id, 'reanalysed')", transaction);
        // Its search terms are those of the old analysis; the next index update adds it again.
        using var unindex = Command("DELETE FROM search_documents WHERE doc_id = $id", transaction);
        var deletes = LayerTables.Select(table => Command($"DELETE FROM {table} WHERE doc_id = $id", transaction)).ToArray();
        foreach (var (id, document) in documents)
        {
            foreach (var delete in deletes) Run(delete, ("$id", id));
            var meta = document.Metadata;
            Run(update, ("$id", id), ("$language", document.Language), ("$title", meta.Title?.Value), ("$published", meta.Published?.Value),
                ("$outlet", meta.Outlet?.Value), ("$metadata", StoredJson.Write(meta)), ("$version", document.AnalysisVersion));
            analysis.Write(id, document);
            Run(logChange, ("$id", id));
            Run(unindex, ("$id", id));
        }
        // The reading index shows the old analysis (its triggers see rows added and removed, not layers rewritten).
        using (var stale = Command("DELETE FROM browse_state", transaction)) stale.ExecuteNonQuery();
        transaction.Commit();
        foreach (var delete in deletes) delete.Dispose();
    }
}
