using System.Net;
using Dossier.Storage;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Server.Tests;

/// <summary>A dossier whose reading index is not written is refused, with the way to mend it.</summary>
public sealed class UnservedDossierTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-unserved-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_dossier_no_build_has_indexed_is_refused_naming_the_file_and_the_command_that_mends_it()
    {
        var path = Path.Combine(_folder, "new.dossier");
        SqliteDossierStore.Open(path, create: true).Dispose();
        var error = Assert.Throws<DossierStoreException>(() => DossierServer.Create(path, IPAddress.Loopback, 0));
        Assert.StartsWith($"{path}: its reading index is missing or out of date", error.Message, StringComparison.Ordinal);
        Assert.Contains("run `dossier build` with its inputs again", error.Message, StringComparison.Ordinal);
    }
}
