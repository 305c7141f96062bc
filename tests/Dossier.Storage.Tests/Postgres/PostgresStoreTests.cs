using System.Text;
using System.Text.Json.Nodes;
using Dossier.Core.Events;
using Dossier.Core.Export;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Core.Search;
using Dossier.Storage.Postgres;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dossier.Storage.Tests.Postgres;

/// <summary>The PostgreSQL store against the file store: the same builds of real articles give the
/// same export, byte for byte; a dossier copied across exports the same; search uses PostgreSQL's
/// French and English analysis.</summary>
public sealed class PostgresStoreTests : IDisposable
{
    private static readonly string Shared = Path.Combine(CorpusStagesTests.FindRoot(), "..", "shared");
    private static readonly string[] Seeds = Directory.GetFiles(Path.Combine(Shared, "seeds"), "*.txt").Order(StringComparer.Ordinal).ToArray();
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-postgres-").FullName;
    private readonly List<string> _databases = [];

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        foreach (var database in _databases) TestPostgres.Drop(database);
    }

    private string Database(string purpose)
    {
        var database = TestPostgres.NewDatabase(purpose);
        _databases.Add(database);
        return database;
    }

    /// <summary>Thirty French news articles on other subjects, as one JSON-lines file.</summary>
    private string Articles(int count)
    {
        var path = Path.Combine(_folder, $"articles-{count}.jsonl");
        File.WriteAllLines(path, File.ReadLines(Path.Combine(Shared, "data", "corpus-fr", "orangesum-5k.jsonl")).Take(count));
        return path;
    }

    private static BuildReport Build(IDossierStore store, IEnumerable<string> inputs, bool prune = false)
    {
        var report = new DossierBuilder(store, DocumentPipeline.CreateDefault(), InputReader.CreateDefault()) { Prune = prune }.Build(inputs);
        Assert.False(report.HasErrors);
        return report;
    }

    [Fact]
    public void A_database_storing_event_mentions_a_row_each_opens_with_its_events()
    {
        var database = Database("events");
        var article = Path.Combine(_folder, "a.txt");
        File.WriteAllText(article, EventMentionCodecTests.Article);
        long id;
        string text;
        EventMention[] found;
        using (var store = PostgresDossierStore.Open(database, create: true))
        {
            Build(store, [article]);
            var (stored, document) = Assert.Single(store.LoadAll());
            (id, text, found) = (stored, document.Text, [.. document.Events]);
        }
        // The database as schema 19 left it: event mentions a row each, in the table its scripts made.
        TestPostgres.Run(database, """
            CREATE TABLE event_mentions (
                doc_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE, ordinal integer NOT NULL, start integer NOT NULL,
                triggers text NOT NULL, class text NOT NULL, status text NOT NULL, sentence integer NOT NULL, framed boolean NOT NULL,
                time_value text, time_inferred boolean NOT NULL, time_start integer, time_length integer, participants text NOT NULL,
                place_start integer, place_length integer, PRIMARY KEY (doc_id, ordinal));
            DROP TABLE packed_event_mentions;
            DELETE FROM dossier_schema WHERE version >= 20;
            """);
        using (var connection = new NpgsqlConnection(database))
        {
            connection.Open();
            // Written in reverse: the rows are read back by main trigger.
            foreach (var (mention, ordinal) in found.Reverse().Select((m, i) => (m, i)))
            {
                using var insert = new NpgsqlCommand("""
                    INSERT INTO event_mentions (doc_id, ordinal, start, triggers, class, status, sentence, framed, time_value, time_inferred, time_start, time_length, participants, place_start, place_length)
                    VALUES (@doc, @ordinal, @start, @triggers, @class, @status, @sentence, @framed, @time, @inferred, @timeStart, @timeLength, @participants, @placeStart, @placeLength)
                    """, connection);
                insert.Parameters.AddWithValue("doc", id);
                insert.Parameters.AddWithValue("ordinal", ordinal);
                foreach (var (name, value) in EventMentionCodecTests.RowOf(mention)) insert.Parameters.AddWithValue(name, value);
                insert.ExecuteNonQuery();
            }
        }

        using (var store = PostgresDossierStore.Open(database, create: false))
            Assert.Equal(EventMentionCodecTests.Expected, EventMentionCodecTests.Described(text, store.Load(id)!.Events));
        using var upgraded = new NpgsqlConnection(database);
        upgraded.Open();
        using var table = new NpgsqlCommand("SELECT to_regclass('event_mentions') IS NULL", upgraded);
        Assert.Equal(true, table.ExecuteScalar());
    }

    /// <summary>The JSON export of every document read whole (documents with all their paths).</summary>
    private static string Export(IDossierStore store)
    {
        var documents = store.LoadAll().Select(x => new ExportedDocument(DocumentIds.Format(x.Id), x.Document) { Paths = store.SourcePaths(x.Id) }).ToList();
        using var output = new MemoryStream();
        JsonExporter.Write(output, documents, CorpusResults.Read(store, documents));
        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>The JSON export as `dossier export` writes it: documents read without their tokens and entity mentions, written as read.</summary>
    private static string ExportAsShown(IDossierStore store)
    {
        var documents = store.LoadAllToShow().Select(x => new ExportedDocument(DocumentIds.Format(x.Id), x.Document) { Paths = store.SourcePaths(x.Id), TokenCount = x.Tokens });
        using var output = new MemoryStream();
        JsonExporter.Write(output, documents, read => CorpusResults.Read(store, read));
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public void Seeds_and_thirty_articles_built_twice_over_give_the_file_stores_export_byte_for_byte()
    {
        var articles = Articles(30);
        using var file = SqliteDossierStore.Open(Path.Combine(_folder, "same.dossier"), create: true);
        using var server = PostgresDossierStore.Open(Database("same"), create: true);
        foreach (var store in new IDossierStore[] { file, server })
        {
            Build(store, Seeds);
            // A second build: one seed changed (its old text replaced), the articles added.
            File.Copy(Seeds[0], Path.Combine(_folder, "copy-of-seed.txt"), overwrite: true);
            Build(store, [.. Seeds, articles, Path.Combine(_folder, "copy-of-seed.txt")]);
        }
        var expected = Export(file);
        Assert.Contains("\"Ashton Carter\"", expected, StringComparison.Ordinal);
        Assert.Equal(35, server.ListDocuments().Count);
        Assert.Equal(expected, Export(server));
        Assert.Equal(expected, ExportAsShown(file));
        Assert.Equal(expected, ExportAsShown(server));
    }

    [Fact]
    public void A_file_dossier_migrated_to_postgres_exports_the_same_and_grows_as_the_file_would()
    {
        var dossier = Path.Combine(_folder, "migrated.dossier");
        var target = Database("migrated");
        using (var file = SqliteDossierStore.Open(dossier, create: true))
            Build(file, [.. Seeds, Articles(20)]);
        using (var file = SqliteDossierStore.OpenReadOnly(dossier))
        using (var server = PostgresDossierStore.Open(target, create: true))
        {
            Assert.Equal(25, server.Import(file.ReadStoredDocuments(), file.ReadCorpusState()));
            server.UpdateSearchIndex();
            Assert.Equal(Export(file), Export(server));
        }
        // Both take ten more articles alike: ids, change log and stage positions came across.
        var more = Articles(30);
        using var grownFile = SqliteDossierStore.Open(dossier, create: false);
        using var grownServer = PostgresDossierStore.Open(target, create: false);
        Build(grownFile, [.. Seeds, more]);
        Build(grownServer, [.. Seeds, more]);
        Assert.Equal(Export(grownFile), Export(grownServer));
    }

    /// <summary>How many entries each key of the corpus indexes has, as counted (schema 12) and as filed.</summary>
    private static (List<string> Counted, List<string> Filed) IndexCounts(string database)
    {
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        List<string> Rows(string sql)
        {
            using var command = new NpgsqlCommand(sql, connection);
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read()) rows.Add($"{reader.GetString(0)}\t{reader.GetString(1)}\t{reader.GetInt64(2)}");
            return rows;
        }
        return (Rows("SELECT name, key, count::bigint FROM corpus_index_counts WHERE count <> 0 ORDER BY name COLLATE \"C\", key COLLATE \"C\""),
            Rows("SELECT name, key, count(*) FROM corpus_index GROUP BY name, key ORDER BY name COLLATE \"C\", key COLLATE \"C\""));
    }

    [Fact]
    public void Each_index_key_counts_its_entries_after_documents_are_added_filed_again_removed_and_copied_across()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "counted")).FullName;
        foreach (var seed in Seeds) File.Copy(seed, Path.Combine(folder, Path.GetFileName(seed)));
        var database = Database("counted");
        using (var server = PostgresDossierStore.Open(database, create: true))
        {
            Build(server, [folder]);
            // One seed's text changes (filed again), twenty articles come, then a seed is gone (removed with its entries).
            File.AppendAllText(Path.Combine(folder, Path.GetFileName(Seeds[0])), "\nLe Pentagone a confirmé la visite.\n");
            Build(server, [folder, Articles(20)]);
            File.Delete(Path.Combine(folder, Path.GetFileName(Seeds[1])));
            Build(server, [folder], prune: true);
            Assert.Equal(24, server.ListDocuments().Count);
        }
        var (counted, filed) = IndexCounts(database);
        Assert.Contains(filed, row => row.StartsWith("entity-blocks\t", StringComparison.Ordinal));
        Assert.Equal(filed, counted);

        var dossier = Path.Combine(_folder, "counted.dossier");
        using (var file = SqliteDossierStore.Open(dossier, create: true))
            Build(file, [.. Seeds, Articles(20)]);
        var copy = Database("counted-copy");
        using (var file = SqliteDossierStore.OpenReadOnly(dossier))
        using (var server = PostgresDossierStore.Open(copy, create: true))
            server.Import(file.ReadStoredDocuments(), file.ReadCorpusState());
        (counted, filed) = IndexCounts(copy);
        Assert.Equal(filed, counted);
    }

    /// <summary>A stage that mends a group spanning the dossier from a few documents writes only its members
    /// in them, and a merge moves the absorbed group's members without reading either whole: the members
    /// elsewhere stay, in both stores alike.</summary>
    [Fact]
    public void A_group_mended_within_some_documents_and_one_absorbed_into_it_keep_their_other_members_in_both_stores()
    {
        using var file = SqliteDossierStore.Open(Path.Combine(_folder, "within.dossier"), create: true);
        using var server = PostgresDossierStore.Open(Database("within"), create: true);
        var stored = new List<string[]>();
        foreach (var store in new IDossierStore[] { file, server })
        {
            Build(store, Seeds);
            var ids = store.ListDocuments().Select(d => d.Id).ToArray();
            using (var run = store.BeginCorpusRun("mend"))
            {
                run.Save("things", new CorpusGroup("t1", null, "one", "{}", [new(ids[0], 0, 4), new(ids[1], 10, 4), new(ids[2], 20, 4)]));
                run.Save("things", new CorpusGroup("t2", null, "two", "{}", [new(ids[1], 30, 3), new(ids[3], 5, 3)]));
                run.Commit();
            }
            using (var run = store.BeginCorpusRun("mend"))
            {
                var seen = Assert.Single(run.GroupsWithin("things", [ids[2]]));
                Assert.Equal("t1", seen.Id);
                Assert.Equal([new CorpusMember(ids[2], 20, 4)], seen.Members);
                run.SaveWithin("things", new CorpusGroup("t1", null, "one mended", "{}", [new(ids[2], 24, 4), new(ids[4], 0, 2)]), [ids[2], ids[4]]);
                run.Absorb("things", "t2", "t1");
                run.Commit();
            }
            stored.Add([.. store.CorpusGroups("things").Select(g => $"{g.Id} {g.Label}: " + string.Join(' ', g.Members.Select(m => $"{Array.IndexOf(ids, m.Document)}@{m.Start}+{m.Length}"))),
                .. store.AbsorbedIds("things").Select(a => $"{a.Key} -> {a.Value}")]);
        }
        Assert.Equal(["t1 one mended: 0@0+4 1@10+4 1@30+3 2@24+4 3@5+3 4@0+2", "t2 -> t1"], stored[0]);
        Assert.Equal(stored[0], stored[1]);
    }

    [Fact]
    public void Documents_read_together_are_those_read_one_at_a_time_in_id_order_without_those_not_stored_or_layers_not_asked_for_in_both_stores()
    {
        using var file = SqliteDossierStore.Open(Path.Combine(_folder, "together.dossier"), create: true);
        using var server = PostgresDossierStore.Open(Database("together"), create: true);
        foreach (var store in new IDossierStore[] { file, server })
        {
            Build(store, Seeds);
            var ids = store.ListDocuments().Select(d => d.Id).ToArray();
            using var run = store.BeginCorpusRun("read");
            var read = run.Load([ids[3], ids[0], ids[3], ids[^1] + 100, ids[1]]);
            Assert.Equal([ids[0], ids[1], ids[3]], read.Select(r => r.Id));
            foreach (var (id, document) in read) Assert.Equal(Layers(run.Load(id)!), Layers(document));

            // Read with some layers only: those, and the text, language, metadata and lines, as a whole read gives them.
            var (_, some) = Assert.Single(run.Load([ids[0]], new HashSet<string> { Dossier.Core.Pipeline.Layers.Entities }));
            var whole = run.Load(ids[0])!;
            Assert.NotEmpty(whole.Events);
            Assert.Equal(Layers(new AnalysedDocument(whole.Source) { Language = whole.Language, Metadata = whole.Metadata, Lines = whole.Lines, Entities = whole.Entities }),
                Layers(some));
        }
    }

    [Fact]
    public void Source_paths_read_together_are_those_read_one_at_a_time_first_source_first_in_both_stores()
    {
        // A seed copied under another name: one text, held by two sources.
        var copy = Path.Combine(_folder, "copie.txt");
        File.Copy(Seeds[0], copy);
        using var file = SqliteDossierStore.Open(Path.Combine(_folder, "paths.dossier"), create: true);
        using var server = PostgresDossierStore.Open(Database("paths"), create: true);
        foreach (var store in new IDossierStore[] { file, server })
        {
            Build(store, [.. Seeds, copy]);
            var ids = store.ListDocuments().Select(d => d.Id).ToArray();
            var together = ((IBatchedReads)store).SourcePaths([ids[2], ids[0], ids[^1] + 100]);
            Assert.Equal([ids[0], ids[2]], together.Keys.Order());
            Assert.Equal([Seeds[0], copy], together[ids[0]]);
            Assert.Equal(store.SourcePaths(ids[2]), together[ids[2]]);
        }
    }

    /// <summary>A document's text and layers as text, to compare two reads of it.</summary>
    private static string Layers(AnalysedDocument document) => string.Join('\n', document.Text, document.Language, document.Metadata.Title?.Value,
        string.Join(' ', document.Lines), string.Join(' ', document.Entities), string.Join(' ', document.Timexes), string.Join(' ', document.Quantities),
        document.Events.Length, document.Tokens.Length, document.Sentences.Length);

    [Fact]
    public void Group_rows_read_within_documents_are_the_groups_with_a_member_there_in_id_order_without_members_in_both_stores()
    {
        using var file = SqliteDossierStore.Open(Path.Combine(_folder, "rows.dossier"), create: true);
        using var server = PostgresDossierStore.Open(Database("rows"), create: true);
        foreach (var store in new IDossierStore[] { file, server })
        {
            using (var run = store.BeginCorpusRun("rows"))
            {
                run.Save("things", new CorpusGroup("t10", null, "ten", "{\"n\":10}", [new(3, 0, 4), new(1, 5, 4)]));
                run.Save("things", new CorpusGroup("t1", null, "one", "{\"n\":1}", [new(1, 0, 4), new(2, 10, 4)]));
                run.Save("things", new CorpusGroup("t2", null, "two", "{}", [new(2, 30, 3)]));
                run.Save("others", new CorpusGroup("o1", null, "other", "{}", [new(1, 0, 4)]));
                run.Commit();
            }
            using (var run = store.BeginCorpusRun("rows"))
            {
                var read = run.GroupRowsWithin("things", [1, 4]);
                Assert.Equal(["t1 one {\"n\":1}: 0", "t10 ten {\"n\":10}: 0"], read.Select(g => $"{g.Id} {g.Label} {g.Data}: {g.Members.Count}"));
            }
        }
    }

    [Fact]
    public void Groups_read_by_id_are_those_asked_for_stored_with_all_their_members_in_id_order_in_both_stores()
    {
        using var file = SqliteDossierStore.Open(Path.Combine(_folder, "ids.dossier"), create: true);
        using var server = PostgresDossierStore.Open(Database("ids"), create: true);
        foreach (var store in new IDossierStore[] { file, server })
        {
            using (var run = store.BeginCorpusRun("ids"))
            {
                run.Save("things", new CorpusGroup("t1", null, "one", "{\"n\":1}", [new(1, 0, 4), new(2, 10, 4)]));
                run.Save("things", new CorpusGroup("t2", null, "two", "{}", [new(2, 30, 3)]));
                run.Save("things", new CorpusGroup("t10", null, "ten", "{}", []));
                run.Commit();
            }
            using (var run = store.BeginCorpusRun("ids"))
            {
                var read = run.GroupsWithIds("things", ["t10", "t1", "t3", "t1"]);
                Assert.Equal(["t1 one {\"n\":1}: 1@0 2@10", "t10 ten {}: "],
                    read.Select(g => $"{g.Id} {g.Label} {g.Data}: " + string.Join(' ', g.Members.Select(m => $"{m.Document}@{m.Start}"))));
            }
        }
    }

    /// <summary>Events stored by schema 45 of the file and 13 of PostgreSQL held their state inside their data, and no
    /// state apart: upgraded, they hold the same, apart, and take in added articles as events stored apart do.</summary>
    [Fact]
    public void Events_stored_with_their_state_inside_have_it_apart_once_upgraded_and_take_in_articles_as_before_in_both_stores()
    {
        var added = Articles(3);
        var reference = Path.Combine(_folder, "reference.dossier");
        string expected;
        using (var store = SqliteDossierStore.Open(reference, create: true))
        {
            Build(store, Seeds);
            Build(store, [.. Seeds, added]);
            expected = Export(store);
        }
        var file = Path.Combine(_folder, "older.dossier");
        var server = Database("older");
        var stores = new (Func<IDossierStore> Open, Func<System.Data.Common.DbConnection> Connect, string Downgrade)[]
        {
            (() => SqliteDossierStore.Open(file, create: true), () => new SqliteConnection($"Data Source={file};Pooling=false"), "PRAGMA user_version = 45"),
            (() => PostgresDossierStore.Open(server, create: true), () => new NpgsqlConnection(server), "DELETE FROM dossier_schema WHERE version >= 14"),
        };
        foreach (var (open, connect, downgrade) in stores)
        {
            (string[] Events, string[] States) stored;
            (string Id, string Data)[] older;
            using (var store = open())
            {
                Build(store, Seeds);
                stored = StoredEvents(store);
                var states = store.CorpusGroups(EventStage.StateKind).ToDictionary(g => g.Id, g => g.Data, StringComparer.Ordinal);
                older = store.CorpusGroups(CorpusLayers.Events).Select(g => (g.Id, WithStateInside(g.Data, states[g.Id]))).ToArray();
            }
            Assert.NotEmpty(older);
            SqliteConnection.ClearAllPools();
            using (var connection = connect())
            {
                connection.Open();
                foreach (var (id, data) in older)
                {
                    using var update = connection.CreateCommand();
                    update.CommandText = $"UPDATE corpus_groups SET data = '{data.Replace("'", "''", StringComparison.Ordinal)}' WHERE kind = 'events' AND id = '{id}'";
                    update.ExecuteNonQuery();
                }
                using var forget = connection.CreateCommand();
                forget.CommandText = $"DELETE FROM corpus_groups WHERE kind = '{EventStage.StateKind}'; {downgrade}";
                forget.ExecuteNonQuery();
            }
            using (var store = open())
            {
                var upgraded = StoredEvents(store);
                Assert.Equal(stored.Events, upgraded.Events);
                Assert.Equal(stored.States, upgraded.States);
                Build(store, [.. Seeds, added]);
                Assert.Equal(expected, Export(store));
            }
        }
    }

    /// <summary>The stored events (id, label, data, members) and their states (id, state), their JSON written alike.</summary>
    private static (string[] Events, string[] States) StoredEvents(IDossierStore store) =>
        (store.CorpusGroups(CorpusLayers.Events).Select(g => $"{g.Id} {g.Label} {Canonical(g.Data)} " + string.Join(' ', g.Members.Select(m => $"{m.Document}@{m.Start}"))).ToArray(),
         store.CorpusGroups(EventStage.StateKind).Select(g => $"{g.Id} {Canonical(g.Data)}").ToArray());

    /// <summary>An event's data as schema 45 of the file stored it: its state first, its keys only in it.</summary>
    private static string WithStateInside(string data, string state)
    {
        var older = new JsonObject { ["State"] = JsonNode.Parse(state) };
        foreach (var (name, value) in JsonNode.Parse(data)!.AsObject())
            if (name != "Keys") older[name] = value?.DeepClone();
        return older.ToJsonString();
    }

    /// <summary>JSON with the members of every object in name order, so that two writings of one value compare equal.</summary>
    private static string Canonical(string json) => Sorted(JsonNode.Parse(json))?.ToJsonString() ?? "null";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };

    /// <summary>Events are listed by story through the documents their evidence is in, in both stores alike.</summary>
    [Fact]
    public void Events_of_each_story_are_the_same_in_both_stores()
    {
        using var file = SqliteDossierStore.Open(Path.Combine(_folder, "stories.dossier"), create: true);
        using var server = PostgresDossierStore.Open(Database("stories"), create: true);
        Build(file, Seeds);
        Build(server, Seeds);
        static string Ids(BrowsePage page) => string.Join(' ', page.Items.Select(json => System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("id").GetString()));
        var stories = Ids(file.Browse(new BrowseFilter(BrowseKinds.Story), 0, 1000)).Split(' ');
        string Seen(IDossierStore store) => string.Join(" | ", stories.Select(story =>
            $"{story}: {Ids(store.Browse(new BrowseFilter(BrowseKinds.Event, Facets: [$"story:{story}"]), 0, 1000))} / {Ids(store.Browse(new BrowseFilter(BrowseKinds.Event, Facets: [$"story:{story}"], Top: 3), 0, 1000))}"));

        var seen = Seen(file);
        Assert.Equal(seen, Seen(server));
        Assert.Contains(stories, story => file.Browse(new BrowseFilter(BrowseKinds.Event, Facets: [$"story:{story}"]), 0, 1).Total > 0);
    }

    /// <summary>An event is shown with the salience of its day, which its item does not hold: the same in
    /// both stores, in lists and alone, and the export's.</summary>
    [Fact]
    public void Events_are_shown_with_their_salience_in_both_stores()
    {
        using var file = SqliteDossierStore.Open(Path.Combine(_folder, "salience.dossier"), create: true);
        using var server = PostgresDossierStore.Open(Database("salience"), create: true);
        Build(file, Seeds);
        Build(server, Seeds);
        var documents = StoredDocuments.Of(file.LoadAll());
        var expected = CorpusResults.Read(file, documents).Events.OrderBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => $"{e.Id} {e.Salience.ToString(System.Globalization.CultureInfo.InvariantCulture)}").ToArray();
        static string Shown(string json)
        {
            var ev = System.Text.Json.JsonDocument.Parse(json).RootElement;
            return $"{ev.GetProperty("id").GetString()} {ev.GetProperty("salience").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        }
        foreach (var store in new IDossierStore[] { file, server })
        {
            var listed = store.Browse(new BrowseFilter(BrowseKinds.Event), 0, 10_000).Items;
            Assert.Equal(expected, listed.Select(Shown).Order(StringComparer.Ordinal).ToArray());
            Assert.Equal(expected, expected.Select(e => Shown(store.BrowseDetail(BrowseKinds.Event, e.Split(' ')[0])!)).ToArray());
        }
        Assert.Equal(file.Browse(new BrowseFilter(BrowseKinds.Event), 0, 10_000).Items, server.Browse(new BrowseFilter(BrowseKinds.Event), 0, 10_000).Items);
        Assert.Contains(expected, e => !e.EndsWith(" 0", StringComparison.Ordinal));
    }

    [Fact]
    public void A_copy_into_a_database_holding_documents_is_refused_and_changes_nothing()
    {
        var target = Database("full");
        using var server = PostgresDossierStore.Open(target, create: true);
        Build(server, Seeds);
        var before = Export(server);
        using var file = SqliteDossierStore.Open(Path.Combine(_folder, "other.dossier"), create: true);
        Build(file, Seeds.Take(2));
        var error = Assert.Throws<DossierStoreException>(() => server.Import(file.ReadStoredDocuments(), file.ReadCorpusState()));
        Assert.Contains("already holds documents", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Export(server));
    }

    [Theory]
    [InlineData("soldat", "001 003 004")]
    [InlineData("hélicoptère", "000 002")]
    [InlineData("Etat islamique", "000 001 002 003 004")]
    [InlineData("\"retrait des troupes\"", "003 004")]
    [InlineData("Soleimani", "004")]
    [InlineData("hélico*", "000 002")]
    public void French_search_uses_postgres_french_configuration_after_unaccent(string query, string expected)
    {
        using var server = PostgresDossierStore.Open(Database("search"), create: true);
        Build(server, Seeds);
        var names = server.ListDocuments().ToDictionary(d => d.Id, d => Path.GetFileName(d.Path)[..3]);
        var results = server.Search(SearchQuery.Parse(query), 0, 100);
        Assert.Equal(expected, string.Join(' ', results.Documents.Select(d => names[d.DocumentId]).Order(StringComparer.Ordinal)));
        Assert.Equal(results.Documents.Count, results.Total);
        Assert.All(results.Documents, d => Assert.NotEmpty(d.Sentences));
    }

    /// <summary>A database of schema 16 records nothing of what changed: upgraded on opening, its next build writes the
    /// reading index whole, and the following ones the items of what changed alone, the index written whole.</summary>
    [Fact]
    public void A_database_of_schema_16_upgraded_writes_its_index_whole_once_then_what_changed_alone()
    {
        var server = Database("upgraded");
        using (var store = PostgresDossierStore.Open(server, create: true)) Build(store, Seeds.Take(3));
        TestPostgres.Run(server, """
            DROP TABLE browse_changed_documents, browse_changed_groups, browse_event_votes, browse_tracked;
            DROP FUNCTION browse_changed_documents_rows, browse_changed_lines, browse_changed_sources, browse_changed_groups_rows, browse_changed_members CASCADE;
            DELETE FROM dossier_schema WHERE version >= 17;
            """);
        using (var store = PostgresDossierStore.Open(server, create: false))
        {
            Assert.Null(store.BrowseChangesSince(Storage.Browse.BrowseIndex.Maker));
            Build(store, Seeds.Take(4));
            var written = store.BrowseChangesSince(Storage.Browse.BrowseIndex.Maker)!;
            Assert.Equal("0 0", $"{written.Documents.Count} {written.Groups.Count}");
            using (var connection = new NpgsqlConnection(server))
            {
                connection.Open();
                using var version = new NpgsqlCommand("SELECT max(version) FROM dossier_schema", connection);
                Assert.Equal(21, version.ExecuteScalar());
            }
            Build(store, [.. Seeds, Articles(3)]);
            Assert.True(store.BrowseIndexIsCurrent());
        }
        var incremental = TestPostgres.BrowseIndex(server);
        TestPostgres.Run(server, StoredSql.DropReadingIndex);
        using (var store = PostgresDossierStore.Open(server, create: false)) Storage.Browse.BrowseIndex.Update(store);
        Assert.Equal(incremental, TestPostgres.BrowseIndex(server));
    }

    /// <summary>Workers write while the index is written: a change another transaction commits once the write has read what
    /// changed stays recorded, even to a group recorded already, and the index is not current until it is written.</summary>
    [Fact]
    public void A_change_committed_after_the_index_write_read_what_changed_stays_recorded_for_the_next_write()
    {
        var server = Database("concurrent");
        using var store = PostgresDossierStore.Open(server, create: true);
        Build(store, Seeds);
        var entity = store.CorpusGroups(CorpusLayers.Entities)[0].Id;
        string Rename(string name) => $"UPDATE corpus_groups SET label = '{name}' WHERE kind = 'entities' AND id = '{entity}'";
        TestPostgres.Run(server, Rename("First"));
        var read = store.BrowseChangesSince(Storage.Browse.BrowseIndex.Maker)!;
        Assert.Equal(entity, string.Join(' ', read.GroupsOf(CorpusLayers.Entities)));

        TestPostgres.Run(server, Rename("Second"));
        store.WriteBrowseChanges([], new BrowseScope(new Dictionary<string, IReadOnlyCollection<string>?>()));
        Assert.False(store.BrowseIndexIsCurrent());
        var left = store.BrowseChangesSince(Storage.Browse.BrowseIndex.Maker)!;
        Assert.Equal(entity, string.Join(' ', left.GroupsOf(CorpusLayers.Entities)));
        Assert.Equal(read.Documents.Order(), left.Documents.Order());

        Storage.Browse.BrowseIndex.Update(store);
        Assert.True(store.BrowseIndexIsCurrent());
        Assert.StartsWith($"{{\"id\":\"{entity}\",\"name\":\"Second\"", store.Browse(new BrowseFilter(BrowseKinds.Entity), 0, 10_000).Items
            .Single(i => i.Contains($"\"{entity}\"", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_is_refused_with_the_database_named_for_a_foreign_database_a_missing_one_and_a_bad_location()
    {
        var foreign = Database("foreign");
        using (var created = PostgresDossierStore.Open(foreign, create: true)) { }
        using (var connection = new NpgsqlConnection(foreign))
        {
            connection.Open();
            using var drop = new NpgsqlCommand("DROP TABLE dossier_schema", connection);
            drop.ExecuteNonQuery();
        }
        var name = new NpgsqlConnectionStringBuilder(foreign).Database;
        var notOurs = Assert.Throws<DossierStoreException>(() => PostgresDossierStore.Open(foreign, create: true));
        Assert.Contains($"/{name}: not a dossier", notOurs.Message, StringComparison.Ordinal);

        var missing = TestPostgres.NewDatabase("missing");
        var absent = Assert.Throws<DossierStoreException>(() => PostgresDossierStore.OpenReadOnly(missing));
        Assert.EndsWith($"/{new NpgsqlConnectionStringBuilder(missing).Database}: no such database", absent.Message, StringComparison.Ordinal);

        var bad = Assert.Throws<DossierStoreException>(() => PostgresDossierStore.Open("postgres://user:secret@localhost", create: false));
        Assert.Contains("names no database", bad.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", bad.Message, StringComparison.Ordinal);
    }
}
