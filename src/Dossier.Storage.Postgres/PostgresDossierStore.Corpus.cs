using System.Data;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Npgsql;
using NpgsqlTypes;

namespace Dossier.Storage.Postgres;

/// <summary>The corpus phase on PostgreSQL: a run is one repeatable-read transaction; the
/// document_changes log (filled by a trigger on documents) says what each stage has not yet seen.</summary>
public sealed partial class PostgresDossierStore
{
    private NpgsqlTransaction? _corpusTransaction;

    /// <summary>Writers log changes in transactions that may commit out of sequence order. The run
    /// takes the writers' lock alone while its snapshot is taken, so that no writer is half way:
    /// every change up to the last one it reads is committed and in its snapshot, and none it has
    /// not seen can later appear below that number.</summary>
    public ICorpusRun BeginCorpusRun(string stage)
    {
        if (_corpusTransaction is not null) throw new InvalidOperationException("a corpus run is already in progress");
        Execute($"SELECT pg_advisory_lock({ChangeLogLock})");
        try
        {
            _corpusTransaction = _connection.BeginTransaction(IsolationLevel.RepeatableRead);
            var lastChange = Scalar("SELECT coalesce(max(seq), 0) FROM document_changes") is long last ? last : 0;
            return new CorpusRun(this, stage, lastChange);
        }
        finally
        {
            Execute($"SELECT pg_advisory_unlock({ChangeLogLock})");
        }
    }

    public IReadOnlyList<CorpusGroup> CorpusGroups(string kind) => ReadGroups(kind, null);

    /// <summary>Runs the corpus phase unless another process is running it, and says whether it ran.
    /// The lease is a session lock of PostgreSQL: it goes with the connection, so a coordinator that
    /// dies frees it, and the next one finishes the work (each stage run is its own transaction).</summary>
    public bool WithCorpusLease(Action phase)
    {
        if (Scalar($"SELECT pg_try_advisory_lock({CorpusLease})") is not true) return false;
        try
        {
            phase();
            return true;
        }
        finally
        {
            Execute($"SELECT pg_advisory_unlock({CorpusLease})");
        }
    }

    private const long CorpusLease = 0x446F5355;

    public IReadOnlyDictionary<string, string> AbsorbedIds(string kind)
    {
        using var command = Command("SELECT absorbed_id, into_id FROM corpus_absorbed WHERE kind = @kind");
        command.Parameters.AddWithValue("kind", kind);
        return ReadAll(command, r => (r.GetString(0), r.GetString(1))).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
    }

    public CorpusStageLag Lag(string stage)
    {
        using var command = Command("""
            SELECT r.completed_at,
                   CASE WHEN r.stage IS NULL THEN (SELECT count(*) FROM documents)
                        ELSE (SELECT count(DISTINCT doc_id) FROM document_changes WHERE seq > r.seen) END
            FROM (SELECT @stage::text AS name) s LEFT JOIN corpus_stage_runs r ON r.stage = s.name
            """);
        command.Parameters.AddWithValue("stage", stage);
        using var reader = command.ExecuteReader();
        reader.Read();
        var lastRun = reader.IsDBNull(0) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(0);
        return new CorpusStageLag(stage, checked((int)reader.GetInt64(1)), lastRun);
    }

    /// <summary>Groups of a kind in id order; only those with a member in <paramref name="documents"/> when given,
    /// only those with the given <paramref name="ids"/> when given.</summary>
    private List<CorpusGroup> ReadGroups(string kind, long[]? documents, string[]? ids = null)
    {
        var filter = (documents is null ? "" : "AND g.id IN (SELECT group_id FROM corpus_members WHERE kind = @kind AND doc_id = ANY(@docs))")
            + (ids is null ? "" : " AND g.id = ANY(@ids)");
        using var command = Command(GroupsThenMembers($"g.kind = @kind {filter}", "TRUE"));
        command.Parameters.AddWithValue("kind", kind);
        if (documents is not null) command.Parameters.AddWithValue("docs", documents);
        if (ids is not null) command.Parameters.AddWithValue("ids", ids);
        using var reader = command.ExecuteReader();
        return StoredRows.Groups(reader);
    }

