using System.Globalization;
using Npgsql;

namespace Dossier.Storage.Postgres;

/// <summary>Creates and upgrades the schema of a PostgreSQL dossier. Versions are the numbered
/// scripts in Migrations/, applied in order in one transaction (PostgreSQL's DDL is transactional)
/// under an advisory lock, so that workers starting together take turns and the second finds the
/// schema made.</summary>
internal static class PostgresSchema
{
    /// <summary>"DoSS", as the SQLite file's application id: the advisory lock of schema changes.</summary>
    private const long SchemaLock = 0x446F5353;

    private static readonly (int Version, string Script)[] Migrations = SchemaMigrations.Load(typeof(PostgresSchema).Assembly);

    /// <summary>Work a version's script cannot do in SQL, done after it in the same transaction.</summary>
    private static readonly Dictionary<int, Action<NpgsqlConnection>> Steps = new() { [20] = PackEventMentions };

    public static int LatestVersion => Migrations[^1].Version;

    public static void Upgrade(NpgsqlConnection connection, string display)
    {
        if (Check(connection, display) == LatestVersion) return;
        using var transaction = connection.BeginTransaction();
        Execute(connection, $"SELECT pg_advisory_xact_lock({SchemaLock})");
        var version = Check(connection, display);
        if (version == 0)
            Execute(connection, "CREATE TABLE dossier_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
        foreach (var (number, script) in Migrations)
        {
            if (number <= version) continue;
            Execute(connection, script);
            if (Steps.TryGetValue(number, out var step)) step(connection);
            Execute(connection, $"INSERT INTO dossier_schema (version) VALUES ({number.ToString(CultureInfo.InvariantCulture)})");
        }
        transaction.Commit();
    }

    /// <summary>The schema version of the database (0 for an empty one); throws for a database of
    /// another application or of a newer version of Dossier.</summary>
    public static int Check(NpgsqlConnection connection, string display)
    {
        // One statement, one snapshot: read one after the other, the two could straddle another
        // process's commit of a new schema (no mark yet, then its tables).
        using (var command = new NpgsqlCommand("SELECT to_regclass('dossier_schema') IS NOT NULL, (SELECT count(*) FROM pg_tables WHERE schemaname = current_schema())", connection))
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            if (!reader.GetBoolean(0))
            {
                var tables = reader.GetInt64(1);
                if (tables > 0) throw new DossierStoreException($"{display}: not a dossier (the database holds {tables} tables of another application)");
                return 0;
            }
        }
        var version = Scalar(connection, "SELECT coalesce(max(version), 0) FROM dossier_schema") is int v ? v : 0;
        if (version > LatestVersion)
            throw new DossierStoreException($"{display}: made by a newer version of Dossier (schema {version}; this one knows up to {LatestVersion})");
        return version;
    }

    /// <summary>Schema 20: the event mentions stored a row each, packed a document each (none to pack when the
    /// scripts run again over a database whose version was set back). The rows are read whole before the
    /// first is written: a connection runs one command at a time.</summary>
    private static void PackEventMentions(NpgsqlConnection connection)
    {
        if (Scalar(connection, "SELECT to_regclass('event_mentions') IS NULL") is true) return;
        var packed = new List<(long Document, byte[] Events)>();
        using (var rows = new NpgsqlCommand("""
            SELECT doc_id, triggers, class, status, sentence, framed, time_value, time_inferred, time_start, time_length, participants, place_start, place_length
            FROM event_mentions ORDER BY doc_id, start, ordinal
            """, connection))
        using (var reader = rows.ExecuteReader())
            EventMentionCodec.PackRows(reader, (id, events) => packed.Add((id, events)));
        using var insert = new NpgsqlCommand("INSERT INTO packed_event_mentions (doc_id, mentions) VALUES (@doc, @mentions)", connection);
        var document = insert.Parameters.Add("doc", NpgsqlTypes.NpgsqlDbType.Bigint);
        var mentions = insert.Parameters.Add("mentions", NpgsqlTypes.NpgsqlDbType.Bytea);
        foreach (var (id, blob) in packed)
        {
            document.Value = id;
            mentions.Value = blob;
            insert.ExecuteNonQuery();
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }
}
