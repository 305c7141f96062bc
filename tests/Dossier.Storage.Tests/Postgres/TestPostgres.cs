using Npgsql;

namespace Dossier.Storage.Tests.Postgres;

/// <summary>The PostgreSQL server of the tests, named by DOSSIER_TEST_POSTGRES (tools/with-postgres
/// starts a throwaway one and sets it). Without it these tests fail, saying so: a store that was
/// not tested must not look tested.</summary>
internal static class TestPostgres
{
    public const string Variable = "DOSSIER_TEST_POSTGRES";

    private static string Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server ? server
        : throw new InvalidOperationException($"{Variable} is not set: the PostgreSQL tests need a server; run the tests as the README says (tools/with-postgres dotnet test …)");

    /// <summary>A fresh database name on the test server, as a connection string; <see cref="Drop"/> removes it.</summary>
    public static string NewDatabase(string purpose) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = $"dossier_{purpose}_{Guid.NewGuid():N}"[..40], Pooling = false }.ConnectionString;

    public static void Drop(string database)
    {
        var settings = new NpgsqlConnectionStringBuilder(database);
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Database = "postgres" }.ConnectionString);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{settings.Database}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    /// <summary>Every row of a database's reading index: each item (kind, id, rank and the digest of all it shows), facet and event vote.</summary>
    public static List<string> BrowseIndex(string database)
    {
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var command = new NpgsqlCommand("""
            SELECT kind || ' ' || id || ' ' || rank || ' ' || md5(concat_ws(E'\x1f', date, weight::text, names, summary, detail)) FROM browse_items ORDER BY kind, id;
            SELECT kind || ' ' || facet || ' ' || rank FROM browse_facets ORDER BY kind, facet, rank;
            SELECT event || ' ' || day || ' ' || doc || ' ' || weight FROM browse_event_votes ORDER BY event, doc;
            """, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        do
            while (reader.Read()) rows.Add(reader.GetString(0));
        while (reader.NextResult());
        return rows;
    }

    public static void Run(string database, string sql)
    {
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
