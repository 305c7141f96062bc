using Dossier.Core.Pipeline;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>Events of undated articles taken in one build at a time, beside one build of them all.</summary>
public sealed class IncrementalEventTests : IDisposable
{
    private static readonly string Seeds = Path.Combine(CorpusStagesTests.FindRoot(), "..", "shared", "seeds");
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-incremental-events-").FullName;

    [Fact]
    public void Two_undated_articles_of_one_story_added_one_build_at_a_time_make_the_one_event_of_a_whole_build()
    {
        // Undated, one word for the happening, no month: only the story they share joins them.
        var first = Write("a.txt", "Indonesia earthquake\nA powerful earthquake struck Aceh province in Indonesia, killing at least 12 people, officials said.\n");
        var second = Write("b.txt", "Aceh rescue\nRescuers in Aceh searched for survivors after the earthquake in Indonesia destroyed hundreds of homes.\n");
        var seeds = Directory.GetFiles(Seeds, "*.txt").Order(StringComparer.Ordinal).ToArray();

        var stepwise = Path.Combine(_folder, "stepwise.dossier");
        SixtyArticlesThenSeeds.Build(stepwise, seeds);
        // One article to five, then one to six: each taken in around itself, not by a whole run.
        SixtyArticlesThenSeeds.Build(stepwise, [.. seeds, first]);
        SixtyArticlesThenSeeds.Build(stepwise, [.. seeds, first, second]);
        var whole = Path.Combine(_folder, "whole.dossier");
        SixtyArticlesThenSeeds.Build(whole, [.. seeds, first, second]);

        var events = Events(stepwise);
        var quake = Assert.Single(events, e => e.Contains(" 7:", StringComparison.Ordinal) && e.Contains(" 6:", StringComparison.Ordinal));
        Assert.StartsWith("A powerful earthquake struck Aceh province", quake, StringComparison.Ordinal);
        Assert.Equal(Events(whole), events);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Each stored event as its label and members (document and start), in order.</summary>
    private static string[] Events(string dossier) =>
        SixtyArticlesThenSeeds.Groups(dossier, CorpusLayers.Events).Select(g => $"{g.Label} | {g.Members} ").Order(StringComparer.Ordinal).ToArray();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
