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
    public static int Run(string[] args)
    {
        var input = args.Length > 0 ? args[0] : Corpus.DefaultPath();
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
                report = new DossierBuilder(store, DocumentPipeline.CreateDefault(), InputReader.CreateDefault()).Build([input]);
            wall.Stop();
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"build (read+clean+describe+segment+recognise+store): {report.Added} documents in {wall.Elapsed.TotalSeconds:F2} s wall, {cpu:F2} s CPU; " +
                $"{report.Added / wall.Elapsed.TotalSeconds:F0} documents/s, {report.Added / cpu:F0} documents/s per core, {utf8Kb / cpu:F0} KB/s per core; " +
                $"dossier file {new FileInfo(target).Length / 1048576.0:F1} MB"));

            // Each stage alone, one thread: where the time goes.
            var pipeline = DocumentPipeline.CreateDefault();
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
