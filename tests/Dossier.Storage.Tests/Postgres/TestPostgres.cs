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
}
