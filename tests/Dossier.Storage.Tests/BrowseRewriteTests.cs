using System.Text.Json;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>The reading index written again over a stored one: only what changed is written, and the
/// index then answers exactly as one written from nothing.</summary>
public sealed class BrowseRewriteTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-browse-rewrite-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static BrowseItem Entity(string id, long rank, string names, string type) =>
        new(BrowseKinds.Entity, id, rank, $$"""{"id":"{{id}}","name":"{{names.Split('\n')[0]}}"}""") { Names = names, Facets = [$"type:{type}"], Detail = $$"""{"id":"{{id}}","mentions":{{rank}}}""" };

    /// <summary>What a reader sees: the whole list, a type, a part of a name, and each item's detail.</summary>
    private static string Seen(SqliteDossierStore store, params string[] ids)
    {
        string List(BrowseFilter filter) => string.Join(' ', store.Browse(filter, 0, 100).Items.Select(json => JsonDocument.Parse(json).RootElement.GetProperty("id").GetString()));
        var all = new BrowseFilter(BrowseKinds.Entity);
        return string.Join(" | ", List(all), List(all with { Facets = ["type:PER"] }), List(all with { NameContains = "carter" }),
            List(all with { NameContains = "obama" }), string.Join(' ', ids.Select(id => store.BrowseDetail(BrowseKinds.Entity, id) ?? "-")));
    }

    [Fact]
    public void Items_moved_renamed_removed_and_added_read_as_in_an_index_written_from_nothing()
    {
        BrowseItem[] first = [Entity("e1", 0, "ashton carter\ncarter", "PER"), Entity("e2", 1, "barack obama", "PER"), Entity("e3", 2, "mossoul", "LOC")];
        // e3 overtakes e1 (their ranks swap), e2 is now a place with another name, e1 loses a name, e4 is new and e5 never was.
        BrowseItem[] second = [Entity("e3", 0, "mossoul", "LOC"), Entity("e1", 1, "ashton carter", "PER"), Entity("e2", 2, "maison blanche", "LOC"),
            Entity("e4", 3, "jimmy carter", "PER")];

        using var rewritten = SqliteDossierStore.Open(Path.Combine(_folder, "rewritten.dossier"), create: true);
        rewritten.WriteBrowseIndex(first);
        rewritten.WriteBrowseIndex(second);
        using var fresh = SqliteDossierStore.Open(Path.Combine(_folder, "fresh.dossier"), create: true);
        fresh.WriteBrowseIndex(second);

        string[] ids = ["e1", "e2", "e3", "e4", "e5"];
        Assert.Equal("e3 e1 e2 e4 | e1 e4 | e1 e4 |  | " + string.Join(" ", second.OrderBy(i => i.Id, StringComparer.Ordinal).Select(i => i.Detail)) + " -", Seen(rewritten, ids));
        Assert.Equal(Seen(fresh, ids), Seen(rewritten, ids));
        Assert.True(rewritten.BrowseIndexIsCurrent());
    }
}
