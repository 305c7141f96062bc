using System.Text.Json;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>Resolution takes in a few new documents through its blocking index, around them only,
/// and forms the entities a resolution of the whole dossier forms; and the entities of a dossier are
/// a function of its articles, not of the order they were stored in: names, types and mentions are
/// the same whichever article came first (ids may differ).</summary>
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

    /// <summary>Each entity as its type, name and mentions (article id, start, length), sorted, after
    /// building the batches of articles one after the other into one dossier.</summary>
    private string[] EntitiesAfter(string name, params IEnumerable<string>[] batches)
    {
        var dossier = Path.Combine(_folder, name + ".dossier");
        for (var b = 0; b < batches.Length; b++)
        {
            var input = Path.Combine(_folder, $"{name}-{b}.jsonl");
            File.WriteAllLines(input, batches[b]);
            Build(dossier, input);
        }
        using var store = SqliteDossierStore.Open(dossier, create: false);
        var article = store.ListDocuments().ToDictionary(d => d.Id, d => d.Path[(d.Path.LastIndexOf('#') + 1)..]);
        return store.CorpusGroups(CorpusLayers.Entities)
            .Select(g => $"{JsonDocument.Parse(g.Data).RootElement.GetProperty("Type").GetString()}\t{g.Label}\t"
                + string.Join(' ', g.Members.Select(m => $"{article[m.Document]}:{m.Start}:{m.Length}").Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Orangesum articles where the order once mattered: "UNEF" (29174) and "Unef" (20539,
    /// 33522), "AVA" (6819) and "Ava" (4220) were one entity or two depending on which came first;
    /// "Dieudonné" alone (25920) joined "Romain Dieudonné" or not depending on when the tagger's
    /// "Patrick Balkany Romain Dieudonné" (18565, 20631, 30835) had been joined to it.</summary>
    private static readonly string[] OrderSensitive = ["18565", "29174", "20631", "6819", "4220", "20539", "25920", "33522", "30835"];

    private static List<string> Articles(Func<string, bool> chosen) =>
        File.ReadLines(Path.Combine(Shared, "data", "corpus-fr", "orangesum-5k.jsonl"))
            .Where(line => JsonDocument.Parse(line).RootElement is var article && chosen(article.GetProperty("id").ToString())
                && article.GetProperty("article").GetString() is { Length: > 0 }).ToList();

    [Fact]
    public void Articles_stored_in_two_orders_give_the_same_entities()
    {
        var articles = Articles(OrderSensitive.Contains);
        Assert.Equal(OrderSensitive.Length, articles.Count);

        var forward = EntitiesAfter("forward", articles);
        var backward = EntitiesAfter("backward", Enumerable.Reverse(articles));

        Assert.Equal(forward, backward);
        // The capitals and the word are one union.
        Assert.Single(forward, e => e.Split('\t')[1] is "Unef" or "UNEF");
    }

    [Fact]
    public void Articles_added_to_a_dossier_give_the_entities_of_one_build_of_them_all()
    {
        // Forty articles, then the nine added (resolved around them only), against one build of the
        // forty-nine in the other order (resolved whole).
        var first = Articles(id => !OrderSensitive.Contains(id)).Take(40).ToList();
        var added = Articles(OrderSensitive.Contains);

        var stepwise = EntitiesAfter("stepwise", first, added);
        var whole = EntitiesAfter("whole", Enumerable.Reverse(first.Concat(added).ToList()));

        Assert.Equal(whole, stepwise);
    }
}
