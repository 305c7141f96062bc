using System.Globalization;
using System.Text.Json;
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
        var groups = documents is null ? "corpus_groups g" : FoundGroups;
        var joined = documents is null ? "" : "AND g.id = f.group_id";
        return ReadGroups(kind, documents is null ? null : ("$docs", "[" + string.Join(',', documents) + "]"), groups, joined, $"""
            SELECT m.group_id, m.doc_id, m.start, m.length, m.value
            FROM {groups} CROSS JOIN corpus_members m
            WHERE g.kind = $kind {joined} AND m.kind = g.kind AND m.group_id = g.id
            ORDER BY m.doc_id, m.start, m.length, m.rowid
            """);
    }

    /// <summary>Groups of a kind with a member in <paramref name="documents"/>, in id order, each with only its members there.</summary>
    private List<CorpusGroup> ReadGroupsWithin(string kind, IReadOnlyCollection<long> documents) =>
        ReadGroups(kind, ("$docs", "[" + string.Join(',', documents) + "]"), FoundGroups, "AND g.id = f.group_id", $"""
            SELECT m.group_id, m.doc_id, m.start, m.length, m.value
            FROM {WantedDocuments} CROSS JOIN corpus_members m INDEXED BY corpus_members_doc
            WHERE m.doc_id = d.value AND m.kind = $kind
            ORDER BY m.doc_id, m.start, m.length, m.rowid
            """);

    /// <summary>Groups of a kind with a member in <paramref name="documents"/>, in id order, without their members.</summary>
    private List<CorpusGroup> ReadGroupRowsWithin(string kind, IReadOnlyCollection<long> documents) =>
        ReadGroups(kind, ("$docs", "[" + string.Join(',', documents) + "]"), FoundGroups, "AND g.id = f.group_id", membersQuery: null);

    /// <summary>Groups of a kind with the given ids, in id order.</summary>
    private List<CorpusGroup> ReadGroupsWithIds(string kind, IReadOnlyCollection<string> ids) =>
        ReadGroups(kind, ("$ids", JsonSerializer.Serialize(ids)), $"{WantedIds} CROSS JOIN corpus_groups g", "AND g.id = f.value", $"""
            SELECT m.group_id, m.doc_id, m.start, m.length, m.value
            FROM {WantedIds} CROSS JOIN corpus_members m INDEXED BY corpus_members_group
            WHERE m.kind = $kind AND m.group_id = f.value
            ORDER BY m.doc_id, m.start, m.length, m.rowid
            """);

    /// <summary>The group ids asked for ($ids, a JSON array), each once, as f.value.</summary>
    private const string WantedIds = "(SELECT DISTINCT value FROM json_each($ids)) f";

    /// <summary>The groups (g) with a member in the documents asked for, found from the documents' members (f).</summary>
    private const string FoundGroups = $"""
        (SELECT DISTINCT w.group_id FROM {WantedDocuments} CROSS JOIN corpus_members w INDEXED BY corpus_members_doc WHERE w.doc_id = d.value AND w.kind = $kind) f
        CROSS JOIN corpus_groups g
        """;

    /// <summary>The groups of <paramref name="groups"/> in id order, with the members <paramref name="membersQuery"/> reads
    /// (group id, document, start, length, value, in member order), or none when it is null; <paramref name="wanted"/> is the JSON array the queries
    /// choose them by (documents or ids), and the parameter it is bound to. Groups and members are read apart: rows
    /// of both carried each group's data through the sort once per member, so that an entity named in most
    /// articles sorted its data (its names and roles) as many times.</summary>
    private List<CorpusGroup> ReadGroups(string kind, (string Parameter, string Json)? wanted, string groups, string joined, string? membersQuery)
    {
        SqliteCommand Query(string sql)
        {
            var command = Command(sql);
            command.Parameters.AddWithValue("$kind", kind);
            if (wanted is { } filter) command.Parameters.AddWithValue(filter.Parameter, filter.Json);
            return command;
        }
        var members = new Dictionary<string, List<CorpusMember>>(StringComparer.Ordinal);
        if (membersQuery is not null)
            using (var command = Query(membersQuery))
            using (var reader = command.ExecuteReader())
                while (reader.Read())
                {
                    var id = reader.GetString(0);
                    if (!members.TryGetValue(id, out var list)) members[id] = list = [];
                    list.Add(new CorpusMember(reader.GetInt64(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetString(4)));
                }
        // The groups asked for are put in id order here, not by the query: SQLite sorted the rows with their
        // data, hundreds of megabytes for the events of the documents around 100 added ones, spilled to temporary
        // files. The whole kind comes in id order from its index.
        var found = new List<(long Number, CorpusGroup Group)>();
        var order = wanted is null ? "ORDER BY g.number, g.id" : "";
        using (var command = Query($"SELECT g.number, g.id, g.parent, g.label, g.data FROM {groups} WHERE g.kind = $kind {joined} {order}"))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
            {
                var id = reader.GetString(1);
                found.Add((reader.GetInt64(0),
                    new CorpusGroup(id, reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetString(4), members.GetValueOrDefault(id) ?? [])));
            }
        if (wanted is not null) found.Sort((a, b) => a.Number != b.Number ? a.Number.CompareTo(b.Number) : string.CompareOrdinal(a.Group.Id, b.Group.Id));
        return found.ConvertAll(f => f.Group);
    }

    private sealed class CorpusRun : ICorpusRun
    {
        private readonly SqliteDossierStore _store;
        private readonly string _stage;
        private readonly long _lastChange;
        private IReadOnlyList<(long, AnalysedDocument)>? _all;
        private bool _done;
        /// <summary>Statements of this run by their text, each prepared once (<see cref="Prepared"/>).</summary>
        private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

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

        public int DocumentCount() => Convert.ToInt32(Scalar("SELECT count(*) FROM documents"), CultureInfo.InvariantCulture);

        public AnalysedDocument? Load(long id) => _store.Load(id);

        public IReadOnlyList<(long Id, AnalysedDocument Document)> Load(IReadOnlyCollection<long> ids, IReadOnlySet<string>? layers = null) =>
            ids.Count == 0 ? [] : _store.ReadStored(ids, layers: layers).Select(stored => (stored.Id, stored.Shown())).ToList();

        public IReadOnlyList<(long Id, AnalysedDocument Document)> LoadAll() => _all ??= _store.LoadAll().ToList();

        public IReadOnlyList<CorpusGroup> Groups(string kind) => _store.ReadGroups(kind, null);

        public IReadOnlyList<CorpusGroup> GroupsOf(string kind, IEnumerable<long> documents) => _store.ReadGroups(kind, documents.ToArray());

        public IReadOnlyList<CorpusGroup> GroupsWithin(string kind, IReadOnlyCollection<long> documents) => _store.ReadGroupsWithin(kind, documents);

        public IReadOnlyList<CorpusGroup> GroupRowsWithin(string kind, IReadOnlyCollection<long> documents) => _store.ReadGroupRowsWithin(kind, documents);
        public IReadOnlyList<CorpusGroup> GroupsWithIds(string kind, IReadOnlyCollection<string> ids) => _store.ReadGroupsWithIds(kind, ids);

        /// <summary>Writes the group's row and, of its members, only those that changed: a large group (an
        /// entity named in most articles) gains a few members a build, and writing them all again made each
        /// build cost its size. A group holding two members at one place is written whole, so that they are
        /// read back in the order given.</summary>
        public void Save(string kind, CorpusGroup group) => Write(kind, group, null);

        /// <summary>As <see cref="Save"/>, comparing only the stored members in the given documents (found
        /// through the group's members by document), so that the cost follows the documents, not the group.</summary>
        public void SaveWithin(string kind, CorpusGroup group, IReadOnlyCollection<long> documents) => Write(kind, group, documents);

        private void Write(string kind, CorpusGroup group, IReadOnlyCollection<long>? within)
        {
            Execute("""
                INSERT INTO corpus_groups (kind, id, number, parent, label, data) VALUES ($kind, $id, $number, $parent, $label, $data)
                ON CONFLICT (kind, id) DO UPDATE SET number = excluded.number, parent = excluded.parent, label = excluded.label, data = excluded.data
                """, ("$kind", kind), ("$id", group.Id), ("$number", StableIds.Number(group.Id)), ("$parent", group.Parent), ("$label", group.Label), ("$data", group.Data));
            var wanted = group.Members.ToHashSet();
            var kept = new HashSet<CorpusMember>();
            var stale = new List<long>();
            // Within documents, the members are found by document and group (schema 45), not through all the group's.
            var members = within is null ? "SELECT rowid, doc_id, start, length, value FROM corpus_members WHERE kind = $kind AND group_id = $id" : $"""
                SELECT m.rowid, m.doc_id, m.start, m.length, m.value FROM {WantedDocuments} CROSS JOIN corpus_members m INDEXED BY corpus_members_doc
                WHERE m.doc_id = d.value AND m.kind = $kind AND m.group_id = $id
                """;
            {
                var read = Prepared(members);
                read.Parameters.AddWithValue("$kind", kind);
                read.Parameters.AddWithValue("$id", group.Id);
                if (within is not null) read.Parameters.AddWithValue("$docs", "[" + string.Join(',', within) + "]");
                // A group holding two members at one place has them all written again, so that they are read back in the order given.
                var distinct = group.Members.Select(m => (m.Document, m.Start, m.Length)).Distinct().Count() == group.Members.Count;
                using var reader = read.ExecuteReader();
                while (reader.Read())
                {
                    var member = new CorpusMember(reader.GetInt64(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetString(4));
                    if (!distinct || !wanted.Contains(member) || !kept.Add(member)) stale.Add(reader.GetInt64(0));
                }
            }
            var delete = Prepared("DELETE FROM corpus_members WHERE rowid = $row");
            var row = delete.Parameters.Add("$row", SqliteType.Integer);
            foreach (var stored in stale)
            {
                row.Value = stored;
                delete.ExecuteNonQuery();
            }
            var insert = Prepared("INSERT INTO corpus_members (kind, group_id, doc_id, start, length, value) VALUES ($kind, $id, $doc, $start, $length, $value)");
            insert.Parameters.AddWithValue("$kind", kind);
            insert.Parameters.AddWithValue("$id", group.Id);
            var doc = insert.Parameters.Add("$doc", SqliteType.Integer);
            var start = insert.Parameters.Add("$start", SqliteType.Integer);
            var length = insert.Parameters.Add("$length", SqliteType.Integer);
            var value = insert.Parameters.Add("$value", SqliteType.Text);
            foreach (var member in group.Members.Where(m => !kept.Contains(m)))
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

        public void Absorb(string kind, string absorbedId, string intoId)
        {
            Execute("UPDATE corpus_members SET group_id = $b WHERE kind = $kind AND group_id = $a", ("$kind", kind), ("$a", absorbedId), ("$b", intoId));
            Delete(kind, absorbedId);
            RecordAbsorbed(kind, absorbedId, intoId);
        }

        public long NextNumber(string kind) => Convert.ToInt64(Scalar("""
            INSERT INTO corpus_counters (kind, next) VALUES ($kind, 2) ON CONFLICT (kind) DO UPDATE SET next = next + 1 RETURNING next - 1
            """, ("$kind", kind)), CultureInfo.InvariantCulture);

        public void Index(string index, long document, IEnumerable<string> keys)
        {
            Execute("DELETE FROM corpus_index WHERE name = $name AND doc_id = $doc", ("$name", index), ("$doc", document));
            var insert = Prepared("INSERT OR IGNORE INTO corpus_index (name, key, doc_id) VALUES ($name, $key, $doc)");
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
            var command = Prepared("SELECT doc_id FROM corpus_index WHERE name = $name AND key = $key ORDER BY doc_id");
            command.Parameters.AddWithValue("$name", index);
            command.Parameters.AddWithValue("$key", key);
            using var reader = command.ExecuteReader();
            while (reader.Read()) ids.Add(reader.GetInt64(0));
            return ids;
        }

        public IReadOnlyList<long> LatestWith(string index, string key, int count)
        {
            var ids = new List<long>(count);
            var command = Prepared("SELECT doc_id FROM corpus_index WHERE name = $name AND key = $key ORDER BY doc_id DESC LIMIT $count");
            command.Parameters.AddWithValue("$name", index);
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$count", count);
            using var reader = command.ExecuteReader();
            while (reader.Read()) ids.Add(reader.GetInt64(0));
            ids.Reverse();
            return ids;
        }

        /// <summary>Read from the counts the triggers of corpus_index keep (schema 44), not counted entry by entry.</summary>
        public int CountWith(string index, string key) =>
            Convert.ToInt32(Scalar("SELECT coalesce((SELECT count FROM corpus_index_counts WHERE name = $name AND key = $key), 0)", ("$name", index), ("$key", key)),
                CultureInfo.InvariantCulture);

        public IReadOnlyList<long> FiledWith(string index, string key, IReadOnlyCollection<long> documents)
        {
            var ids = new List<long>();
            var command = Prepared($"""
                SELECT i.doc_id FROM {WantedDocuments} CROSS JOIN corpus_index i
                WHERE i.name = $name AND i.key = $key AND i.doc_id = d.value ORDER BY i.doc_id
                """);
            command.Parameters.AddWithValue("$name", index);
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$docs", "[" + string.Join(',', documents) + "]");
            using var reader = command.ExecuteReader();
            while (reader.Read()) ids.Add(reader.GetInt64(0));
            return ids;
        }

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

        /// <summary>The run's statements, each prepared once, by their text: a run executes a few statements
        /// thousands of times (a write per mended entity, a lookup per key), and preparing each anew cost about
        /// as much as running it. Each comes back with no parameters.</summary>
        private SqliteCommand Prepared(string sql)
        {
            if (_prepared.TryGetValue(sql, out var command))
            {
                command.Parameters.Clear();
                return command;
            }
            command = _store.Command(sql);
            command.Prepare();
            _prepared[sql] = command;
            return command;
        }

        public void Dispose()
        {
            foreach (var command in _prepared.Values) command.Dispose();
            _prepared.Clear();
            if (!_done) _store._corpusTransaction?.Rollback();
            _store._corpusTransaction?.Dispose();
            _store._corpusTransaction = null;
        }

        private object? Scalar(string sql, params (string Name, object? Value)[] parameters)
        {
            var command = Prepared(sql);
            foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            return command.ExecuteScalar();
        }

        private void Execute(string sql, params (string Name, object? Value)[] parameters)
        {
            var command = Prepared(sql);
            foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            command.ExecuteNonQuery();
        }
    }
}
