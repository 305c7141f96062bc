using System.Text.Json;
using System.Text.RegularExpressions;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Core.Search;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>The seeds (French) and 60 BBC articles on H1N1 (English), each built once into a dossier.</summary>
public sealed class SearchDossiers : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-search-").FullName;

    public SearchDossiers()
    {
        Seeds = Build("seeds", Path.Combine(Repository(), "samples"));
        var articles = JsonSerializer.Deserialize<JsonElement[]>(File.ReadAllText(Path.Combine(Repository(), "..", "shared", "data", "timeline-en", "H1N1_bbc", "articles.json")))!;
        var input = Path.Combine(_folder, "h1n1.jsonl");
        File.WriteAllLines(input, articles.Take(60).Select(a => JsonSerializer.Serialize(new
        {
            id = a.GetProperty("uid").GetString(),
            published = a.GetProperty("dct").GetString(),
            text = a.GetProperty("text").GetString(),
        })));
        English = Build("h1n1", input);
    }

    public SqliteDossierStore Seeds { get; }
    public SqliteDossierStore English { get; }

    private SqliteDossierStore Build(string name, string input)
    {
        var store = SqliteDossierStore.Open(Path.Combine(_folder, name + ".dossier"), create: true);
        new DossierBuilder(store, DocumentPipeline.CreateDefault(), InputReader.CreateDefault()).Build([input]);
        return store;
    }

    public static string Repository([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    public void Dispose()
    {
        Seeds.Dispose();
        English.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>Full-text search on real articles.</summary>
public sealed class SearchTests(SearchDossiers dossiers) : IClassFixture<SearchDossiers>
{
    /// <summary>Seed file prefixes ("003") of the documents matching a query.</summary>
    private static string[] SeedsMatching(SqliteDossierStore store, string query)
    {
        var paths = store.ListDocuments().ToDictionary(d => d.Id, d => Path.GetFileName(d.Path)[..3]);
        return store.Search(SearchQuery.Parse(query), 0, 100).Documents.Select(d => paths[d.DocumentId]).Order(StringComparer.Ordinal).ToArray();
    }

    [Theory]
    [InlineData("soldat", "001 003 004")]
    [InlineData("hélicoptère", "000 002")]
    [InlineData("Etat islamique", "000 001 002 003 004")]
    [InlineData("retrait troupes", "003 004")]
    [InlineData("americain", "000 001 002 003 004")]
    [InlineData("Soleimani", "004")]
    [InlineData("\"retrait des troupes\"", "003 004")]
    [InlineData("hélico*", "000 002")]
    [InlineData("\"islamique Etat\"", "")]
    public void Seeds_queries_find_the_documents_a_correct_index_finds(string query, string expected)
    {
        var store = dossiers.Seeds;
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), SeedsMatching(store, query));
    }

    [Fact]
    public void A_hit_names_its_line_and_offsets_and_marks_the_words_as_written()
    {
        var store = dossiers.Seeds;
        var results = store.Search(SearchQuery.Parse("Soleimani"), 0, 10);
        var hits = Assert.Single(results.Documents).Sentences;
        Assert.Equal([10, 18], hits.Select(h => h.Line));
        var hit = hits[0];
        var document = store.Load(results.Documents[0].DocumentId)!;
        var line = document.LineText(document.Lines[hit.Line - 1]);
        Assert.Equal(hit.Text, line[hit.Start..hit.End]);
        Assert.Equal("Soleimani", hit.Text.Substring(hit.Marks[0].Start, hit.Marks[0].Length));
        Assert.StartsWith("Les relations avec l'Irak ont été rompues", hit.Text, StringComparison.Ordinal);

        var state = store.Search(SearchQuery.Parse("Etat islamique"), 0, 10).Documents.SelectMany(d => d.Sentences)
            .SelectMany(s => s.Marks.Select(m => s.Text.Substring(m.Start, m.Length))).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("État", state);
        Assert.Contains("Etat", state);
        Assert.Contains("islamique", state);
    }

    [Theory]
    [InlineData("Etat islamique")]
    [InlineData("\"retrait des troupes\" américain*")]
    public void Hits_read_from_the_index_are_those_a_fresh_analysis_of_the_document_finds(string text)
    {
        var store = dossiers.Seeds;
        var query = SearchQuery.Parse(text);
        static string Describe(SentenceHit h) => $"{h.Line}:{h.Start}-{h.End}:{string.Join(',', h.Marks)}";
        var results = store.Search(query, 0, 10).Documents;
        Assert.NotEmpty(results);
        foreach (var hit in results)
        {
            var document = store.Load(hit.DocumentId)!;
            var matches = query.Analyse(SearchAnalyzer.For(document.Language)).Matches(SearchHits.Terms(document));
            Assert.Equal(SearchHits.Find(document.Text, document.Lines, document.Sentences, matches).Select(Describe), hit.Sentences.Select(Describe));
            Assert.Equal(document.Metadata.Title?.Value, hit.Title);
        }
    }

    [Fact]
    public void Paging_gives_the_total_and_each_document_once_and_the_total_past_the_last_page()
    {
        var store = dossiers.Seeds;
        var query = SearchQuery.Parse("americain");
        var pages = new[] { store.Search(query, 0, 2), store.Search(query, 2, 2), store.Search(query, 4, 2), store.Search(query, 6, 2) };
        Assert.All(pages, p => Assert.Equal(5, p.Total));
        Assert.Equal([2, 2, 1, 0], pages.Select(p => p.Documents.Count));
        Assert.Equal(5, pages.SelectMany(p => p.Documents).Select(d => d.DocumentId).Distinct().Count());
    }

    /// <summary>English: the oracle is a regular expression over the title and content lines of each
    /// document (plurals and possessives spelled out), against which the index must agree exactly.</summary>
    [Theory]
    [InlineData("pandemics", @"\bpandemics?\b")]
    [InlineData("cases", @"\bcases?\b")]
    [InlineData("Mexico", @"\bmexico('s)?\b")]
    [InlineData("vaccin*", @"\bvaccin\w*")]
    [InlineData("\"World Health Organisation\"", @"\bworld health organisation\b")]
    [InlineData("schools closed", @"(?=[\s\S]*\bschools?\b)[\s\S]*\bclosed\b")]
    public void English_queries_find_exactly_the_documents_holding_the_words(string query, string oracle)
    {
        var store = dossiers.English;
        var regex = new Regex(oracle, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var expected = store.LoadAll()
            .Where(x => regex.IsMatch(string.Join('\n', x.Document.Lines
                .Where(l => l.Kind is LineKind.Content or LineKind.Title).Select(x.Document.LineText))))
            .Select(x => x.Id).Order().ToArray();
        var found = store.Search(SearchQuery.Parse(query), 0, 1000).Documents.Select(d => d.DocumentId).Order().ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, found);
    }
}