    /// <summary>Groups of a kind with a member in <paramref name="documents"/>, in id order, each with only its members there.</summary>
    private List<CorpusGroup> ReadGroupsWithin(string kind, long[] documents)
    {
        using var command = Command(GroupsThenMembers(
            "g.kind = @kind AND g.id IN (SELECT group_id FROM corpus_members WHERE kind = @kind AND doc_id = ANY(@docs))", "m.doc_id = ANY(@docs)"));
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("docs", documents);
        using var reader = command.ExecuteReader();
        return StoredRows.Groups(reader);
    }

    /// <summary>The rows <see cref="StoredRows.Groups"/> reads: each group's own row (its members' columns null), then
    /// one row per member of it, without the group's columns. A row per member carrying its group's data made the
    /// server decompress that data once per member: 35,000 times for an event of 35,000 reports, whose data is 440 KB.</summary>
    /// <param name="groups">The condition on the groups (<c>g</c>) read.</param>
    /// <param name="members">The condition on their members (<c>m</c>) read.</param>
    private static string GroupsThenMembers(string groups, string members) => $"""
        SELECT id, parent, label, data, doc_id, start, length, value FROM (
            SELECT g.number, g.id, 0 AS part, g.parent, g.label, g.data,
                   NULL::bigint AS doc_id, NULL::integer AS start, NULL::integer AS length, NULL::text AS value, 0 AS ordinal
            FROM corpus_groups g WHERE {groups}
            UNION ALL
            SELECT g.number, g.id, 1, NULL, NULL, NULL, m.doc_id, m.start, m.length, m.value, m.ordinal
            FROM corpus_groups g JOIN corpus_members m ON m.kind = g.kind AND m.group_id = g.id
            WHERE {groups} AND {members}
        ) rows
        ORDER BY number, id, part, doc_id, start, length, ordinal
        """;

    /// <summary>Groups of a kind with a member in <paramref name="documents"/>, in id order, without their members.</summary>
    private List<CorpusGroup> ReadGroupRowsWithin(string kind, long[] documents)
    {
        using var command = Command("""
            SELECT g.id, g.parent, g.label, g.data, NULL::bigint, NULL::integer, NULL::integer, NULL::text
            FROM corpus_groups g
            WHERE g.kind = @kind AND g.id IN (SELECT group_id FROM corpus_members WHERE kind = @kind AND doc_id = ANY(@docs))
            ORDER BY g.number, g.id
            """);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("docs", documents);
        using var reader = command.ExecuteReader();
        return StoredRows.Groups(reader);
    }

