using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Dossier.Storage.Tests.Postgres;
using Npgsql;

namespace Dossier.Cli.Tests;

/// <summary>A NATS server with JetStream on loopback for one test class, in a temporary folder
/// (Debian's nats-server; without it the tests fail, saying so).</summary>
public sealed class NatsServer : IDisposable
{
    private static readonly string[] Installed = ["/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server"];
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-nats-").FullName;
    private readonly Process _process;

    public NatsServer()
    {
        var executable = Installed.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nats-server is not installed: the worker tests need Debian's nats-server package (apt-get install nats-server)");
        var port = FreePort();
        Url = $"nats://127.0.0.1:{port}";
        _process = Process.Start(new ProcessStartInfo(executable, ["-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-js", "-sd", _folder])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!Accepts(port))
        {
            if (_process.HasExited || DateTime.UtcNow > until) throw new InvalidOperationException($"nats-server did not start on port {port}");
            Thread.Sleep(100);
        }
    }

    public string Url { get; }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>`submit` and two `worker` processes on the seeds and twenty real articles, against a
/// single-process build of the same inputs into a dossier file.</summary>
[Collection(PostgresCommands.Collection)]
public sealed class WorkerCommandTests(NatsServer nats) : IClassFixture<NatsServer>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-workers-").FullName;
    private readonly string _database = TestPostgres.NewDatabase("workers");

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        TestPostgres.Drop(_database);
    }

    private string[] Inputs()
    {
        var articles = Path.Combine(_folder, "articles.jsonl");
        File.WriteAllLines(articles, File.ReadLines(Path.Combine(DossierProcess.SharedData, "corpus-fr", "orangesum-5k.jsonl")).Take(20));
        var seeds = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(DossierProcess.SharedData)!, "seeds"), "*.txt").Order(StringComparer.Ordinal);
        return [.. seeds, articles];
    }

    /// <summary>The export's documents keyed by path, their ids left out (workers store in any order),
    /// and its entities as (type, name, mentions), sorted.</summary>
    private static (string Documents, string Entities) Comparable(string export)
    {
        using var json = JsonDocument.Parse(export);
        var documents = json.RootElement.GetProperty("documents").EnumerateArray()
            .Select(d => (Path: d.GetProperty("path").GetString()!, Json: string.Join(",", d.EnumerateObject().Where(p => p.Name != "id").Select(p => p.ToString()))))
            .OrderBy(d => d.Path, StringComparer.Ordinal).Select(d => d.Json);
        var entities = json.RootElement.GetProperty("entities").EnumerateArray()
            .Select(e => $"{e.GetProperty("type")}\t{e.GetProperty("name")}\t{e.GetProperty("mentions").GetArrayLength()}").Order(StringComparer.Ordinal);
        return (string.Join("\n", documents), string.Join("\n", entities));
    }

    [Fact]
    public void Two_workers_store_each_submitted_article_once_and_the_dossier_matches_a_single_process_build()
    {
        var inputs = Inputs();
        var settings = new NpgsqlConnectionStringBuilder(_database);
        var store = $"postgres://{settings.Username}@{settings.Host}:{settings.Port}/{settings.Database}";
        Assert.Equal(0, DossierProcess.Run(_folder, ["build", .. inputs, "-o", "file.dossier"]).ExitCode);

        var submit = DossierProcess.Run(_folder, ["submit", .. inputs, "--nats", nats.Url, "--stream", "TWO"]);
        Assert.True(submit.ExitCode == 0, submit.Error);
        Assert.Equal("TWO: 25 documents submitted, 0 there already", submit.Out.TrimEnd());
        Assert.Equal("TWO: 0 documents submitted, 25 there already",
            DossierProcess.Run(_folder, ["submit", .. inputs, "--nats", nats.Url, "--stream", "TWO"]).Out.TrimEnd());

        var workers = Enumerable.Range(0, 2)
            .Select(_ => DossierProcess.Start(_folder, "worker", "--nats", nats.Url, "--stream", "TWO", "--store", store, "--until-idle")).ToArray();
        var outputs = workers.Select(w => (Out: w.StandardOutput.ReadToEndAsync(), Error: w.StandardError.ReadToEndAsync())).ToArray();
        foreach (var worker in workers)
        {
            Assert.True(worker.WaitForExit(TimeSpan.FromMinutes(5)), "a worker did not stop once the stream was empty");
            Assert.True(worker.ExitCode == 0, string.Join("\n", outputs.Select(o => o.Error.Result)));
        }
        var stored = outputs.Select(o => o.Out.Result).Sum(line => int.Parse(line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..line.IndexOf(" stored,", StringComparison.Ordinal)],
            System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(25, stored);

        var file = DossierProcess.Run(_folder, "export", "file.dossier", "--format", "json");
        var server = DossierProcess.Run(_folder, "export", "--store", store, "--format", "json");
        Assert.True(server.ExitCode == 0, server.Error);
        var expected = Comparable(file.Out);
        var actual = Comparable(server.Out);
        Assert.Equal(expected.Documents, actual.Documents);
        Assert.Equal(expected.Entities, actual.Entities);
    }
}
