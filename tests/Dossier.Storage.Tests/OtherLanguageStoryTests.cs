using System.Text.Json;
using Dossier.Core.Export;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Core.Search;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>The whole pipeline and the export (events included) on real articles in English and Spanish, as the
/// French seeds are checked: five Reuters articles of 2-7 May 2010 on the BP oil spill
/// (Timeline17, bpoil_reuters) and a Peruvian news page of May 2022.</summary>
public class OtherLanguageStoryTests
{
    private static readonly string[] BpArticles = ["1074", "119", "1417", "890", "970"];
    private static readonly string SharedData = Path.Combine(CorpusStagesTests.FindRoot(), "..", "shared", "data");

    private static readonly Lazy<JsonElement> OilSpill = new(() =>
    {
        var articles = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData, "timeline-en", "bpoil_reuters", "articles.json"))).RootElement
            .EnumerateArray().ToDictionary(a => a.GetProperty("uid").GetString()!);
        var folder = Directory.CreateTempSubdirectory("dossier-bp-").FullName;
        try
        {
            var path = Path.Combine(folder, "bpoil_reuters.jsonl");
            File.WriteAllLines(path, BpArticles.Select(uid => JsonSerializer.Serialize(new
            {
                id = $"bpoil_reuters-{uid}", text = articles[uid].GetProperty("text").GetString(), published = articles[uid].GetProperty("dct").GetString(),
            })));
            return BuildAndExport(path, folder);
        }
        finally { Directory.Delete(folder, recursive: true); }
    });

    private static readonly Lazy<JsonElement> PeruvianPage = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("dossier-es-").FullName;
        try { return BuildAndExport(Path.Combine(SharedData, "html-maintext-dev", "pages", "elcomercio.pe-kenjifujimori.html"), folder); }
        finally { Directory.Delete(folder, recursive: true); }
    });

    /// <summary>Builds a dossier of <paramref name="input"/> in <paramref name="folder"/>, as `dossier build` does, and exports it.</summary>
    private static JsonElement BuildAndExport(string input, string folder)
    {
        var dossier = Path.Combine(folder, "story.dossier");
        try
        {
            using var store = SqliteDossierStore.Open(dossier, create: true);
            Assert.False(new DossierBuilder(store, DocumentPipeline.CreateDefault(), InputReader.CreateDefault()).Build([input]).HasErrors);
            var documents = store.LoadAll().Select(x => new ExportedDocument(DocumentIds.Format(x.Id), x.Document)).ToList();
            using var output = new MemoryStream();
            JsonExporter.Write(output, documents, CorpusResults.Read(store, documents));
            return JsonDocument.Parse(output.ToArray()).RootElement.Clone();
        }
        finally { SqliteConnection.ClearAllPools(); }
    }

    private static JsonElement EntityNamed(JsonElement export, string name) =>
        export.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);

    private static string[] Aliases(JsonElement entity) =>
        entity.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!).Order(StringComparer.Ordinal).ToArray();

    private static (string Text, string Value)[] Timexes(JsonElement export, string document) =>
        export.GetProperty("timexes").EnumerateArray().Where(t => t.GetProperty("doc").GetString() == document)
            .Select(t => (t.GetProperty("text").GetString()!, t.GetProperty("value").GetString()!)).ToArray();

    [Fact]
    public void EnglishArticlesAreEnglishAndDatedByTheirPublication()
    {
        var documents = OilSpill.Value.GetProperty("documents").EnumerateArray().ToArray();
        Assert.Equal(["en", "en", "en", "en", "en"], documents.Select(d => d.GetProperty("language").GetString()));
        Assert.Equal(["2010-05-02", "2010-05-02", "2010-05-03", "2010-05-03", "2010-05-07"],
            documents.Select(d => d.GetProperty("published").GetProperty("value").GetString()));
    }

    [Fact]
    public void EnglishRolesJoinThePeopleWhoHoldThem()
    {
        Assert.Equal(["BP CEO", "BP Chief Executive", "Hayward", "Tony Hayward", "the BP chief executive"], Aliases(EntityNamed(OilSpill.Value, "Tony Hayward")));
        Assert.Equal(["Interior Secretary", "Ken Salazar", "Salazar", "U.S. Interior Secretary"], Aliases(EntityNamed(OilSpill.Value, "Ken Salazar")));
        Assert.Equal(["Barack Obama", "Obama", "U.S. President"], Aliases(EntityNamed(OilSpill.Value, "Barack Obama")));
        Assert.Equal(["Eric Holder", "Holder", "U.S. Attorney General"], Aliases(EntityNamed(OilSpill.Value, "Eric Holder")));
        // Alabama's attorney general is another person: "Attorney General" alone is no U.S. role.
        Assert.Equal(["King", "Troy King"], Aliases(EntityNamed(OilSpill.Value, "Troy King")));
    }

    [Fact]
    public void EnglishNamesAreTaggedWithTheirTypes()
    {
        foreach (var (name, type) in new[] { ("BP", "ORG"), ("Doug Suttles", "PER"), ("Louisiana", "LOC"), ("Gulf of Mexico", "LOC"), ("Alabama", "LOC"), ("Justice Department", "ORG") })
            Assert.Equal(type, EntityNamed(OilSpill.Value, name).GetProperty("type").GetString());
    }

    [Fact]
    public void EnglishDatesAreAnchoredToTheArticle()
    {
        var first = Timexes(OilSpill.Value, "d1");
        Assert.Contains(("Sunday", "2010-05-02"), first);
        var last = Timexes(OilSpill.Value, "d5");
        Assert.Contains(("April 20", "2010-04-20"), last);
        Assert.Contains(("next week", "2010-W19"), last);
        Assert.Contains(("Thursday", "2010-05-06"), last);
        Assert.Contains(("May 28", "2010-05-28"), last);
        Assert.Contains(("four days", "P4D"), last);
    }

    [Fact]
    public void TheFlowEstimateInBarrelsIsASeriesAcrossArticles()
    {
        var barrels = OilSpill.Value.GetProperty("series").EnumerateArray()
            .Single(s => s.GetProperty("unit").GetString() == "bbl" && s.GetProperty("points").EnumerateArray().Any(p => p.GetProperty("value").GetDouble() == 5000d));
        var points = barrels.GetProperty("points").EnumerateArray()
            .Select(p => (p.GetProperty("doc").GetString(), p.GetProperty("value").GetDouble(), p.GetProperty("qualifier").GetString())).ToArray();
        Assert.Contains(("d2", 5000d, "exact"), points);
        Assert.Contains(("d5", 5000d, "at_least"), points);
        // "Controlled burns on Thursday removed up to 9,000 barrels": oil burned, another measured thing.
        Assert.DoesNotContain(points, p => p.Item2 == 9000d);
    }

    [Fact]
    public void TheFiveArticlesAreOneStory()
    {
        var story = Assert.Single(OilSpill.Value.GetProperty("stories").EnumerateArray());
        Assert.Equal(["d1", "d2", "d3", "d4", "d5"], story.GetProperty("documents").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public void TheRigExplosionOfApril20IsOneEventOfThreeArticlesAndTheDomesArePlanned()
    {
        var events = OilSpill.Value.GetProperty("events").EnumerateArray().ToArray();
        var explosion = events.Single(e => e.GetProperty("date").GetString() == "2010-04-20");
        Assert.Equal(("attack", "happened", false), (explosion.GetProperty("class").GetString(), explosion.GetProperty("status").GetString(),
            explosion.GetProperty("date_inferred").GetBoolean()));
        Assert.Equal(["d2", "d3", "d5"], explosion.GetProperty("mentions").EnumerateArray().Select(m => m.GetProperty("doc").GetString()).Distinct().Order());
        var domes = events.Single(e => e.GetProperty("summary").GetString() == "The first of two domes will be deployed in the next six days .");
        Assert.Equal(("deployment", "planned"), (domes.GetProperty("class").GetString(), domes.GetProperty("status").GetString()));
        // "This oil spill will be forgotten in a few years": dated after the article, so not a happening.
        Assert.DoesNotContain(events, e => e.GetProperty("status").GetString() == "happened"
            && e.GetProperty("date").GetString() is { } date && date.All(c => char.IsAsciiDigit(c) || c == '-') && string.CompareOrdinal(date, "2010-05-08") > 0);
    }

    [Fact]
    public void ASpanishArticleHasItsNamesAndDates()
    {
        var document = Assert.Single(PeruvianPage.Value.GetProperty("documents").EnumerateArray());
        Assert.Equal("es", document.GetProperty("language").GetString());
        foreach (var name in new[] { "Kenji Fujimori", "Alberto Fujimori", "Keiko Fujimori", "Pedro Pablo Kuczynski", "Moisés Mamani" })
            Assert.Equal("PER", EntityNamed(PeruvianPage.Value, name).GetProperty("type").GetString());
        var timexes = Timexes(PeruvianPage.Value, "d1");
        Assert.Contains(("18 de mayo", "2022-05-18"), timexes);
        Assert.Contains(("próximo miércoles 18 de mayo", "2022-05-18"), timexes);
        Assert.Contains(("12 años", "P12Y"), timexes);
    }

    /// <summary>Article 1 of the Universal Declaration of Human Rights in Dutch, a language with no
    /// data: stored as "und", found by search, and given no language-specific annotation.</summary>
    [Fact]
    public void AnArticleInALanguageWithoutDataIsStoredAndSearchable()
    {
        var folder = Directory.CreateTempSubdirectory("dossier-und-").FullName;
        try
        {
            var input = Path.Combine(folder, "nl.txt");
            File.WriteAllText(input, "Verklaring\nAlle mensen worden vrij en gelijk in waardigheid en rechten geboren op 10 december 1948 in Parijs. " +
                "Zij zijn begiftigd met verstand en geweten, en behoren zich jegens elkander in een geest van broederschap te gedragen.\n");
            using (var store = SqliteDossierStore.Open(Path.Combine(folder, "nl.dossier"), create: true))
            {
                Assert.False(new DossierBuilder(store, DocumentPipeline.CreateDefault(), InputReader.CreateDefault()).Build([input]).HasErrors);
                var stored = Assert.Single(store.LoadAll()).Document;
                Assert.Equal("und", stored.Language);
                Assert.NotEmpty(stored.Tokens);
                Assert.Empty(stored.Entities);
                Assert.Empty(stored.Timexes);
                Assert.Empty(stored.Quantities);
                Assert.Single(store.Search(SearchQuery.Parse("broederschap"), 0, 10).Documents);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
