using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Dossier.Core.Pipeline;
using Dossier.Core.Read;
using Dossier.Server;
using Dossier.Storage;
using Dossier.Storage.Sqlite;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Dossier.Bench;

/// <summary>`serve`: API and search latency under load from a second process on loopback, and the
/// page's first render in headless Chromium, on a dossier of N articles (built once and kept).
/// The first render is read in several new browsers (--renders, 5), each run printed, then the spread.
/// `load URL`: the load process itself. Every loop is bounded in requests and in seconds, and only
/// 127.0.0.1 is ever addressed.</summary>
public static class ServeBenchmark
{
    private static readonly string[] SearchQueries =
        ["gouvernement", "président", "Macron", "\"premier ministre\"", "grève", "santé", "euro*", "police", "élection", "Etat islamique"];

    private static readonly string[] EntityNameParts = ["macron", "paris", "le pen", "obama", "france", "bp"];

    public static int Run(string[] args)
    {
        var dossier = Option(args, "--dossier") ?? Path.Combine(Path.GetTempPath(), "dossier-bench-10k.dossier");
        var corpus = Option(args, "--corpus") ?? Corpus.DefaultPath();
        var articles = int.Parse(Option(args, "--articles") ?? "10000", CultureInfo.InvariantCulture);
        var requests = Option(args, "--requests") ?? "300";
        var seconds = Option(args, "--seconds") ?? "30";
        var concurrency = Option(args, "--concurrency") ?? "4";
        var renders = int.Parse(Option(args, "--renders") ?? "5", CultureInfo.InvariantCulture);
        if (!File.Exists(dossier)) BuildDossier(dossier, corpus, articles);

        var started = Stopwatch.StartNew();
        using var app = DossierServer.Create(dossier, IPAddress.Loopback, 0);
        app.StartAsync().GetAwaiter().GetResult();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"server: {dossier}, ready in {started.Elapsed.TotalSeconds:F1} s at {url}, {Environment.WorkingSet / (1 << 20)} MB");