    /// <summary>Stores a group with its members (one statement for all of them), replacing the stored one;
    /// with <paramref name="within"/>, only its members in those documents are replaced, numbered after the
    /// others (their order counts only among members at one place, which are all in one document).</summary>
    private void WriteGroup(string kind, CorpusGroup group, long[]? within)
    {
        Execute("""
            INSERT INTO corpus_groups (kind, id, number, parent, label, data) VALUES (@kind, @id, @number, @parent, @label, @data)
            ON CONFLICT (kind, id) DO UPDATE SET number = excluded.number, parent = excluded.parent, label = excluded.label, data = excluded.data
            """, ("kind", kind), ("id", group.Id), ("number", StableIds.Number(group.Id)), ("parent", group.Parent), ("label", group.Label), ("data", group.Data));
        if (within is null) Execute("DELETE FROM corpus_members WHERE kind = @kind AND group_id = @id", ("kind", kind), ("id", group.Id));
        else Execute("DELETE FROM corpus_members WHERE kind = @kind AND group_id = @id AND doc_id = ANY(@docs)", ("kind", kind), ("id", group.Id), ("docs", within));
        if (group.Members.Count == 0) return;
        using var insert = Command("""
            INSERT INTO corpus_members (kind, group_id, ordinal, doc_id, start, length, value)
            SELECT @kind, @id, n.next + m.ordinal - 1, m.doc_id, m.start, m.length, m.value
            FROM unnest(@docs, @starts, @lengths, @values) WITH ORDINALITY AS m (doc_id, start, length, value, ordinal),
                 (SELECT coalesce(max(ordinal) + 1, 0) AS next FROM corpus_members WHERE kind = @kind AND group_id = @id) n
            """);
        insert.Parameters.AddWithValue("kind", kind);
        insert.Parameters.AddWithValue("id", group.Id);
        insert.Parameters.Add(new NpgsqlParameter<long[]>("docs", group.Members.Select(m => m.Document).ToArray()));
        insert.Parameters.Add(new NpgsqlParameter<int[]>("starts", group.Members.Select(m => m.Start).ToArray()));
        insert.Parameters.Add(new NpgsqlParameter<int[]>("lengths", group.Members.Select(m => m.Length).ToArray()));
        insert.Parameters.Add(new NpgsqlParameter<string[]>("values", group.Members.Select(m => m.Value).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        insert.ExecuteNonQuery();
    }

    /// <summary>Adds to the documents counted under keys of the corpus indexes, in one statement.</summary>
    private void AddIndexCounts(IEnumerable<(string Index, string Key, int Count)> counts)
    {
        var rows = counts.ToArray();
        using var upsert = Command("""
            INSERT INTO corpus_index_counts (name, key, count) SELECT * FROM unnest(@names, @keys, @counts)
            ON CONFLICT (name, key) DO UPDATE SET count = corpus_index_counts.count + excluded.count
            """);
        upsert.Parameters.Add(new NpgsqlParameter<string[]>("names", rows.Select(r => r.Index).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        upsert.Parameters.Add(new NpgsqlParameter<string[]>("keys", rows.Select(r => r.Key).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        upsert.Parameters.Add(new NpgsqlParameter<int[]>("counts", rows.Select(r => r.Count).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        upsert.ExecuteNonQuery();
    }

    private sealed class CorpusRun : ICorpusRun
    {
        private readonly PostgresDossierStore _store;
        private readonly string _stage;
        private readonly long _lastChange;
        private IReadOnlyList<(long, AnalysedDocument)>? _all;
        private bool _done;

        public CorpusRun(PostgresDossierStore store, string stage, long lastChange)
        {
            _store = store;
            _stage = stage;
            _lastChange = lastChange;
            _store.Execute("SELECT set_config('dossier.run_counts_index', 'on', true)");
            Changes = ReadChanges();
        }

        public CorpusChanges Changes { get; }

        /// <summary>A document removed then added again under the same id is both; one added then removed is neither.</summary>
        private CorpusChanges ReadChanges()
        {
            if (_store.Scalar("SELECT seen FROM corpus_stage_runs WHERE stage = @stage", ("stage", _stage)) is not long seen)
                return new CorpusChanges(DocumentIds(), []);
            var added = new List<long>();
            var removed = new List<long>();
            using var command = _store.Command("""
                SELECT c.doc_id, c.change = 'removed', EXISTS (SELECT 1 FROM documents d WHERE d.id = c.doc_id)
                FROM (SELECT DISTINCT ON (doc_id) doc_id, change FROM document_changes WHERE seq > @seen AND seq <= @last ORDER BY doc_id, seq) c
                ORDER BY c.doc_id
                """);
            command.Parameters.AddWithValue("seen", seen);
            command.Parameters.AddWithValue("last", _lastChange);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (reader.GetBoolean(1)) removed.Add(reader.GetInt64(0));
                if (reader.GetBoolean(2)) added.Add(reader.GetInt64(0));
            }
            return new CorpusChanges(added, removed);
        }

        public IReadOnlyList<long> DocumentIds() => _store.AllDocumentIds();

        public int DocumentCount() => checked((int)(long)_store.Scalar("SELECT count(*) FROM documents")!);

        public AnalysedDocument? Load(long id) => _store.Load(id);

        public IReadOnlyList<(long Id, AnalysedDocument Document)> Load(IReadOnlyCollection<long> ids, IReadOnlySet<string>? layers = null) =>
            ids.Distinct().Order().Chunk(ReadBatchSize).SelectMany(batch => _store.ReadDocuments(batch, layers: layers)).Select(stored => (stored.Id, stored.Shown())).ToList();

        public IReadOnlyList<(long Id, AnalysedDocument Document)> LoadAll() => _all ??= _store.LoadAll().ToList();

        public IReadOnlyList<CorpusGroup> Groups(string kind) => _store.ReadGroups(kind, null);

        public IReadOnlyList<CorpusGroup> GroupsOf(string kind, IEnumerable<long> documents) => _store.ReadGroups(kind, documents.ToArray());

        public IReadOnlyList<CorpusGroup> GroupsWithin(string kind, IReadOnlyCollection<long> documents) => _store.ReadGroupsWithin(kind, documents.ToArray());

        public IReadOnlyList<CorpusGroup> GroupRowsWithin(string kind, IReadOnlyCollection<long> documents) => _store.ReadGroupRowsWithin(kind, documents.ToArray());
        public IReadOnlyList<CorpusGroup> GroupsWithIds(string kind, IReadOnlyCollection<string> ids) => _store.ReadGroups(kind, null, ids.ToArray());

        public void Save(string kind, CorpusGroup group)
        {
            _store.WriteGroup(kind, group, null);
            Wrote(1 + group.Members.Count);
        }

        public void SaveWithin(string kind, CorpusGroup group, IReadOnlyCollection<long> documents)
        {
            _store.WriteGroup(kind, group, documents.ToArray());
            Wrote(1 + group.Members.Count);
        }

        /// <summary>Rows this run wrote to the corpus tables, and how many more make it renew their statistics.</summary>
        private long _written, _analyzeAt = FirstAnalyze;

        private const long FirstAnalyze = 10_000;

        /// <summary>Renews the corpus tables' statistics each time this run has doubled the rows it wrote. The planner
        /// counts rows once committed, so a run filling the tables (a first run over a large dossier) was planned as if
        /// they were empty and chose an index whose first column its query leaves open ("a group's members" through the
        /// members' document index), scanning every row written so far for each statement. ANALYZE in the run's
        /// transaction counts the rows it inserted.</summary>
        private void Wrote(int rows)
        {
            _written += rows;
            if (_written < _analyzeAt) return;
            _store.Execute("ANALYZE corpus_groups, corpus_members, corpus_index");
            _analyzeAt = 2 * _written;
        }

        /// <summary>Deletes a group and its members (schema 16: no foreign key deletes them with it).</summary>
        public void Delete(string kind, string id)
        {
            _store.Execute("DELETE FROM corpus_members WHERE kind = @kind AND group_id = @id", ("kind", kind), ("id", id));
            _store.Execute("DELETE FROM corpus_groups WHERE kind = @kind AND id = @id", ("kind", kind), ("id", id));
        }

        public void RecordAbsorbed(string kind, string absorbedId, string intoId)
        {
            _store.Execute("""
                INSERT INTO corpus_absorbed (kind, absorbed_id, into_id) VALUES (@kind, @a, @b)
                ON CONFLICT (kind, absorbed_id) DO UPDATE SET into_id = excluded.into_id
                """, ("kind", kind), ("a", absorbedId), ("b", intoId));
            // Ids that led to the absorbed one now lead to where it went.
            _store.Execute("UPDATE corpus_absorbed SET into_id = @b WHERE kind = @kind AND into_id = @a", ("kind", kind), ("a", absorbedId), ("b", intoId));
        }

        /// <summary>The absorbed group's members are numbered after the other's (their order counts only among members at one place).</summary>
        public void Absorb(string kind, string absorbedId, string intoId)
        {
            _store.Execute("""
                UPDATE corpus_members SET group_id = @b,
                    ordinal = ordinal + (SELECT coalesce(max(ordinal) + 1, 0) FROM corpus_members WHERE kind = @kind AND group_id = @b)
                WHERE kind = @kind AND group_id = @a
                """, ("kind", kind), ("a", absorbedId), ("b", intoId));
            Delete(kind, absorbedId);
            RecordAbsorbed(kind, absorbedId, intoId);
        }

        /// <summary>The next number of each kind counted here and stored once at the commit: updating the
        /// counter's row for every new group left a dead version of it per number in the run's transaction,
        /// which each later update walked past (hours for the first run over 100,000 articles).</summary>
        private readonly Dictionary<string, long> _next = new(StringComparer.Ordinal);

        public long NextNumber(string kind)
        {
            if (!_next.TryGetValue(kind, out var next))
                next = _store.Scalar("SELECT next FROM corpus_counters WHERE kind = @kind FOR UPDATE", ("kind", kind)) as long? ?? 1;
            _next[kind] = next + 1;
            return next;
        }

        /// <summary>Entries this run filed under each key less those it removed, added to the keys' stored counts
        /// at the commit (schema 15; the trigger counting removed entries leaves a run's to it).</summary>
        private readonly Dictionary<(string Index, string Key), int> _filed = [];

        public void Index(string index, long document, IEnumerable<string> keys)
        {
            using (var delete = _store.Command("DELETE FROM corpus_index WHERE name = @name AND doc_id = @doc RETURNING key"))
            {
                delete.Parameters.AddWithValue("name", index);
                delete.Parameters.AddWithValue("doc", document);
                foreach (var key in ReadAll(delete, r => r.GetString(0))) Filed(index, key, -1);
            }
            using var insert = _store.Command("INSERT INTO corpus_index (name, key, doc_id) SELECT @name, k, @doc FROM unnest(@keys) k ON CONFLICT DO NOTHING RETURNING key");
            insert.Parameters.AddWithValue("name", index);
            insert.Parameters.AddWithValue("doc", document);
            insert.Parameters.Add(new NpgsqlParameter<string[]>("keys", keys.ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            var filed = 0;
            foreach (var key in ReadAll(insert, r => r.GetString(0)))
            {
                Filed(index, key, 1);
                filed++;
            }
            Wrote(filed);
        }

        private void Filed(string index, string key, int change) => _filed[(index, key)] = _filed.GetValueOrDefault((index, key)) + change;

        public IReadOnlyList<long> DocumentsWith(string index, string key)
        {
            using var command = _store.Command("SELECT doc_id FROM corpus_index WHERE name = @name AND key = @key ORDER BY doc_id");
            command.Parameters.AddWithValue("name", index);
            command.Parameters.AddWithValue("key", key);
            return ReadAll(command, r => r.GetInt64(0));
        }

        public IReadOnlyList<long> LatestWith(string index, string key, int count)
        {
            using var command = _store.Command("""
                SELECT doc_id FROM (SELECT doc_id FROM corpus_index WHERE name = @name AND key = @key ORDER BY doc_id DESC LIMIT @count) latest ORDER BY doc_id
                """);
            command.Parameters.AddWithValue("name", index);
            command.Parameters.AddWithValue("key", key);
            command.Parameters.AddWithValue("count", count);
            return ReadAll(command, r => r.GetInt64(0));
        }

        /// <summary>Read from the stored counts (schema 12), not counted entry by entry, with what this run filed.</summary>
        public int CountWith(string index, string key) =>
            (int)_store.Scalar("SELECT coalesce((SELECT count FROM corpus_index_counts WHERE name = @name AND key = @key), 0)", ("name", index), ("key", key))!
            + _filed.GetValueOrDefault((index, key));

        public IReadOnlyList<long> FiledWith(string index, string key, IReadOnlyCollection<long> documents)
        {
            using var command = _store.Command("SELECT doc_id FROM corpus_index WHERE name = @name AND key = @key AND doc_id = ANY(@docs) ORDER BY doc_id");
            command.Parameters.AddWithValue("name", index);
            command.Parameters.AddWithValue("key", key);
            command.Parameters.AddWithValue("docs", documents.ToArray());
            return ReadAll(command, r => r.GetInt64(0));
        }

        public void Keep(string name, long document, byte[] value) => _store.Execute("""
            INSERT INTO corpus_kept (name, doc_id, value) VALUES (@name, @doc, @value)
            ON CONFLICT (name, doc_id) DO UPDATE SET value = excluded.value
            """, ("name", name), ("doc", document), ("value", value));

        public byte[]? Kept(string name, long document) =>
            _store.Scalar("SELECT value FROM corpus_kept WHERE name = @name AND doc_id = @doc", ("name", name), ("doc", document)) as byte[];

        public void Commit()
        {
            _store.AddIndexCounts(_filed.Where(x => x.Value != 0).Select(x => (x.Key.Index, x.Key.Key, x.Value)));
            foreach (var (kind, next) in _next)
                _store.Execute("""
                    INSERT INTO corpus_counters (kind, next) VALUES (@kind, @next) ON CONFLICT (kind) DO UPDATE SET next = excluded.next
                    """, ("kind", kind), ("next", next));
            _store.Execute("""
                INSERT INTO corpus_stage_runs (stage, seen, completed_at) VALUES (@stage, @seen, now())
                ON CONFLICT (stage) DO UPDATE SET seen = excluded.seen, completed_at = excluded.completed_at
                """, ("stage", _stage), ("seen", _lastChange));
            // Changes every stage has taken in are no longer needed; a stage never run starts from all documents.
            _store.Execute("DELETE FROM document_changes WHERE seq <= (SELECT min(seen) FROM corpus_stage_runs)");
            _store._corpusTransaction!.Commit();
            _done = true;
        }

        public void Dispose()
        {
            if (!_done) _store._corpusTransaction?.Rollback();
            _store._corpusTransaction?.Dispose();
            _store._corpusTransaction = null;
        }
    }
}
