using System.Text.Json;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Storage.Browse;
using Dossier.Storage.Postgres;
using Dossier.Storage.Sqlite;
using Dossier.Storage.Tests.Postgres;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>A build keeps the reading index's item of a document it did not change, with the same
/// marks and stories, and of an event as it was in documents it did not change, rather than making
/// them again; the index it leaves is the one written from nothing, in the file and in PostgreSQL.</summary>
public sealed class BrowseKeptDocumentsTests(SixtyArticlesThenSeeds dossiers) : IClassFixture<SixtyArticlesThenSeeds>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-browse-kept-").FullName;
    private readonly List<string> _databases = [];

    /// <summary>Strings as the reading index writes them: letters of every script as they are.</summary>
    private static readonly JsonSerializerOptions Web = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        foreach (var database in _databases) TestPostgres.Drop(database);
    }

    /// <summary>Every item of a dossier's index (its rank and the digest of all it shows, facets included) and event vote.</summary>
    private static List<string> Items(string dossier)
    {
        using var connection = StoredSql.Open(dossier);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT kind || ' ' || id || ' ' || rank || ' ' || digest FROM browse_items ORDER BY kind, id;
            SELECT event || ' ' || day || ' ' || doc || ' ' || weight FROM browse_event_votes ORDER BY event, doc;
            """;
        using var reader = command.ExecuteReader();
        var items = new List<string>();
        do
            while (reader.Read()) items.Add(reader.GetString(0));
        while (reader.NextResult());
        return items;
    }

    /// <summary>A dossier of the fixture in one store: opened, changed by SQL, and its index's every row.</summary>
    private sealed record Stored(Func<IDossierStore> Open, Action<string> Run, Func<List<string>> Index)
    {
        /// <summary>Drops the index: its items, their facets and the state they were written at.</summary>
        public void DropIndex() => Run(StoredSql.DropReadingIndex);

        /// <summary>The index written whole from the stored documents and groups, in place of the one there.</summary>
        public List<string> WrittenWhole()
        {
            DropIndex();
            using (var opened = Open()) BrowseIndex.Update(opened);
            return Index();
        }
    }

    public const string InFile = "file", InPostgres = "postgres";

    /// <summary>A copy of a dossier of the fixture in the store named: the file, or a database of the test
    /// server it is copied into, its index written there whole.</summary>
    private Stored CopyTo(string store, string dossier)
    {
        var file = Copy(dossier);
        if (store == InFile) return new(() => SqliteDossierStore.Open(file, create: false), sql => StoredSql.Run(file, sql), () => Items(file));
        var database = TestPostgres.NewDatabase("browse");
        _databases.Add(database);
        using (var source = SqliteDossierStore.OpenReadOnly(file))
        using (var server = PostgresDossierStore.Open(database, create: true))
        {
            server.Import(source.ReadStoredDocuments(), source.ReadCorpusState());
            server.UpdateSearchIndex();
            BrowseIndex.Update(server);
        }
        return new(() => PostgresDossierStore.Open(database, create: false), sql => TestPostgres.Run(database, sql), () => TestPostgres.BrowseIndex(database));
    }

    /// <summary>The sixty articles, then the seeds added by a build in the store named, which writes the items of what it changed alone.</summary>
    private Stored Stepwise(string store)
    {
        if (store == InFile) return CopyTo(store, dossiers.Stepwise);
        var stepwise = CopyTo(store, dossiers.Before);
        using var opened = stepwise.Open();
        Assert.NotNull(((IBrowseChanges)opened).BrowseChangesSince(BrowseIndex.Maker));
        SixtyArticlesThenSeeds.Build(opened, dossiers.Articles, dossiers.Seeds);
        return stepwise;
    }

    private static int Documents(IReadOnlyDictionary<(string Kind, string Id), long> bases) => bases.Keys.Count(k => k.Kind == BrowseKinds.Document);

    private string Copy(string dossier)
    {
        var copy = Path.Combine(_folder, $"{Guid.NewGuid():N}.dossier");
        File.Copy(dossier, copy);
        return copy;
    }

    [Theory]
    [InlineData(InFile)]
    [InlineData(InPostgres)]
    public void The_index_after_adding_the_seeds_to_sixty_articles_is_the_one_written_from_nothing(string store)
    {
        var stepwise = Stepwise(store);
        var written = stepwise.Index();

        Assert.Equal(written, stepwise.WrittenWhole());
    }

    /// <summary>A build stopped while it writes the reading index (a worker told to stop, Ctrl+C) leaves the
    /// index it had, known not to be current, and the next write makes the index a build not stopped leaves.</summary>
    [Theory]
    [InlineData(InFile)]
    [InlineData(InPostgres)]
    public void A_build_stopped_while_it_writes_the_reading_index_leaves_the_index_it_had(string store)
    {
        var stopped = CopyTo(store, dossiers.Before);
        var before = stopped.Index();
        using (var stop = new CancellationTokenSource())
        using (var opened = stopped.Open())
        {
            var builder = new DossierBuilder(opened, DocumentPipeline.CreateDefault(), InputReader.CreateDefault());
            Assert.Throws<OperationCanceledException>(() =>
                builder.Build([dossiers.Articles, dossiers.Seeds], new StopAt(DossierBuilder.ReadingIndexStep, stop), stop.Token));
            Assert.False(opened.BrowseIndexIsCurrent());
        }
        Assert.Equal(before, stopped.Index());

        using (var opened = stopped.Open()) BrowseIndex.Update(opened);
        Assert.Equal(Stepwise(store).Index(), stopped.Index());
    }

    /// <summary>Stops the build as it reaches the step named.</summary>
    private sealed class StopAt(string step, CancellationTokenSource stop) : IProgress<BuildProgress>
    {
        public void Report(BuildProgress value)
        {
            if (value.CorpusStep == step) stop.Cancel();
        }
    }

    /// <summary>An index written whole is made a few documents and groups at a time, as they are read;
    /// it is the index made from every document and group at once.</summary>
    [Theory]
    [InlineData(InFile)]
    [InlineData(InPostgres)]
    public void The_index_written_a_few_documents_at_a_time_is_the_one_made_from_every_document_at_once(string store)
    {
        var batched = CopyTo(store, dossiers.Stepwise).WrittenWhole();
        var atOnce = CopyTo(store, dossiers.Stepwise);
        atOnce.DropIndex();
        using (var opened = atOnce.Open())
        {
            var documents = BrowseIndex.Read(opened);
            opened.WriteBrowseIndex(BrowseIndex.Items(documents, Core.Export.CorpusResults.Read(opened, documents.Select(d => d.Exported).ToArray())));
        }

        Assert.Equal(atOnce.Index(), batched);
    }

    /// <summary>The seeds added to sixty articles in PostgreSQL, the index written with what changed alone, give the
    /// file's items: every list as shown (with each day's salience) and every item's detail.</summary>
    [Fact]
    public void The_index_after_adding_the_seeds_to_sixty_articles_is_the_files_in_postgres()
    {
        string[] kinds = [BrowseKinds.Document, BrowseKinds.Entity, BrowseKinds.Event, BrowseKinds.Series, BrowseKinds.Story, BrowseKinds.Duplicate, BrowseKinds.GraphNode, BrowseKinds.GraphEdge];
        static string? Id(string summary) => System.Text.Json.JsonDocument.Parse(summary).RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
        List<string> Shown(IDossierStore store) => [.. kinds.SelectMany(kind => store.Browse(new BrowseFilter(kind), 0, 100_000).Items
            .Select(summary => $"{kind} {summary} {(Id(summary) is { } id ? store.BrowseDetail(kind, id) : "")}"))];
        using var file = SqliteDossierStore.Open(Copy(dossiers.Stepwise), create: false);
        using var server = Stepwise(InPostgres).Open();

        var expected = Shown(file);
        Assert.Contains(expected, item => item.StartsWith($"{BrowseKinds.Event} ", StringComparison.Ordinal));
        Assert.Equal(expected, Shown(server));
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
        StoredSql.Run(dossier, $"INSERT INTO browse_changed_documents (doc_id) VALUES ({changed[1..]})");
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
        // The day's item is counted from the votes of its events, not read from an event (whose words may lessen its own):
        // it is the salience of the day's most particular event, whatever the events' own say.
        var days = Made(BrowseIndex.Items(documents, corpus), BrowseKinds.EventDay);
        Assert.NotEmpty(days);
        Assert.Equal(corpus.Events.Where(e => Core.Events.EventSalience.Day(e.Date) is not null).GroupBy(e => Core.Events.EventSalience.Day(e.Date)!)
                .Select(g => $"{g.Key} {g.Max(e => e.Salience)}").Order(StringComparer.Ordinal),
            days.Select(d => $"{d.Id} {double.Parse(d.Summary, System.Globalization.CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal));
        Assert.Equal(days.Select(Shown), Made(BrowseIndex.Items(documents, busier), BrowseKinds.EventDay).Select(Shown));
    }

    [Fact]
    public void A_document_whose_line_becomes_boilerplate_has_its_item_made_again()
    {
        var dossier = Copy(dossiers.Before);
        // Its first line, content as analysed (the article of orangesum-5k's first line).
        StoredSql.Run(dossier, "UPDATE lines SET kind = 'boilerplate', reason = 'set aside by hand' WHERE doc_id = 1 AND number = 1");
        using var store = SqliteDossierStore.Open(dossier, create: false);
        Assert.Equal(59, Documents(store.BrowseBases()));
        BrowseIndex.Update(store);

        using var detail = JsonDocument.Parse(store.BrowseDetail(BrowseKinds.Document, "d1")!);
        var line = detail.RootElement.GetProperty("document").GetProperty("lines")[0];
        Assert.Equal("1 boilerplate set aside by hand", $"{line.GetProperty("line")} {line.GetProperty("kind")} {line.GetProperty("reason")}");
        Assert.Equal(60, Documents(store.BrowseBases()));
    }

    /// <summary>An event whose date moves it in the list of events marks its documents as it did (a mark does not
    /// tell where its event stands): no document is noted as changed, its item moves, and the index is the one written whole.</summary>
    [Theory]
    [InlineData(InFile)]
    [InlineData(InPostgres)]
    public void An_event_whose_date_moves_it_in_the_list_leaves_its_documents_as_they_were(string store)
    {
        var dossier = CopyTo(store, dossiers.Before);
        CorpusGroup moved;
        using (var before = dossier.Open())
            moved = before.CorpusGroups(CorpusLayers.Events).First(g => g.Members.Select(m => m.Document).Distinct().Count() > 1
                && JsonDocument.Parse(g.Data).RootElement.GetProperty("Date").ValueKind == JsonValueKind.String);
        var date = JsonDocument.Parse(moved.Data).RootElement.GetProperty("Date").GetString();
        var data = moved.Data.Replace($"\"Date\":\"{date}\"", "\"Date\":\"1990-01-02\"", StringComparison.Ordinal);
        string RankOf(List<string> index) => index.Single(i => i.StartsWith($"{BrowseKinds.Event} {moved.Id} ", StringComparison.Ordinal)).Split(' ')[2];
        var rank = RankOf(dossier.Index());
        dossier.Run($"UPDATE corpus_groups SET data = '{data.Replace("'", "''", StringComparison.Ordinal)}' WHERE kind = 'events' AND id = '{moved.Id}'");
        using (var opened = dossier.Open())
        {
            var changes = ((IBrowseChanges)opened).BrowseChangesSince(BrowseIndex.Maker)!;
            Assert.Equal($"0 events {moved.Id}", $"{changes.Documents.Count} {string.Join(' ', changes.Groups.SelectMany(g => g.Value.Select(id => $"{g.Key} {id}")))}");
            BrowseIndex.Update(opened);
        }
        var written = dossier.Index();
        Assert.NotEqual(rank, RankOf(written));

        Assert.Equal(written, dossier.WrittenWhole());
    }

    /// <summary>A document's item holds the ids of the entities and events it marks, and is shown with the
    /// name and type of each as the export names them, last in each mark as an annotation lists them; the
    /// stored item holds neither, so that a group named otherwise leaves it as it is.</summary>
    [Theory]
    [InlineData(InFile)]
    [InlineData(InPostgres)]
    public void A_document_is_shown_with_the_names_of_the_groups_it_marks(string store)
    {
        var dossier = CopyTo(store, dossiers.Stepwise);
        using var opened = dossier.Open();
        using var exported = new MemoryStream();
        StoredExport.Write(opened, exported, "json");
        var export = JsonDocument.Parse(exported.ToArray()).RootElement;
        var entities = export.GetProperty("entities").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!,
            e => $"\"type\":{e.GetProperty("type").GetRawText()},\"value\":{JsonSerializer.Serialize(e.GetProperty("name").GetString(), Web)}}}");
        var events = export.GetProperty("events").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!,
            e => $"\"value\":{JsonSerializer.Serialize(e.GetProperty("summary").GetString(), Web)}}}");
        var shown = new Dictionary<string, int> { ["entity"] = 0, ["event"] = 0 };
        foreach (var document in export.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()!))
        {
            var detail = opened.BrowseDetail(BrowseKinds.Document, document)!;
            foreach (var mark in JsonDocument.Parse(detail).RootElement.GetProperty("annotations").EnumerateArray())
            {
                var kind = mark.GetProperty("kind").GetString()!;
                if (!shown.ContainsKey(kind)) continue;
                var group = mark.GetProperty("ref").GetString()!;
                // The mark as a reader gets it: its place and text, then its group's type and name.
                Assert.Contains($"\"ref\":\"{group}\",{(kind == "entity" ? entities : events)[group]}", detail, StringComparison.Ordinal);
                shown[kind]++;
            }
        }
        Assert.True(shown.Values.All(n => n > 100), string.Join(' ', shown));
    }

    /// <summary>A stored document's marks, shown: an entity's with its type and name, an event's with its
    /// summary, from their items' summaries; the rest byte for byte as stored.</summary>
    [Fact]
    public void A_stored_document_is_shown_with_its_groups_names_read_from_their_items()
    {
        const string stored = """
            {"document":{"id":"d1","title":"Macron élu"},"annotations":[{"kind":"entity","line":1,"start":0,"end":6,"text":"Macron","ref":"e1"},{"kind":"timex","line":1,"start":10,"end":14,"text":"2017","type":"DATE","value":"2017"},{"kind":"event","line":1,"start":20,"end":23,"text":"élu","ref":"ev2"},{"kind":"entity","line":2,"start":0,"end":4,"text":"Paris","ref":"e9"}],"stories":["s1"]}
            """;
        var items = new Dictionary<(string, string), string>
        {
            [(BrowseKinds.Entity, "e1")] = """{"id":"e1","name":"Emmanuel Macron","type":"PER","aliases":["Macron"],"mentions":3}""",
            [(BrowseKinds.Event, "ev2")] = """{"id":"ev2","date":"2017-05-07","summary":"Emmanuel Macron est élu \"président\" <de la République>","class":"election"}""",
        };
        var asked = new List<string>();
        var shown = BrowseIndex.ShownMarks(stored, (kind, ids) =>
        {
            asked.Add($"{kind} {string.Join(',', ids.Order(StringComparer.Ordinal))}");
            return ids.Where(id => items.ContainsKey((kind, id))).Select(id => (id, items[(kind, id)]));
        });
        Assert.Equal("""
            {"document":{"id":"d1","title":"Macron élu"},"annotations":[{"kind":"entity","line":1,"start":0,"end":6,"text":"Macron","ref":"e1","type":"PER","value":"Emmanuel Macron"},{"kind":"timex","line":1,"start":10,"end":14,"text":"2017","type":"DATE","value":"2017"},{"kind":"event","line":1,"start":20,"end":23,"text":"élu","ref":"ev2","value":"Emmanuel Macron est élu \u0022président\u0022 \u003Cde la République\u003E"},{"kind":"entity","line":2,"start":0,"end":4,"text":"Paris","ref":"e9"}],"stories":["s1"]}
            """, shown);
        Assert.Equal(["entity e1,e9", "event ev2"], asked);
    }

    /// <summary>An entity a build renames, none of its documents changed, is written again from its stored item
    /// (no document of it is read): the same names and mentions under its new name, as the index written whole has it.</summary>
    [Theory]
    [InlineData(InFile)]
    [InlineData(InPostgres)]
    public void An_entity_renamed_keeps_the_names_and_mentions_its_item_had(string store)
    {
        var dossier = CopyTo(store, dossiers.Stepwise);
        string entity, before;
        using (var opened = dossier.Open())
        {
            // The most mentioned, named in several documents.
            entity = JsonDocument.Parse(opened.Browse(new BrowseFilter(BrowseKinds.Entity), 0, 1).Items[0]).RootElement.GetProperty("id").GetString()!;
            before = opened.BrowseDetail(BrowseKinds.Entity, entity)!;
        }
        var item = JsonDocument.Parse(before).RootElement;
        Assert.True(item.GetProperty("mentions").EnumerateArray().Select(m => m.GetProperty("doc").GetString()).Distinct().Count() > 1);
        dossier.Run($"UPDATE corpus_groups SET label = 'Renamed' WHERE kind = 'entities' AND id = '{entity}'");
        using (var opened = dossier.Open()) BrowseIndex.Update(opened);

        using (var opened = dossier.Open())
            Assert.Equal(before.Replace($"\"name\":{item.GetProperty("name").GetRawText()}", "\"name\":\"Renamed\"", StringComparison.Ordinal),
                opened.BrowseDetail(BrowseKinds.Entity, entity));
        var written = dossier.Index();
        Assert.Equal(written, dossier.WrittenWhole());
    }

    /// <summary>The build that adds the seeds writes the items of what it changed alone: the sixty
    /// articles' index is the one written whole, and what changed since is recorded, then cleared.</summary>
    [Theory]
    [InlineData(InFile)]
    [InlineData(InPostgres)]
    public void A_build_records_what_it_changed_and_writes_those_items_alone(string store)
    {
        var dossier = CopyTo(store, dossiers.Before);
        string entity, documents;
        using (var before = dossier.Open())
        {
            var none = ((IBrowseChanges)before).BrowseChangesSince(BrowseIndex.Maker)!;
            Assert.Equal("0 0", $"{none.Documents.Count} {none.Groups.Count}");
            Assert.Null(((IBrowseChanges)before).BrowseChangesSince("other code"));
            var first = before.CorpusGroups(CorpusLayers.Entities)[0];
            entity = first.Id;
            documents = string.Join(',', first.Members.Select(m => m.Document).Distinct().Order());
        }
        // A name another stage run gave it: its own item is written again, and every document naming it
        // shows the name in its marks without being written again.
        dossier.Run($"UPDATE corpus_groups SET label = 'Renamed' WHERE kind = 'entities' AND id = '{entity}'");
        using var opened = dossier.Open();
        var changes = ((IBrowseChanges)opened).BrowseChangesSince(BrowseIndex.Maker)!;
        Assert.Empty(changes.Documents);
        Assert.Equal([$"entities {entity}"], changes.Groups.SelectMany(g => g.Value.Select(id => $"{g.Key} {id}")));

        BrowseIndex.Update(opened);
        foreach (var document in documents.Split(','))
            Assert.Matches($"\"ref\":\"{entity}\",\"type\":\"[A-Z]+\",\"value\":\"Renamed\"}}", opened.BrowseDetail(BrowseKinds.Document, $"d{document}")!);
        Assert.StartsWith($"{{\"id\":\"{entity}\",\"name\":\"Renamed\"", opened.Browse(new BrowseFilter(BrowseKinds.Entity), 0, 10_000).Items.Single(i => i.Contains($"\"{entity}\"", StringComparison.Ordinal)), StringComparison.Ordinal);
        var cleared = ((IBrowseChanges)opened).BrowseChangesSince(BrowseIndex.Maker)!;
        Assert.Equal("0 0", $"{cleared.Documents.Count} {cleared.Groups.Count}");
        Assert.True(opened.BrowseIndexIsCurrent());
    }

    /// <summary>The graph is made from the entities' names and types and their mentions' lines alone: a build that
    /// changed no entity keeps its items as they are stored (one removed here stays removed), and the index is current.</summary>
    [Theory]
    [InlineData(InFile)]
    [InlineData(InPostgres)]
    public void A_build_that_changed_no_entity_keeps_the_graph_as_stored(string store)
    {
        var dossier = CopyTo(store, dossiers.Before);
        static IReadOnlyList<string> Edges(IDossierStore opened) => opened.Browse(new BrowseFilter(BrowseKinds.GraphEdge), 0, 10_000).Items;
        IReadOnlyList<string> edges;
        using (var before = dossier.Open()) edges = Edges(before);
        Assert.True(edges.Count > 1);
        using var removed = JsonDocument.Parse(edges[0]);
        dossier.Run($"DELETE FROM browse_items WHERE kind = '{BrowseKinds.GraphEdge}' AND id = '{removed.RootElement.GetProperty("source").GetString()}-{removed.RootElement.GetProperty("target").GetString()}'; DELETE FROM browse_state;");
        using var opened = dossier.Open();
        Assert.False(opened.BrowseIndexIsCurrent());

        BrowseIndex.Update(opened);

        Assert.True(opened.BrowseIndexIsCurrent());
        Assert.Equal(edges.Skip(1), Edges(opened));
    }
}