        var self = typeof(ServeBenchmark).Assembly.Location;
        var load = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { self, "load", url, "--requests", requests, "--seconds", seconds, "--concurrency", concurrency }) load.ArgumentList.Add(arg);
        using (var process = Process.Start(load)!)
        {
            Console.Write(process.StandardOutput.ReadToEnd());
            process.WaitForExit();
        }
        FirstRender(url, renders);
        app.StopAsync().GetAwaiter().GetResult();
        return 0;
    }

    /// <summary>The load process: for each endpoint, <c>--requests</c> requests from
    /// <c>--concurrency</c> clients, stopped early after <c>--seconds</c>; latency percentiles.</summary>
    public static int Load(string[] args)
    {
        var url = new Uri(args[0].TrimEnd('/') + "/");
        if (!IPAddress.IsLoopback(IPAddress.Parse(url.Host))) throw new ArgumentException($"load only targets loopback, not {url.Host}");
        var requests = int.Parse(Option(args, "--requests") ?? "300", CultureInfo.InvariantCulture);
        var seconds = int.Parse(Option(args, "--seconds") ?? "30", CultureInfo.InvariantCulture);
        var concurrency = int.Parse(Option(args, "--concurrency") ?? "4", CultureInfo.InvariantCulture);
        using var http = new HttpClient { BaseAddress = url };
        var documents = JsonDocument.Parse(http.GetStringAsync("api/documents?size=1").GetAwaiter().GetResult()).RootElement.GetProperty("total").GetInt32();
        string[] IdsOf(string path) => JsonDocument.Parse(http.GetStringAsync(path).GetAwaiter().GetResult()).RootElement.GetProperty("items")
            .EnumerateArray().Select(x => x.GetProperty("id").GetString()!).DefaultIfEmpty("x").ToArray();
        var people = IdsOf("api/entities?type=PER&size=50");
        var stories = IdsOf("api/stories?size=50");
        var endpoints = new (string Name, Func<Random, string> Path)[]
        {
            ("documents page", r => $"api/documents?page={r.Next(1, Math.Max(2, documents / 50))}&size=50"),
            ("documents by date", r => $"api/documents?from=20{r.Next(10, 21)}&to=20{r.Next(10, 21)}&size=50"),
            ("documents in fr", r => $"api/documents?language=fr&page={r.Next(1, 20)}&size=50"),
            ("document", r => $"api/documents/d{r.Next(1, documents + 1)}"),
            ("entities", r => $"api/entities?page={r.Next(1, 20)}&size=50"),
            ("entities PER", _ => "api/entities?type=PER&size=50"),
            ("entities by name", r => $"api/entities?q={Uri.EscapeDataString(EntityNameParts[r.Next(EntityNameParts.Length)])}&size=50"),
            ("events", r => $"api/events?page={r.Next(1, 20)}&size=50"),
            ("events of a PER", r => $"api/events?entity={people[r.Next(people.Length)]}&size=50"),
            ("events top 2000", r => $"api/events?top=2000&page={r.Next(1, 5)}&size=500"),
            ("documents of story", r => $"api/documents?story={stories[r.Next(stories.Length)]}&size=50"),
            ("series", _ => "api/series?size=50"),
            ("stories", _ => "api/stories?size=50"),
            ("duplicates", _ => "api/duplicates?size=50"),
            ("search", r => "api/search?size=20&q=" + Uri.EscapeDataString(SearchQueries[r.Next(SearchQueries.Length)])),
        };
        Console.WriteLine($"load: {concurrency} clients, {requests} requests per endpoint (at most {seconds} s each), {documents} documents");
        Console.WriteLine($"{"endpoint",-18} {"n",5} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
        foreach (var (name, path) in endpoints)
        {
            var latencies = new List<double>();
            var deadline = Stopwatch.StartNew();
            var next = 0;
            var failures = 0;
            Parallel.For(0, concurrency, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, client =>
            {
                var random = new Random(client);
                while (Interlocked.Increment(ref next) <= requests && deadline.Elapsed.TotalSeconds < seconds)
                {
                    var watch = Stopwatch.StartNew();
                    using var response = http.GetAsync(path(random)).GetAwaiter().GetResult();
                    response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
                    var elapsed = watch.Elapsed.TotalMilliseconds;
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
                    lock (latencies) latencies.Add(elapsed);
                }
            });
            latencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-18} {latencies.Count,5} {Percentile(latencies, 50),8:F1} {Percentile(latencies, 95),8:F1} {Percentile(latencies, 99),8:F1} {latencies[^1],8:F1}{(failures > 0 ? $"  ({failures} failed)" : "")}"));
        }
        return 0;
    }

    /// <summary>Opens the timeline in headless Chromium <paramref name="runs"/> times, each in a new
    /// browser (nothing cached), and reads the browser's own timings; then the spread of the runs.</summary>
    private static void FirstRender(string url, int runs)
    {
        var drawn = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var timings = RenderOnce(url);
            double Ms(string name) => Convert.ToDouble(timings[name], CultureInfo.InvariantCulture);
            drawn.Add(Ms("timelineDrawnAt"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"page run {run}: DOMContentLoaded {Ms("domContentLoaded"):F0} ms, first contentful paint {Ms("firstPaint"):F0} ms, " +
                $"timeline data+draw {Ms("timelineRender"):F0} ms, drawn at {Ms("timelineDrawnAt"):F0} ms after navigation ({timings["status"]})"));
        }
        drawn.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"timeline drawn after navigation, {runs} runs: min {drawn[0]:F0} ms, median {drawn[drawn.Count / 2]:F0} ms, max {drawn[^1]:F0} ms"));
    }

    private static Dictionary<string, object> RenderOnce(string url)
    {
        var profile = Directory.CreateTempSubdirectory("dossier-bench-chromium-").FullName;
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000", $"--user-data-dir={profile}");
        using var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        using var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
        try
        {
            driver.Navigate().GoToUrl(url + "/#/timeline");
            new WebDriverWait(driver, TimeSpan.FromSeconds(120)).Until(d => d.FindElement(OpenQA.Selenium.By.TagName("body")).GetAttribute("data-ready") == "timeline");
            var timings = (IDictionary<string, object>)driver.ExecuteScript("""
                const nav = performance.getEntriesByType('navigation')[0];
                const paint = performance.getEntriesByName('first-contentful-paint')[0];
                const render = performance.getEntriesByName('timeline-render')[0];
                return { domContentLoaded: nav.domContentLoadedEventEnd, firstPaint: paint ? paint.startTime : -1,
                         timelineRender: render ? render.duration : -1, timelineDrawnAt: render ? render.startTime + render.duration : -1,
                         status: document.getElementById('timeline-status').textContent };
                """)!;
            return timings.ToDictionary(x => x.Key, x => x.Value);
        }
        finally
        {
            driver.Quit();
            Directory.Delete(profile, recursive: true);
        }
    }

    /// <summary>N articles from the corpus; past its end the articles come round again, each copy
    /// made a distinct document by a line naming its edition.</summary>
    private static void BuildDossier(string dossier, string corpus, int articles)
    {
        var lines = File.ReadAllLines(corpus);
        var input = Path.Combine(Path.GetTempPath(), $"dossier-bench-{articles}.jsonl");
        using (var writer = new StreamWriter(input))
        {
            for (var i = 0; i < articles; i++)
            {
                var article = JsonDocument.Parse(lines[i % lines.Length]).RootElement;
                var round = i / lines.Length;
                var fields = article.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
                fields["id"] = $"{i}";
                if (round > 0) fields["text"] = $"{TextOf(article)}\nÉdition {round + 1}.";
                writer.WriteLine(JsonSerializer.Serialize(fields));
            }
        }
        var watch = Stopwatch.StartNew();
        using (var store = SqliteDossierStore.Open(dossier, create: true))
            new DossierBuilder(store, DocumentPipeline.CreateDefault(), InputReader.CreateDefault()).Build([input]);
        Console.WriteLine($"built {dossier} from {articles} articles of {corpus} in {watch.Elapsed.TotalSeconds:F0} s");
        File.Delete(input);
    }

    private static string TextOf(JsonElement article) =>
        (article.TryGetProperty("text", out var text) ? text : article.GetProperty("article")).GetString() ?? "";

    private static double Percentile(List<double> sorted, double percent) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percent / 100 * sorted.Count) - 1)];

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
