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
/// before would look ten times faster than fresh text.</summary>
public static class TimeBenchmark
{
    public static int Run(string[] args)
    {
        var corpus = args.Length > 0 && args[0].Length > 0 ? args[0] : Path.Combine(RepositoryParent(), "shared", "data", "corpus-fr", "orangesum-5k.jsonl");
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
        var sources = ReadCorpus(corpus, 3 * count + 20);
        if (sources.Count < 3 * count + 20)
        {
            Console.Error.WriteLine($"{corpus}: {sources.Count} articles, {3 * count + 20} needed");
            return 2;
        }
        // Everything up to the temporal stage runs outside the timing.
        var before = new DocumentPipeline(DocumentPipeline.CreateDefault().Stages.Where(s => s is not TimeExpressionRecognizer));
        var stage = new TimeExpressionRecognizer();
        var warmup = sources.Take(20).Select(s => before.Run(s)).ToList();
        foreach (var d in warmup) stage.Annotate(d, CancellationToken.None);
        foreach (var d in warmup) PlainRecognizer.Recognize(d.Text, "fr-fr", new DateTime(2016, 1, 1), lineByLine: true);

        var staged = sources.Skip(20).Take(count).Select(s => before.Run(s)).ToList();
        var timexes = 0;
        var stageRate = Measure(staged.Select(d => d.Text), () =>
        {
            foreach (var d in staged) { stage.Annotate(d, CancellationToken.None); timexes += d.Timexes.Length; }
        });
        var wholeTexts = sources.Skip(20 + count).Take(count).Select(s => s.Text).ToList();
        var wholeRate = Measure(wholeTexts, () =>
        {
            foreach (var t in wholeTexts) PlainRecognizer.Recognize(t, "fr-fr", new DateTime(2016, 1, 1), lineByLine: false);
        });
        var lineTexts = sources.Skip(20 + 2 * count).Take(count).Select(s => s.Text).ToList();
        var lineRate = Measure(lineTexts, () =>
        {
            foreach (var t in lineTexts) PlainRecognizer.Recognize(t, "fr-fr", new DateTime(2016, 1, 1), lineByLine: true);
        });
        Console.WriteLine($"time: {count} fresh articles per contender from {Path.GetFileName(corpus)}, one thread");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  temporal stage                  {stageRate,9:F1} KB/s  ({timexes} expressions)"));
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
