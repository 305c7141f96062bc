using System.Globalization;
using System.Text.Json;
using Dossier.Core.Clean;
using Dossier.Core.Model;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>The embedded store: one SQLite file per dossier. Writes are transactions of whole
/// documents with the rollback journal (no side files once closed), so a process killed at any
/// point leaves the last committed state.</summary>
public sealed partial class SqliteDossierStore : IDossierStore
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
    private readonly SqliteConnection _connection;

    private SqliteDossierStore(SqliteConnection connection) => _connection = connection;

    /// <summary>How long a writer waits for another one to finish a transaction before giving up.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    /// <summary>Opens a dossier file for writing, creating it when <paramref name="create"/> is set and
    /// upgrading its schema; waits up to <paramref name="lockWait"/> (default <see cref="LockWait"/>)
    /// for a writer in another process.</summary>
    public static SqliteDossierStore Open(string path, bool create, TimeSpan? lockWait = null)
    {
        if (!create && !File.Exists(path))
            throw new DossierStoreException($"{path}: no such dossier file");
        if (Directory.Exists(path))
            throw new DossierStoreException($"{path}: is a folder, not a dossier file");
        var connection = Connect(path, create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite, lockWait ?? LockWait);
        return Guarded(connection, path, () =>
        {
            Execute(connection, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;");
            SqliteSchema.Upgrade(connection, path);
            return new SqliteDossierStore(connection);
        });
    }

    /// <summary>Runs the first steps on a new connection: on any failure the connection is closed, and a
    /// SQLite error becomes one line naming the file and the damage.</summary>
    private static T Guarded<T>(SqliteConnection connection, string path, Func<T> steps)
    {
        try
        {
            return steps();
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new DossierStoreException(SqliteFailure.Describe(path, ex), ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static SqliteConnection Connect(string path, SqliteOpenMode mode, TimeSpan lockWait)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            ForeignKeys = true,
            DefaultTimeout = (int)Math.Ceiling(lockWait.TotalSeconds),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            // Set first: every later statement, the journal mode included, waits for a writer in another process.
            Execute(connection, $"PRAGMA busy_timeout = {(long)lockWait.TotalMilliseconds};");
            return connection;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new DossierStoreException(SqliteFailure.Describe(path, ex), ex);
        }
    }

    public int Save(IReadOnlyList<AnalysedDocument> documents)
    {
        var replaced = 0;
        using var transaction = _connection.BeginTransaction();
        using var insert = Command("""
            INSERT INTO documents (source_key, path, format, content_hash, encoding, hints, text, language, title, published, outlet, metadata, ingested_at, analysis_version)
            VALUES ($key, $path, $format, $hash, $encoding, $hints, $text, $language, $title, $published, $outlet, $metadata, $at, $version) RETURNING id
            """, transaction);
        using var analysis = new AnalysisWriter(this, transaction);
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        foreach (var document in documents)
        {
            if (DetachSource(document.Source.SourceKey, transaction).Existed) replaced++;
            var source = document.Source;
            var meta = document.Metadata;
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$key", source.SourceKey);
            insert.Parameters.AddWithValue("$path", source.Path);
            insert.Parameters.AddWithValue("$format", source.Format);
            insert.Parameters.AddWithValue("$hash", source.ContentHash);
            insert.Parameters.AddWithValue("$encoding", source.Encoding);
            insert.Parameters.AddWithValue("$hints", JsonSerializer.Serialize(source.Hints, Json));
            insert.Parameters.AddWithValue("$text", source.Text);
            insert.Parameters.AddWithValue("$language", document.Language);
            insert.Parameters.AddWithValue("$title", (object?)meta.Title?.Value ?? DBNull.Value);
            insert.Parameters.AddWithValue("$published", (object?)meta.Published?.Value ?? DBNull.Value);
            insert.Parameters.AddWithValue("$outlet", (object?)meta.Outlet?.Value ?? DBNull.Value);
            insert.Parameters.AddWithValue("$metadata", JsonSerializer.Serialize(meta, Json));
            insert.Parameters.AddWithValue("$at", now);
            insert.Parameters.AddWithValue("$version", document.AnalysisVersion);
            var id = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
            AttachSource(source, id, transaction);

            analysis.Write(id, document);
        }
        transaction.Commit();
        return replaced;
    }

    public int ApplyCorpusBoilerplate(int minDocuments, int maxLineLength)
    {
        using var transaction = _connection.BeginTransaction();
        using var command = Command("""
            CREATE TEMP TABLE IF NOT EXISTS recurring (fingerprint INTEGER PRIMARY KEY, documents INTEGER NOT NULL);
            DELETE FROM temp.recurring;
            INSERT INTO temp.recurring
                SELECT fingerprint, count(DISTINCT doc_id) FROM lines
                WHERE own_kind = 'content' AND length <= $max
                GROUP BY fingerprint HAVING count(DISTINCT doc_id) >= $min;
            """, transaction);
        command.Parameters.AddWithValue("$min", minDocuments);
        command.Parameters.AddWithValue("$max", maxLineLength);
        command.ExecuteNonQuery();
        // Two statements, each counted on its own: changes() would see only the last one.
        using var restore = Command("""
            UPDATE lines SET kind = own_kind, reason = own_reason
                WHERE kind <> own_kind AND fingerprint NOT IN (SELECT fingerprint FROM temp.recurring)
            """, transaction);
        using var demote = Command("""
            UPDATE lines SET kind = 'boilerplate',
                             reason = 'recurs in ' || (SELECT documents FROM temp.recurring r WHERE r.fingerprint = lines.fingerprint) || ' documents'
                WHERE own_kind = 'content' AND length <= $max AND kind = 'content'
                  AND fingerprint IN (SELECT fingerprint FROM temp.recurring)
            """, transaction);
        demote.Parameters.AddWithValue("$max", maxLineLength);
        var changed = restore.ExecuteNonQuery() + demote.ExecuteNonQuery();
        transaction.Commit();
        return changed;
    }

    public IReadOnlyList<DocumentSummary> ListDocuments()
    {
        var list = new List<DocumentSummary>();
        using var command = Command("SELECT id, path, language, title, metadata, outlet FROM documents ORDER BY id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var meta = JsonSerializer.Deserialize<DocumentMetadata>(reader.GetString(4), Json)!;
            list.Add(new DocumentSummary(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), meta.Published, reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return list;
    }

    public long? FindDocument(string reference)
    {
        if (DocumentIds.Parse(reference) is { } id)
        {
            using var byId = Command("SELECT id FROM documents WHERE id = $id");
            byId.Parameters.AddWithValue("$id", id);
            if (byId.ExecuteScalar() is long found) return found;
        }
        using var command = Command("""
            SELECT id FROM documents WHERE path = $ref OR source_key = $ref OR path LIKE '%/' || $ref OR path LIKE $ref || '#%'
            ORDER BY id LIMIT 1
            """);
        command.Parameters.AddWithValue("$ref", reference);
        return command.ExecuteScalar() is long match ? match : null;
    }

    public AnalysedDocument? Load(long id) => LoadWhere("WHERE d.id = $id", id).Select(x => x.Document).FirstOrDefault();

    public IEnumerable<(long Id, AnalysedDocument Document)> LoadAll() => LoadWhere("", null);

    private IEnumerable<(long Id, AnalysedDocument Document)> LoadWhere(string where, long? id)
    {
        using var command = Command($"""
            SELECT d.id, d.source_key, d.path, d.format, d.content_hash, d.encoding, d.hints, d.text, d.language, d.metadata, s.tokens, s.sentences, d.analysis_version
            FROM documents d JOIN segments s ON s.doc_id = d.id {where} ORDER BY d.id
            """);
        if (id is not null) command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var docId = reader.GetInt64(0);
            var source = new SourceDocument(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(7), reader.GetString(5), JsonSerializer.Deserialize<SourceHints>(reader.GetString(6), Json)!);
            var document = new AnalysedDocument(source)
            {
                Language = reader.GetString(8),
                Metadata = JsonSerializer.Deserialize<DocumentMetadata>(reader.GetString(9), Json)!,
                Tokens = SegmentCodec.DecodeTokens((byte[])reader[10]),
                Sentences = SegmentCodec.DecodeSentences((byte[])reader[11]),
                Lines = LoadLines(docId),
                AnalysisVersion = reader.GetString(12),
            };
            document.Entities = DemotedLines.Drop(document, LoadEntities(docId), e => e.Span);
            document.Timexes = DemotedLines.Drop(document, LoadTimexes(docId), t => t.Span);
            document.Quantities = DemotedLines.Drop(document, LoadQuantities(docId), q => q.Span);
            document.Events = DemotedLines.Drop(document, LoadEvents(docId), e => e.Triggers[0]);
            yield return (docId, document);
        }
    }

    private Line[] LoadLines(long docId)
    {
        var lines = new List<Line>();
        using var command = Command("SELECT number, start, length, kind, reason, duplicate_of FROM lines WHERE doc_id = $doc ORDER BY number");
        command.Parameters.AddWithValue("$doc", docId);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            lines.Add(new Line(reader.GetInt32(0), new TextSpan(reader.GetInt32(1), reader.GetInt32(2)), Line.ParseKind(reader.GetString(3)),
                reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetInt32(5)));
        return lines.ToArray();
    }

    private EntityMention[] LoadEntities(long docId)
    {
        var list = new List<EntityMention>();
        using var command = Command("SELECT start, length, type FROM entity_mentions WHERE doc_id = $doc ORDER BY start, rowid");
        command.Parameters.AddWithValue("$doc", docId);
        using var reader = command.ExecuteReader();
        while (reader.Read()) list.Add(new EntityMention(new TextSpan(reader.GetInt32(0), reader.GetInt32(1)), reader.GetString(2)));
        return list.ToArray();
    }

    private TimeExpression[] LoadTimexes(long docId)
    {
        var list = new List<TimeExpression>();
        using var command = Command("SELECT start, length, type, value, mod FROM timexes WHERE doc_id = $doc ORDER BY start, rowid");
        command.Parameters.AddWithValue("$doc", docId);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            list.Add(new TimeExpression(new TextSpan(reader.GetInt32(0), reader.GetInt32(1)), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        return list.ToArray();
    }

    private Quantity[] LoadQuantities(long docId)
    {
        var list = new List<Quantity>();
        using var command = Command("SELECT start, length, value, unit, qualifier, role, value_max FROM quantities WHERE doc_id = $doc ORDER BY start, rowid");
        command.Parameters.AddWithValue("$doc", docId);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            list.Add(new Quantity(new TextSpan(reader.GetInt32(0), reader.GetInt32(1)), reader.GetDouble(2), reader.GetString(3), reader.GetString(4),
                Enum.Parse<QuantityRole>(reader.GetString(5), ignoreCase: true)) { ValueMax = reader.IsDBNull(6) ? null : reader.GetDouble(6) });
        return list.ToArray();
    }

    /// <summary>Runs a statement with these parameters; returns the number of rows it changed.</summary>
    private static int Run(SqliteCommand command, params (string Name, object? Value)[] parameters)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction ?? _corpusTransaction;
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _connection.Dispose();
        DeleteUpgradedCopy();
    }
}
