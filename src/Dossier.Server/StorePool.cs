using System.Collections.Concurrent;
using Dossier.Storage;

namespace Dossier.Server;

/// <summary>Read-only stores, one per concurrent request: a store's connection is not shared across threads.</summary>
public sealed class StorePool(Func<IDossierStore> open) : IDisposable
{
    private readonly ConcurrentBag<IDossierStore> _idle = [];

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2000", Justification = "The store goes back to the pool, which disposes it.")]
    public T Use<T>(Func<IDossierStore, T> read)
    {
        if (!_idle.TryTake(out var store)) store = open();
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
