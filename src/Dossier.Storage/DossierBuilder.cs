using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;

namespace Dossier.Storage;

public sealed record BuildReport(int Added, int Replaced, int Unchanged, int CorpusBoilerplateLines, IReadOnlyList<InputProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);
}

public readonly record struct BuildProgress(int DocumentsRead, int DocumentsStored, string? CurrentPath);

/// <summary>Reads inputs, runs the per-document pipeline on several cores and stores the results in
/// order, one transaction per batch, then runs the corpus stages (each its own transaction). Document ids follow the
/// order of the inputs, whatever the number of threads.</summary>
public sealed class DossierBuilder
{
    /// <summary>A line in three documents or more is page furniture of a site, not an article's text.</summary>
    public const int CorpusBoilerplateMinDocuments = 3;
    /// <summary>Longer lines are paragraphs, which recur only when an article is republished.</summary>
    public const int CorpusBoilerplateMaxLength = 200;
    private const int BatchSize = 128;

    private readonly IDossierStore _store;
    private readonly DocumentPipeline _pipeline;
    private readonly InputReader _reader;
    private readonly CorpusPipeline _corpus;

    /// <param name="corpus">The cross-document stages; the standard ones when not given.</param>
    public DossierBuilder(IDossierStore store, DocumentPipeline pipeline, InputReader reader, CorpusPipeline? corpus = null)
    {
        _store = store;
        _pipeline = pipeline;
        _reader = reader;
        _corpus = corpus ?? CorpusPipeline.CreateDefault(pipeline);
    }

    public BuildReport Build(IEnumerable<string> paths, IProgress<BuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var known = new Dictionary<string, string>(_store.SourceHashes(), StringComparer.Ordinal);
        var knownContent = new HashSet<string>(known.Values, StringComparer.Ordinal);
        var problems = new List<InputProblem>();
        int read = 0, added = 0, replaced = 0, unchanged = 0;
        var batch = new List<SourceDocument>(BatchSize);
        Task<int>? pendingWrite = null;
        var stored = 0;

        void Flush()
        {
            if (batch.Count == 0) return;
            var results = new AnalysedDocument?[batch.Count];
            var failures = new InputProblem?[batch.Count];
            var sources = batch.ToArray();
            batch.Clear();
            Parallel.For(0, sources.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            {
                try
                {
                    results[i] = _pipeline.Run(sources[i], cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A fault on one article must not cost the others; it is reported with its path.
                    failures[i] = new InputProblem(sources[i].Path, null, ProblemSeverity.Error, $"analysis failed: {ex.GetType().Name}: {ex.Message}");
                }
            });
            problems.AddRange(failures.OfType<InputProblem>());
            var analysed = results.OfType<AnalysedDocument>().ToArray();
            // Write batch k while batch k+1 is read and analysed; writes stay in input order.
            stored += pendingWrite?.GetAwaiter().GetResult() ?? 0;
            pendingWrite = Task.Run(() =>
            {
                var replacedHere = _store.Save(analysed);
                Interlocked.Add(ref replaced, replacedHere);
                return analysed.Length;
            }, CancellationToken.None);
        }

        foreach (var item in _reader.Read(paths, cancellationToken))
        {
            if (item.Problem is { } problem) { problems.Add(problem); continue; }
            var document = item.Document!;
            read++;
            if (known.TryGetValue(document.SourceKey, out var hash) && hash == document.ContentHash || knownContent.Contains(document.ContentHash))
            {
                unchanged++;
                continue;
            }
            known[document.SourceKey] = document.ContentHash;
            knownContent.Add(document.ContentHash);
            batch.Add(document);
            if (batch.Count == BatchSize)
            {
                Flush();
                progress?.Report(new BuildProgress(read, stored, document.Path));
            }
        }
        Flush();
        stored += pendingWrite?.GetAwaiter().GetResult() ?? 0;
        added = stored - replaced;
        progress?.Report(new BuildProgress(read, stored, null));
        var corpusLines = _store.ApplyCorpusBoilerplate(CorpusBoilerplateMinDocuments, CorpusBoilerplateMaxLength);
        // Also when no document changed: it finishes what a build stopped during this phase left undone.
        _corpus.Run(_store, null, cancellationToken);
        _store.UpdateSearchIndex();
        return new BuildReport(added, replaced, unchanged, corpusLines, problems);
    }
}
