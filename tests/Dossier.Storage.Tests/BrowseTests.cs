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

    /// <summary>A document item of rank its id's number, with its facets (the events are in stories through them).</summary>
    private static BrowseItem Document(string id, params string[] facets) =>
        new(BrowseKinds.Document, id, long.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture), $$"""{"id":"{{id}}"}""") { Facets = facets };

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
            Item("ev3", 2, "2016-04-20", 5, "entity:e1", "document:d2"),
            Item("ev1", 0, "2016-04-18", 1, "entity:e1", "document:d1"),
            Item("ev2", 1, "2016-04-19", 3, "entity:e2", "document:d1", "document:d2"),
            Item("ev4", 3, null, 2, "entity:e1", "document:d1"),
            Document("d1", "story:s1"),
            Document("d2", "story:s2"),
        ]);
        var all = new BrowseFilter(BrowseKinds.Event);
        Assert.Equal(["ev1", "ev2"], Ids(store.Browse(all, 0, 2)));
        Assert.Equal(["ev3", "ev4"], Ids(store.Browse(all, 2, 2)));
        Assert.Equal(4, store.Browse(all, 2, 2).Total);
        Assert.Equal(["ev1", "ev3", "ev4"], Ids(store.Browse(all with { Facets = ["entity:e1"] }, 0, 10)));
        Assert.Equal(["ev1", "ev4"], Ids(store.Browse(all with { Facets = ["entity:e1", "story:s1"] }, 0, 10)));
        Assert.Equal(["ev3"], Ids(store.Browse(all with { Facets = ["story:s2", "entity:e1"] }, 0, 10)));
        Assert.Equal(["ev2", "ev3"], Ids(store.Browse(all with { Facets = ["story:s2"] }, 0, 10)));
        Assert.Equal(3, store.Browse(all with { Facets = ["story:s1"] }, 1, 1).Total);
        Assert.Equal(["ev2"], Ids(store.Browse(all with { Facets = ["story:s1"] }, 1, 1)));
        Assert.Empty(store.Browse(all with { Facets = ["story:s3"] }, 0, 10).Items);
        Assert.Equal(["ev2", "ev3"], Ids(store.Browse(all with { Top = 2 }, 0, 10)));
        Assert.Equal(["ev3", "ev4"], Ids(store.Browse(all with { Top = 2, Facets = ["entity:e1"] }, 0, 10)));
        Assert.Equal(["ev2", "ev4"], Ids(store.Browse(all with { Top = 2, Facets = ["story:s1"] }, 0, 10)));
        Assert.Equal(["ev3"], Ids(store.Browse(all with { Top = 2, Facets = ["entity:e1"], From = "2016-04-19" }, 0, 10)));
        Assert.Equal(["ev2"], Ids(store.Browse(all with { Facets = ["story:s1"], From = "2016-04-19" }, 0, 10)));
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

    [Theory]
    [InlineData("me")]
    [InlineData("ame 1")]
    public void A_name_filter_pages_in_rank_order_with_a_facet_whatever_the_length_of_the_part(string part)
    {
        using var store = Store("paged names");
        store.WriteBrowseIndex(Enumerable.Range(0, 30).Select(i =>
            new BrowseItem(BrowseKinds.Entity, $"e{i}", i, $$"""{"id":"e{{i}}"}""") { Names = $"name {i}\nalias", Facets = [i % 2 == 0 ? "type:PER" : "type:ORG"] }));
        var filter = new BrowseFilter(BrowseKinds.Entity, Facets: ["type:PER"], NameContains: part);
        var page = store.Browse(filter, 2, 3);
        // "me" is in every name, "ame 1" in e1 and e10-e19.
        Assert.Equal(part == "me" ? ["e4", "e6", "e8"] : ["e14", "e16", "e18"], Ids(page));
        Assert.Equal(part == "me" ? 15 : 5, page.Total);
        Assert.Empty(store.Browse(filter with { Kind = BrowseKinds.Event }, 0, 10).Items);
    }

    [Fact]
    public void The_name_indexes_follow_items_deleted_and_written_again_and_refuse_a_name_changed_in_place()
    {
        var path = Path.Combine(_folder, "rewritten.dossier");
        using var store = SqliteDossierStore.Open(path, create: true);
        store.WriteBrowseIndex([new(BrowseKinds.Entity, "e1", 0, """{"id":"e1"}""") { Names = "ashton carter" }]);
        store.WriteBrowseIndex([new(BrowseKinds.Entity, "e1", 0, """{"id":"e1"}""") { Names = "barack obama" }]);
        foreach (var gone in new[] { "ca", "carter" })
            Assert.Equal(0, store.Browse(new BrowseFilter(BrowseKinds.Entity, NameContains: gone), 0, 10).Total);
        foreach (var found in new[] { "ob", "obama" })
            Assert.Equal(["e1"], Ids(store.Browse(new BrowseFilter(BrowseKinds.Entity, NameContains: found), 0, 10)));

        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var rename = connection.CreateCommand();
        rename.CommandText = "UPDATE browse_items SET names = 'ashton carter' WHERE id = 'e1'";
        Assert.Contains("deleting it and inserting it again", Assert.Throws<SqliteException>(() => rename.ExecuteNonQuery()).Message, StringComparison.Ordinal);
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM browse_items WHERE id = 'e1'; SELECT (SELECT count(*) FROM browse_name_grams) + (SELECT count(*) FROM browse_name_trigrams WHERE browse_name_trigrams MATCH '\"oba\"')";
        Assert.Equal(0L, delete.ExecuteScalar());
    }

    [Fact]
    public void An_items_detail_is_read_back_as_it_was_written()
    {
        using var store = Store("detail");
        var text = string.Concat(Enumerable.Repeat("L'État islamique a revendiqué l'attentat « ici » — 中文. ", 400));
        var detail = System.Text.Json.JsonSerializer.Serialize(new { id = "d1", text });
        store.WriteBrowseIndex([new(BrowseKinds.Document, "d1", 0, """{"id":"d1"}""") { Detail = detail }]);
        Assert.Equal(detail, store.BrowseDetail(BrowseKinds.Document, "d1"));
        Assert.True(store.BrowseHas(BrowseKinds.Document, "d1"));
        Assert.False(store.BrowseHas(BrowseKinds.Document, "d2"));
        Assert.False(store.BrowseHas(BrowseKinds.Entity, "d1"));
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
