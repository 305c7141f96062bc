using Dossier.Storage.Tests.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dossier.Cli.Tests;

/// <summary>The classes that build through the command line into PostgreSQL run one after the other:
/// each build analyses articles on every core, and together they would starve each other.</summary>
[CollectionDefinition(Collection)]
public sealed class PostgresCommands
{
    public const string Collection = "PostgreSQL commands";
}

/// <summary>The seeds and ten real articles built once into a dossier file, for the tests to compare with.</summary>
public sealed class SeedsAndArticlesFile : IDisposable
{
    public SeedsAndArticlesFile()
    {
        Articles = Path.Combine(Folder, "articles.jsonl");
        File.WriteAllLines(Articles, File.ReadLines(Path.Combine(DossierProcess.SharedData, "corpus-fr", "orangesum-5k.jsonl")).Take(10));
        Assert.Equal(0, DossierProcess.Run(Folder, ["build", .. Seeds, Articles, "-o", "file.dossier"]).ExitCode);
    }

    public string Folder { get; } = Directory.CreateTempSubdirectory("dossier-cli-postgres-").FullName;

    public string Articles { get; }

    public static string[] Seeds => Directory.GetFiles(Path.Combine(Path.GetDirectoryName(DossierProcess.SharedData)!, "seeds"), "*.txt").Order(StringComparer.Ordinal).ToArray();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>`--store` and `migrate` with a PostgreSQL database, run as a user would, against the same
/// verbs on a dossier file: the seeds and ten real articles. (The store's own tests compare larger builds.)</summary>
[Collection(PostgresCommands.Collection)]
public sealed class PostgresCommandTests(SeedsAndArticlesFile file) : IClassFixture<SeedsAndArticlesFile>, IDisposable
{
    private readonly string _folder = file.Folder;
    private readonly List<string> _databases = [];

    public void Dispose()
    {
        foreach (var database in _databases) TestPostgres.Drop(database);
    }

    /// <summary>A fresh database as a postgres:// URL, the form a user types.</summary>
    private string DatabaseUrl(string purpose)
    {
        var database = TestPostgres.NewDatabase(purpose);
        _databases.Add(database);
        var settings = new NpgsqlConnectionStringBuilder(database);
        return $"postgres://{settings.Username}@{settings.Host}:{settings.Port}/{settings.Database}";
    }

    private string Export(params string[] dossier)
    {
        var output = $"export-{Guid.NewGuid():N}.json";
        var result = DossierProcess.Run(_folder, ["export", .. dossier, "--format", "json", "-o", output]);
        Assert.True(result.ExitCode == 0, result.Error);
        return File.ReadAllText(Path.Combine(_folder, output));
    }

