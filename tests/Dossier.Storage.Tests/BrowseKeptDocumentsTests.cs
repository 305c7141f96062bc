using System.Text.Json;
using Dossier.Storage.Browse;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>A build keeps the reading index's item of a document it did not change, with the same
/// marks and stories, and of an event as it was in documents it did not change, rather than making
/// them again; the index it leaves is the one written from nothing.</summary>
public sealed class BrowseKeptDocumentsTests(SixtyArticlesThenSeeds dossiers) : IClassFixture<SixtyArticlesThenSeeds>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-browse-kept-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Every item of a dossier's index: its rank and the digest of all it shows.</summary>
    private static List<string> Items(string dossier)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dossier, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, id, rank, digest FROM browse_items ORDER BY kind, id";
        using var reader = command.ExecuteReader();
        var items = new List<string>();
        while (reader.Read()) items.Add($"{reader.GetString(0)} {reader.GetString(1)} {reader.GetInt64(2)} {reader.GetInt64(3)}");
        return items;
    }

    private static int Documents(IReadOnlyDictionary<(string Kind, string Id), long> bases) => bases.Keys.Count(k => k.Kind == BrowseKinds.Document);

    private string Copy(string dossier)
    {
        var copy = Path.Combine(_folder, $"{Guid.NewGuid():N}.dossier");
        File.Copy(dossier, copy);
        return copy;
    }

    private static void Run(string dossier, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dossier, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void The_index_after_adding_the_seeds_to_sixty_articles_is_the_one_written_from_nothing()
    {
        var fresh = Copy(dossiers.Stepwise);
        Run(fresh, "DELETE FROM browse_items; DELETE FROM browse_facets; DELETE FROM browse_state;");
        using (var store = SqliteDossierStore.Open(fresh, create: false)) BrowseIndex.Update(store);

        Assert.Equal(Items(fresh), Items(dossiers.Stepwise));
    }

    /// <summary>A file's index written whole is made a few documents and groups at a time, as they are read;
    /// it is the index made from every document and group at once.</summary>
    [Fact]
    public void The_index_written_a_few_documents_at_a_time_is_the_one_made_from_every_document_at_once()
    {
        const string dropped = "DELETE FROM browse_items; DELETE FROM browse_facets; DELETE FROM browse_state;";
        var batched = Copy(dossiers.Stepwise);
        Run(batched, dropped);
        using (var store = SqliteDossierStore.Open(batched, create: false)) BrowseIndex.Update(store);
        var atOnce = Copy(dossiers.Stepwise);
        Run(atOnce, dropped);
        using (var store = SqliteDossierStore.Open(atOnce, create: false))
        {
            var documents = BrowseIndex.Read(store);
            store.WriteBrowseIndex(BrowseIndex.Items(documents, Core.Export.CorpusResults.Read(store, documents.Select(d => d.Exported).ToArray())));
        }

        Assert.Equal(Items(atOnce), Items(batched));
    }

    [Fact]
    public void The_sixty_articles_left_as_they_were_keep_their_item_and_the_seeds_have_one()
    {
        using var store = SqliteDossierStore.Open(Copy(dossiers.Before), create: false);
        var bases = store.BrowseBases();

        Assert.Equal(60, bases.Keys.Count(k => k.Kind == BrowseKinds.Document));
        var documents = BrowseIndex.Read(store);
        var kept = BrowseIndex.Items(documents, Core.Export.CorpusResults.Read(store, documents.Select(d => d.Exported).ToArray()), bases)
            .Where(i => i.Kind == BrowseKinds.Document).Count(i => i.IsKept);
        Assert.Equal(60, kept);
    }

    [Fact]
    public void Events_are_kept_but_those_with_evidence_in_a_changed_document()
    {
        var dossier = Copy(dossiers.Before);
        string changed;
        using (var before = SqliteDossierStore.Open(dossier, create: false))
        {
            var stored = BrowseIndex.Read(before);
            changed = Core.Export.CorpusResults.Read(before, stored.Select(d => d.Exported).ToArray()).Events[0].Evidence[0].DocumentId;
        }
        // Noted as changed, as a build that analyses it again notes it.
        Run(dossier, $"INSERT INTO browse_changed_documents (doc_id) VALUES ({changed[1..]})");
        using var store = SqliteDossierStore.Open(dossier, create: false);
        var documents = BrowseIndex.Read(store);
        var corpus = Core.Export.CorpusResults.Read(store, documents.Select(d => d.Exported).ToArray());
        var events = BrowseIndex.Items(documents, corpus, store.BrowseBases()).Where(i => i.Kind == BrowseKinds.Event).ToList();

        var inChanged = corpus.Events.Where(e => e.Evidence.Any(l => l.DocumentId == changed)).Select(e => e.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(inChanged);
        Assert.Equal(inChanged, events.Where(i => !i.IsKept).Select(i => i.Id).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(corpus.Events.Count - inChanged.Length, events.Count(i => i.IsKept));
    }

    /// <summary>Documents added on an event's day change the day's salience, not the event: its item is
    /// the same, and the day's salience is an item of its own.</summary>
    [Fact]
    public void An_event_item_is_the_same_whatever_the_salience_of_its_day()
    {
        using var store = SqliteDossierStore.Open(Copy(dossiers.Stepwise), create: false);
        var documents = BrowseIndex.Read(store);
        var corpus = Core.Export.CorpusResults.Read(store, documents.Select(d => d.Exported).ToArray());
        var busier = corpus with
        {
            Events = corpus.Events.Select(e => Core.Events.EventSalience.Day(e.Date) is null ? e : e with { Salience = e.Salience + 2 }).ToArray(),
        };
        static List<BrowseItem> Made(IEnumerable<BrowseItem> items, string kind) => items.Where(i => i.Kind == kind).ToList();
        static string Shown(BrowseItem item) => $"{item.Id} {item.Rank} {item.Basis} {item.Summary} {item.Detail}";

        var events = Made(BrowseIndex.Items(documents, corpus), BrowseKinds.Event);
        Assert.Equal(events.Select(Shown), Made(BrowseIndex.Items(documents, busier), BrowseKinds.Event).Select(Shown));
        var days = Made(BrowseIndex.Items(documents, corpus), BrowseKinds.EventDay);
        Assert.NotEmpty(days);
        Assert.Equal(days.Select(d => $"{d.Id} {double.Parse(d.Summary, System.Globalization.CultureInfo.InvariantCulture) + 2}"),
            Made(BrowseIndex.Items(documents, busier), BrowseKinds.EventDay).Select(d => $"{d.Id} {d.Summary}"));
    }

    [Fact]
    public void A_document_whose_line_becomes_boilerplate_has_its_item_made_again()
    {
        var dossier = Copy(dossiers.Before);
        // Its first line, content as analysed (the article of orangesum-5k's first line).
        Run(dossier, "UPDATE lines SET kind = 'boilerplate', reason = 'set aside by hand' WHERE doc_id = 1 AND number = 1");
        using var store = SqliteDossierStore.Open(dossier, create: false);
        Assert.Equal(59, Documents(store.BrowseBases()));
        BrowseIndex.Update(store);

        using var detail = JsonDocument.Parse(store.BrowseDetail(BrowseKinds.Document, "d1")!);
        var line = detail.RootElement.GetProperty("document").GetProperty("lines")[0];
        Assert.Equal("1 boilerplate set aside by hand", $"{line.GetProperty("line")} {line.GetProperty("kind")} {line.GetProperty("reason")}");
        Assert.Equal(60, Documents(store.BrowseBases()));
    }

    /// <summary>The build that adds the seeds writes the items of what it changed alone: the sixty
    /// articles' index is the one written whole, and what changed since is recorded, then cleared.</summary>
    [Fact]
    public void A_build_records_what_it_changed_and_writes_those_items_alone()
    {
        using (var before = SqliteDossierStore.Open(Copy(dossiers.Before), create: false))
        {
            var none = before.BrowseChangesSince(BrowseIndex.Maker)!;
            Assert.Equal("0 0", $"{none.Documents.Count} {none.Groups.Count}");
            Assert.Null(before.BrowseChangesSince("other code"));
        }
        var dossier = Copy(dossiers.Before);
        var entity = Scalar(dossier, "SELECT id FROM corpus_groups WHERE kind = 'entities' ORDER BY number LIMIT 1");
        var documents = Scalar(dossier, $"SELECT group_concat(doc_id) FROM (SELECT DISTINCT doc_id FROM corpus_members WHERE kind = 'entities' AND group_id = '{entity}' ORDER BY doc_id)");
        // A name another stage run gave it: every document naming it shows the name in its marks.
        Run(dossier, $"UPDATE corpus_groups SET label = 'Renamed' WHERE kind = 'entities' AND id = '{entity}'");
        using var store = SqliteDossierStore.Open(dossier, create: false);
        var changes = store.BrowseChangesSince(BrowseIndex.Maker)!;
        Assert.Equal(documents, string.Join(',', changes.Documents.Order()));
        Assert.Equal([$"entities {entity}"], changes.Groups.SelectMany(g => g.Value.Select(id => $"{g.Key} {id}")));

        BrowseIndex.Update(store);
        var first = documents.Split(',')[0];
        Assert.Contains("\"value\":\"Renamed\"", store.BrowseDetail(BrowseKinds.Document, $"d{first}")!, StringComparison.Ordinal);
        Assert.StartsWith($"{{\"id\":\"{entity}\",\"name\":\"Renamed\"", store.Browse(new BrowseFilter(BrowseKinds.Entity), 0, 10_000).Items.Single(i => i.Contains($"\"{entity}\"", StringComparison.Ordinal)), StringComparison.Ordinal);
        var cleared = store.BrowseChangesSince(BrowseIndex.Maker)!;
        Assert.Equal("0 0", $"{cleared.Documents.Count} {cleared.Groups.Count}");
    }

    private static string Scalar(string dossier, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dossier, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
