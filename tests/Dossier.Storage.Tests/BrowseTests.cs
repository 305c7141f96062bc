using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>The reading index: lists paged and filtered from the store, kept current by the build.</summary>
public sealed class BrowseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-browse-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private SqliteDossierStore Store(string name) => SqliteDossierStore.Open(Path.Combine(_folder, name + ".dossier"), create: true);

    private static string[] Ids(BrowsePage page) => page.Items.Select(json => System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("id").GetString()!).ToArray();

    private static BrowseItem Item(string id, long rank, string? date = null, int weight = 0, params string[] facets) =>
        new(BrowseKinds.Event, id, rank, $$"""{"id":"{{id}}"}""") { Date = date, Weight = weight, Facets = facets };

    [Theory]
    [InlineData("2016-04-19T09:10", "2016-04", "2016-04", true)]
    [InlineData("2016-04-19", "2016-04-20", null, false)]
    [InlineData("2016-04-19", null, "2016-04-18", false)]
    [InlineData("2016-05-01", null, "2016-04", false)]
    [InlineData("2016-04-30", null, "2016-04", true)]
    [InlineData("2016", "2016-04", "2016-06", true)]
    [InlineData("2016-04", "2016-04-18", null, true)]
    [InlineData("2015", "2016-04-18", null, false)]
    [InlineData("XXXX-04-19", "2016", null, false)]
    [InlineData("XXXX-04-19", null, "2016", false)]
    [InlineData(null, "2016", null, false)]
    [InlineData(null, null, null, true)]
    public void A_date_is_in_a_range_unless_it_lies_wholly_outside(string? date, string? from, string? to, bool inside)
    {
        using var store = Store("dates");
        store.WriteBrowseIndex([Item("ev1", 0, date)]);
        Assert.Equal(inside ? 1 : 0, store.Browse(new BrowseFilter(BrowseKinds.Event, from, to), 0, 10).Total);
    }

    [Fact]
    public void Lists_are_paged_in_rank_order_filtered_by_every_facet_and_cut_to_the_best_attested()
    {
        using var store = Store("lists");
        store.WriteBrowseIndex([
            Item("ev3", 2, "2016-04-20", 5, "entity:e1"),
            Item("ev1", 0, "2016-04-18", 1, "entity:e1", "story:s1"),
            Item("ev2", 1, "2016-04-19", 3, "entity:e2", "story:s1"),
            Item("ev4", 3, null, 2, "entity:e1", "story:s1"),
        ]);
        var all = new BrowseFilter(BrowseKinds.Event);
        Assert.Equal(["ev1", "ev2"], Ids(store.Browse(all, 0, 2)));
        Assert.Equal(["ev3", "ev4"], Ids(store.Browse(all, 2, 2)));
        Assert.Equal(4, store.Browse(all, 2, 2).Total);
        Assert.Equal(["ev1", "ev3", "ev4"], Ids(store.Browse(all with { Facets = ["entity:e1"] }, 0, 10)));
        Assert.Equal(["ev1", "ev4"], Ids(store.Browse(all with { Facets = ["entity:e1", "story:s1"] }, 0, 10)));
        Assert.Equal(["ev2", "ev3"], Ids(store.Browse(all with { Top = 2 }, 0, 10)));
        Assert.Equal(["ev3", "ev4"], Ids(store.Browse(all with { Top = 2, Facets = ["entity:e1"] }, 0, 10)));
        Assert.Equal(["ev3"], Ids(store.Browse(all with { Top = 2, Facets = ["entity:e1"], From = "2016-04-19" }, 0, 10)));
        Assert.Equal("""{"id":"ev2"}""", store.BrowseDetail(BrowseKinds.Event, "ev2"));
        Assert.Null(store.BrowseDetail(BrowseKinds.Event, "ev9"));
        Assert.Null(store.BrowseDetail(BrowseKinds.Entity, "ev2"));
    }

    [Theory]
    [InlineData("chef du", new[] { "e1" })]
    [InlineData("CARTER", new string[0])]
    [InlineData("ob", new[] { "e2" })]
    [InlineData("a", new[] { "e1", "e2" })]
    [InlineData("ter le", new string[0])]
    [InlineData("ministre", new string[0])]
    public void A_name_filter_finds_a_part_of_one_name_whatever_its_length(string part, string[] expected)
    {
        using var store = Store("names");
        store.WriteBrowseIndex([
            new(BrowseKinds.Entity, "e1", 0, """{"id":"e1"}""") { Names = "ashton carter\nle chef du pentagone" },
            new(BrowseKinds.Entity, "e2", 1, """{"id":"e2"}""") { Names = "barack obama" },
            new(BrowseKinds.Entity, "e3", 2, """{"id":"e3"}"""),
        ]);
        var found = store.Browse(new BrowseFilter(BrowseKinds.Entity, NameContains: part), 0, 10);
        Assert.Equal(expected, Ids(found));
        Assert.Equal(expected.Length, found.Total);
    }

    [Fact]
    public void An_items_detail_is_read_back_as_it_was_written()
    {
        using var store = Store("detail");
        var text = string.Concat(Enumerable.Repeat("L'État islamique a revendiqué l'attentat « ici » — 中文. ", 400));
        var detail = System.Text.Json.JsonSerializer.Serialize(new { id = "d1", text });
        store.WriteBrowseIndex([new(BrowseKinds.Document, "d1", 0, """{"id":"d1"}""") { Detail = detail }]);
        Assert.Equal(detail, store.BrowseDetail(BrowseKinds.Document, "d1"));
        Assert.Equal("""{"id":"d1"}""", Assert.Single(store.Browse(new BrowseFilter(BrowseKinds.Document), 0, 10).Items));
    }

    [Fact]
    public void A_build_writes_the_index_and_any_change_to_the_documents_makes_it_out_of_date_until_the_next()
    {
        var samples = Path.Combine(SearchDossiers.Repository(), "samples");
        var first = Path.Combine(_folder, "first");
        Directory.CreateDirectory(first);
        var files = Directory.GetFiles(samples).Order(StringComparer.Ordinal).ToArray();
        foreach (var file in files.Take(4)) File.Copy(file, Path.Combine(first, Path.GetFileName(file)));
        using var store = Store("built");
        var builder = new DossierBuilder(store, DocumentPipeline.CreateDefault(), InputReader.CreateDefault());
        builder.Build([first]);
        Assert.True(store.BrowseIndexIsCurrent());
        Assert.Equal(4, store.Browse(new BrowseFilter(BrowseKinds.Document), 0, 10).Total);
        var carter = store.Browse(new BrowseFilter(BrowseKinds.Entity, Facets: ["type:PER"], NameContains: "carter"), 0, 10);
        Assert.Contains("\"name\":\"Ashton Carter\"", Assert.Single(carter.Items), StringComparison.Ordinal);

        store.RemoveSources([store.ListSources()[0].Key]);
        Assert.False(store.BrowseIndexIsCurrent());
        File.Copy(files[4], Path.Combine(first, Path.GetFileName(files[4])));
        builder.Build([first]);
        Assert.True(store.BrowseIndexIsCurrent());
        Assert.Equal(5, store.Browse(new BrowseFilter(BrowseKinds.Document), 0, 10).Total);
    }
}
