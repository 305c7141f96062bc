using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>Read-only access, for readers that must never write (the HTTP server): no schema
/// upgrade, and SQLite itself refuses any write.</summary>
public sealed partial class SqliteDossierStore
{
    public static SqliteDossierStore OpenReadOnly(string path)
    {
        if (!File.Exists(path))
            throw new DossierStoreException($"{path}: no such dossier file");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        try
        {
            connection.Open();
            SqliteSchema.RequireCurrent(connection, path);
            return new SqliteDossierStore(connection);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new DossierStoreException($"{path}: cannot be opened as a dossier ({ex.Message})", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
