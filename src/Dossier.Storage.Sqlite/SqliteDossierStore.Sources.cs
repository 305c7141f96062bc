using Dossier.Core.Model;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>Sources of stored texts (table <c>sources</c>, schema 4).</summary>
public sealed partial class SqliteDossierStore
{
    public IReadOnlyList<StoredSource> ListSources()
    {
        var list = new List<StoredSource>();
        using var command = Command("SELECT s.source_key, s.file, s.path, s.doc_id, d.content_hash FROM sources s JOIN documents d ON d.id = s.doc_id ORDER BY s.rowid");
        using var reader = command.ExecuteReader();
        while (reader.Read())
            list.Add(new StoredSource(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4)));
        return list;
    }

    public IReadOnlyList<string> SourcePaths(long documentId)
    {
        var paths = new List<string>();
        using var command = Command("SELECT path FROM sources WHERE doc_id = $doc ORDER BY rowid");
        command.Parameters.AddWithValue("$doc", documentId);
        using var reader = command.ExecuteReader();
        while (reader.Read()) paths.Add(reader.GetString(0));
        return paths;
    }

    public IReadOnlyDictionary<long, List<string>> SourcePaths(IReadOnlyCollection<long> documentIds)
    {
        var paths = new Dictionary<long, List<string>>();
        if (documentIds.Count == 0) return paths;
        // In the table's order, so that each document's list is in its own.
        using var command = Command($"SELECT s.doc_id, s.path FROM {WantedDocuments} CROSS JOIN sources s INDEXED BY sources_doc WHERE s.doc_id = d.value ORDER BY s.rowid");
        command.Parameters.AddWithValue("$docs", "[" + string.Join(',', documentIds) + "]");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!paths.TryGetValue(reader.GetInt64(0), out var list)) paths[reader.GetInt64(0)] = list = [];
            list.Add(reader.GetString(1));
        }
        return paths;
    }

    public IReadOnlyList<long> LinkSources(IReadOnlyList<SourceDocument> sources)
    {
        var removed = new List<long>();
        using var transaction = _connection.BeginTransaction();
        using var find = Command("SELECT id FROM documents WHERE content_hash = $hash ORDER BY id LIMIT 1", transaction);
        var hash = find.Parameters.Add("$hash", SqliteType.Text);
        foreach (var source in sources)
        {
            hash.Value = source.ContentHash;
            if (find.ExecuteScalar() is not long id) continue;
            if (DetachSource(source.SourceKey, transaction).Removed is { } orphan) removed.Add(orphan);
            AttachSource(source, id, transaction);
        }
        transaction.Commit();
        return removed;
    }

    public IReadOnlyList<long> RemoveSources(IReadOnlyCollection<string> sourceKeys)
    {
        var removed = new List<long>();
        using var transaction = _connection.BeginTransaction();
        foreach (var key in sourceKeys)
            if (DetachSource(key, transaction).Removed is { } orphan) removed.Add(orphan);
        transaction.Commit();
        return removed;
    }

    private void AttachSource(SourceDocument source, long documentId, SqliteTransaction transaction)
    {
        using var insert = Command("INSERT INTO sources (source_key, file, path, doc_id) VALUES ($key, $file, $path, $doc)", transaction);
        insert.Parameters.AddWithValue("$key", source.SourceKey);
        insert.Parameters.AddWithValue("$file", source.FilePath);
        insert.Parameters.AddWithValue("$path", source.Path);
        insert.Parameters.AddWithValue("$doc", documentId);
        insert.ExecuteNonQuery();
    }

    /// <summary>Takes a source off its text: the text goes when no other source holds it, else its
    /// next source becomes its first (documents.source_key stays unique).</summary>
    private (bool Existed, long? Removed) DetachSource(string key, SqliteTransaction transaction)
    {
        using var delete = Command("DELETE FROM sources WHERE source_key = $key RETURNING doc_id", transaction);
        delete.Parameters.AddWithValue("$key", key);
        if (delete.ExecuteScalar() is not long documentId) return (false, null);
        using var next = Command("SELECT source_key, path FROM sources WHERE doc_id = $doc ORDER BY rowid LIMIT 1", transaction);
        next.Parameters.AddWithValue("$doc", documentId);
        using (var reader = next.ExecuteReader())
        {
            if (reader.Read())
            {
                using var update = Command("UPDATE documents SET source_key = $key, path = $path WHERE id = $doc", transaction);
                update.Parameters.AddWithValue("$key", reader.GetString(0));
                update.Parameters.AddWithValue("$path", reader.GetString(1));
                update.Parameters.AddWithValue("$doc", documentId);
                update.ExecuteNonQuery();
                return (true, null);
            }
        }
        using var orphan = Command("DELETE FROM documents WHERE id = $doc", transaction);
        orphan.Parameters.AddWithValue("$doc", documentId);
        orphan.ExecuteNonQuery();
        return (true, documentId);
    }
}
