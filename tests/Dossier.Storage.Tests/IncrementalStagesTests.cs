using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>Sixty orangesum articles, then the five seeds added in a second build (few enough that the
/// corpus stages take them in around them, not over the whole dossier), beside one build of all
/// sixty-five: what the stages stored after each.</summary>
public sealed class SixtyArticlesThenSeeds : IDisposable
{
    private static readonly string Shared = Path.Combine(CorpusStagesTests.FindRoot(), "..", "shared");
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-incremental-stages-").FullName;

    public SixtyArticlesThenSeeds()
    {
        var articles = Path.Combine(_folder, "articles.jsonl");
        File.WriteAllLines(articles, File.ReadLines(Path.Combine(Shared, "data", "corpus-fr", "orangesum-5k.jsonl")).Take(60));
        var seeds = Path.Combine(_folder, "seeds");
        Directory.CreateDirectory(seeds);
        foreach (var seed in Directory.GetFiles(Path.Combine(Shared, "seeds"), "*.txt")) File.Copy(seed, Path.Combine(seeds, Path.GetFileName(seed)));

        Whole = Path.Combine(_folder, "whole.dossier");
        Build(Whole, articles, seeds);
        Stepwise = Path.Combine(_folder, "stepwise.dossier");
        Build(Stepwise, articles);
        Before = Path.Combine(_folder, "before.dossier");
        File.Copy(Stepwise, Before);
        Build(Stepwise, articles, seeds);
        (Articles, Seeds) = (articles, seeds);
    }

    /// <summary>The sixty articles' file and the seeds' folder: the inputs of the second build.</summary>
    public string Articles { get; }

    public string Seeds { get; }

    /// <summary>All sixty-five in one build.</summary>
    public string Whole { get; }

    /// <summary>The sixty alone.</summary>
    public string Before { get; }

    /// <summary>The sixty, then the seeds.</summary>
    public string Stepwise { get; }

    /// <summary>The stored groups of a kind: each as its label and members (document and start), with its id and parent.</summary>
    public static List<(string Id, string? Parent, string Label, string Members)> Groups(string dossier, string kind)
    {
        using var store = SqliteDossierStore.Open(dossier, create: false);
        return store.CorpusGroups(kind).Select(g => (g.Id, g.Parent, g.Label, string.Join(' ', g.Members.Select(m => $"{m.Document}:{m.Start}")))).ToList();
    }

    /// <summary>Builds the inputs into a dossier, new or stored, with no error.</summary>
    public static void Build(string dossier, params string[] inputs)
    {
        using var store = SqliteDossierStore.Open(dossier, create: true);
        Build(store, inputs);
    }

    public static void Build(IDossierStore store, params string[] inputs) =>
        Assert.Empty(new DossierBuilder(store, DocumentPipeline.CreateDefault(), InputReader.CreateDefault()).Build(inputs).Problems
            .Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.ToString()));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>Stories and events take in a few new documents without forming everything again.</summary>
public sealed class IncrementalStagesTests(SixtyArticlesThenSeeds dossiers) : IClassFixture<SixtyArticlesThenSeeds>
{
    [Fact]
    public void Five_articles_added_to_sixty_form_their_own_story_and_leave_every_other_story_as_it_was()
    {
        var before = SixtyArticlesThenSeeds.Groups(dossiers.Before, CorpusLayers.Stories);
        var after = SixtyArticlesThenSeeds.Groups(dossiers.Stepwise, CorpusLayers.Stories);

        // The seeds are documents 61 to 65, in file order: the 2016 battle for Mosul, then the 2019-2020 withdrawal.
        var topic = Assert.Single(after, s => s.Parent is null && s.Members.Split(' ').Contains("61:0"));
        Assert.Equal("61:0 62:0 63:0 64:0 65:0", topic.Members);
        Assert.Equal(["61:0 62:0 63:0", "64:0 65:0"], after.Where(s => s.Parent == topic.Id).Select(s => s.Members).Order(StringComparer.Ordinal));
        Assert.Equal(before, after.Where(s => s.Id != topic.Id && s.Parent != topic.Id));
    }

    [Fact]
    public void Five_articles_added_to_sixty_are_merged_around_them_as_the_whole_dossier_merges_them()
    {
        static Dictionary<string, string> Events(string dossier) =>
            SixtyArticlesThenSeeds.Groups(dossier, CorpusLayers.Events).ToDictionary(g => $"{g.Label} | {g.Members}", g => g.Id, StringComparer.Ordinal);
        var before = Events(dossiers.Before);
        var after = Events(dossiers.Stepwise);

        var expected = Events(dossiers.Whole).Keys.Order(StringComparer.Ordinal).ToArray();
        Assert.Contains(expected, e => e.Contains(" 61:", StringComparison.Ordinal) && e.Contains(" 65:", StringComparison.Ordinal));
        Assert.Equal(expected, after.Keys.Order(StringComparer.Ordinal).ToArray());
        // An event of the sixty that the seeds do not tell of keeps its id.
        Assert.All(before.Where(e => after.ContainsKey(e.Key)), e => Assert.Equal(e.Value, after[e.Key]));
    }
}
