using System.Globalization;
using Dossier.Core.Clean;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>The embedded store: one SQLite file per dossier. Writes are transactions of whole
/// documents with the rollback journal (no side files once closed), so a process killed at any
/// point leaves the last committed state.</summary>
public sealed partial class SqliteDossierStore : IDossierStore
{
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
            // A writer's page cache of 64 MB, not 2: writing the reading index appends to the ends of some
            // thousand index ranges at once (one per part of a name), which a small cache reads and writes
            // again and again (10,000 articles: index written in 36 s instead of 52, at load 25).
            Execute(connection, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL; PRAGMA cache_size = -65536;");
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
            insert.Parameters.AddWithValue("$hints", StoredJson.Write(source.Hints));
            insert.Parameters.AddWithValue("$text", source.Text);
            insert.Parameters.AddWithValue("$language", document.Language);
            insert.Parameters.AddWithValue("$title", (object?)meta.Title?.Value ?? DBNull.Value);
            insert.Parameters.AddWithValue("$published", (object?)meta.Published?.Value ?? DBNull.Value);
            insert.Parameters.AddWithValue("$outlet", (object?)meta.Outlet?.Value ?? DBNull.Value);
            insert.Parameters.AddWithValue("$metadata", StoredJson.Write(meta));
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
                WHERE fingerprint IN (SELECT fingerprint FROM recurring_candidates) AND own_kind = 'content' AND length <= $max
                GROUP BY fingerprint HAVING count(DISTINCT doc_id) >= $min;
            """, transaction);
        command.Parameters.AddWithValue("$min", minDocuments);
        command.Parameters.AddWithValue("$max", maxLineLength);
        command.ExecuteNonQuery();
        // Only lines of a fingerprint that came or went since the last time can change kind.
        // Two statements, each counted on its own: changes() would see only the last one.
        using var restore = Command("""
            UPDATE lines SET kind = own_kind, reason = own_reason
                WHERE fingerprint IN (SELECT fingerprint FROM recurring_candidates) AND kind <> own_kind
                  AND fingerprint NOT IN (SELECT fingerprint FROM temp.recurring)
            """, transaction);
        using var demote = Command("""
            UPDATE lines SET kind = 'boilerplate',
                             reason = 'recurs in ' || (SELECT documents FROM temp.recurring r WHERE r.fingerprint = lines.fingerprint) || ' documents'
                WHERE own_kind = 'content' AND length <= $max AND kind = 'content'
                  AND fingerprint IN (SELECT fingerprint FROM temp.recurring)
            """, transaction);
        demote.Parameters.AddWithValue("$max", maxLineLength);
        var changed = restore.ExecuteNonQuery() + demote.ExecuteNonQuery();
        using (var taken = Command("DELETE FROM recurring_candidates", transaction))
            taken.ExecuteNonQuery();
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
            var meta = StoredJson.Metadata(reader.GetString(4));
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

    public AnalysedDocument? Load(long id) => ReadStored([id]).Select(stored => stored.Shown()).FirstOrDefault();

    public IEnumerable<(long Id, AnalysedDocument Document)> LoadAll() => ReadStored(null).Select(stored => (stored.Id, stored.Shown()));

    public IEnumerable<(long Id, AnalysedDocument Document, int Tokens)> LoadAllToShow() =>
        ReadStored(null, toShow: true).Select(stored => (stored.Id, stored.Shown(), stored.TokenCount));

    public IEnumerable<(long Id, AnalysedDocument Document, int Tokens)> LoadToShow(IReadOnlyCollection<long> ids) =>
        ReadStored(ids, toShow: true).Select(stored => (stored.Id, stored.Shown(), stored.TokenCount));

    public IEnumerable<(long Id, AnalysedDocument Document, int Tokens)> LoadToShow(IReadOnlyCollection<long> ids, IReadOnlySet<string> layers) =>
        ReadStored(ids, toShow: true, layers).Select(stored => (stored.Id, stored.Shown(), stored.TokenCount));

    /// <summary>Documents as stored, in id order, without their sources (<see cref="ReadStoredDocuments"/> adds them).
    /// Each layer is one query over the documents read, in document order, taken a document at a time as
    /// the documents are: reading every document costs five queries, not five per document. Segmentation and
    /// event mentions are packed, read with their document's row.</summary>
    /// <param name="ids">The documents to read, or null for all.</param>
    /// <param name="toShow">Without the tokens (their count only) and entity mentions (<see cref="LoadAllToShow"/>).</param>
    /// <param name="layers">The layers to read (<see cref="Layers"/>; text, language, metadata and lines always are), or null for all.</param>
    private IEnumerable<StoredDocument> ReadStored(IReadOnlyCollection<long>? ids, bool toShow = false, IReadOnlySet<string>? layers = null)
    {
        if (ids is { Count: 0 }) yield break;
        bool Wanted(string layer) => layers is null || layers.Contains(layer);
        var tokenCount = toShow || !Wanted(Layers.Tokens);
        SqliteCommand Query(string sql)
        {
            var command = Command(sql);
            if (ids is not null) command.Parameters.AddWithValue("$ids", "[" + string.Join(',', ids) + "]");
            return command;
        }
        const string wanted = "IN (SELECT value FROM json_each($ids))";
        var (where, layerWhere) = ids is null ? ("", "") : ($"WHERE d.id {wanted}", $"WHERE doc_id {wanted}");
        using var lines = new LayerRows<(Line Shown, Line Own)>(Query($"SELECT number, start, length, kind, reason, duplicate_of, own_kind, own_reason, doc_id FROM lines {layerWhere} ORDER BY doc_id, number"),
            reader => (LineOf(reader, 3), LineOf(reader, 6)));
        using var entities = toShow || !Wanted(Layers.Entities) ? null : new LayerRows<EntityMention>(Query($"SELECT start, length, type, doc_id FROM entity_mentions {layerWhere} ORDER BY doc_id, start, rowid"),
            reader => StoredRows.Entity(reader, 0));
        using var timexes = !Wanted(Layers.Timexes) ? null : new LayerRows<TimeExpression>(Query($"SELECT start, length, type, value, mod, doc_id FROM timexes {layerWhere} ORDER BY doc_id, start, rowid"),
            reader => StoredRows.Timex(reader, 0));
        using var quantities = !Wanted(Layers.Quantities) ? null : new LayerRows<Quantity>(Query($"SELECT start, length, value, unit, qualifier, role, value_max, doc_id FROM quantities {layerWhere} ORDER BY doc_id, start, rowid"),
            reader => StoredRows.Quantity(reader, 0));
        using var command = Query($"""
            SELECT d.id, d.source_key, d.path, d.format, d.content_hash, d.encoding, d.hints, d.text, d.language, d.metadata, {(tokenCount ? "length(s.tokens)" : "s.tokens")}, s.sentences, d.ingested_at, d.analysis_version, {(Wanted(Layers.Events) ? "e.mentions" : "NULL")}
            FROM documents d JOIN segments s ON s.doc_id = d.id LEFT JOIN packed_event_mentions e ON e.doc_id = d.id {where} ORDER BY d.id
            """);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var docId = reader.GetInt64(0);
            var source = new SourceDocument(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(7), reader.GetString(5), StoredJson.Hints(reader.GetString(6)));
            var documentLines = lines.Of(docId);
            var document = new AnalysedDocument(source)
            {
                Language = reader.GetString(8),
                Metadata = StoredJson.Metadata(reader.GetString(9)),
                Tokens = tokenCount ? [] : SegmentCodec.DecodeTokens((byte[])reader[10]),
                Sentences = Wanted(Layers.Sentences) ? SegmentCodec.DecodeSentences((byte[])reader[11]) : [],
                Lines = Array.ConvertAll(documentLines, l => l.Own),
                Entities = entities?.Of(docId) ?? [],
                Timexes = timexes?.Of(docId) ?? [],
                Quantities = quantities?.Of(docId) ?? [],
                Events = reader.IsDBNull(14) ? [] : EventMentionCodec.Decode((byte[])reader[14]),
                AnalysisVersion = reader.GetString(13),
            };
            yield return new StoredDocument(docId, document, Array.ConvertAll(documentLines, l => l.Shown), [], DateTimeOffset.Parse(reader.GetString(12), CultureInfo.InvariantCulture))
            {
                TokenCount = tokenCount ? SegmentCodec.TokenCount(reader.GetInt64(10)) : document.Tokens.Length,
            };
        }
    }

    /// <summary>The rows of one layer (its document's id in the last column), in document order, read
    /// along with the documents: <see cref="Of"/> is asked for each document in turn.</summary>
    private sealed class LayerRows<T> : IDisposable
    {
        private readonly SqliteCommand _command;
        private readonly SqliteDataReader _reader;
        private readonly Func<SqliteDataReader, T> _read;
        private readonly int _document;
        private bool _more;

        public LayerRows(SqliteCommand command, Func<SqliteDataReader, T> read)
        {
            (_command, _read) = (command, read);
            _reader = command.ExecuteReader();
            _document = _reader.FieldCount - 1;
            _more = _reader.Read();
        }

        /// <summary>The rows of a document after those asked for before it.</summary>
        public T[] Of(long document)
        {
            while (_more && _reader.GetInt64(_document) < document) _more = _reader.Read();
            var rows = new List<T>();
            while (_more && _reader.GetInt64(_document) == document)
            {
                rows.Add(_read(_reader));
                _more = _reader.Read();
            }
            return rows.ToArray();
        }

        public void Dispose()
        {
            _reader.Dispose();
            _command.Dispose();
        }
    }

    /// <summary>A row of <c>lines</c> read as number, start, length, …, duplicate_of (columns 0-2 and 5),
    /// with the kind and reason at <paramref name="kindColumn"/> and the next column.</summary>
    private static Line LineOf(SqliteDataReader reader, int kindColumn) =>
        new(reader.GetInt32(0), new TextSpan(reader.GetInt32(1), reader.GetInt32(2)), Line.ParseKind(reader.GetString(kindColumn)),
            reader.GetString(kindColumn + 1), reader.IsDBNull(5) ? null : reader.GetInt32(5));

    /// <summary>Runs a statement with these parameters; returns the number of rows it changed.</summary>
    private static int Run(SqliteCommand command, params (string Name, object? Value)[] parameters) => Bind(command, parameters).ExecuteNonQuery();

    /// <summary>The command with these parameters in place of those it had.</summary>
    private static SqliteCommand Bind(SqliteCommand command, (string Name, object? Value)[] parameters)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction ?? _corpusTransaction ?? _browseTransaction;
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
