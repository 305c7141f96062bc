using System.Globalization;
using Dossier.Core.Pipeline;

namespace Dossier.Storage.Sqlite;

/// <summary>The whole dossier as stored, to copy it to another store.</summary>
public sealed partial class SqliteDossierStore : IStoredContentsSource
{
    public IEnumerable<StoredDocument> ReadStoredDocuments() =>
        ReadStored(null).Select(stored => stored with { Sources = StoredSourcesOf(stored.Id, stored.Document.Source.ContentHash) });

    private List<StoredSource> StoredSourcesOf(long documentId, string contentHash)
    {
        var list = new List<StoredSource>();
        using var command = Command("SELECT source_key, file, path FROM sources WHERE doc_id = $doc ORDER BY rowid");
        command.Parameters.AddWithValue("$doc", documentId);
        using var reader = command.ExecuteReader();
        while (reader.Read()) list.Add(new StoredSource(reader.GetString(0), reader.GetString(1), reader.GetString(2), documentId, contentHash));
        return list;
    }

    public CorpusState ReadCorpusState()
    {
        var groups = Rows("SELECT DISTINCT kind FROM corpus_groups ORDER BY kind", r => r.GetString(0))
            .ToDictionary(kind => kind, kind => (IReadOnlyList<CorpusGroup>)ReadGroups(kind, null), StringComparer.Ordinal);
        return new CorpusState(
            groups,
            Rows("SELECT kind, absorbed_id, into_id FROM corpus_absorbed ORDER BY kind, absorbed_id", r => (r.GetString(0), r.GetString(1), r.GetString(2))),
            Rows("SELECT kind, next FROM corpus_counters", r => (r.GetString(0), r.GetInt64(1))).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal),
            Rows("SELECT name, key, doc_id FROM corpus_index ORDER BY name, key, doc_id", r => (r.GetString(0), r.GetString(1), r.GetInt64(2))),
            Rows("SELECT name, doc_id, value FROM corpus_kept ORDER BY name, doc_id", r => (r.GetString(0), r.GetInt64(1), (byte[])r[2])),
            Rows("SELECT stage, seen, completed_at FROM corpus_stage_runs ORDER BY stage",
                r => new CorpusStageRun(r.GetString(0), r.GetInt64(1), DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture))),
            Rows("SELECT seq, doc_id, change FROM document_changes ORDER BY seq", r => new PendingChange(r.GetInt64(0), r.GetInt64(1), r.GetString(2) == "removed")));
    }

    private List<T> Rows<T>(string sql, Func<Microsoft.Data.Sqlite.SqliteDataReader, T> row)
    {
        var list = new List<T>();
        using var command = Command(sql);
        using var reader = command.ExecuteReader();
        while (reader.Read()) list.Add(row(reader));
        return list;
    }
}
