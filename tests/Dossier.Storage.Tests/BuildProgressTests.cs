using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Tests;

/// <summary>What a build tells as it goes: files read of those named, documents read and stored,
/// then each step of the corpus phase by name and place, and its end.</summary>
public sealed class BuildProgressTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-progress-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Keeps every report, in order, on the reporting thread.</summary>
    private sealed class Reports : IProgress<BuildProgress>
    {
        public List<BuildProgress> All { get; } = [];
        public void Report(BuildProgress value) => All.Add(value);
    }

    [Fact]
    public void A_build_counts_files_and_documents_then_names_each_corpus_step()
    {
        var samples = Path.Combine(SearchDossiers.Repository(), "samples");
        using var store = SqliteDossierStore.Open(Path.Combine(_folder, "p.dossier"), create: true);
        var builder = new DossierBuilder(store, DocumentPipeline.CreateDefault(), InputReader.CreateDefault());
        var reports = new Reports();

        builder.Build([samples], reports);

        var documents = reports.All.Where(p => p.CorpusStep is null).ToList();
        Assert.Equal([1, 2, 3, 4, 5], documents.Select(p => p.FilesRead));
        Assert.All(documents, p => Assert.Equal(5, p.Files));
        Assert.Equal((5, 5), (documents[^1].DocumentsRead, documents[^1].DocumentsStored));

        var steps = reports.All.Where(p => p.CorpusStep is not null).ToList();
        Assert.Equal([.. builder.CorpusSteps, "done"], steps.Select(p => p.CorpusStep));
        // The last report says every step has ended, so that a progress bar reaches its end.
        Assert.Equal(Enumerable.Range(0, builder.CorpusSteps.Length + 1), steps.Select(p => p.CorpusStepsDone));
        Assert.Equal(["recurring lines", "resolve", "series", "stories", "duplicates", "events", "search index", "reading index"], builder.CorpusSteps);
        Assert.All(steps, p => Assert.Equal((5, 5), (p.DocumentsStored, p.FilesRead)));
    }
}
