using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>Resolution takes in a few new documents through its blocking index, around them only,
/// and forms the entities a resolution of the whole dossier forms.</summary>
public sealed class IncrementalResolutionTests : IDisposable
{
    private static readonly string Shared = Path.Combine(CorpusStagesTests.FindRoot(), "..", "shared");
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-incremental-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static void Build(string dossier, params string[] inputs)
    {
        using var store = SqliteDossierStore.Open(dossier, create: true);
        Assert.Empty(new DossierBuilder(store, DocumentPipeline.CreateDefault(), InputReader.CreateDefault()).Build(inputs).Problems.Where(p => p.Severity == Core.Read.ProblemSeverity.Error).Select(p => p.ToString()));
    }

    /// <summary>Each entity as the set of its mentions (document and start), with its id.</summary>
    private static Dictionary<string, string> Entities(string dossier)
    {
        using var store = SqliteDossierStore.Open(dossier, create: false);
        return store.CorpusGroups(CorpusLayers.Entities).ToDictionary(
            g => string.Join(' ', g.Members.Select(m => $"{m.Document}:{m.Start}")), g => g.Id, StringComparer.Ordinal);
    }

    [Fact]
    public void Five_articles_added_to_sixty_are_resolved_around_them_as_the_whole_dossier_resolves_them()
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
        var before = Entities(stepwise);
        Build(stepwise, articles, seeds);
        var after = Entities(stepwise);

        var expected = Entities(whole).Keys.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, after.Keys.Order(StringComparer.Ordinal).ToArray());
        // An entity of the sixty that the seeds do not name keeps its id.
        Assert.All(before.Where(e => after.ContainsKey(e.Key)), e => Assert.Equal(e.Value, after[e.Key]));
    }
}
