using System.Diagnostics;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Dossier.Core.Export;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Core.Read.Html;
using SmartReader;

namespace Dossier.Bench;

/// <summary>HTML main-text extraction: Dossier's reader (decoding, metadata, page cleaning,
/// SmartReader, standfirst, blocks) against SmartReader alone on the same decoded pages, one
/// thread, so pages/s is per core. Also writes both outputs as export-shaped JSON, so both can be
/// scored from the same run (every SmartReader line counts as content, its title as title).</summary>
public static class HtmlBenchmark
{
    public static int Run(string[] args)
    {
        if (args.Length == 0 || !Directory.Exists(args[0])) return Fail("give a folder of HTML pages");
        var pages = Directory.GetFiles(args[0]).Order(StringComparer.Ordinal).Select(p => (Path: p, Bytes: File.ReadAllBytes(p))).Where(p => p.Bytes.Length > 0).ToArray();
        var rounds = Option(args, "--rounds") is { } r ? int.Parse(r, System.Globalization.CultureInfo.InvariantCulture) : 3;
        var megabytes = pages.Sum(p => p.Bytes.Length) / 1048576.0;
        Console.WriteLine($"{pages.Length} pages, {megabytes:0.0} MB, {rounds} rounds after one warm-up, one thread");

        // Rounds alternate between the two, so that load from other processes hits both alike.
        var (ours, alone) = TimeBoth(pages, rounds, page => ReadOurs(page.Path, page.Bytes), page => ReadSmartReader(page.Bytes));
        Report("dossier html reader", pages.Length, rounds, megabytes, ours);
        Report("smartreader alone", pages.Length, rounds, megabytes, alone);

        if (Option(args, "--ours") is { } oursPath)
        {
            var pipeline = DocumentPipeline.CreateDefault();
            var exported = pages.Select(p => ReadOurs(p.Path, p.Bytes)).Where(d => d is not null)
                .Select((d, i) => new ExportedDocument($"d{i + 1}", pipeline.Run(d!))).ToList();
            using var file = File.Create(oursPath);
            // Text extraction is compared here; the cross-document sections stay empty.
            JsonExporter.Write(file, exported, CorpusResults.Empty);
            Console.WriteLine($"wrote {oursPath}");
        }
        if (Option(args, "--smartreader") is { } alonePath)
        {
            WriteSmartReaderExport(alonePath, pages);
            Console.WriteLine($"wrote {alonePath}");
        }
        Console.WriteLine($"dossier/smartreader time ratio: {ours / alone:0.00}");
        return 0;
    }

    public static int RunBenchmarkDotNet(string[] args)
    {
        if (args.Length == 0 || !Directory.Exists(args[0])) return Fail("give a folder of HTML pages");
        Environment.SetEnvironmentVariable(HtmlExtraction.FolderVariable, Path.GetFullPath(args[0]));
        BenchmarkRunner.Run<HtmlExtraction>();
        return 0;
    }

    internal static Dossier.Core.Model.SourceDocument? ReadOurs(string path, byte[] bytes) =>
        HtmlPageReader.Read(bytes, path, Path.GetFileName(path), null, null, null, []);

    /// <summary>SmartReader on the same decoded text: title and text content.</summary>
    internal static (string? Title, string Text) ReadSmartReader(byte[] bytes)
    {
        var html = HtmlCharset.Decode(bytes, null, out _, out _);
        using var reader = new Reader("http://localhost/", html) { Logging = ReportLevel.Issue };
        var article = reader.GetArticle();
        return (article.Title, article.TextContent ?? "");
    }

    private static (double First, double Second) TimeBoth((string Path, byte[] Bytes)[] pages, int rounds,
        Action<(string Path, byte[] Bytes)> first, Action<(string Path, byte[] Bytes)> second)
    {
        foreach (var page in pages) { first(page); second(page); } // warm-up: JIT, regexes, language data
        double bestFirst = double.MaxValue, bestSecond = double.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            bestFirst = Math.Min(bestFirst, Pass(pages, first));
            bestSecond = Math.Min(bestSecond, Pass(pages, second));
        }
        return (bestFirst, bestSecond);
    }

    private static double Pass((string Path, byte[] Bytes)[] pages, Action<(string Path, byte[] Bytes)> read)
    {
        var clock = Stopwatch.StartNew();
        foreach (var page in pages) read(page);
        return clock.Elapsed.TotalSeconds;
    }

    private static void Report(string name, int pages, int rounds, double megabytes, double seconds) =>
        Console.WriteLine($"{name,-22} best of {rounds}: {seconds:0.000} s  {pages / seconds,7:0.0} pages/s per core  {megabytes * 1024 / seconds,8:0} KB/s");

    private static void WriteSmartReaderExport(string path, (string Path, byte[] Bytes)[] pages)
    {
        using var file = File.Create(path);
        using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteNumber("format", JsonExporter.FormatVersion);
        json.WriteStartArray("documents");
        var id = 0;
        foreach (var page in pages)
        {
            var (title, text) = ReadSmartReader(page.Bytes);
            var lines = new List<string>();
            if (!string.IsNullOrWhiteSpace(title)) lines.Add(title.Trim());
            lines.AddRange(text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
            json.WriteStartObject();
            json.WriteString("id", $"d{++id}");
            json.WriteString("path", Path.GetFileName(page.Path));
            json.WriteString("format", "smartreader");
            json.WriteString("text", string.Join('\n', lines));
            json.WriteStartArray("lines");
            for (var i = 0; i < lines.Count; i++)
            {
                json.WriteStartObject();
                json.WriteNumber("line", i + 1);
                json.WriteString("kind", i == 0 && !string.IsNullOrWhiteSpace(title) ? "title" : "content");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}

/// <summary>The same comparison under BenchmarkDotNet, with allocations per pass over the pages.</summary>
[MemoryDiagnoser]
public class HtmlExtraction
{
    public const string FolderVariable = "DOSSIER_BENCH_PAGES";
    private (string Path, byte[] Bytes)[] _pages = [];

    [GlobalSetup]
    public void Setup() =>
        _pages = Directory.GetFiles(Environment.GetEnvironmentVariable(FolderVariable)!).Order(StringComparer.Ordinal)
            .Select(p => (p, File.ReadAllBytes(p))).Where(p => p.Item2.Length > 0).ToArray();

    [Benchmark(Baseline = true)]
    public int SmartReaderAlone()
    {
        var total = 0;
        foreach (var page in _pages) total += HtmlBenchmark.ReadSmartReader(page.Bytes).Text.Length;
        return total;
    }

    [Benchmark]
    public int DossierHtmlReader()
    {
        var total = 0;
        foreach (var page in _pages) total += HtmlBenchmark.ReadOurs(page.Path, page.Bytes)?.Text.Length ?? 0;
        return total;
    }
}
