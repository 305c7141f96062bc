using Dossier.Core.Model;
using Npgsql;

namespace Dossier.Storage.Postgres;

/// <summary>The server store: a dossier in a PostgreSQL database, for dossiers larger than one file
/// is comfortable with and for several writers. Every write is a transaction of whole documents;
/// bulk rows go in with COPY.</summary>
public sealed partial class PostgresDossierStore : IDossierStore
{
    private readonly NpgsqlConnection _connection;
    private readonly PostgresLocation _location;

    private PostgresDossierStore(NpgsqlConnection connection, PostgresLocation location)
    {
        _connection = connection;
        _location = location;
    }

    /// <summary>The connection to the server is gone (the server restarted, the network failed): what
    /// failed was not the work, which can be done again once <see cref="Reconnect"/> succeeds.</summary>
    public bool ConnectionLost => !_connection.FullState.HasFlag(System.Data.ConnectionState.Open);

    /// <summary>Opens the connection again; false while the server cannot be reached.</summary>
    public bool Reconnect()
    {
        try
        {
            _connection.Close();
            _connection.Open();
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Opens a dossier database for writing, upgrading its schema; with
    /// <paramref name="create"/>, a database that does not exist yet is created first.</summary>
    public static PostgresDossierStore Open(string store, bool create)
    {
        var location = PostgresLocation.Parse(store);
        var connection = Connect(location, create);
        return Guarded(connection, location, () =>
        {
            PostgresSchema.Upgrade(connection, location.Display);
            return new PostgresDossierStore(connection, location);
        });
    }

    /// <summary>Opens a dossier database only to read it: every transaction of the session is read-only.</summary>
    public static PostgresDossierStore OpenReadOnly(string store)
    {
        var location = PostgresLocation.Parse(store);
        var connection = Connect(location, create: false);
        return Guarded(connection, location, () =>
        {
            var version = PostgresSchema.Check(connection, location.Display);
            if (version == 0) throw new DossierStoreException($"{location.Display}: not a dossier (an empty database)");
            if (version < PostgresSchema.LatestVersion)
                throw new DossierStoreException($"{location.Display}: schema {version} is older than this version's {PostgresSchema.LatestVersion}; `dossier build` with this store upgrades it");
            using var readOnly = new NpgsqlCommand("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY", connection);
            readOnly.ExecuteNonQuery();
            return new PostgresDossierStore(connection, location);
        });
    }

    private static NpgsqlConnection Connect(PostgresLocation location, bool create)
    {
        try
        {
            return OpenConnection(location);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName && create)
        {
            CreateDatabase(location);
            return OpenConnection(location);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new DossierStoreException(PostgresFailure.Describe(location, ex), ex);
        }
    }

    private static NpgsqlConnection OpenConnection(PostgresLocation location)
    {
        var connection = new NpgsqlConnection(location.Settings.ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Creates the database from the server's maintenance database; one created meanwhile by another process is fine.</summary>
    private static void CreateDatabase(PostgresLocation location)
    {
        try
        {
            using var maintenance = OpenConnection(location.WithDatabase("postgres"));
            using var command = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(location.Database)}", maintenance);
            command.ExecuteNonQuery();
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Created meanwhile by another process (two workers starting at once meet on the catalog's unique index).
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new DossierStoreException(PostgresFailure.Describe(location, ex), ex);
        }
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Runs the first steps on a new connection: on any failure the connection is closed,
    /// and a PostgreSQL error becomes one line naming the database.</summary>
    private static T Guarded<T>(NpgsqlConnection connection, PostgresLocation location, Func<T> steps)
    {
        try
        {
            return steps();
        }
        catch (Exception ex) when (ex is NpgsqlException)
        {
            connection.Dispose();
            throw new DossierStoreException(PostgresFailure.Describe(location, ex), ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public int Save(IReadOnlyList<AnalysedDocument> documents)
    {
        using var transaction = _connection.BeginTransaction();
        TakeWriterLock();
        var replaced = 0;
        foreach (var document in documents)
            if (DetachSource(document.Source.SourceKey).Existed) replaced++;
        var ids = NewDocumentIds(documents.Count);
        var now = DateTimeOffset.UtcNow;
        WriteDocuments(documents.Select((document, i) => new StoredDocument(ids[i], document, document.Lines,
            [new StoredSource(document.Source.SourceKey, document.Source.FilePath, document.Source.Path, ids[i], document.Source.ContentHash)], now)).ToArray());
        transaction.Commit();
        return replaced;
    }

    /// <summary>Ids for new documents, in the order asked: they follow the order of the inputs.</summary>
    private long[] NewDocumentIds(int count)
    {
        using var command = Command("SELECT nextval(pg_get_serial_sequence('documents', 'id')) FROM generate_series(1, @count) ORDER BY 1");
        command.Parameters.AddWithValue("count", count);
        return ReadAll(command, reader => reader.GetInt64(0)).ToArray();
    }

    public int ApplyCorpusBoilerplate(int minDocuments, int maxLineLength)
    {
        using var transaction = _connection.BeginTransaction();
        using (var recurring = Command("""
            CREATE TEMP TABLE recurring ON COMMIT DROP AS
                SELECT fingerprint, count(DISTINCT doc_id) AS documents FROM lines
                WHERE own_kind = 'content' AND length <= @max
                GROUP BY fingerprint HAVING count(DISTINCT doc_id) >= @min;
            CREATE UNIQUE INDEX ON recurring (fingerprint);
            """))
        {
            recurring.Parameters.AddWithValue("min", minDocuments);
            recurring.Parameters.AddWithValue("max", maxLineLength);
            recurring.ExecuteNonQuery();
        }
        using var restore = Command("""
            UPDATE lines SET kind = own_kind, reason = own_reason
                WHERE kind <> own_kind AND NOT EXISTS (SELECT 1 FROM recurring r WHERE r.fingerprint = lines.fingerprint)
            """);
        using var demote = Command("""
            UPDATE lines SET kind = 'boilerplate', reason = 'recurs in ' || r.documents || ' documents'
                FROM recurring r
                WHERE r.fingerprint = lines.fingerprint AND lines.own_kind = 'content' AND lines.length <= @max AND lines.kind = 'content'
            """);
        demote.Parameters.AddWithValue("max", maxLineLength);
        var changed = restore.ExecuteNonQuery() + demote.ExecuteNonQuery();
        transaction.Commit();
        return changed;
    }

    public IReadOnlyList<DocumentSummary> ListDocuments()
    {
        using var command = Command("SELECT id, path, language, title, metadata, outlet FROM documents ORDER BY id");
        return ReadAll(command, reader => new DocumentSummary(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3), StoredJson.Metadata(reader.GetString(4)).Published, reader.IsDBNull(5) ? null : reader.GetString(5)));
    }

    public long? FindDocument(string reference)
    {
        if (DocumentIds.Parse(reference) is { } id)
        {
            using var byId = Command("SELECT id FROM documents WHERE id = @id");
            byId.Parameters.AddWithValue("id", id);
            if (byId.ExecuteScalar() is long found) return found;
        }
        // The reference is compared as text, its LIKE wildcards included, as in the file store.
        using var command = Command("""
            SELECT id FROM documents WHERE path = @ref OR source_key = @ref OR path LIKE '%/' || @ref OR path LIKE @ref || '#%'
            ORDER BY id LIMIT 1
            """);
        command.Parameters.AddWithValue("ref", reference);
        return command.ExecuteScalar() is long match ? match : null;
    }

    /// <summary>Writers hold this lock shared until they commit; a corpus run takes it alone for an
    /// instant to see every change logged before it (see <see cref="BeginCorpusRun"/>).</summary>
    private void TakeWriterLock() => Execute($"SELECT pg_advisory_xact_lock_shared({ChangeLogLock})");

    private const long ChangeLogLock = 0x446F5354;

    private NpgsqlCommand Command(string sql) => new(sql, _connection);

    private void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command.ExecuteScalar();
    }

    private static List<T> ReadAll<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> row)
    {
        var list = new List<T>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) list.Add(row(reader));
        return list;
    }

    public void Dispose() => _connection.Dispose();
}
