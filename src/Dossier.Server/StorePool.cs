using System.Collections.Concurrent;
using Dossier.Storage;
using Dossier.Storage.Sqlite;

namespace Dossier.Server;

/// <summary>Read-only stores, one per concurrent request: a SQLite connection is not shared across threads.</summary>
public sealed class StorePool : IDisposable
{
    private readonly ConcurrentBag<SqliteDossierStore> _idle = [];
    private readonly string _path;

    /// <summary>Opens the dossier once to check that it can be served: its reading index is written
    /// and current (a dossier of an older version, or whose last build was stopped, is not).</summary>
    public StorePool(string path)
    {
        _path = path;
        if (!Use(store => store.BrowseIndexIsCurrent()))
            throw new DossierStoreException($"{path}: its reading index is missing or out of date (made by an older version, or its last build was stopped): run `dossier build` with its inputs again");
    }

    public T Use<T>(Func<IDossierStore, T> read)
    {
        var store = _idle.TryTake(out var idle) ? idle : SqliteDossierStore.OpenReadOnly(_path);
        try
        {
            return read(store);
        }
        finally
        {
            _idle.Add(store);
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var store)) store.Dispose();
    }
}
