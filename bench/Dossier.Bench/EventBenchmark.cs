using System.Diagnostics;
using System.Globalization;
using Dossier.Core.Events;
using Dossier.Core.Export;
using Dossier.Core.Recognize.Events;
using Dossier.Core.Resolve;
using Dossier.Core.Stories;

namespace Dossier.Bench;

/// <summary>Events: the per-sentence mention stage on one core (KB/s of article text, the stages it
/// needs run before and not timed), then merging into events over 1,000 to N articles (entity
/// resolution run before and not timed). Beyond the analysed articles each is used again under
/// another id, as in <see cref="ResolveBenchmark"/>: every block holds twice the reports, the
/// hardest case for blocking. Near-linear growth is the goal; all pairs would grow with the square.</summary>
internal static class EventBenchmark
{
    private static readonly TimeSpan MinimumTimedRun = TimeSpan.FromSeconds(20);

    public static int Run(string[] args)
    {
        var corpus = args.Length > 0 ? args[0] : Corpus.DefaultPath();
        var analysedCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000;
        var largest = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;
        var pipeline = Dossier.Core.Pipeline.DocumentPipeline.CreateDefault();
        var clock = Stopwatch.StartNew();
        var analysed = Corpus.Read(corpus, analysedCount).AsParallel().AsOrdered().Select(d => pipeline.Run(d)).ToList();
        Console.WriteLine($"analysed {analysed.Count} articles of {corpus} in {clock.Elapsed.TotalSeconds:F0} s (not timed below)");

        var recognizer = new EventRecognizer();
        var kilobytes = analysed.Sum(d => (long)System.Text.Encoding.UTF8.GetByteCount(d.Text)) / 1024.0;
        recognizer.Annotate(analysed[0], CancellationToken.None);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        // Passes over the articles until the timed run is long enough to quote as a rate.
        var passes = 0;
        do
        {
            foreach (var document in analysed) recognizer.Annotate(document, CancellationToken.None);
            passes++;
        } while (clock.Elapsed < MinimumTimedRun);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"event mentions: {analysed.Sum(d => d.Events.Length)} in {analysed.Count} articles, {kilobytes:F0} KB of UTF-8 text x {passes} passes in {seconds:F2} s on one thread ({cpuSeconds:F2} s CPU): {passes * kilobytes / seconds:F0} KB/s, {passes * kilobytes / cpuSeconds:F0} KB/s per CPU second"));

        var documents = Enumerable.Range(0, largest).Select(i => new ExportedDocument($"d{i + 1}", analysed[i % analysed.Count])).ToList();
        Console.WriteLine("articles   reports   events  merge s  ms/article  allocated MB");
        foreach (var size in new[] { 1_000, 2_000, 5_000, largest }.Where(s => s <= largest).Distinct())
        {
            var slice = documents.Take(size).ToList();
            var entities = EntityResolver.Resolve(slice);
            var stories = StoryBuilder.Build(slice, entities);
            GC.Collect();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            clock.Restart();
            var events = EventMerger.Merge(slice, entities, stories);
            var merge = clock.Elapsed.TotalSeconds;
            var megabytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{size,8}  {events.Sum(e => e.Reports.Count),8}  {events.Count,7}  {merge,7:F2}  {1000 * merge / size,10:F3}  {megabytes,12:F0}"));
        }
        return 0;
    }
}
