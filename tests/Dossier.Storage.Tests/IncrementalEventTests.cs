using Dossier.Core.Pipeline;
using Dossier.Storage.Sqlite;
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

    [Fact]
    public void A_report_joining_an_event_of_more_documents_than_are_read_around_it_describes_it_as_a_whole_build_does()
    {
        // Twelve reports of one earthquake: an added one reads only the latest eight documents of the
        // event; the others tell of it through what was kept of their reports. The first names the
        // place and the victims in the shortest sentence, so it gives the summary.
        var towns = new[] { "Banda Aceh", "Pidie Jaya", "Bireuen", "Lhokseumawe", "Sigli", "Meulaboh", "Takengon", "Langsa", "Calang", "Jantho", "Sabang", "Singkil" };
        var articles = towns.Select((town, i) => Write($"quake{i:D2}.txt",
            $"Aceh earthquake\nAn earthquake struck Aceh in Indonesia on 7 December 2016{(i == 0 ? "" : $", and rescuers from {town} searched for survivors in the rubble of the mosques")}.\n")).ToArray();

        var stepwise = Path.Combine(_folder, "stepwise.dossier");
        SixtyArticlesThenSeeds.Build(stepwise, articles[..^1]);
        SixtyArticlesThenSeeds.Build(stepwise, articles);
        var whole = Path.Combine(_folder, "whole.dossier");
        SixtyArticlesThenSeeds.Build(whole, articles);

        var described = Described(stepwise);
        var quake = Assert.Single(described, e => e.Contains("\"Date\":\"2016-12-07\"", StringComparison.Ordinal));
        Assert.StartsWith("An earthquake struck Aceh in Indonesia on 7 December 2016. | ", quake, StringComparison.Ordinal);
        Assert.EndsWith("\"Outlets\":12} | 1:30 2:30 3:30 4:30 5:30 6:30 7:30 8:30 9:30 10:30 11:30 12:30 ", quake, StringComparison.Ordinal);
        Assert.Equal(Described(whole), described);
    }

    [Fact]
    public void An_article_rewritten_to_tell_of_something_else_leaves_its_event_as_a_whole_build_of_the_new_texts_makes_it()
    {
        // Rewritten, the first of five articles is another document: its report leaves the event, which
        // is folded again from the four others (four outlets, not five).
        var towns = new[] { "Banda Aceh", "Pidie", "Bireuen", "Lhokseumawe", "Sigli" };
        var articles = towns.Select((town, i) => Write($"quake{i:D2}.txt",
            $"Aceh earthquake\nAn earthquake struck Aceh in Indonesia on 7 December 2016{(i == 0 ? "" : $", and rescuers from {town} searched for survivors{new string('!', i)}")}.\n")).ToArray();
        var stepwise = Path.Combine(_folder, "stepwise.dossier");
        SixtyArticlesThenSeeds.Build(stepwise, articles);
        File.WriteAllText(articles[0], "Aceh rain\nHeavy rain fell on Aceh in Indonesia on 9 December 2016.\n");
        SixtyArticlesThenSeeds.Build(stepwise, articles);
        var whole = Path.Combine(_folder, "whole.dossier");
        SixtyArticlesThenSeeds.Build(whole, articles);

        var described = Described(stepwise);
        var quake = Assert.Single(described, e => e.Contains("\"Date\":\"2016-12-07\"", StringComparison.Ordinal));
        Assert.StartsWith("An earthquake struck Aceh in Indonesia on 7 December 2016 … | ", quake, StringComparison.Ordinal);
        Assert.EndsWith("\"Outlets\":4} | 2:30 3:30 4:30 5:30 ", quake, StringComparison.Ordinal);
        Assert.Equal(Described(whole), described);
    }

    /// <summary>Each stored event as its label, data and members, in order.</summary>
    private static string[] Described(string dossier)
    {
        using var store = SqliteDossierStore.Open(dossier, create: false);
        return store.CorpusGroups(CorpusLayers.Events).Select(g => $"{g.Label} | {g.Data} | {string.Join(' ', g.Members.Select(m => $"{m.Document}:{m.Start}"))} ")
            .Order(StringComparer.Ordinal).ToArray();
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
