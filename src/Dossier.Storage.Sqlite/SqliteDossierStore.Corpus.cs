using System.Globalization;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>The corpus phase on SQLite: a run is one transaction; the document_changes log
/// (filled by triggers on documents) says what each stage has not yet seen.</summary>
public sealed partial class SqliteDossierStore
{
    /// <summary>The transaction of the corpus run in progress; reads made by the stage go through it.</summary>
    private SqliteTransaction? _corpusTransaction;

    public ICorpusRun BeginCorpusRun(string stage)
    {
        if (_corpusTransaction is not null) throw new InvalidOperationException("a corpus run is already in progress");
        _corpusTransaction = _connection.BeginTransaction();
        return new CorpusRun(this, stage);
    }

    public IReadOnlyList<CorpusGroup> CorpusGroups(string kind) => ReadGroups(kind, null);

    public IReadOnlyDictionary<string, string> AbsorbedIds(string kind)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = Command("SELECT absorbed_id, into_id FROM corpus_absorbed WHERE kind = $kind");
        command.Parameters.AddWithValue("$kind", kind);
        using var reader = command.ExecuteReader();
        while (reader.Read()) map[reader.GetString(0)] = reader.GetString(1);
        return map;
    }

    public CorpusStageLag Lag(string stage)
    {
        using var command = Command("""
            SELECT r.completed_at,
                   CASE WHEN r.stage IS NULL THEN (SELECT count(*) FROM documents)
                        ELSE (SELECT count(DISTINCT doc_id) FROM document_changes WHERE seq > r.seen) END
            FROM (SELECT $stage AS name) s LEFT JOIN corpus_stage_runs r ON r.stage = s.name
            """);
        command.Parameters.AddWithValue("$stage", stage);
        using var reader = command.ExecuteReader();
        reader.Read();
        var lastRun = reader.IsDBNull(0) ? (DateTimeOffset?)null : DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture);
        return new CorpusStageLag(stage, reader.GetInt32(1), lastRun);
    }

    /// <summary>The documents asked for ($docs, a JSON array), each once, as d.value.</summary>
    private const string WantedDocuments = "(SELECT DISTINCT value FROM json_each($docs)) d";

    /// <summary>Groups of a kind in id order; only those with a member in <paramref name="documents"/> when given.</summary>
    /// <remarks>With documents, the groups are found from the documents' members: CROSS JOIN keeps
    /// SQLite from walking every group of the kind in id order to spare itself a sort, which made
    /// each call cost the whole kind (all the entities' mentions) whatever the few documents asked.</remarks>
    private List<CorpusGroup> ReadGroups(string kind, IReadOnlyCollection<long>? documents)
    {
        var groups = documents is null ? "corpus_groups g" : $"""
            (SELECT DISTINCT w.group_id FROM {WantedDocuments} CROSS JOIN corpus_members w WHERE w.doc_id = d.value AND w.kind = $kind) f
            CROSS JOIN corpus_groups g
            """;
        var joined = documents is null ? "" : "AND g.id = f.group_id";
        using var command = Command($"""
            SELECT g.id, g.parent, g.label, g.data, m.doc_id, m.start, m.length, m.value
            FROM {groups} LEFT JOIN corpus_members m ON m.kind = g.kind AND m.group_id = g.id
            WHERE g.kind = $kind {joined}
            ORDER BY g.number, g.id, m.doc_id, m.start, m.length, m.rowid
            """);
        command.Parameters.AddWithValue("$kind", kind);
        if (documents is not null) command.Parameters.AddWithValue("$docs", "[" + string.Join(',', documents) + "]");
        using var reader = command.ExecuteReader();
        return StoredRows.Groups(reader);
    }

    /// <summary>Groups of a kind with a member in <paramref name="documents"/>, in id order, each with only its members there.</summary>
    private List<CorpusGroup> ReadGroupsWithin(string kind, IReadOnlyCollection<long> documents)
    {
        using var command = Command($"""
            SELECT g.id, g.parent, g.label, g.data, m.doc_id, m.start, m.length, m.value
            FROM {WantedDocuments} CROSS JOIN corpus_members m CROSS JOIN corpus_groups g
            WHERE m.doc_id = d.value AND m.kind = $kind AND g.kind = m.kind AND g.id = m.group_id
            ORDER BY g.number, g.id, m.doc_id, m.start, m.length, m.rowid
            """);
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$docs", "[" + string.Join(',', documents) + "]");
        using var reader = command.ExecuteReader();
        return StoredRows.Groups(reader);
    }

    private sealed class CorpusRun : ICorpusRun
    {
        private readonly SqliteDossierStore _store;
        private readonly string _stage;
        private readonly long _lastChange;
        private IReadOnlyList<(long, AnalysedDocument)>? _all;
        private bool _done;

        public CorpusRun(SqliteDossierStore store, string stage)
        {
            _store = store;
            _stage = stage;
            _lastChange = Convert.ToInt64(Scalar("SELECT coalesce(max(seq), 0) FROM document_changes"), CultureInfo.InvariantCulture);
            Changes = ReadChanges();
        }

        public CorpusChanges Changes { get; }

        /// <summary>A document removed then added again under the same id is both; one added then removed is neither;
        /// one only analysed again is both, and re-analysed.</summary>
        private CorpusChanges ReadChanges()
        {
            if (Scalar("SELECT seen FROM corpus_stage_runs WHERE stage = $stage", ("$stage", _stage)) is not long seen)
                return new CorpusChanges(DocumentIds(), []);
            var added = new List<long>();
            var removed = new List<long>();
            var reanalysed = new List<long>();
            using var command = _store.Command("""
                SELECT c.doc_id,
                       (SELECT change FROM document_changes f WHERE f.doc_id = c.doc_id AND f.seq > $seen ORDER BY f.seq LIMIT 1),
                       EXISTS (SELECT 1 FROM documents d WHERE d.id = c.doc_id),
                       EXISTS (SELECT 1 FROM document_changes f WHERE f.doc_id = c.doc_id AND f.seq > $seen AND f.change <> 'reanalysed')
                FROM (SELECT DISTINCT doc_id FROM document_changes WHERE seq > $seen) c ORDER BY c.doc_id
                """);
            command.Parameters.AddWithValue("$seen", seen);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var first = reader.GetString(1);
                if (first is "removed" or "reanalysed") removed.Add(reader.GetInt64(0));
                if (reader.GetBoolean(2)) added.Add(reader.GetInt64(0));
                if (first == "reanalysed" && !reader.GetBoolean(3) && reader.GetBoolean(2)) reanalysed.Add(reader.GetInt64(0));
            }
            return new CorpusChanges(added, removed) { Reanalysed = reanalysed };
        }

        public IReadOnlyList<long> DocumentIds()
        {
            var ids = new List<long>();
            using var command = _store.Command("SELECT id FROM documents ORDER BY id");
            using var reader = command.ExecuteReader();
            while (reader.Read()) ids.Add(reader.GetInt64(0));
            return ids;
        }

        public AnalysedDocument? Load(long id) => _store.Load(id);

        public IReadOnlyList<(long Id, AnalysedDocument Document)> LoadAll() => _all ??= _store.LoadAll().ToList();

        public IReadOnlyList<CorpusGroup> Groups(string kind) => _store.ReadGroups(kind, null);

        public IReadOnlyList<CorpusGroup> GroupsOf(string kind, IEnumerable<long> documents) => _store.ReadGroups(kind, documents.ToArray());

        public IReadOnlyList<CorpusGroup> GroupsWithin(string kind, IReadOnlyCollection<long> documents) => _store.ReadGroupsWithin(kind, documents);

        public void Save(string kind, CorpusGroup group)
        {
            Delete(kind, group.Id);
            Execute("INSERT INTO corpus_groups (kind, id, number, parent, label, data) VALUES ($kind, $id, $number, $parent, $label, $data)",
                ("$kind", kind), ("$id", group.Id), ("$number", StableIds.Number(group.Id)), ("$parent", group.Parent), ("$label", group.Label), ("$data", group.Data));
            using var insert = _store.Command("INSERT INTO corpus_members (kind, group_id, doc_id, start, length, value) VALUES ($kind, $id, $doc, $start, $length, $value)");
            insert.Parameters.AddWithValue("$kind", kind);
            insert.Parameters.AddWithValue("$id", group.Id);
            var doc = insert.Parameters.Add("$doc", SqliteType.Integer);
            var start = insert.Parameters.Add("$start", SqliteType.Integer);
            var length = insert.Parameters.Add("$length", SqliteType.Integer);
            var value = insert.Parameters.Add("$value", SqliteType.Text);
            foreach (var member in group.Members)
            {
                (doc.Value, start.Value, length.Value, value.Value) = (member.Document, member.Start, member.Length, member.Value);
                insert.ExecuteNonQuery();
            }
        }

        public void Delete(string kind, string id) =>
            Execute("DELETE FROM corpus_groups WHERE kind = $kind AND id = $id", ("$kind", kind), ("$id", id));

        public void RecordAbsorbed(string kind, string absorbedId, string intoId)
        {
            Execute("INSERT OR REPLACE INTO corpus_absorbed (kind, absorbed_id, into_id) VALUES ($kind, $a, $b)", ("$kind", kind), ("$a", absorbedId), ("$b", intoId));
            // Ids that led to the absorbed one now lead to where it went.
            Execute("UPDATE corpus_absorbed SET into_id = $b WHERE kind = $kind AND into_id = $a", ("$kind", kind), ("$a", absorbedId), ("$b", intoId));
        }

        public long NextNumber(string kind) => Convert.ToInt64(Scalar("""
            INSERT INTO corpus_counters (kind, next) VALUES ($kind, 2) ON CONFLICT (kind) DO UPDATE SET next = next + 1 RETURNING next - 1
            """, ("$kind", kind)), CultureInfo.InvariantCulture);

        public void Index(string index, long document, IEnumerable<string> keys)
        {
            Execute("DELETE FROM corpus_index WHERE name = $name AND doc_id = $doc", ("$name", index), ("$doc", document));
            using var insert = _store.Command("INSERT OR IGNORE INTO corpus_index (name, key, doc_id) VALUES ($name, $key, $doc)");
            insert.Parameters.AddWithValue("$name", index);
            insert.Parameters.AddWithValue("$doc", document);
            var key = insert.Parameters.Add("$key", SqliteType.Text);
            foreach (var k in keys)
            {
                key.Value = k;
                insert.ExecuteNonQuery();
            }
        }

        public IReadOnlyList<long> DocumentsWith(string index, string key)
        {
            var ids = new List<long>();
            using var command = _store.Command("SELECT doc_id FROM corpus_index WHERE name = $name AND key = $key ORDER BY doc_id");
            command.Parameters.AddWithValue("$name", index);
            command.Parameters.AddWithValue("$key", key);
            using var reader = command.ExecuteReader();
            while (reader.Read()) ids.Add(reader.GetInt64(0));
            return ids;
        }

        public IReadOnlyList<long> LatestWith(string index, string key, int count)
        {
            var ids = new List<long>(count);
            using var command = _store.Command("SELECT doc_id FROM corpus_index WHERE name = $name AND key = $key ORDER BY doc_id DESC LIMIT $count");
            command.Parameters.AddWithValue("$name", index);
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$count", count);
            using var reader = command.ExecuteReader();
            while (reader.Read()) ids.Add(reader.GetInt64(0));
            ids.Reverse();
            return ids;
        }

        public int CountWith(string index, string key) =>
            Convert.ToInt32(Scalar("SELECT count(*) FROM corpus_index WHERE name = $name AND key = $key", ("$name", index), ("$key", key)), CultureInfo.InvariantCulture);

        public void Keep(string name, long document, byte[] value) =>
            Execute("INSERT OR REPLACE INTO corpus_kept (name, doc_id, value) VALUES ($name, $doc, $value)", ("$name", name), ("$doc", document), ("$value", value));

        public byte[]? Kept(string name, long document) => Scalar("SELECT value FROM corpus_kept WHERE name = $name AND doc_id = $doc", ("$name", name), ("$doc", document)) as byte[];

        public void Commit()
        {
            Execute("""
                INSERT INTO corpus_stage_runs (stage, seen, completed_at) VALUES ($stage, $seen, $at)
                ON CONFLICT (stage) DO UPDATE SET seen = excluded.seen, completed_at = excluded.completed_at
                """, ("$stage", _stage), ("$seen", _lastChange), ("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
            // Changes every stage has taken in are no longer needed; a stage never run starts from all documents.
            Execute("DELETE FROM document_changes WHERE seq <= (SELECT min(seen) FROM corpus_stage_runs)");
            _store._corpusTransaction!.Commit();
            _done = true;
        }

        public void Dispose()
        {
            if (!_done) _store._corpusTransaction?.Rollback();
            _store._corpusTransaction?.Dispose();
            _store._corpusTransaction = null;
        }

        private object? Scalar(string sql, params (string Name, object? Value)[] parameters)
        {
            using var command = _store.Command(sql);
            foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            return command.ExecuteScalar();
        }

        private void Execute(string sql, params (string Name, object? Value)[] parameters)
        {
            using var command = _store.Command(sql);
            foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            command.ExecuteNonQuery();
        }
    }
}
