using Dossier.Core.Pipeline;
using NpgsqlTypes;

namespace Dossier.Storage.Postgres;

/// <summary>Taking in a dossier copied from another store, ids and corpus state included.</summary>
public sealed partial class PostgresDossierStore : IStoredContentsTarget
{
    private const int ImportBatchSize = 256;

    public int Import(IEnumerable<StoredDocument> documents, CorpusState corpus)
    {
        using var transaction = _connection.BeginTransaction();
        TakeWriterLock();
        if (Scalar("SELECT EXISTS (SELECT 1 FROM documents)") is true)
            throw new DossierStoreException($"{_location.Display}: already holds documents; a dossier is copied into an empty database only");
        var count = 0;
        foreach (var batch in documents.Chunk(ImportBatchSize))
        {
            WriteDocuments(batch);
            count += batch.Length;
        }
        // The copied log replaces the one the trigger just wrote: stages stand where they stood.
        Execute("DELETE FROM document_changes");
        Copy("document_changes (seq, doc_id, change)", corpus.PendingChanges, (row, c) =>
        {
            row.Write(c.Sequence, NpgsqlDbType.Bigint);
            row.Write(c.DocumentId, NpgsqlDbType.Bigint);
            row.Write(c.Removed ? "removed" : "added", NpgsqlDbType.Text);
        });
        Copy("corpus_stage_runs (stage, seen, completed_at)", corpus.StageRuns, (row, r) =>
        {
            row.Write(r.Stage, NpgsqlDbType.Text);
            row.Write(r.Seen, NpgsqlDbType.Bigint);
            row.Write(r.CompletedAt, NpgsqlDbType.TimestampTz);
        });
        var groups = corpus.Groups.SelectMany(kind => kind.Value.Select(group => (Kind: kind.Key, Group: group))).ToArray();
        Copy("corpus_groups (kind, id, number, parent, label, data)", groups, (row, g) =>
        {
            row.Write(g.Kind, NpgsqlDbType.Text);
            row.Write(g.Group.Id, NpgsqlDbType.Text);
            row.Write(StableIds.Number(g.Group.Id), NpgsqlDbType.Bigint);
            WriteNullable(row, g.Group.Parent);
            row.Write(g.Group.Label, NpgsqlDbType.Text);
            row.Write(g.Group.Data, NpgsqlDbType.Text);
        });
        Copy("corpus_members (kind, group_id, ordinal, doc_id, start, length, value)",
            groups.SelectMany(g => g.Group.Members.Select((member, ordinal) => (g.Kind, GroupId: g.Group.Id, Ordinal: ordinal, Member: member))), (row, m) =>
            {
                row.Write(m.Kind, NpgsqlDbType.Text);
                row.Write(m.GroupId, NpgsqlDbType.Text);
                row.Write(m.Ordinal, NpgsqlDbType.Integer);
                row.Write(m.Member.Document, NpgsqlDbType.Bigint);
                row.Write(m.Member.Start, NpgsqlDbType.Integer);
                row.Write(m.Member.Length, NpgsqlDbType.Integer);
                row.Write(m.Member.Value, NpgsqlDbType.Text);
            });
        Copy("corpus_absorbed (kind, absorbed_id, into_id)", corpus.Absorbed, (row, a) =>
        {
            row.Write(a.Kind, NpgsqlDbType.Text);
            row.Write(a.Absorbed, NpgsqlDbType.Text);
            row.Write(a.Into, NpgsqlDbType.Text);
        });
        Copy("corpus_counters (kind, next)", corpus.Counters, (row, c) =>
        {
            row.Write(c.Key, NpgsqlDbType.Text);
            row.Write(c.Value, NpgsqlDbType.Bigint);
        });
        Copy("corpus_index (name, key, doc_id)", corpus.Index, (row, x) =>
        {
            row.Write(x.Index, NpgsqlDbType.Text);
            row.Write(x.Key, NpgsqlDbType.Text);
            row.Write(x.Document, NpgsqlDbType.Bigint);
        });
        AddIndexCounts(corpus.Index.CountBy(x => (x.Index, x.Key)).Select(x => (x.Key.Index, x.Key.Key, x.Value)));
        Copy("corpus_kept (name, doc_id, value)", corpus.Kept, (row, k) =>
        {
            row.Write(k.Name, NpgsqlDbType.Text);
            row.Write(k.Document, NpgsqlDbType.Bigint);
            row.Write(k.Value, NpgsqlDbType.Bytea);
        });
        // New documents and changes are numbered after the copied ones.
        Execute("SELECT setval(pg_get_serial_sequence('documents', 'id'), coalesce((SELECT max(id) FROM documents), 0) + 1, false)");
        Execute("""
            SELECT setval(pg_get_serial_sequence('document_changes', 'seq'),
                          coalesce(greatest((SELECT max(seq) FROM document_changes), (SELECT max(seen) FROM corpus_stage_runs)), 0) + 1, false)
            """);
        transaction.Commit();
        return count;
    }
}
