using System.Diagnostics;
using System.Globalization;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Storage;
using Dossier.Storage.Sqlite;

namespace Dossier.Bench;

/// <summary>`scale N [--add K] [--rounds R] [--keep DIR] [--documents-only] [--no-export] [--result FILE] [--check-index]`: builds N synthetic articles
/// (<see cref="SyntheticCorpus"/>) into a fresh dossier and prints the per-document phase, the
/// corpus stages (each with the memory it allocated) and the export separately, then adds K more
/// (100 by default) in one build as `dossier build` makes it and prints each of its steps (recurring
/// lines, each corpus stage, search index, reading index) and their corpus-stage time, and the peak memory. With --keep, the dossier of the per-document
/// phase is kept in DIR and reused by later runs of the same N (the corpus stages then run on a
/// copy), so that the long per-document phase of a large N is paid once, and so is the dossier after
/// its first corpus run (scale-N.corpus.dossier), from which later runs measure the export and the
/// added build only; --rounds R adds K articles R times, one build each (the first build after a
/// change of what a stage stores may form that stage's results again; the later ones measure the
/// incremental case); --documents-only stops after the per-document phase; --no-export leaves the export out; --result FILE
/// keeps the dossier the last build left there; --check-index compares its reading index with the one written whole (after the peak is told). Run one size per process, so that the peak belongs to it.</summary>
internal static class ScaleBenchmark
{
    public static int Run(string[] args)
    {
        if (args.Length == 0 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            Console.Error.WriteLine("usage: Dossier.Bench scale N [--add K] [--rounds R] [--keep DIR] [--documents-only] [--no-export] [--result FILE] [--check-index]");
            return 2;
        }
        var added = Option(args, "--add") is { } a ? int.Parse(a, CultureInfo.InvariantCulture) : 100;
        var rounds = Option(args, "--rounds") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 1;
        var keep = Option(args, "--keep");
        var folder = Directory.CreateTempSubdirectory("dossier-scale-").FullName;
        try
        {
            var pipeline = DocumentPipeline.CreateDefault();
            var corpus = CorpusPipeline.CreateDefault(pipeline);
            var documentsOnly = new CorpusPipeline([], pipeline.Provides);
            var kept = keep is null ? null : Path.Combine(keep, $"scale-{count}.documents.dossier");
            var target = Path.Combine(folder, "scale.dossier");
            var report = new List<string> { $"{count} articles ({Environment.ProcessorCount} cores), wall / CPU seconds" };
            // Each step is also told as it ends, with the peak so far, so that a long run stopped early still tells what it measured.
            void Report(string step)
            {
                report.Add(step);
                var process = Process.GetCurrentProcess();
                Console.Error.WriteLine($"{step} (peak so far {process.PeakWorkingSet64 / 1048576.0:F0} MB)");
            }
            if (kept is not null && File.Exists(kept))
            {
                File.Copy(kept, target);
                Report($"per-document phase reused from {kept}");
            }
            else
            {
                var first = Path.Combine(folder, "first.jsonl");
                SyntheticCorpus.Write(first, 0, count, seed: 1);
                using (var store = SqliteDossierStore.Open(target, create: true))
                {
                    var perDocument = Time(() => new DossierBuilder(store, pipeline, InputReader.CreateDefault(), documentsOnly).Build([first]));
                    Report($"per-document phase {perDocument.Wall:F1} / {perDocument.Cpu:F1} ({1000 * perDocument.Cpu / count:F1} ms CPU per article, " +
                        $"{new FileInfo(first).Length / 1048576.0:F1} MB of input)");
                }
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                if (kept is not null) File.Copy(target, kept);
            }
            if (Array.IndexOf(args, "--documents-only") < 0)
            {
                var keptCorpus = keep is null ? null : Path.Combine(keep, $"scale-{count}.corpus.dossier");
                if (keptCorpus is not null && File.Exists(keptCorpus))
                {
                    File.Copy(keptCorpus, target, overwrite: true);
                    Report($"corpus stages reused from {keptCorpus}");
                }
                using var store = SqliteDossierStore.Open(target, create: false);
                if (keptCorpus is null || !File.Exists(keptCorpus))
                {
                    var clock = new StageClock();
                    var stages = Time(() => corpus.Run(store, clock));
                    Report($"corpus stages {stages.Wall:F1} / {stages.Cpu:F1} ({1000 * stages.Cpu / count:F2} ms CPU per article; {clock.Finish()})");
                    // Every stage has committed: the file is whole as it stands.
                    if (keptCorpus is not null) File.Copy(target, keptCorpus);
                }
                if (Array.IndexOf(args, "--no-export") < 0)
                {
                    var export = Time(() =>
                    {
                        using var output = File.Create(Path.Combine(folder, "export.json"));
                        StoredExport.Write(store, output, "json");
                    });
                    Report($"export {export.Wall:F1} / {export.Cpu:F1}, export file {new FileInfo(Path.Combine(folder, "export.json")).Length / 1048576.0:F1} MB");
                }
                // One build as `dossier build` makes it: the per-document phase, recurring lines, the
                // corpus stages, the search index and the reading index.
                for (var round = 0; round < rounds; round++)
                {
                    var more = Path.Combine(folder, $"more{round}.jsonl");
                    SyntheticCorpus.Write(more, count + round * added, added, seed: 1);
                    var addClock = new StageClock();
                    addClock.Report("per-document");
                    var addBuild = Time(() => new DossierBuilder(store, pipeline, InputReader.CreateDefault(), corpus).Build([more], addClock));
                    var stageCpu = addClock.Cpu(corpus.Stages.Select(s => s.Name));
                    Report($"then +{added} articles in one build {addBuild.Wall:F1} / {addBuild.Cpu:F1}: corpus stages {stageCpu:F1} CPU " +
                        $"({1000 * stageCpu / added:F1} ms CPU per added article; {addClock.Finish()})");
                }
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Option(args, "--result") is { } result) File.Copy(target, result, overwrite: true);
            var process = Process.GetCurrentProcess();
            process.Refresh();
            Report($"peak memory (working set) {process.PeakWorkingSet64 / 1048576.0:F0} MB");
            if (Array.IndexOf(args, "--check-index") >= 0 && File.Exists(target))
                Report($"reading index {IndexDigest(target)}, written whole {IndexDigest(WrittenWhole(target, Path.Combine(folder, "whole.dossier")))}");
            Console.WriteLine(string.Join("; ", report));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Wall and CPU seconds and megabytes allocated of each corpus stage, from the stage names
    /// the pipeline reports as it starts each one (synchronously, unlike <see cref="Progress{T}"/>).</summary>
    private sealed class StageClock : IProgress<string>, IProgress<BuildProgress>
    {
        private readonly List<string> _times = [];
        private readonly Dictionary<string, double> _cpu = new(StringComparer.Ordinal);
        private string? _stage;
        private (double Wall, double Cpu, long Allocated) _start;

        public void Report(string value)
        {
            Close();
            (_stage, _start) = (value, Now());
        }

        /// <summary>A build's steps: the corpus phase's, as each begins.</summary>
        public void Report(BuildProgress value)
        {
            if (value.CorpusStep is { } step && step != _stage) Report(step);
        }

        /// <summary>CPU seconds of the named steps.</summary>
        public double Cpu(IEnumerable<string> steps) => steps.Sum(s => _cpu.GetValueOrDefault(s));

        public string Finish()
        {
            Close();
            return _times.Count == 0 ? "no stage had changes" : string.Join(", ", _times);
        }

        private void Close()
        {
            if (_stage is null) return;
            var now = Now();
            _cpu[_stage] = _cpu.GetValueOrDefault(_stage) + now.Cpu - _start.Cpu;
            _times.Add(string.Create(CultureInfo.InvariantCulture,
                $"{_stage} {now.Wall - _start.Wall:F1} / {now.Cpu - _start.Cpu:F1} ({(now.Allocated - _start.Allocated) / 1048576.0:F0} MB allocated)"));
            // The peak so far and the heap the stage leaves, so that the stage the peak belongs to is told.
            using var process = Process.GetCurrentProcess();
            Console.Error.WriteLine($"  {_times[^1]} (peak so far {process.PeakWorkingSet64 / 1048576.0:F0} MB, heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:F0} MB)");
            _stage = null;
        }

        private static (double Wall, double Cpu, long Allocated) Now()
        {
            var process = Process.GetCurrentProcess();
            return (Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency, process.TotalProcessorTime.TotalSeconds, GC.GetTotalAllocatedBytes());
        }
    }

    /// <summary>A copy of the dossier with its reading index dropped and written whole.</summary>
    private static string WrittenWhole(string dossier, string copy)
    {
        File.Copy(dossier, copy, overwrite: true);
        Sql(copy, "DELETE FROM browse_items; DELETE FROM browse_facets; DELETE FROM browse_state; DELETE FROM browse_tracked; DELETE FROM browse_event_votes;", _ => { });
        using (var store = SqliteDossierStore.Open(copy, create: false)) Dossier.Storage.Browse.BrowseIndex.Update(store);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return copy;
    }

    /// <summary>The first 16 hex digits of the SHA-256 of every row of the reading index (each item's digest covers all it shows) and of the days' votes, in key order.</summary>
    private static string IndexDigest(string dossier)
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        Sql(dossier, """
            SELECT kind || ' ' || id || ' ' || rank || ' ' || coalesce(date, '') || ' ' || weight || ' ' || coalesce(names, '') || ' ' || summary || ' ' || digest FROM browse_items
            UNION ALL SELECT 'facet ' || kind || ' ' || facet || ' ' || rank FROM browse_facets
            UNION ALL SELECT 'vote ' || event || ' ' || day || ' ' || doc || ' ' || weight FROM browse_event_votes
            ORDER BY 1
            """, row => sha.AppendData(System.Text.Encoding.UTF8.GetBytes(row + "\n")));
        return Convert.ToHexString(sha.GetHashAndReset())[..16];
    }

    private static void Sql(string dossier, string sql, Action<string> row)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={dossier};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        do
            while (reader.Read()) row(reader.GetString(0));
        while (reader.NextResult());
    }

    private static string? Option(string[] args, string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

    private static (double Wall, double Cpu) Time(Action action)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        action();
        process.Refresh();
        return (wall.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }
}
