using System.Diagnostics;
using System.Globalization;
using Dossier.Core.Export;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Storage;
using Dossier.Storage.Sqlite;

namespace Dossier.Bench;

/// <summary>`scale N [--add K]`: builds N synthetic articles (<see cref="SyntheticCorpus"/>) into a
/// fresh dossier and prints the per-document phase, the corpus stages and the export separately,
/// then adds K more (100 by default) and prints that build's corpus-stage time, and the peak memory.
/// Run one size per process, so that the peak belongs to it.</summary>
internal static class ScaleBenchmark
{
    public static int Run(string[] args)
    {
        if (args.Length == 0 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            Console.Error.WriteLine("usage: Dossier.Bench scale N [--add K]");
            return 2;
        }
        var added = Array.IndexOf(args, "--add") is var at and >= 0 ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 100;
        var folder = Directory.CreateTempSubdirectory("dossier-scale-").FullName;
        try
        {
            var first = Path.Combine(folder, "first.jsonl");
            var more = Path.Combine(folder, "more.jsonl");
            SyntheticCorpus.Write(first, 0, count, seed: 1);
            SyntheticCorpus.Write(more, count, added, seed: 1);
            var target = Path.Combine(folder, "scale.dossier");
            var pipeline = DocumentPipeline.CreateDefault();
            var corpus = CorpusPipeline.CreateDefault(pipeline);
            var documentsOnly = new CorpusPipeline([], pipeline.Provides);
            using var store = SqliteDossierStore.Open(target, create: true);

            var perDocument = Time(() => new DossierBuilder(store, pipeline, InputReader.CreateDefault(), documentsOnly).Build([first]));
            var stages = Time(() => corpus.Run(store));
            var export = Time(() =>
            {
                var documents = store.LoadAll().Select(x => new ExportedDocument(DocumentIds.Format(x.Id), x.Document)).ToList();
                using var output = File.Create(Path.Combine(folder, "export.json"));
                JsonExporter.Write(output, documents, CorpusResults.Read(store, documents));
            });
            var addDocuments = Time(() => new DossierBuilder(store, pipeline, InputReader.CreateDefault(), documentsOnly).Build([more]));
            var addStages = Time(() => corpus.Run(store));
            var process = Process.GetCurrentProcess();
            process.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{count} articles ({Environment.ProcessorCount} cores), wall / CPU seconds: per-document phase {perDocument.Wall:F1} / {perDocument.Cpu:F1} " +
                $"({1000 * perDocument.Cpu / count:F1} ms CPU per article), corpus stages {stages.Wall:F1} / {stages.Cpu:F1} ({1000 * stages.Cpu / count:F2} ms CPU per article), " +
                $"export {export.Wall:F1} / {export.Cpu:F1}, export file {new FileInfo(Path.Combine(folder, "export.json")).Length / 1048576.0:F1} MB; " +
                $"then +{added} articles: per-document {addDocuments.Wall:F1} / {addDocuments.Cpu:F1}, corpus stages {addStages.Wall:F1} / {addStages.Cpu:F1}; " +
                $"peak memory (working set) {process.PeakWorkingSet64 / 1048576.0:F0} MB"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

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
