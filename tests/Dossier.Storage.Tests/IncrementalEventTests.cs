using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>Events take in a few new documents through their blocking index, merging them with their
/// neighbourhood only, and form the events a merge of the whole dossier forms.</summary>
public sealed class IncrementalEventTests : IDisposable
{
    private static readonly string Shared = Path.Combine(CorpusStagesTests.FindRoot(), "..", "shared");
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-events-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static void Build(string dossier, params string[] inputs)
    {
        using var store = SqliteDossierStore.Open(dossier, create: true);
        Assert.Empty(new DossierBuilder(store, DocumentPipeline.CreateDefault(), InputReader.CreateDefault()).Build(inputs).Problems
            .Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.ToString()));
    }

    /// <summary>Each event as its summary and the set of its reports (document and trigger start), with its id.</summary>
    private static Dictionary<string, string> Events(string dossier)
    {
        using var store = SqliteDossierStore.Open(dossier, create: false);
        return store.CorpusGroups(CorpusLayers.Events).ToDictionary(
            g => $"{g.Label} | {string.Join(' ', g.Members.Select(m => $"{m.Document}:{m.Start}"))}", g => g.Id, StringComparer.Ordinal);
    }

    [Fact]
    public void Five_articles_added_to_sixty_are_merged_around_them_as_the_whole_dossier_merges_them()
    {
        var articles = Path.Combine(_folder, "articles.jsonl");
        File.WriteAllLines(articles, File.ReadLines(Path.Combine(Shared, "data", "corpus-fr", "orangesum-5k.jsonl")).Take(60));
        var seeds = Path.Combine(_folder, "seeds");
        Directory.CreateDirectory(seeds);
        foreach (var seed in Directory.GetFiles(Path.Combine(Shared, "seeds"), "*.txt")) File.Copy(seed, Path.Combine(seeds, Path.GetFileName(seed)));

        var whole = Path.Combine(_folder, "whole.dossier");
        Build(whole, articles, seeds);
        var stepwise = Path.Combine(_folder, "stepwise.dossier");
        Build(stepwise, articles);
        var before = Events(stepwise);
        Build(stepwise, articles, seeds);
        var after = Events(stepwise);

        var expected = Events(whole).Keys.Order(StringComparer.Ordinal).ToArray();
        Assert.Contains(expected, e => e.Contains(" 61:", StringComparison.Ordinal) && e.Contains(" 65:", StringComparison.Ordinal));
        Assert.Equal(expected, after.Keys.Order(StringComparer.Ordinal).ToArray());
        // An event of the sixty that the seeds do not tell of keeps its id.
        Assert.All(before.Where(e => after.ContainsKey(e.Key)), e => Assert.Equal(e.Value, after[e.Key]));
    }
}
