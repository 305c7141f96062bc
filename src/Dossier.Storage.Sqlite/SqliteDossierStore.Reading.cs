using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>Opening a dossier only to read it.</summary>
public sealed partial class SqliteDossierStore
{
    /// <summary>A copy made to read a dossier of an older schema, deleted on dispose.</summary>
    private string? _upgradedCopy;

    /// <summary>Opens a dossier file read-only: it is never created nor changed (an empty file is
    /// not a dossier). A dossier of an older schema is read from an upgraded copy in the temporary
    /// folder; one left with the journal of an interrupted build is first rolled back to its last
    /// committed state, as any SQLite writer would.</summary>
    public static SqliteDossierStore OpenReadOnly(string path)
    {
        if (Directory.Exists(path))
            throw new DossierStoreException($"{path}: is a folder, not a dossier file");
        if (!File.Exists(path))
            throw new DossierStoreException($"{path}: no such dossier file");
        if (new FileInfo(path).Length == 0)
            throw new DossierStoreException($"{path}: empty file, not a dossier");
        if (File.Exists(path + "-journal"))
            Connect(path, SqliteOpenMode.ReadWrite, LockWait).Dispose();
        var connection = Connect(path, SqliteOpenMode.ReadOnly, LockWait);
        var current = Guarded(connection, path, () =>
        {
            var version = SqliteSchema.Check(connection, path);
            if (version == 0)
                throw new DossierStoreException($"{path}: not a dossier file (an empty SQLite database)");
            return version == SqliteSchema.LatestVersion;
        });
        if (current) return new SqliteDossierStore(connection);
        connection.Dispose();
        var copy = Path.Combine(Path.GetTempPath(), $"dossier-{Guid.NewGuid():N}.dossier");
        File.Copy(path, copy);
        var store = Open(copy, create: false);
        store._upgradedCopy = copy;
        return store;
    }

    private void DeleteUpgradedCopy()
    {
        if (_upgradedCopy is null) return;
        File.Delete(_upgradedCopy);
        _upgradedCopy = null;
    }
}
