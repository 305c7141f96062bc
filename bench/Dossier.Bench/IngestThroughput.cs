using System.Diagnostics;
using System.Globalization;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Storage;
using Dossier.Storage.Sqlite;

namespace Dossier.Bench;

/// <summary>Whole-build throughput: read + analyse + store of a JSON-lines corpus into a fresh
/// dossier, as `dossier build` does it, then each stage alone on one thread. Prints documents/s,
/// KB/s of text per core (text size over CPU time) and peak memory.</summary>
internal static class IngestThroughput
{
    /// <summary>`ingest [FILE.jsonl] [--until STAGE]`: the default pipeline, or its stages up to STAGE ("segment").</summary>
    public static int Run(string[] args)
    {
        var until = Array.IndexOf(args, "--until") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        var positional = args.Where((a, i) => a != "--until" && (i == 0 || args[i - 1] != "--until")).ToArray();
        var input = positional.Length > 0 ? positional[0] : Corpus.DefaultPath();
        var stages = DocumentPipeline.CreateDefault().Stages;
        var pipeline = until is null ? new DocumentPipeline(stages)
            : new DocumentPipeline(stages.Take(stages.ToList().FindIndex(s => s.Name == until) + 1 is var n and > 0 ? n
                : throw new ArgumentException($"no stage named '{until}'; stages: {string.Join(", ", stages.Select(s => s.Name))}")));
        var target = Path.Combine(Path.GetTempPath(), $"dossier-bench-{Environment.ProcessId}.dossier");
        var process = Process.GetCurrentProcess();
        try
        {
            var documents = Corpus.Read(input);
            var kilobytes = documents.Sum(d => (long)d.Text.Length) * 2 / 1024.0; // UTF-16 text held in memory
            var utf8Kb = documents.Sum(d => (long)System.Text.Encoding.UTF8.GetByteCount(d.Text)) / 1024.0;
            Console.WriteLine($"input: {Path.GetFileName(input)}, {documents.Count} documents, {utf8Kb:F0} KB of UTF-8 text; {Environment.ProcessorCount} cores");

            var cpuBefore = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            BuildReport report;
            using (var store = SqliteDossierStore.Open(target, create: true))
                report = new DossierBuilder(store, pipeline, InputReader.CreateDefault()).Build([input]);
            wall.Stop();
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"build (read + {string.Join(" + ", pipeline.Stages.Select(s => s.Name))} + store): {report.Added} documents in {wall.Elapsed.TotalSeconds:F2} s wall, {cpu:F2} s CPU; " +
                $"{report.Added / wall.Elapsed.TotalSeconds:F0} documents/s, {report.Added / cpu:F0} documents/s per core, {utf8Kb / cpu:F0} KB/s per core; " +
                $"dossier file {new FileInfo(target).Length / 1048576.0:F1} MB"));

            // Each stage alone, one thread: where the time goes. The text is not fresh any more: the
            // temporal stage's recogniser answers from its cache, so its figure here is too high.
            var perStage = new double[pipeline.Stages.Count];
            foreach (var source in documents)
            {
                var document = new AnalysedDocument(source);
                for (var s = 0; s < pipeline.Stages.Count; s++)
                {
                    var start = Stopwatch.GetTimestamp();
                    pipeline.Stages[s].Annotate(document, CancellationToken.None);
                    perStage[s] += Stopwatch.GetElapsedTime(start).TotalSeconds;
                }
            }
            for (var s = 0; s < pipeline.Stages.Count; s++)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  stage {pipeline.Stages[s].Name,-10} {perStage[s]:F2} s, {utf8Kb / perStage[s],10:F0} KB/s on one core"));
            Console.WriteLine("  (time: text its recogniser has seen; `time` measures it on fresh text)");
            process.Refresh();
            Console.WriteLine($"peak memory (working set): {process.PeakWorkingSet64 / 1048576.0:F0} MB");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(target);
        }
    }
}
