using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>SQL run on a stored dossier outside its store, for tests that read or change what a store wrote.</summary>
internal static class StoredSql
{
    /// <summary>Drops the reading index: its items, their facets and the state they were written at
    /// (a whole write makes the event votes again).</summary>
    public const string DropReadingIndex = "DELETE FROM browse_items; DELETE FROM browse_facets; DELETE FROM browse_state;";

    /// <summary>An open connection to a dossier file, not pooled, so that the file can be deleted after.</summary>
    public static SqliteConnection Open(string dossier)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dossier, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static void Run(string dossier, string sql)
    {
        using var connection = Open(dossier);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