    [Fact]
    public void Migrate_copies_the_file_into_postgres_and_both_export_the_same_json()
    {
        var url = DatabaseUrl("migrate");
        var result = DossierProcess.Run(_folder, "migrate", "file.dossier", "--to", url);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.EndsWith(": 15 documents copied from file.dossier", result.Out.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(Export("file.dossier"), Export("--store", url));

        var again = DossierProcess.Run(_folder, "migrate", "file.dossier", "--to", url);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already holds documents", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_with_store_then_the_reading_verbs_print_what_they_print_for_the_file()
    {
        var url = DatabaseUrl("build");
        var build = DossierProcess.Run(_folder, ["build", .. SeedsAndArticlesFile.Seeds, file.Articles, "--store", url]);
        Assert.True(build.ExitCode == 0, build.Error);
        Assert.Equal(Export("file.dossier"), Export("--store", url));
        foreach (var verb in new[] { "timeline", "entities" })
            Assert.Equal(DossierProcess.Run(_folder, verb, "file.dossier").Out, DossierProcess.Run(_folder, verb, "--store", url).Out);
        Assert.Equal(DossierProcess.Run(_folder, "show", "file.dossier", "d3").Out, DossierProcess.Run(_folder, "show", "--store", url, "d3").Out);

        // The same documents match; PostgreSQL ranks them by ts_rank, the file by BM25.
        var search = DossierProcess.Run(_folder, "search", "--store", url, "Soleimani");
        Assert.Equal(0, search.ExitCode);
        Assert.Contains("d5 L'armée américaine reprend ses opérations", search.Out, StringComparison.Ordinal);
        Assert.Equal(Matched(DossierProcess.Run(_folder, "search", "file.dossier", "Soleimani").Out), Matched(search.Out));
    }

    [Fact]
    public async Task Serve_with_store_answers_the_api_as_it_does_for_the_file()
    {
        var url = DatabaseUrl("serve");
        var migrate = DossierProcess.Run(_folder, "migrate", "file.dossier", "--to", url);
        Assert.True(migrate.ExitCode == 0, migrate.Error);
        string[] lists = ["api/documents?language=fr&size=5", "api/documents?from=2016&to=2016-12", "api/entities?type=PER&q=carter", "api/entities?q=bp",
            "api/events?top=20", "api/series", "api/stories?size=5", "api/duplicates", "api/entities/e1", "api/documents/d99"];
        var (fileLists, fileSearch) = await Answers(["file.dossier"], lists);
        var (storeLists, storeSearch) = await Answers(["--store", url], lists);
        Assert.Equal(fileLists, storeLists);
        // The same documents match; PostgreSQL ranks them by ts_rank, the file by BM25.
        Assert.Equal(fileSearch, storeSearch);
        Assert.Contains("\"name\":\"Ashton Carter\"", storeLists[2], StringComparison.Ordinal);
        Assert.Equal("application/problem+json 404 ", storeLists[^1]);
    }

    /// <summary>What `serve` answers for each path (content type, status and body when found), and the documents
    /// a search for "Etat islamique" finds with their count.</summary>
    private async Task<(string[] Lists, string Search)> Answers(string[] dossier, string[] paths)
    {
        using var server = DossierProcess.Start(_folder, ["serve", .. dossier, "--port", "0"]);
        try
        {
            var serving = await server.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException(await server.StandardError.ReadToEndAsync());
            using var http = new HttpClient { BaseAddress = new Uri(serving.Split(' ')[3]) };
            var answers = new List<string>();
            foreach (var path in paths)
            {
                using var response = await http.GetAsync(path);
                // A problem's body names its request (traceId): its type and status are compared.
                var body = response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : "";
                answers.Add($"{response.Content.Headers.ContentType?.MediaType} {(int)response.StatusCode} {body}");
            }
            using var search = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("api/search?q=Etat%20islamique&size=50"));
            var found = search.RootElement.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("doc").GetString()).Order(StringComparer.Ordinal);
            return (answers.ToArray(), $"{search.RootElement.GetProperty("total").GetInt32()}: {string.Join(' ', found)}");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    /// <summary>The documents a search printed ("d5 title" lines) and its closing count.</summary>
    private static string Matched(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToArray();
        return string.Join(' ', lines.Where(l => l.StartsWith('d')).Select(l => l[..l.IndexOf(' ', StringComparison.Ordinal)]).Order(StringComparer.Ordinal)) + " / " + lines[^1];
    }

    [Fact]
    public void A_dossier_named_twice_or_a_missing_database_is_one_error_line_and_exit_code_2()
    {
        var url = DatabaseUrl("missing");
        var missing = DossierProcess.Run(_folder, "timeline", "--store", url);
        Assert.Equal(2, missing.ExitCode);
        Assert.EndsWith($"/{url[(url.LastIndexOf('/') + 1)..]}: no such database", missing.Error.TrimEnd(), StringComparison.Ordinal);

        var twice = DossierProcess.Run(_folder, "export", "file.dossier", "--store", url);
        Assert.Equal(2, twice.ExitCode);
        Assert.Equal("error: name the dossier once: a dossier file or --store, not both", twice.Error.TrimEnd());
    }
}
