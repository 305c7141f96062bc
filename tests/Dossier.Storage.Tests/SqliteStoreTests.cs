using System.Text;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Storage;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

public sealed class SqliteStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-store-").FullName;
    private string Inputs => Path.Combine(_folder, "in");
    private string DossierFile => Path.Combine(_folder, "test.dossier");

    public SqliteStoreTests() => Directory.CreateDirectory(Inputs);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private void WriteArticle(string name, string text) => File.WriteAllText(Path.Combine(Inputs, name), text, Encoding.UTF8);

    private BuildReport Build()
    {
        using var store = SqliteDossierStore.Open(DossierFile, create: true);
        return new DossierBuilder(store, DocumentPipeline.CreateDefault(), InputReader.CreateDefault()).Build([Inputs]);
    }

    /// <param name="between">A line between the two paragraphs, where the article's layout keeps it as text.</param>
    private static string Article(string subject, string? between = null) =>
        $"Un titre sur {subject}\n\nLe gouvernement a annoncé lundi une décision importante sur {subject}, selon un communiqué officiel publié dans la soirée.\n" +
        (between is null ? "" : between + "\n") +
        $"Les détails de la mesure concernant {subject} seront précisés dans les prochains jours par le ministère.\n";

    [Fact]
    public void Building_twice_adds_nothing_and_a_changed_file_replaces_its_old_version()
    {
        WriteArticle("a.txt", Article("les retraites"));
        WriteArticle("b.txt", Article("les impôts"));
        var first = Build();
        Assert.Equal((2, 0, 0), (first.Added, first.Replaced, first.Unchanged));

        var second = Build();
        Assert.Equal((0, 0, 2), (second.Added, second.Replaced, second.Unchanged));

        WriteArticle("b.txt", Article("la santé"));
        var third = Build();
        Assert.Equal((0, 1, 1), (third.Added, third.Replaced, third.Unchanged));

        using var store = SqliteDossierStore.Open(DossierFile, create: false);
        var titles = store.ListDocuments().Select(d => d.Title ?? "").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["Un titre sur la santé", "Un titre sur les retraites"], titles);
    }

    [Fact]
    public void A_stored_document_comes_back_with_every_layer()
    {
        WriteArticle("a.txt", Article("les retraites"));
        Build();
        using var store = SqliteDossierStore.Open(DossierFile, create: false);
        var id = store.FindDocument("a.txt")!.Value;
        var loaded = store.Load(id)!;
        var fresh = DocumentPipeline.CreateDefault().Run(InputReader.CreateDefault().Read([Path.Combine(Inputs, "a.txt")]).Single().Document!);
        Assert.Equal(fresh.Text, loaded.Text);
        Assert.Equal(fresh.Lines, loaded.Lines);
        Assert.Equal(fresh.Tokens, loaded.Tokens);
        Assert.Equal(fresh.Sentences, loaded.Sentences);
        Assert.Equal(fresh.Metadata, loaded.Metadata);
        Assert.Equal("fr", loaded.Language);
        Assert.Equal(id, store.FindDocument($"d{id}"));
    }

    [Fact]
    public void Event_mentions_come_back_with_their_triggers_time_participants_and_place()
    {
        WriteArticle("strike.txt", "Publié le 15/01/2020\n" +
            "Les États-Unis ont lancé une frappe de drone à Bagdad le 3 janvier, qui a tué le général iranien Qassem Soleimani.\n" +
            "Washington devrait envoyer des renforts, a annoncé le Pentagone.\n");
        Build();
        using var store = SqliteDossierStore.Open(DossierFile, create: false);
        var loaded = store.Load(store.FindDocument("strike.txt")!.Value)!;
        var fresh = DocumentPipeline.CreateDefault().Run(InputReader.CreateDefault().Read([Path.Combine(Inputs, "strike.txt")]).Single().Document!);
        static string Describe(AnalysedDocument d, EventMention e) =>
            $"{string.Join('+', e.Triggers.Select(t => d.Text.Substring(t.Start, t.Length)))} {e.Class} {e.Status} s{e.Sentence} framed={e.Framed} " +
            $"{e.Time} [{string.Join(", ", e.Participants.Select(p => d.Text.Substring(p.Start, p.Length)))}] {(e.Place is { } p ? d.Text.Substring(p.Start, p.Length) : "-")}";
        Assert.Equal(fresh.Events.Select(e => Describe(fresh, e)), loaded.Events.Select(e => Describe(loaded, e)));
        Assert.Equal(2, loaded.Events.Length);
        Assert.StartsWith("frappe+tué attack Happened", Describe(loaded, loaded.Events[0]), StringComparison.Ordinal);
        const string Plan = "envoyer+renforts deployment Planned s2 framed=True";
        Assert.Equal(Plan, Describe(loaded, loaded.Events[1])[..Plan.Length]);
    }

    [Fact]
    public void A_line_recurring_in_three_documents_is_boilerplate_and_is_restored_when_it_no_longer_recurs()
    {
        const string promotion = "Retrouvez toute l'actualité de la région sur notre site et nos applications mobiles.";
        WriteArticle("a.txt", Article("les retraites", promotion));
        WriteArticle("b.txt", Article("les impôts", promotion));
        Build();
        Assert.All(KindsOf(promotion), k => Assert.Equal("content", k));

        WriteArticle("c.txt", Article("la santé", promotion));
        var report = Build();
        Assert.Equal(3, report.CorpusBoilerplateLines);
        Assert.Equal(["boilerplate", "boilerplate", "boilerplate"], KindsOf(promotion));

        WriteArticle("c.txt", Article("la santé"));
        Build();
        Assert.Equal(["content", "content"], KindsOf(promotion));
    }

    private string[] KindsOf(string lineText)
    {
        using var store = SqliteDossierStore.Open(DossierFile, create: false);
        return store.LoadAll()
            .SelectMany(x => x.Document.Lines.Where(l => x.Document.LineText(l) == lineText).Select(l => Line.KindName(l.Kind)))
            .ToArray();
    }

    [Fact]
    public void Another_sqlite_database_is_refused_rather_than_written_to()
    {
        var other = Path.Combine(_folder, "other.db");
        using (var connection = new SqliteConnection($"Data Source={other};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me');";
            command.ExecuteNonQuery();
        }
        var error = Assert.Throws<DossierStoreException>(() => SqliteDossierStore.Open(other, create: true));
        Assert.Equal($"{other}: not a dossier file (a SQLite database of another application)", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_and_left_untouched()
    {
        var text = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(text, "These are my notes, not a dossier. They must survive.");
        var error = Assert.Throws<DossierStoreException>(() => SqliteDossierStore.Open(text, create: true));
        Assert.StartsWith($"{text}: cannot be opened as a dossier", error.Message, StringComparison.Ordinal);
        Assert.Equal("These are my notes, not a dossier. They must survive.", File.ReadAllText(text));
    }
}
