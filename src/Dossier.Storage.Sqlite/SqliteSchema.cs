using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>Creates and upgrades the schema of a .dossier file. Versions are the numbered scripts
/// in Migrations/, applied in order, each in its own transaction with PRAGMA user_version.</summary>
internal static class SqliteSchema
{
    /// <summary>"DoSS": marks a SQLite file as a dossier, so that another file is never written to.</summary>
    public const int ApplicationId = 0x446F5353;

    private static readonly (int Version, string Script)[] Migrations = SchemaMigrations.Load(typeof(SqliteSchema).Assembly);

    /// <summary>Work a version's script cannot do in SQL, done after it in the same transaction.</summary>
    private static readonly Dictionary<int, Action<SqliteConnection>> Steps = new() { [50] = PackEventMentions };

    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>Brings the schema to the latest version. The check and every script run in one
    /// exclusive transaction, so that two builds creating the same dossier at once take turns: the
    /// second finds the schema made.</summary>
    public static void Upgrade(SqliteConnection connection, string path)
    {
        if (CheckInSnapshot(connection, path) == LatestVersion) return;
        Execute(connection, "BEGIN EXCLUSIVE");
        try
        {
            var version = Check(connection, path);
            foreach (var (number, script) in Migrations)
            {
                if (number <= version) continue;
                Execute(connection, script);
                if (Steps.TryGetValue(number, out var step)) step(connection);
                Execute(connection, $"PRAGMA application_id = {ApplicationId};\nPRAGMA user_version = {number};");
            }
            Execute(connection, "COMMIT");
        }
        catch
        {
            if (SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0) Execute(connection, "ROLLBACK");
            throw;
        }
    }

    /// <summary>The schema version of a dossier file (0 for a new one); throws for a file of another
    /// application or of a newer version of Dossier.</summary>
    public static long Check(SqliteConnection connection, string path)
    {
        var applicationId = Scalar(connection, "PRAGMA application_id");
        var version = Scalar(connection, "PRAGMA user_version");
        var tables = Scalar(connection, "SELECT count(*) FROM sqlite_master");
        if (applicationId != ApplicationId && tables > 0)
            throw new DossierStoreException($"{path}: not a dossier file (a SQLite database of another application)");
        if (version > LatestVersion)
            throw new DossierStoreException($"{path}: made by a newer version of Dossier (schema {version}; this one knows up to {LatestVersion})");
        return version;
    }

    /// <summary>The check's three reads in one read transaction: read one by one, they could see a
    /// dossier another build is creating half made (tables, but not yet its application id).</summary>
    private static long CheckInSnapshot(SqliteConnection connection, string path)
    {
        Execute(connection, "BEGIN");
        try
        {
            return Check(connection, path);
        }
        finally
        {
            Execute(connection, "COMMIT");
        }
    }

    /// <summary>Schema 50: the event mentions stored a row each, packed a document each (none to pack when the
    /// scripts run again over a file whose version was set back).</summary>
    private static void PackEventMentions(SqliteConnection connection)
    {
        if (Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'event_mentions'") == 0) return;
        using var rows = connection.CreateCommand();
        rows.CommandText = """
            SELECT doc_id, triggers, class, status, sentence, framed, time_value, time_inferred, time_start, time_length, participants, place_start, place_length
            FROM event_mentions ORDER BY doc_id, start, rowid
            """;
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO packed_event_mentions (doc_id, mentions) VALUES ($doc, $mentions)";
        var document = insert.Parameters.Add("$doc", SqliteType.Integer);
        var mentions = insert.Parameters.Add("$mentions", SqliteType.Blob);
        using var reader = rows.ExecuteReader();
        EventMentionCodec.PackRows(reader, (id, packed) =>
        {
            document.Value = id;
            mentions.Value = packed;
            insert.ExecuteNonQuery();
        });
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
