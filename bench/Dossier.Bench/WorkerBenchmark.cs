using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;

namespace Dossier.Bench;

/// <summary>Workers into PostgreSQL fed by NATS JetStream: the same articles stored by 1, 2 and 4
/// worker processes (`dossier worker --until-idle`, one document at a time each), with articles per
/// second over the per-document phase (from the workers' start to the last document stored) and the
/// corpus phase's time (from the last document stored to the end of the corpus phase that ran), then
/// the same articles built by one process into a SQLite file. Each count has its own database and
/// stream; the articles are submitted before the clock starts. Needs a PostgreSQL server
/// (`tools/with-postgres` names it in DOSSIER_TEST_POSTGRES) and Debian's nats-server. The CPU
/// bounds the scaling: a worker analyses on one core, so workers beyond the machine's cores share them.</summary>
internal static class WorkerBenchmark
{
    private static readonly string[] NatsServers = ["/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server"];

    public static int Run(string[] args)
    {
        var corpus = args.Length > 0 ? args[0] : Corpus.DefaultPath();
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
        if (Environment.GetEnvironmentVariable("DOSSIER_TEST_POSTGRES") is not { Length: > 0 } server)
        {
            Console.Error.WriteLine("workers: no PostgreSQL server; run it under tools/with-postgres (DOSSIER_TEST_POSTGRES)");
            return 2;
        }
        var nats = NatsServers.FirstOrDefault(File.Exists);
        if (nats is null)
        {
            Console.Error.WriteLine("workers: nats-server is not installed (Debian's nats-server package)");
            return 2;
        }

        var folder = Directory.CreateTempSubdirectory("dossier-bench-workers-").FullName;
        var port = FreePort();
        using var natsProcess = Process.Start(new ProcessStartInfo(nats, ["-a", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-js", "-sd", folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        natsProcess.BeginOutputReadLine();
        natsProcess.BeginErrorReadLine();
        try
        {
            var url = $"nats://127.0.0.1:{port}";
            WaitUntilAccepting(port);
            var articles = File.ReadLines(corpus).Where(line => JsonDocument.Parse(line).RootElement.TryGetProperty("article", out var text)
                && text.GetString() is { Length: > 0 }).Take(count).ToList();
            var input = Path.Combine(folder, "articles.jsonl");
            File.WriteAllLines(input, articles);
            Console.WriteLine($"{articles.Count} articles of {corpus}; {Environment.ProcessorCount} cores; load average {LoadAverage()}");
            Console.WriteLine("workers  articles  per-document s  articles/s  corpus phase s  total s");
            foreach (var workers in new[] { 1, 2, 4 })
            {
                var settings = new NpgsqlConnectionStringBuilder(server) { Database = $"bench_workers_{workers}_{Environment.ProcessId}" };
                var store = $"postgres://{settings.Username}@{settings.Host}:{settings.Port}/{settings.Database}";
                var stream = $"BENCH{workers}";
                Finish(Dossier(folder, "submit", "articles.jsonl", "--nats", url, "--stream", stream));
                var run = RunWorkers(folder, workers, url, stream, store);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{workers,7}  {run.Stored,8}  {run.Documents.TotalSeconds,14:F1}  {run.Stored / run.Documents.TotalSeconds,10:F2}  {run.Corpus.TotalSeconds,14:F1}  {run.Total.TotalSeconds,7:F1}"));
            }
            var clock = Stopwatch.StartNew();
            Finish(Dossier(folder, "build", "articles.jsonl", "-o", "bench.dossier"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"SQLite, one process (dossier build, all cores): {clock.Elapsed.TotalSeconds:F1} s in all, {articles.Count / clock.Elapsed.TotalSeconds:F2} articles/s with its corpus phase; load average {LoadAverage()}"));
            return 0;
        }
        finally
        {
            natsProcess.Kill();
            natsProcess.WaitForExit();
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record WorkerRun(int Stored, TimeSpan Documents, TimeSpan Corpus, TimeSpan Total);

    /// <summary>Starts the workers and reads their logs as they come: when each document was stored, and
    /// how long the corpus phases that ran took after the last one (the idle check before each adds up to 2 s).</summary>
    private static WorkerRun RunWorkers(string folder, int workers, string url, string stream, string store)
    {
        var clock = Stopwatch.StartNew();
        var gate = new object();
        int stored = 0;
        TimeSpan lastStored = TimeSpan.Zero, corpusEnd = TimeSpan.Zero;
        var processes = Enumerable.Range(0, workers).Select(_ => Dossier(folder, "worker", "--nats", url, "--stream", stream, "--store", store, "--until-idle")).ToArray();
        var readers = processes.Select(process => Task.Run(() =>
        {
            while (process.StandardError.ReadLine() is { } line)
            {
                var at = clock.Elapsed;
                using var entry = JsonDocument.Parse(line);
                var id = entry.RootElement.GetProperty("EventId").GetInt32();
                lock (gate)
                {
                    // 2: a document stored; 7: the stream is empty and the corpus phase ran here (or not).
                    if (id == 2) (stored, lastStored) = (stored + 1, at);
                    if (id == 7 && entry.RootElement.GetProperty("State").GetProperty("Ran").GetBoolean()) corpusEnd = Max(corpusEnd, at);
                }
            }
        })).ToArray();
        foreach (var process in processes)
        {
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"a worker exited with {process.ExitCode}");
        }
        Task.WaitAll(readers);
        foreach (var process in processes) process.Dispose();
        return new WorkerRun(stored, lastStored, corpusEnd - lastStored, clock.Elapsed);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Waits for a command, reading what it writes; it must succeed.</summary>
    private static void Finish(Process process)
    {
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"dossier failed ({process.ExitCode}): {output.Result}{error.Result}");
        }
    }

    private static Process Dossier(string folder, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dossier.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return Process.Start(info)!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void WaitUntilAccepting(int port)
    {
        for (var tries = 0; tries < 200; tries++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        throw new InvalidOperationException($"nats-server did not start on port {port}");
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
