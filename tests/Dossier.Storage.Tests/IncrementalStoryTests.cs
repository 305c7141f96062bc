using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>Stories take in a few new documents by placing them against the stored topics' centroids,
/// without forming the tree again: the topics they do not join stay as they were, under their ids.</summary>
public sealed class IncrementalStoryTests : IDisposable
{
    private static readonly string Shared = Path.Combine(CorpusStagesTests.FindRoot(), "..", "shared");
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-stories-").FullName;

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

    /// <summary>Each story: its id, its parent and its documents.</summary>
    private static List<(string Id, string? Parent, string Documents)> Stories(string dossier)
    {
        using var store = SqliteDossierStore.Open(dossier, create: false);
        return store.CorpusGroups(CorpusLayers.Stories).Select(g => (g.Id, g.Parent, string.Join(' ', g.Members.Select(m => m.Document)))).ToList();
    }

    [Fact]
    public void Five_articles_added_to_sixty_form_their_own_story_and_leave_every_other_story_as_it_was()
    {
        var articles = Path.Combine(_folder, "articles.jsonl");
        File.WriteAllLines(articles, File.ReadLines(Path.Combine(Shared, "data", "corpus-fr", "orangesum-5k.jsonl")).Take(60));
        var seeds = Path.Combine(_folder, "seeds");
        Directory.CreateDirectory(seeds);
        foreach (var seed in Directory.GetFiles(Path.Combine(Shared, "seeds"), "*.txt")) File.Copy(seed, Path.Combine(seeds, Path.GetFileName(seed)));

        var dossier = Path.Combine(_folder, "stepwise.dossier");
        Build(dossier, articles);
        var before = Stories(dossier);
        Build(dossier, articles, seeds);
        var after = Stories(dossier);

        // The seeds are documents 61 to 65, in file order: the 2016 battle for Mosul, then the 2019-2020 withdrawal.
        var topic = Assert.Single(after, s => s.Parent is null && s.Documents.Split(' ').Contains("61"));
        Assert.Equal("61 62 63 64 65", topic.Documents);
        Assert.Equal(["61 62 63", "64 65"], after.Where(s => s.Parent == topic.Id).Select(s => s.Documents).Order(StringComparer.Ordinal));
        Assert.Equal(before, after.Where(s => s.Id != topic.Id && s.Parent != topic.Id));
    }
}
