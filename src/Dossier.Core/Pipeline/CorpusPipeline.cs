namespace Dossier.Core.Pipeline;

/// <summary>The cross-document stages in order, checked once when built as
/// <see cref="DocumentPipeline"/> is: a stage whose required layers neither the per-document
/// pipeline nor an earlier corpus stage provides fails here.</summary>
public sealed class CorpusPipeline
{
    private readonly ICorpusStage[] _stages;

    public CorpusPipeline(IEnumerable<ICorpusStage> stages, IEnumerable<string> documentLayers)
    {
        _stages = stages.ToArray();
        var provided = new HashSet<string>(documentLayers, StringComparer.Ordinal);
        foreach (var stage in _stages)
        {
            var missing = stage.Requires.Where(r => !provided.Contains(r)).ToArray();
            if (missing.Length > 0)
                throw new InvalidOperationException(
                    $"corpus stage '{stage.Name}' requires {string.Join(", ", missing)}, which no earlier stage provides");
            provided.UnionWith(stage.Provides);
        }
    }

    public IReadOnlyList<ICorpusStage> Stages => _stages;

    /// <summary>Runs each stage that has changes to take in, each in its own transaction; the stages
    /// share one read of the stored documents (<see cref="SharedDocuments"/>).</summary>
    public void Run(ICorpusStore store, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var documents = new SharedDocuments();
        foreach (var stage in _stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var run = documents.Share(store.BeginCorpusRun(stage.Name));
            if (run.Changes.IsEmpty) continue;
            progress?.Report(stage.Name);
            stage.Update(run, cancellationToken);
            run.Commit();
        }
    }

    /// <summary>The standard corpus stages, after the given per-document pipeline.</summary>
    public static CorpusPipeline CreateDefault(DocumentPipeline documents) => new(
    [
        new Resolve.EntityResolutionStage(),
        new Series.SeriesStage(),
        new Stories.StoryStage(),
        new Duplicates.DuplicateStage(),
        new Events.EventStage(),
    ], documents.Provides);
}
