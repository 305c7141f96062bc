using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;

namespace Dossier.Storage;

public sealed record BuildReport(int Added, int Replaced, int Unchanged, int CorpusBoilerplateLines, IReadOnlyList<InputProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);

    /// <summary>Sources now holding a text stored already under another path (a copy).</summary>
    public int Linked { get; init; }

    /// <summary>Documents removed because no source holds them any more (records gone from their
    /// file, a file overwritten with another's text, files gone with <see cref="DossierBuilder.Prune"/>).</summary>
    public IReadOnlyList<long> Removed { get; init; } = [];

    /// <summary>Sources whose file is gone from the named folders, kept because pruning was not asked for.</summary>
    public int Gone { get; init; }
}

/// <param name="Stale">Documents stored by another version of the analysis.</param>
/// <param name="Reanalysed">Those analysed again and stored (the others have a problem and keep their old analysis).</param>
public sealed record ReanalysisReport(int Stale, int Reanalysed, IReadOnlyList<InputProblem> Problems);

/// <summary>Where a build is: documents read and stored, input files read of those named, then
/// the corpus phase's steps (<see cref="DossierBuilder.CorpusSteps"/>) as each begins.</summary>
public readonly record struct BuildProgress(int DocumentsRead, int DocumentsStored, string? CurrentPath)
{
    public int FilesRead { get; init; }
    public int Files { get; init; }

    /// <summary>The corpus step under way ("resolve", "search index"), null before the corpus phase,
    /// <see cref="DossierBuilder.CorpusDoneStep"/> once it has ended.</summary>
    public string? CorpusStep { get; init; }
    public int CorpusStepsDone { get; init; }
}

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

    /// <summary>Removes the documents of files gone from the named inputs (else they are kept and counted).</summary>
    public bool Prune { get; init; }

    /// <summary>The steps of the corpus phase, in order: recurring lines, each corpus stage, the search index, the reading index.</summary>
    public string[] CorpusSteps => [RecurringLinesStep, .. _corpus.Stages.Select(s => s.Name), SearchIndexStep, ReadingIndexStep];

    /// <summary>The processor time a document's analysis may use, per started megabyte of text, before it
    /// is stopped and reported: one pathological document must not hold up a build.</summary>
    public TimeSpan AnalysisTimeBudget { get; init; } = TimeSpan.FromSeconds(60);

    public BuildReport Build(IEnumerable<string> paths, IProgress<BuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var named = paths.ToArray();
        var stored = _store.ListSources().ToDictionary(s => s.Key, StringComparer.Ordinal);
        var texts = new HashSet<string>(stored.Values.Select(s => s.ContentHash), StringComparer.Ordinal);
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        var readFiles = new HashSet<string>(StringComparer.Ordinal);
        var failedFiles = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<InputProblem>();
        int read = 0, replaced = 0, unchanged = 0, linked = 0;
        var batch = new List<SourceDocument>(BatchSize);
        var links = new List<SourceDocument>();
        var removed = new List<long>();
        Task<int>? pendingWrite = null;
        var storedCount = 0;

        void Flush()
        {
            if (batch.Count == 0 && links.Count == 0) return;
            var sources = batch.ToArray();
            var copies = links.ToArray();
            batch.Clear();
            links.Clear();
            var (results, failures) = Analyse(sources, cancellationToken);
            problems.AddRange(failures.OfType<InputProblem>());
            var analysed = results.OfType<AnalysedDocument>().ToArray();
            // Write batch k while batch k+1 is read and analysed; writes stay in input order, and the
            // copies of a text are linked after the text is stored.
            storedCount += pendingWrite?.GetAwaiter().GetResult() ?? 0;
            pendingWrite = Task.Run(() =>
            {
                var replacedHere = _store.Save(analysed);
                Interlocked.Add(ref replaced, replacedHere);
                if (copies.Length > 0) removed.AddRange(_store.LinkSources(copies));
                return analysed.Length;
            }, CancellationToken.None);
        }

        var inputs = InputReader.ListInputs(named).ToList();
        var files = inputs.Count(i => i.Problem is null);
        BuildProgress Progress(string? path) => new(read, storedCount, path) { FilesRead = readFiles.Count, Files = files };
        foreach (var (file, listProblem) in inputs)
        {
            if (listProblem is not null) { problems.Add(listProblem); continue; }
            if (readFiles.Count > 0) progress?.Report(Progress(file!.DisplayPath));
            readFiles.Add(file!.FullPath);
            foreach (var item in _reader.ReadFile(file, cancellationToken))
            {
                if (item.Problem is { } problem)
                {
                    problems.Add(problem);
                    if (problem.Severity == ProblemSeverity.Error) failedFiles.Add(file.FullPath);
                    continue;
                }
                var document = item.Document!;
                read++;
                if (!seenKeys.Add(document.SourceKey))
                {
                    problems.Add(new InputProblem(document.Path, null, ProblemSeverity.Warning, "same identifier as an earlier record of the file; skipped"));
                    continue;
                }
                if (stored.TryGetValue(document.SourceKey, out var known) && known.ContentHash == document.ContentHash)
                    unchanged++;
                else if (!texts.Add(document.ContentHash))
                {
                    linked++;
                    links.Add(document);
                }
                else
                {
                    batch.Add(document);
                }
                if (batch.Count == BatchSize)
                {
                    Flush();
                    progress?.Report(Progress(document.Path));
                }
            }
        }
        Flush();
        storedCount += pendingWrite?.GetAwaiter().GetResult() ?? 0;
        var documentsDone = Progress(null);
        progress?.Report(documentsDone);

        var (gone, leftOut) = SourcesLeftOut(stored.Values, named, seenKeys, readFiles, failedFiles);
        if (leftOut.Count > 0) removed.AddRange(_store.RemoveSources(leftOut));
        // Also when no document changed: it finishes what a build stopped during this phase left undone.
        var corpusLines = RunCorpusPhase(_store, _corpus, progress is null ? null : new CorpusStepProgress(progress, documentsDone, CorpusSteps), cancellationToken);
        return new BuildReport(storedCount - replaced, replaced, unchanged, corpusLines, problems) { Linked = linked, Removed = removed, Gone = gone };
    }

    /// <summary>Analyses again, from their stored text and without reading any input, the documents
    /// stored by another version of the analysis (<see cref="DocumentPipeline.Version"/>); each keeps
    /// its id and sources. Then the corpus phase takes them in as replaced documents.</summary>
    public ReanalysisReport Reanalyse(IProgress<BuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var stale = _store.DocumentsAnalysedOtherThan(_pipeline.Version);
        var problems = new List<InputProblem>();
        var done = 0;
        foreach (var ids in stale.Chunk(BatchSize))
        {
            var sources = ids.Select(id => _store.Load(id)!.Source).ToArray();
            var (results, failures) = Analyse(sources, cancellationToken);
            problems.AddRange(failures.OfType<InputProblem>());
            var analysed = ids.Zip(results).Where(x => x.Second is not null).Select(x => (x.First, x.Second!)).ToArray();
            _store.Reanalysed(analysed);
            done += analysed.Length;
            progress?.Report(new BuildProgress(stale.Count, done, sources[^1].Path));
        }
        RunCorpusPhase(_store, _corpus, progress is null ? null : new CorpusStepProgress(progress, new BuildProgress(stale.Count, done, null), CorpusSteps), cancellationToken);
        return new ReanalysisReport(stale.Count, done, problems);
    }

    /// <summary>Runs the per-document pipeline on several cores, each document within its budget of processor time.
    /// A document that fails or runs over has a problem, and no result, at its place.</summary>
    private (AnalysedDocument?[] Results, InputProblem?[] Failures) Analyse(SourceDocument[] sources, CancellationToken cancellationToken)
    {
        var results = new AnalysedDocument?[sources.Length];
        var failures = new InputProblem?[sources.Length];
        Parallel.For(0, sources.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            using var budget = ProcessorTimeBudget.StartOnCurrentThread(
                AnalysisTimeBudget * (1 + sources[i].Text.Length / (1024 * 1024)), cancellationToken);
            InputProblem OverBudget() => new(sources[i].Path, null, ProblemSeverity.Error,
                $"analysis stopped: over its time budget of {budget.Budget.TotalSeconds:0.###} s (pathological text?); not stored");
            try
            {
                var analysed = _pipeline.Run(sources[i], budget.Token);
                // The watch only stops long work early and can look too late; the time used decides.
                if (budget.Exceeded) failures[i] = OverBudget();
                else results[i] = analysed;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failures[i] = OverBudget();
            }
            catch (PatternLimitException ex)
            {
                failures[i] = new InputProblem(sources[i].Path, null, ProblemSeverity.Error, $"analysis stopped: {ex.Message}; not stored");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A fault on one article must not cost the others; it is reported with its path.
                failures[i] = new InputProblem(sources[i].Path, null, ProblemSeverity.Error, $"analysis failed: {ex.GetType().Name}: {ex.Message}");
            }
        });
        return (results, failures);
    }

    /// <summary>What follows the per-document phase, whoever stored the documents: recurring lines
    /// set aside, the corpus stages brought up to date, new documents indexed for search, the reading
    /// index written. Returns the number of lines whose kind changed.</summary>
    /// <param name="steps">Told the name of each step as it begins, then <see cref="CorpusDoneStep"/>.</param>
    public static int RunCorpusPhase(IDossierStore store, CorpusPipeline corpus, IProgress<string>? steps = null, CancellationToken cancellationToken = default)
    {
        steps?.Report(RecurringLinesStep);
        var corpusLines = store.ApplyCorpusBoilerplate(CorpusBoilerplateMinDocuments, CorpusBoilerplateMaxLength);
        corpus.Run(store, steps, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        steps?.Report(SearchIndexStep);
        store.UpdateSearchIndex();
        steps?.Report(ReadingIndexStep);
        // What the stages read and made is dead now, but much of it lived long enough to wait for a full
        // collection, which a heap of a few gigabytes puts off: collected before the reading index reads
        // every document, and the index's own after it, so that neither is held beside the next (a
        // process that builds again and again, or the next stage, is otherwise given both at once).
        GC.Collect();
        Browse.BrowseIndex.Update(store, cancellationToken);
        GC.Collect();
        steps?.Report(CorpusDoneStep);
        return corpusLines;
    }

    public const string RecurringLinesStep = "recurring lines";
    public const string SearchIndexStep = "search index";
    public const string ReadingIndexStep = "reading index";

    /// <summary>Told once the last step has ended, so that a progress display reaches its end.</summary>
    public const string CorpusDoneStep = "done";

    /// <summary>Turns the corpus phase's step names into build progress: the documents' figures
    /// stay, the step is named with its place among all the steps (a stage with nothing to take in
    /// is not run, so the count may jump).</summary>
    private sealed class CorpusStepProgress(IProgress<BuildProgress> progress, BuildProgress documents, string[] steps) : IProgress<string>
    {
        public void Report(string value) =>
            progress.Report(documents with
            {
                CorpusStep = value,
                CorpusStepsDone = value == CorpusDoneStep ? steps.Length : Math.Max(0, Array.IndexOf(steps, value)),
            });
    }

    /// <summary>The stored sources this build did not see: those of a file read whole (its record or
    /// item is gone) are left out; those of a file gone from the named inputs are left out when
    /// pruning and counted otherwise. A file with a read error keeps them all.</summary>
    private (int Gone, List<string> LeftOut) SourcesLeftOut(IEnumerable<StoredSource> stored, string[] named, HashSet<string> seenKeys,
        HashSet<string> readFiles, HashSet<string> failedFiles)
    {
        var roots = named.Select(Path.GetFullPath).ToArray();
        var gone = 0;
        var leftOut = new List<string>();
        foreach (var source in stored)
        {
            if (seenKeys.Contains(source.Key) || failedFiles.Contains(source.File)) continue;
            if (readFiles.Contains(source.File))
                leftOut.Add(source.Key);
            else if (roots.Any(root => IsUnder(source.File, root)))
            {
                if (Prune) leftOut.Add(source.Key);
                else gone++;
            }
        }
        return (gone, leftOut);
    }

    private static bool IsUnder(string file, string root) =>
        file.Equals(root, StringComparison.Ordinal) ||
        file.StartsWith(Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
