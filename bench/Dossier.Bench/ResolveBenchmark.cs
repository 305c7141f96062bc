using System.Diagnostics;
using System.Globalization;
using Dossier.Core.Export;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Resolve;
using Dossier.Core.Series;

namespace Dossier.Bench;

/// <summary>Entity resolution and series over 1,000 to N analysed articles: time, allocations and
/// peak memory at each size, so that growth shows (blocking keys and indexes: near-linear; any step
/// over all pairs of mentions would grow with the square). The corpus has 5,000 articles; beyond
/// that each analysed article is used again under another id, the hardest case for blocks (every
/// name key has twice the mentions).</summary>
internal static class ResolveBenchmark
{
    public static int Run(string[] args)
    {
        var corpus = args.Length > 0 ? args[0] : Corpus.DefaultPath();
        var largest = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var pipeline = DocumentPipeline.CreateDefault();
        var clock = Stopwatch.StartNew();
        var analysed = Corpus.Read(corpus, largest).AsParallel().AsOrdered().Select(d => pipeline.Run(d)).ToList();
        Console.WriteLine($"analysed {analysed.Count} articles in {clock.Elapsed.TotalSeconds:F0} s (not timed below)");
        var documents = Enumerable.Range(0, largest).Select(i => new ExportedDocument($"d{i + 1}", analysed[i % analysed.Count])).ToList();

        Console.WriteLine("articles  mentions  entities  series  resolve s  series s  ms/article  allocated MB  peak working set MB");
        foreach (var size in new[] { 1_000, 2_500, 5_000, largest }.Where(s => s <= largest).Distinct())
        {
            var slice = documents.Take(size).ToList();
            GC.Collect();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            clock.Restart();
            var entities = EntityResolver.Resolve(slice);
            var resolve = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var series = SeriesBuilder.Build(slice, entities);
            var build = clock.Elapsed.TotalSeconds;
            var megabytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6;
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;
            var mentions = slice.Sum(d => d.Document.Entities.Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{size,8}  {mentions,8}  {entities.Count,8}  {series.Count,6}  {resolve,9:F2}  {build,8:F2}  {1000 * (resolve + build) / size,10:F3}  {megabytes,12:F0}  {peak,19:F0}"));
        }
        return 0;
    }
}
