using System.Text;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>A dossier knows which file (and record) each text came from: a rebuild replaces exactly
/// what a changed file holds now.</summary>
public sealed class SourceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-sources-").FullName;
    private string Inputs => Path.Combine(_folder, "in");
    private string DossierFile => Path.Combine(_folder, "test.dossier");

    public SourceTests() => Directory.CreateDirectory(Inputs);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(Inputs, name), text, Encoding.UTF8);

    private BuildReport Build(bool prune = false)
    {
        using var store = SqliteDossierStore.Open(DossierFile, create: true);
        return new DossierBuilder(store, DocumentPipeline.CreateDefault(), InputReader.CreateDefault()) { Prune = prune }.Build([Inputs]);
    }

    private (string Path, string Title)[] Documents()
    {
        using var store = SqliteDossierStore.Open(DossierFile, create: false);
        return store.ListDocuments().Select(d => (d.Path, d.Title ?? "")).ToArray();
    }

    private static string Article(string subject) =>
        $"Un titre sur {subject}\n\nLe gouvernement a annoncé lundi une décision importante sur {subject}, selon un communiqué officiel.\n";

    private static string JsonLine(int id, string subject) =>
        $"{{\"id\": {id}, \"title\": \"Titre {id}\", \"text\": \"Le gouvernement a annoncé lundi une décision sur {subject}.\"}}\n";

    private static string Feed(params int[] items) =>
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Actualités</title>" +
        string.Concat(items.Select(i => $"<item><guid>g{i}</guid><title>Article {i}</title><description>Le texte de l'article numéro {i}.</description></item>")) +
        "</channel></rss>";

    [Fact]
    public void A_record_removed_from_a_json_lines_file_leaves_the_dossier_on_rebuild()
    {
        Write("flux.jsonl", JsonLine(1, "les retraites") + JsonLine(2, "les impôts") + JsonLine(3, "la santé"));
        Assert.Equal(3, Build().Added);

        Write("flux.jsonl", JsonLine(1, "les retraites") + JsonLine(3, "la santé"));
        var report = Build();

        Assert.Equal((0, 0, 2, 1), (report.Added, report.Replaced, report.Unchanged, report.Removed.Count));
        Assert.Equal(["flux.jsonl#1", "flux.jsonl#3"], Documents().Select(d => d.Path));
    }

    [Fact]
    public void Items_gone_from_a_feed_leave_the_dossier_and_a_changed_item_replaces_its_old_text()
    {
        Write("flux.rss", Feed(1, 2, 3, 4));
        Build();

        Write("flux.rss", Feed(1, 3).Replace("numéro 3", "numéro trois", StringComparison.Ordinal));
        var report = Build();

        Assert.Empty(report.Problems);
        Assert.Equal((0, 1, 1, 2), (report.Added, report.Replaced, report.Unchanged, report.Removed.Count));
        Assert.Equal(["Article 1", "Article 3"], Documents().Select(d => d.Title).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Identical_files_are_one_text_listed_with_both_paths()
    {
        Write("a.txt", Article("les retraites"));
        Write("copie.txt", Article("les retraites"));
        var report = Build();

        Assert.Equal((1, 1), (report.Added, report.Linked));
        using var store = SqliteDossierStore.Open(DossierFile, create: false);
        var only = Assert.Single(store.ListDocuments());
        Assert.Equal(["a.txt", "copie.txt"], store.SourcePaths(only.Id));
    }

    [Fact]
    public void A_file_overwritten_with_another_files_text_drops_its_old_text_and_joins_the_other()
    {
        Write("a.txt", Article("les retraites"));
        Write("b.txt", Article("les impôts"));
        Build();

        Write("b.txt", Article("les retraites"));
        var report = Build();

        Assert.Equal((0, 0, 1, 1, 1), (report.Added, report.Replaced, report.Unchanged, report.Linked, report.Removed.Count));
        using var store = SqliteDossierStore.Open(DossierFile, create: false);
        var only = Assert.Single(store.ListDocuments());
        Assert.Equal("Un titre sur les retraites", only.Title);
        Assert.Equal(["a.txt", "b.txt"], store.SourcePaths(only.Id));

        // The first copy changes: the text stays for the second, which becomes its first path.
        Write("a.txt", Article("la santé"));
        var third = Build();
        Assert.Equal((0, 1, 0, 1, 0), (third.Added, third.Replaced, third.Linked, third.Unchanged, third.Removed.Count));
        Assert.Equal([("b.txt", "Un titre sur les retraites"), ("a.txt", "Un titre sur la santé")], Documents());
    }

    [Fact]
    public void A_gone_file_is_kept_and_counted_unless_pruned()
    {
        Write("a.txt", Article("les retraites"));
        Write("b.txt", Article("les impôts"));
        Build();
        File.Delete(Path.Combine(Inputs, "b.txt"));

        var kept = Build();
        Assert.Equal((1, 0), (kept.Gone, kept.Removed.Count));
        Assert.Equal(2, Documents().Length);

        var pruned = Build(prune: true);
        Assert.Equal((0, 1), (pruned.Gone, pruned.Removed.Count));
        Assert.Equal(["a.txt"], Documents().Select(d => d.Path));
    }

    [Fact]
    public void A_file_read_with_an_error_keeps_the_records_it_did_not_give_this_time()
    {
        Write("flux.jsonl", JsonLine(1, "les retraites") + JsonLine(2, "les impôts"));
        Build();

        Write("flux.jsonl", JsonLine(1, "les retraites") + "{\"id\": 2, \"text\": \"coupé\n");
        var report = Build();

        Assert.True(report.HasErrors);
        Assert.Empty(report.Removed);
        Assert.Equal(2, Documents().Length);
    }
}
