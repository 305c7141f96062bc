using Dossier.Storage;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

public sealed partial class StoreSafetyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-safety-").FullName;
    private string DossierFile => Path.Combine(_folder, "test.dossier");
    private static readonly string[] SchemaThree = ["001_documents", "002_annotations", "003_quantities"];

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_writer_holding_the_lock_too_long_is_named_in_one_clear_line()
    {
        using (SqliteDossierStore.Open(DossierFile, create: true)) { }
        using var other = new SqliteConnection($"Data Source={DossierFile};Pooling=false");
        other.Open();
        using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE; DELETE FROM documents;";
            begin.ExecuteNonQuery();
        }

        var error = Assert.Throws<DossierStoreException>(() => SqliteDossierStore.Open(DossierFile, create: true, TimeSpan.FromMilliseconds(200)));

        Assert.Equal($"{DossierFile}: another process is writing to this dossier and held its lock too long; try again when it has finished", error.Message);
    }

    [Fact]
    public void Reading_an_empty_or_missing_file_creates_nothing()
    {
        File.WriteAllBytes(DossierFile, []);
        var empty = Assert.Throws<DossierStoreException>(() => SqliteDossierStore.OpenReadOnly(DossierFile));
        Assert.Equal($"{DossierFile}: empty file, not a dossier", empty.Message);
        Assert.Equal(0, new FileInfo(DossierFile).Length);

        var missing = Path.Combine(_folder, "missing.dossier");
        Assert.Throws<DossierStoreException>(() => SqliteDossierStore.OpenReadOnly(missing));
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void A_dossier_of_an_older_schema_is_read_from_an_upgraded_copy_and_left_as_it_was()
    {
        // A file of schema 3, made by that schema's own scripts, with a document of that time stored without a source.
        using (var connection = new SqliteConnection($"Data Source={DossierFile};Pooling=false"))
        {
            connection.Open();
            var migrations = Path.Combine(CorpusStagesTests.FindRoot(), "src", "Dossier.Storage.Sqlite", "Migrations");
            using var create = connection.CreateCommand();
            create.CommandText = string.Concat(Directory.GetFiles(migrations, "*.sql").Order(StringComparer.Ordinal).Take(3).Select(File.ReadAllText)) + """
                INSERT INTO documents (source_key, path, format, content_hash, encoding, hints, text, language, metadata, ingested_at)
                    VALUES ('/in/flux.jsonl#id-7', 'flux.jsonl#7', 'jsonl', 'h', 'utf-8', '{}', 'Un texte.', 'fr', '{}', 'now');
                PRAGMA application_id = 1148146515; -- "DoSS"
                PRAGMA user_version = 3;
                """;
            create.ExecuteNonQuery();
        }
        var before = File.ReadAllBytes(DossierFile);

        using (var store = SqliteDossierStore.OpenReadOnly(DossierFile))
        {
            var source = Assert.Single(store.ListSources());
            Assert.Equal(("/in/flux.jsonl", "flux.jsonl#7"), (source.File, source.Path));
        }

        Assert.Equal(before, File.ReadAllBytes(DossierFile));
    }

    [Fact]
    public void A_document_over_its_time_budget_is_a_named_failure_and_the_others_are_stored()
    {
        var inputs = Directory.CreateDirectory(Path.Combine(_folder, "in")).FullName;
        // A hundred kilobytes of dates take the pipeline far longer than the millisecond allowed.
        File.WriteAllText(Path.Combine(inputs, "a.txt"), "Un titre\n\n" + string.Concat(Enumerable.Repeat("Le 12 mai, entre 3 et 5 ans plus tard, M. Dupont a parlé. ", 1700)) + "\n");
        using var store = SqliteDossierStore.Open(DossierFile, create: true);
        var builder = new DossierBuilder(store, Dossier.Core.Pipeline.DocumentPipeline.CreateDefault(), Dossier.Core.Read.InputReader.CreateDefault())
        {
            AnalysisTimeBudget = TimeSpan.FromMilliseconds(1),
        };

        var report = builder.Build([inputs]);

        Assert.Equal("error: a.txt: analysis stopped: over its time budget of 0.001 s (pathological text?); not stored", Assert.Single(report.Problems).ToString());
        Assert.Empty(store.ListDocuments());
    }
    [Fact]
    public void Time_a_document_spends_waiting_does_not_count_against_its_budget()
    {
        // On a busy machine a thread waits for a core; a stage that waits stands for that here.
        var inputs = Directory.CreateDirectory(Path.Combine(_folder, "in")).FullName;
        File.WriteAllText(Path.Combine(inputs, "a.txt"), "Un titre\n\nLe 12 mai, M. Dupont a parlé.\n");
        var stages = Dossier.Core.Pipeline.DocumentPipeline.CreateDefault().Stages.Append(new WaitingStage(TimeSpan.FromSeconds(3)));
        using var store = SqliteDossierStore.Open(DossierFile, create: true);
        var builder = new DossierBuilder(store, new Dossier.Core.Pipeline.DocumentPipeline(stages), Dossier.Core.Read.InputReader.CreateDefault())
        {
            AnalysisTimeBudget = TimeSpan.FromSeconds(1),
        };

        var report = builder.Build([inputs]);

        Assert.Empty(report.Problems);
        Assert.Single(store.ListDocuments());
    }

    [Fact]
    public void A_pattern_over_its_match_limit_is_a_named_failure_not_a_silent_gap()
    {
        var inputs = Directory.CreateDirectory(Path.Combine(_folder, "in")).FullName;
        File.WriteAllText(Path.Combine(inputs, "a.txt"), "Un titre\n\n" + new string('a', 40) + "!\n");
        File.WriteAllText(Path.Combine(inputs, "b.txt"), "Un titre\n\nLe 12 mai, M. Dupont a parlé.\n");
        var stages = Dossier.Core.Pipeline.DocumentPipeline.CreateDefault().Stages.Append(new BacktrackingStage());
        using var store = SqliteDossierStore.Open(DossierFile, create: true);
        var builder = new DossierBuilder(store, new Dossier.Core.Pipeline.DocumentPipeline(stages), Dossier.Core.Read.InputReader.CreateDefault());

        var report = builder.Build([inputs]);

        Assert.Equal("error: a.txt: analysis stopped: the backtrack stage ran a pattern over its limit of 0.05 s (pathological text?); not stored",
            Assert.Single(report.Problems).ToString());
        Assert.Equal("b.txt", Path.GetFileName(Assert.Single(store.ListDocuments()).Path));
    }

    /// <summary>A pattern that backtracks without end on a run of letters not followed by its end.
    /// It runs only on a text holding such a run: its limit is short enough that, on a loaded
    /// machine, waiting for the processor could exceed it on any text.</summary>
    private sealed partial class BacktrackingStage : Dossier.Core.Pipeline.IDocumentStage
    {
        public string Name => "backtrack";
        public IReadOnlyList<string> Requires => [];
        public IReadOnlyList<string> Provides => [];
        public void Annotate(Dossier.Core.Model.AnalysedDocument document, CancellationToken cancellationToken)
        {
            if (document.Text.Contains("aaaa", StringComparison.Ordinal)) Runaway().IsMatch(document.Text);
        }

        [System.Text.RegularExpressions.GeneratedRegex(@"(a+)+$", System.Text.RegularExpressions.RegexOptions.None, 50)]
        private static partial System.Text.RegularExpressions.Regex Runaway();
    }

    private sealed class WaitingStage(TimeSpan wait) : Dossier.Core.Pipeline.IDocumentStage
    {
        public string Name => "wait";
        public IReadOnlyList<string> Requires => [];
        public IReadOnlyList<string> Provides => [];
        public void Annotate(Dossier.Core.Model.AnalysedDocument document, CancellationToken cancellationToken) => Thread.Sleep(wait);
    }
}
