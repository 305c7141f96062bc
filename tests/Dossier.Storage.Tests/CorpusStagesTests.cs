using System.Text.Json;
using Dossier.Core.Export;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>The standard corpus stages on real articles: ids that last, exports that repeat, and
/// a build stopped during the corpus phase.</summary>
public sealed class CorpusStagesTests : IDisposable
{
    private static readonly string Shared = Path.Combine(FindRoot(), "..", "shared");
    private static readonly string[] Seeds = Directory.GetFiles(Path.Combine(Shared, "seeds"), "*.txt").Order(StringComparer.Ordinal).ToArray();
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-stages-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string DossierFile(string name) => Path.Combine(_folder, name + ".dossier");

    private static void Build(string dossier, IEnumerable<string> inputs, CorpusPipeline? corpus = null)
    {
        using var store = SqliteDossierStore.Open(dossier, create: true);
        var report = new DossierBuilder(store, DocumentPipeline.CreateDefault(), InputReader.CreateDefault(), corpus).Build(inputs);
        Assert.False(report.HasErrors);
    }

    private static byte[] Export(string dossier)
    {
        using var store = SqliteDossierStore.Open(dossier, create: false);
        var documents = store.LoadAll().Select(x => new ExportedDocument(DocumentIds.Format(x.Id), x.Document)).ToList();
        using var output = new MemoryStream();
        JsonExporter.Write(output, documents, CorpusResults.Read(store, documents));
        return output.ToArray();
    }

    /// <summary>Fifty French news articles on other subjects, as one JSON-lines file.</summary>
    private string UnrelatedArticles()
    {
        var path = Path.Combine(_folder, "unrelated.jsonl");
        File.WriteAllLines(path, File.ReadLines(Path.Combine(Shared, "data", "corpus-fr", "orangesum-5k.jsonl")).Take(50));
        return path;
    }

    /// <summary>id → what it names: an entity's name and mentions, a series' points, a story's documents.</summary>
    private static Dictionary<string, (string Name, HashSet<string> Members)> Named(byte[] export)
    {
        using var json = JsonDocument.Parse(export);
        var root = json.RootElement;
        var named = new Dictionary<string, (string, HashSet<string>)>(StringComparer.Ordinal);
        foreach (var e in root.GetProperty("entities").EnumerateArray())
            named[e.GetProperty("id").GetString()!] = (e.GetProperty("name").GetString()!,
                e.GetProperty("mentions").EnumerateArray().Select(m => $"{m.GetProperty("doc")}:{m.GetProperty("line")}:{m.GetProperty("start")}").ToHashSet());
        foreach (var s in root.GetProperty("series").EnumerateArray())
            named[s.GetProperty("id").GetString()!] = (s.GetProperty("unit").GetString()!,
                s.GetProperty("points").EnumerateArray().Select(p => $"{p.GetProperty("doc")}:{p.GetProperty("line")}:{p.GetProperty("value")}").ToHashSet());
        foreach (var s in root.GetProperty("stories").EnumerateArray())
            named[s.GetProperty("id").GetString()!] = (s.GetProperty("parent").ToString(), s.GetProperty("documents").EnumerateArray().Select(d => d.GetString()!).ToHashSet());
        return named;
    }

    [Fact]
    public void Exports_repeat_byte_for_byte_and_fifty_unrelated_articles_leave_every_id_naming_the_same_thing()
    {
        var dossier = DossierFile("seeds");
        Build(dossier, Seeds);
        var before = Export(dossier);
        Assert.Equal(before, Export(dossier));
        var named = Named(before);
        Assert.Contains(named, n => n.Key.StartsWith('e') && n.Value.Name == "Ashton Carter");
        Assert.Contains(named, n => n.Key.StartsWith('q'));
        Assert.Contains(named, n => n.Key.StartsWith('s'));

        Build(dossier, [.. Seeds, UnrelatedArticles()]);
        var after = Named(Export(dossier));
        Assert.Equal(55, JsonDocument.Parse(Export(dossier)).RootElement.GetProperty("documents").GetArrayLength());
        foreach (var (id, (name, members)) in named)
        {
            Assert.True(after.TryGetValue(id, out var now), $"{id} ({name}) is gone");
            Assert.Equal(name, now.Name);
            Assert.Subset(now.Members, members);
        }
    }

