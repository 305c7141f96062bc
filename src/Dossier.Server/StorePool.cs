using System.Collections.Concurrent;
using Dossier.Storage;

namespace Dossier.Server;

/// <summary>Read-only stores, one per concurrent request: a store's connection is not shared across threads.</summary>
public sealed class StorePool : IDisposable
{
    private readonly ConcurrentBag<IDossierStore> _idle = [];
    private readonly Func<IDossierStore> _open;

    /// <summary>Opens the dossier once to check that it can be served: its reading index is written
    /// and current (a dossier of an older version, or whose last build was stopped, is not).</summary>
    /// <param name="name">The dossier as messages name it (a file's path, a database's URL).</param>
    public StorePool(Func<IDossierStore> open, string name)
    {
        _open = open;
        if (!Use(store => store.BrowseIndexIsCurrent()))
            throw new DossierStoreException($"{name}: its reading index is missing or out of date (made by an older version, or its last build was stopped): run `dossier build` with its inputs again");
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2000", Justification = "The store goes back to the pool, which disposes it.")]
    public T Use<T>(Func<IDossierStore, T> read)
    {
        if (!_idle.TryTake(out var store)) store = _open();
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
