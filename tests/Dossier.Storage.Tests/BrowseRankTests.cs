using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>The reading index after a build that adds the five seeds to sixty articles: an item the
/// build did not change keeps its rank, so that it is not written again.</summary>
public sealed class BrowseRankTests(SixtyArticlesThenSeeds dossiers) : IClassFixture<SixtyArticlesThenSeeds>
{
    /// <summary>Each item of the index: its rank and what a list shows of it.</summary>
    private static Dictionary<(string Kind, string Id), (long Rank, string Summary)> Items(string dossier)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dossier, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, id, rank, summary FROM browse_items";
        using var reader = command.ExecuteReader();
        var items = new Dictionary<(string, string), (long, string)>();
        while (reader.Read()) items[(reader.GetString(0), reader.GetString(1))] = (reader.GetInt64(2), reader.GetString(3));
        return items;
    }

    [Fact]
    public void Adding_articles_moves_no_item_that_stays_the_same()
    {
        var before = Items(dossiers.Before);
        var after = Items(dossiers.Stepwise);
        var same = before.Where(b => after.TryGetValue(b.Key, out var a) && a.Summary == b.Value.Summary).ToList();

        Assert.Equal(["document 60", "entity 465", "event 187", "event-day 69", "graph-edge 3333", "graph-node 465", "series 1", "story 52"],
            same.GroupBy(s => s.Key.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        Assert.Equal([], same.Where(s => after[s.Key].Rank != s.Value.Rank).Select(s => $"{s.Key.Id} {s.Value.Rank} → {after[s.Key].Rank}"));
    }
}
