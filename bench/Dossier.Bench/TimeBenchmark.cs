using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Recognize.Time;
using Dossier.Core.Recognize.Time.Evaluation;

namespace Dossier.Bench;

/// <summary>Throughput of the temporal stage on one core, in KB of text per second, against
/// Microsoft.Recognizers.Text called on whole documents and line by line, in the same run. Each
/// contender reads different articles: the recogniser caches its results, and text it has seen
/// before would look ten times faster than fresh text. The stage reads more articles, in three
/// rounds, as it is fast enough for one round to be short and noisy.</summary>
public static class TimeBenchmark
{
    public static int Run(string[] args)
    {
        var corpus = args.Length > 0 && args[0].Length > 0 ? args[0] : Path.Combine(RepositoryParent(), "shared", "data", "corpus-fr", "orangesum-5k.jsonl");
        var stageCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1500;
        var peerCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
        const int warmupCount = 50, rounds = 3;
        var needed = warmupCount + stageCount + 2 * peerCount;
        var sources = ReadCorpus(corpus, needed);
        if (sources.Count < needed)
        {
            Console.Error.WriteLine($"{corpus}: {sources.Count} articles, {needed} needed");
            return 2;
        }
        // Everything up to the temporal stage runs outside the timing.
        var before = new DocumentPipeline(DocumentPipeline.CreateDefault().Stages.Where(s => s is not TimeExpressionRecognizer));
        var stage = new TimeExpressionRecognizer();
        var warmup = sources.Take(warmupCount).Select(s => before.Run(s)).ToList();
        foreach (var d in warmup) stage.Annotate(d, CancellationToken.None);
        foreach (var d in warmup) PlainRecognizer.Recognize(d.Text, "fr-fr", new DateTime(2016, 1, 1), lineByLine: true);

        // The stage reads its articles in rounds of fresh text; the median round is quoted.
        var staged = sources.Skip(warmupCount).Take(stageCount).Select(s => before.Run(s)).ToList();
        var timexes = 0;
        var stageRates = new List<double>();
        var perRound = stageCount / rounds;
        for (var round = 0; round < rounds; round++)
        {
            var part = staged.Skip(round * perRound).Take(perRound).ToList();
            stageRates.Add(Measure(part.Select(d => d.Text), () =>
            {
                foreach (var d in part) { stage.Annotate(d, CancellationToken.None); timexes += d.Timexes.Length; }
            }));
        }
        stageRates.Sort();
        var stageRate = stageRates[rounds / 2];
        var wholeTexts = sources.Skip(warmupCount + stageCount).Take(peerCount).Select(s => s.Text).ToList();
        var wholeRate = Measure(wholeTexts, () =>
        {
            foreach (var t in wholeTexts) PlainRecognizer.Recognize(t, "fr-fr", new DateTime(2016, 1, 1), lineByLine: false);
        });
        var lineTexts = sources.Skip(warmupCount + stageCount + peerCount).Take(peerCount).Select(s => s.Text).ToList();
        var lineRate = Measure(lineTexts, () =>
        {
            foreach (var t in lineTexts) PlainRecognizer.Recognize(t, "fr-fr", new DateTime(2016, 1, 1), lineByLine: true);
        });
        Console.WriteLine($"time: fresh articles from {Path.GetFileName(corpus)}, one thread; stage {stageCount} articles in {rounds} rounds, each peer {peerCount}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  temporal stage                  {stageRate,9:F1} KB/s  (rounds {stageRates[0]:F0}-{stageRates[^1]:F0}; {timexes} expressions)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Recognizers, whole documents    {wholeRate,9:F1} KB/s  (stage is {stageRate / wholeRate:F1}x)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Recognizers, line by line       {lineRate,9:F1} KB/s  (stage is {stageRate / lineRate:F1}x)"));
        return 0;
    }

    /// <summary>KB (1 000 UTF-16 characters as UTF-8 bytes) of <paramref name="texts"/> per second of <paramref name="work"/>.</summary>
    private static double Measure(IEnumerable<string> texts, Action work)
    {
        var bytes = texts.Sum(t => System.Text.Encoding.UTF8.GetByteCount(t));
        var clock = Stopwatch.StartNew();
        work();
        return bytes / 1000.0 / clock.Elapsed.TotalSeconds;
    }

    private static List<SourceDocument> ReadCorpus(string path, int limit)
    {
        var sources = new List<SourceDocument>();
        foreach (var line in File.ReadLines(path))
        {
            using var json = JsonDocument.Parse(line);
            var article = json.RootElement.GetProperty("article").GetString() ?? "";
            if (article.Length == 0) continue;
            var date = json.RootElement.TryGetProperty("date", out var d) ? d.GetString() : null;
            var id = json.RootElement.GetProperty("id").ToString();
            sources.Add(new SourceDocument(id, id, "jsonl", id, article, "utf-8", new SourceHints(Id: id, Published: date)));
            if (sources.Count == limit) break;
        }
        return sources;
    }

    private static string RepositoryParent()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Dossier.slnx"))) return dir.Parent!.FullName;
        throw new DirectoryNotFoundException("Dossier.slnx not found above the benchmark binaries");
    }
}
