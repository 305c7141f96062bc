using System.Collections.Concurrent;
using Dossier.Storage;
using Dossier.Storage.Sqlite;

namespace Dossier.Server;

/// <summary>Read-only stores, one per concurrent request: a SQLite connection is not shared across threads.</summary>
public sealed class StorePool(string path) : IDisposable
{
    private readonly ConcurrentBag<SqliteDossierStore> _idle = [];

    public T Use<T>(Func<IDossierStore, T> read)
    {
        var store = _idle.TryTake(out var idle) ? idle : SqliteDossierStore.OpenReadOnly(path);
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
