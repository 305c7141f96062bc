using System.Net;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Storage;
using Dossier.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Dossier.Server.Tests;

/// <summary>A dossier built from input files and served on a free loopback port, as `dossier serve` does.</summary>
public abstract class ServedDossier : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-server-").FullName;
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public string DossierFile => Path.Combine(_folder, "served.dossier");

    /// <summary>The files or folders to build the dossier from, written into <paramref name="folder"/> if needed.</summary>
    protected abstract IReadOnlyList<string> Inputs(string folder);

    public async Task InitializeAsync()
    {
        using (var store = SqliteDossierStore.Open(DossierFile, create: true))
        {
            new DossierBuilder(store, DocumentPipeline.CreateDefault(), InputReader.CreateDefault()).Build(Inputs(_folder));
            Built(store);
        }
        _app = DossierServer.Create(DossierFile, IPAddress.Loopback, 0);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary>What a fixture does to the built dossier before it is served.</summary>
    protected virtual void Built(SqliteDossierStore store)
    {
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    public static string Repository([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));
}

/// <summary>The five sample articles of the repository.</summary>
public sealed class SampleDossier : ServedDossier
{
    protected override IReadOnlyList<string> Inputs(string folder) => [Path.Combine(Repository(), "samples")];
}
