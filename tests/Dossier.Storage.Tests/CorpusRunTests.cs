using System.Text;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>The corpus-stage contract on the SQLite store: what a run is told changed, and what a
/// run stopped before its commit leaves.</summary>
public sealed class CorpusRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-corpus-").FullName;
    private string Inputs => Path.Combine(_folder, "in");
    private string DossierFile => Path.Combine(_folder, "test.dossier");

    public CorpusRunTests() => Directory.CreateDirectory(Inputs);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Keeps one group per document, labelled with its title, and logs the changes it is given.</summary>
    private sealed class TitleStage : ICorpusStage
    {
        public List<CorpusChanges> Seen { get; } = [];
        public bool FailBeforeCommit { get; set; }
        public string Name => "titles";
        public IReadOnlyList<string> Requires => [Layers.Metadata];
        public IReadOnlyList<string> Provides => ["titles"];

        public void Update(ICorpusRun run, CancellationToken cancellationToken)
        {
            Seen.Add(run.Changes);
            foreach (var group in run.GroupsOf("titles", run.Changes.Removed)) run.Delete("titles", group.Id);
            foreach (var id in run.Changes.Added)
                run.Save("titles", new CorpusGroup($"t{run.NextNumber("titles")}", null, run.Load(id)!.Metadata.Title?.Value ?? "", "{}", [new CorpusMember(id, 0, 0)]));
            if (FailBeforeCommit) throw new IOException("stopped");
        }
    }

    private void Write(string name, string title) =>
        File.WriteAllText(Path.Combine(Inputs, name), $"{title}\n\nLe ministère a publié lundi un communiqué détaillé sur ce sujet important pour le pays.\n", Encoding.UTF8);

    private void Build(TitleStage stage)
    {
        using var store = SqliteDossierStore.Open(DossierFile, create: true);
        var pipeline = DocumentPipeline.CreateDefault();
        new DossierBuilder(store, pipeline, InputReader.CreateDefault(), new CorpusPipeline([stage], pipeline.Provides)).Build([Inputs]);
    }

    private string[] Titles()
    {
        using var store = SqliteDossierStore.Open(DossierFile, create: false);
        return store.CorpusGroups("titles").Select(g => $"{g.Id} {g.Label}").ToArray();
    }

    [Fact]
    public void A_stage_sees_all_documents_first_then_only_what_changed_and_a_replaced_one_as_removed_and_added()
    {
        var stage = new TitleStage();
        Write("a.txt", "Les retraites en débat");
        Write("b.txt", "Les impôts en hausse");
        Build(stage);
        Assert.Equal([1L, 2L], stage.Seen[^1].Added);

        Build(stage);
        Assert.Single(stage.Seen);

        Write("b.txt", "La santé en question");
        Write("c.txt", "Le climat en vedette");
        Build(stage);
        // The store may give the highest id again: then the id is both removed and added.
        Assert.Equal([2L], stage.Seen[^1].Removed);
        Assert.Equal([2L, 3L], stage.Seen[^1].Added);
        Assert.Equal(["t1 Les retraites en débat", "t3 La santé en question", "t4 Le climat en vedette"], Titles());
    }

    [Fact]
    public void A_run_stopped_before_its_commit_leaves_the_last_results_and_is_done_again_by_the_next_build()
    {
        var stage = new TitleStage();
        Write("a.txt", "Les retraites en débat");
        Build(stage);
        Write("b.txt", "Les impôts en hausse");
        stage.FailBeforeCommit = true;
        Assert.Throws<IOException>(() => Build(stage));
        Assert.Equal(["t1 Les retraites en débat"], Titles());

        stage.FailBeforeCommit = false;
        Build(stage);
        Assert.Equal([2L], stage.Seen[^1].Added);
        Assert.Equal(["t1 Les retraites en débat", "t2 Les impôts en hausse"], Titles());
    }

    [Fact]
    public void A_group_saved_again_reads_back_with_the_members_given_those_kept_dropped_and_added_and_two_at_one_place_in_order()
    {
        CorpusGroup Saved(CorpusGroup group)
        {
            using var store = SqliteDossierStore.Open(DossierFile, create: true);
            using (var run = store.BeginCorpusRun("titles"))
            {
                run.Save("titles", group);
                run.Commit();
            }
            return Assert.Single(store.CorpusGroups("titles"));
        }
        CorpusMember[] first = [new(1, 0, 5, "a"), new(2, 10, 4, "b"), new(3, 0, 5, "c")];
        Assert.Equal(first, Saved(new CorpusGroup("t1", null, "Retraites", "{}", first)).Members);

        CorpusMember[] second = [new(1, 0, 5, "a"), new(2, 12, 4, "b"), new(3, 0, 5, "d"), new(4, 7, 2, "e")];
        var resaved = Saved(new CorpusGroup("t1", null, "Les retraites", "{\"n\":2}", second));
        Assert.Equal(("Les retraites", "{\"n\":2}"), (resaved.Label, resaved.Data));
        Assert.Equal(second, resaved.Members);

        CorpusMember[] samePlace = [new(1, 0, 5, "z"), new(1, 0, 5, "a"), new(4, 7, 2, "e")];
        Assert.Equal(samePlace, Saved(new CorpusGroup("t1", null, "Les retraites", "{}", samePlace)).Members);
    }

    /// <summary>Files each added document under one key every document shares, and notes, at the start and at the
    /// end of each run, how many documents the key holds and which of the first three are filed under it.</summary>
    private sealed class FilingStage : ICorpusStage
    {
        public List<string> Seen { get; } = [];
        public string Name => "filing";
        public IReadOnlyList<string> Requires => [Layers.Metadata];
        public IReadOnlyList<string> Provides => [];

        public void Update(ICorpusRun run, CancellationToken cancellationToken)
        {
            Seen.Add($"{run.CountWith("filed", "all")}: {string.Join(' ', run.FiledWith("filed", "all", [3, 1, 2]))}");
            foreach (var id in run.Changes.Added) run.Index("filed", id, ["all"]);
            Seen.Add($"{run.CountWith("filed", "all")}: {string.Join(' ', run.FiledWith("filed", "all", [3, 1, 2]))}");
        }
    }

    [Fact]
    public void An_index_counts_the_documents_under_a_key_as_they_are_filed_and_removed()
    {
        Write("a.txt", "Les retraites en débat");
        Write("b.txt", "Les impôts en hausse");
        var stage = new FilingStage();
        void Build()
        {
            using var store = SqliteDossierStore.Open(DossierFile, create: true);
            var pipeline = DocumentPipeline.CreateDefault();
            new DossierBuilder(store, pipeline, InputReader.CreateDefault(), new CorpusPipeline([stage], pipeline.Provides)) { Prune = true }.Build([Inputs]);
        }
        Build();
        File.Delete(Path.Combine(Inputs, "a.txt"));
        Write("c.txt", "Le climat en vedette");
        Build();
        // Document 1 left the index with its text; 3 was filed by the second run.
        Assert.Equal(["0: ", "2: 1 2", "1: 2", "2: 2 3"], stage.Seen);
    }
}