    /// <summary>Runs a stage, then fails as a process killed before the commit would.</summary>
    private sealed class StoppedAfter(ICorpusStage stage) : ICorpusStage
    {
        public string Name => stage.Name;
        public IReadOnlyList<string> Requires => stage.Requires;
        public IReadOnlyList<string> Provides => stage.Provides;

        public void Update(ICorpusRun run, CancellationToken cancellationToken)
        {
            stage.Update(run, cancellationToken);
            throw new OperationCanceledException("stopped before the commit");
        }
    }

    [Fact]
    public void A_build_stopped_during_the_corpus_stages_leaves_a_dossier_that_exports_and_the_next_build_completes_it()
    {
        var documents = DocumentPipeline.CreateDefault();
        var standard = CorpusPipeline.CreateDefault(documents);
        var stopped = new CorpusPipeline(standard.Stages.Select((s, i) => i == 2 ? new StoppedAfter(s) : s), documents.Provides);
        var dossier = DossierFile("stopped");
        Assert.Throws<OperationCanceledException>(() => Build(dossier, Seeds, stopped));

        using (var json = JsonDocument.Parse(Export(dossier)))
        {
            Assert.Equal(5, json.RootElement.GetProperty("documents").GetArrayLength());
            Assert.NotEqual(0, json.RootElement.GetProperty("entities").GetArrayLength());
            Assert.Equal(0, json.RootElement.GetProperty("stories").GetArrayLength());
        }

        Build(dossier, Seeds);
        var clean = DossierFile("clean");
        Build(clean, Seeds);
        Assert.Equal(Export(clean), Export(dossier));
    }

    [Fact]
    public void Copies_added_build_after_build_form_groups_that_keep_their_ids()
    {
        var inputs = Path.Combine(_folder, "in");
        Directory.CreateDirectory(inputs);
        var body = File.ReadAllText(Seeds[0]);
        File.WriteAllText(Path.Combine(inputs, "a.txt"), body);
        File.Copy(Seeds[1], Path.Combine(inputs, "b.txt"));
        var dossier = DossierFile("copies");
        Build(dossier, [inputs]);
        File.WriteAllText(Path.Combine(inputs, "c.txt"), "Carter à Bagdad : Washington promet plus de soutien\n" + body + "\n(Avec AFP)");
        Build(dossier, [inputs]);
        File.WriteAllText(Path.Combine(inputs, "d.txt"), File.ReadAllText(Seeds[1]) + "\nPublié par la rédaction");
        Build(dossier, [inputs]);

        using var json = JsonDocument.Parse(Export(dossier));
        var groups = json.RootElement.GetProperty("duplicates").EnumerateArray()
            .Select(g => $"{g.GetProperty("id").GetString()}: {string.Join(' ', g.GetProperty("documents").EnumerateArray().Select(d => d.GetString()))}");
        Assert.Equal(["c1: d1 d3", "c2: d2 d4"], groups);
    }

    /// <summary>The series of an export without their ids, in a fixed order.</summary>
    private static string[] SeriesWithoutIds(byte[] export)
    {
        using var json = JsonDocument.Parse(export);
        return json.RootElement.GetProperty("series").EnumerateArray()
            .Select(s => string.Join(' ', s.EnumerateObject().Where(p => p.Name != "id").Select(p => $"{p.Name}={p.Value.GetRawText()}")))
            .Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public void Series_taken_in_one_article_at_a_time_are_the_series_of_one_build()
    {
        var whole = DossierFile("whole");
        Build(whole, Seeds);
        var stepwise = DossierFile("stepwise");
        for (var n = 1; n <= Seeds.Length; n++) Build(stepwise, Seeds.Take(n));

        var expected = SeriesWithoutIds(Export(whole));
        Assert.Contains(expected, s => s.Contains("soldiers — Irak", StringComparison.Ordinal));
        Assert.Equal(expected, SeriesWithoutIds(Export(stepwise)));
    }

    internal static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Dossier.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("Dossier.slnx not found above the test binaries");
    }
}
