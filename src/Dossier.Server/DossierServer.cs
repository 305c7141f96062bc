using System.Net;
using System.Reflection;
using Dossier.Core.Search;
using Dossier.Server.Endpoints;
using Dossier.Storage;
using Dossier.Storage.Sqlite;

namespace Dossier.Server;

/// <summary>The read-only HTTP API over one dossier, and the page that explores it. Binds to
/// loopback unless another address is asked for.</summary>
public static class DossierServer
{
    /// <summary>No script, style, font or request from anywhere but this server; no inline script;
    /// so text that slips into markup still cannot run or call out.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static WebApplication Create(string dossierPath, IPAddress address, int port) =>
        Create(() => SqliteDossierStore.OpenReadOnly(dossierPath), dossierPath, address, port);

    /// <param name="openReadOnly">Opens the dossier read-only; called once per concurrent request.</param>
    /// <param name="name">The dossier as messages name it.</param>
    public static WebApplication Create(Func<IDossierStore> openReadOnly, string name, IPAddress address, int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(DossierServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, port));
        // Owned by the container, so it is disposed when the server stops.
        builder.Services.AddSingleton(_ => new StorePool(openReadOnly, name));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Dossier";
            document.Info.Description = "Read-only API over one dossier; JSON shaped like the export (docs/export-format.md).";
            return Task.CompletedTask;
        }));
        var app = builder.Build();
        var stores = app.Services.GetRequiredService<StorePool>();
        // A process's first search loads each language's analysis chain and compiles the search path
        // (300 ms on a 10,000-article dossier, paid by every request arriving meanwhile): paid here, before any request.
        stores.Use(store => store.Search(SearchQuery.Parse("1"), 0, 1));
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
        app.MapOpenApi();
        var api = app.MapGroup("/api");
        DocumentEndpoints.Map(api, stores);
        EntityEndpoints.Map(api, stores);
        CorpusEndpoints.Map(api, stores);
        SearchEndpoints.Map(api, stores);
        api.MapGet("/{**path}", (string path) => Problems.NotFound("endpoint", "/api/" + path)).ExcludeFromDescription();
        MapPage(app);
        return app;
    }

    /// <summary>The page's files, embedded in this assembly.</summary>
    private static void MapPage(WebApplication app)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("wwwroot/", StringComparison.Ordinal))
            .ToDictionary(n => n["wwwroot/".Length..], n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray();
            }, StringComparer.Ordinal);
        app.MapGet("/", () => Results.Bytes(files["index.html"], "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/{file}", (string file) => files.TryGetValue(file, out var bytes)
            ? Results.Bytes(bytes, ContentType(file))
            : Problems.NotFound("file", file)).ExcludeFromDescription();
    }

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
