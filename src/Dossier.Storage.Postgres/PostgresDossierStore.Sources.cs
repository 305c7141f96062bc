using Dossier.Core.Model;

namespace Dossier.Storage.Postgres;

/// <summary>Sources of stored texts: a document is one text, held by one or more sources.</summary>
public sealed partial class PostgresDossierStore
{
    public IReadOnlyList<StoredSource> ListSources()
    {
        using var command = Command("SELECT s.source_key, s.file, s.path, s.doc_id, d.content_hash FROM sources s JOIN documents d ON d.id = s.doc_id ORDER BY s.seq");
        return ReadAll(command, r => new StoredSource(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetString(4)));
    }

    /// <summary>A stored source by its key, or null.</summary>
    public StoredSource? FindSource(string sourceKey)
    {
        using var command = Command("SELECT s.source_key, s.file, s.path, s.doc_id, d.content_hash FROM sources s JOIN documents d ON d.id = s.doc_id WHERE s.source_key = @key");
        command.Parameters.AddWithValue("key", sourceKey);
        return ReadAll(command, r => new StoredSource(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetString(4))).FirstOrDefault();
    }

    /// <summary>Whether a text with this content hash is stored (under any source).</summary>
    public bool HoldsText(string contentHash) => Scalar("SELECT EXISTS (SELECT 1 FROM documents WHERE content_hash = @hash)", ("hash", contentHash)) is true;

    public IReadOnlyList<string> SourcePaths(long documentId)
    {
        using var command = Command("SELECT path FROM sources WHERE doc_id = @doc ORDER BY seq");
        command.Parameters.AddWithValue("doc", documentId);
        return ReadAll(command, r => r.GetString(0));
    }

    public IReadOnlyDictionary<long, List<string>> SourcePaths(IReadOnlyCollection<long> documentIds) =>
        ByDocument([.. documentIds], "SELECT doc_id, path FROM sources WHERE doc_id = ANY(@ids) ORDER BY doc_id, seq", r => r.GetString(1));

    public IReadOnlyList<long> LinkSources(IReadOnlyList<SourceDocument> sources)
    {
        var removed = new List<long>();
        using var transaction = _connection.BeginTransaction();
        TakeWriterLock();
        foreach (var source in sources)
        {
            if (Scalar("SELECT id FROM documents WHERE content_hash = @hash ORDER BY id LIMIT 1", ("hash", source.ContentHash)) is not long id) continue;
            if (DetachSource(source.SourceKey).Removed is { } orphan) removed.Add(orphan);
            Execute("INSERT INTO sources (source_key, file, path, doc_id) VALUES (@key, @file, @path, @doc)",
                ("key", source.SourceKey), ("file", source.FilePath), ("path", source.Path), ("doc", id));
        }
        transaction.Commit();
        return removed;
    }

    public IReadOnlyList<long> RemoveSources(IReadOnlyCollection<string> sourceKeys)
    {
        var removed = new List<long>();
        using var transaction = _connection.BeginTransaction();
        TakeWriterLock();
        foreach (var key in sourceKeys)
            if (DetachSource(key).Removed is { } orphan) removed.Add(orphan);
        transaction.Commit();
        return removed;
    }

    /// <summary>Takes a source off its text: the text goes when no other source holds it, else its
    /// next source becomes its first (documents.source_key stays unique).</summary>
    private (bool Existed, long? Removed) DetachSource(string key)
    {
        if (Scalar("DELETE FROM sources WHERE source_key = @key RETURNING doc_id", ("key", key)) is not long documentId) return (false, null);
        using var promote = Command("""
            UPDATE documents d SET source_key = next.source_key, path = next.path
            FROM (SELECT source_key, path FROM sources WHERE doc_id = @doc ORDER BY seq LIMIT 1) next
            WHERE d.id = @doc
            """);
        promote.Parameters.AddWithValue("doc", documentId);
        if (promote.ExecuteNonQuery() > 0) return (true, null);
        Execute("DELETE FROM documents WHERE id = @doc", ("doc", documentId));
        return (true, documentId);
    }
}
