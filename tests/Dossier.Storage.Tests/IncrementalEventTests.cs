using Dossier.Core.Events;
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
        Assert.StartsWith("An earthquake struck Aceh in Indonesia on 7 December 2016, and rescuers from Pidie searched for survivors!. | ", quake, StringComparison.Ordinal);
        Assert.EndsWith("\"Outlets\":4} | 2:30 3:30 4:30 5:30 ", quake, StringComparison.Ordinal);
        Assert.Equal(Described(whole), described);
    }

    [Fact]
    public void Two_stored_events_that_an_added_report_fits_both_merge_into_the_older_as_in_a_whole_build()
    {
        // Reports of the Athens bank fire of May 2010 (ECB+ topic 8): the first two articles' deaths are
        // two events that nothing joins; the third article's report fits both and makes them one.
        var articles = new[]
        {
            Write("fire1.txt", "Three dead after fire - bomb hits bank during Greek riots\nA FIRE - BOMB attack on a bank in Athens left at least three people dead as police fought pitched battles with striking protesters furious at brutal spending cuts designed to avoid national bankruptcy .\n"),
            Write("fire2.txt", "Three killed as rioters bomb Greek bank\nPolice said two women and one man died at a branch of the Marfin bank which caught fire after hooded youths broke a window and hurled petrol bombs inside .\n"),
            Write("fire3.txt", "Three die in bank during Greek riots\nThe three bank workers a man and two women died after demonstrators set their bank on fire along the main demonstration route in central Athens .\n"),
        };
        var seeds = Directory.GetFiles(Seeds, "*.txt").Order(StringComparer.Ordinal).ToArray();
        var stepwise = Path.Combine(_folder, "stepwise.dossier");
        SixtyArticlesThenSeeds.Build(stepwise, [.. seeds, articles[0], articles[1]]);
        var before = SixtyArticlesThenSeeds.Groups(stepwise, CorpusLayers.Events).Where(g => g.Members.Split(' ').Any(m => m.StartsWith("6:", StringComparison.Ordinal) || m.StartsWith("7:", StringComparison.Ordinal)))
            .Select(g => g.Id).ToArray();
        SixtyArticlesThenSeeds.Build(stepwise, [.. seeds, .. articles]);
        var whole = Path.Combine(_folder, "whole.dossier");
        SixtyArticlesThenSeeds.Build(whole, [.. seeds, .. articles]);

        var deaths = Assert.Single(SixtyArticlesThenSeeds.Groups(stepwise, CorpusLayers.Events), g => g.Members.Contains("6:", StringComparison.Ordinal) && g.Members.Contains("8:", StringComparison.Ordinal) && g.Members.Contains("7:", StringComparison.Ordinal));
        Assert.Equal("Three killed as rioters bomb Greek bank | 6:6 6:72 7:6 7:74 7:123 8:80 8:123", $"{deaths.Label} | {deaths.Members}");
        using (var store = SqliteDossierStore.Open(stepwise, create: false))
            Assert.Contains(store.AbsorbedIds(CorpusLayers.Events), a => a.Value == deaths.Id && before.Contains(a.Key));
        Assert.Equal(Events(whole), Events(stepwise));
    }

    /// <summary>Each stored event as its label, state, data and members, in order.</summary>
    private static string[] Described(string dossier)
    {
        using var store = SqliteDossierStore.Open(dossier, create: false);
        var states = store.CorpusGroups(EventStage.StateKind).ToDictionary(g => g.Id, g => g.Data, StringComparer.Ordinal);
        return store.CorpusGroups(CorpusLayers.Events)
            .Select(g => $"{g.Label} | {states[g.Id]} | {g.Data} | {string.Join(' ', g.Members.Select(m => $"{m.Document}:{m.Start}"))} ")
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
