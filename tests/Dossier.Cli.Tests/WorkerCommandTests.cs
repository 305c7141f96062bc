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
    private readonly string _executable;
    private readonly int _port;
    private Process _process;

    public NatsServer()
    {
        var executable = Installed.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nats-server is not installed: the worker tests need Debian's nats-server package (apt-get install nats-server)");
        _executable = executable;
        _port = FreePort();
        Url = $"nats://127.0.0.1:{_port}";
        _process = Start(executable, _port, _folder);
    }

    private static Process Start(string executable, int port, string folder)
    {
        var process = Process.Start(new ProcessStartInfo(executable, ["-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-js", "-sd", folder])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!Accepts(port))
        {
            if (process.HasExited || DateTime.UtcNow > until) throw new InvalidOperationException($"nats-server did not start on port {port}");
            Thread.Sleep(100);
        }
        return process;
    }

    public string Url { get; }

    /// <summary>Stops the server and starts it again on the same port and storage, as an operator would.</summary>
    public void Restart()
    {
        Stop();
        Start();
    }

    public bool Running => !_process.HasExited;

    public void Stop()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>Starts the stopped server again on the same port and storage.</summary>
    public void Start() => _process = Start(_executable, _port, _folder);

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
    internal static (string Documents, string Entities) Comparable(string export)
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

    [Fact]
    public async Task A_worker_started_while_its_server_is_down_waits_for_it_and_then_takes_the_waiting_document()
    {
        var seed = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(DossierProcess.SharedData)!, "seeds"), "*.txt").Order(StringComparer.Ordinal).First();
        var settings = new NpgsqlConnectionStringBuilder(_database);
        var store = $"postgres://{settings.Username}@{settings.Host}:{settings.Port}/{settings.Database}";
        Assert.Equal(0, DossierProcess.Run(_folder, "submit", seed, "--nats", nats.Url, "--stream", "WAIT").ExitCode);

        nats.Stop();
        try
        {
            using var worker = DossierProcess.Start(_folder, "worker", "--nats", nats.Url, "--stream", "WAIT", "--store", store, "--until-idle");
            var output = worker.StandardOutput.ReadToEndAsync();
            var log = worker.StandardError.ReadToEndAsync();
            if (worker.WaitForExit(TimeSpan.FromSeconds(5))) Assert.Fail("the worker gave up on a server that was down: " + await log);
            nats.Start();
            Assert.True(worker.WaitForExit(TimeSpan.FromMinutes(3)), "the worker did not take the document once the server was back");
            Assert.True(worker.ExitCode == 0, await log);
            Assert.EndsWith(": 1 stored, 0 stored already, 0 dead letters", (await output).TrimEnd(), StringComparison.Ordinal);
        }
        finally
        {
            if (!nats.Running) nats.Start();
        }
    }

    [Fact]
    public async Task A_worker_stopped_by_SIGTERM_gives_the_document_in_hand_back_at_once_and_status_says_where_things_stand()
    {
        // Three hundred real articles as one text: seconds of analysis, so the worker is stopped in the middle of it.
        var articles = File.ReadLines(Path.Combine(DossierProcess.SharedData, "corpus-fr", "orangesum-5k.jsonl")).Take(300)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("article").GetString());
        File.WriteAllText(Path.Combine(_folder, "long.txt"), "Trois cents articles\n\n" + string.Join("\n\n", articles) + "\n");
        var settings = new NpgsqlConnectionStringBuilder(_database);
        var store = $"postgres://{settings.Username}@{settings.Host}:{settings.Port}/{settings.Database}";
        Assert.Equal(0, DossierProcess.Run(_folder, "submit", "long.txt", "--nats", nats.Url, "--stream", "TERM").ExitCode);

        using var worker = DossierProcess.Start(_folder, "worker", "--nats", nats.Url, "--stream", "TERM", "--store", store);
        var output = worker.StandardOutput.ReadToEndAsync();
        var log = new List<JsonElement>();
        while (worker.StandardError.ReadLine() is { } line)
        {
            log.Add(JsonDocument.Parse(line).RootElement.Clone());
            if (log[^1].GetProperty("EventId").GetInt32() == 1) break;
        }
        var source = Path.Combine(_folder, "long.txt");
        Assert.Equal(source, Assert.Single(log).GetProperty("State").GetProperty("Source").GetString());
        using (var term = Process.Start("kill", ["-TERM", worker.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) term.WaitForExit();
        var rest = worker.StandardError.ReadToEndAsync();
        Assert.True(worker.WaitForExit(TimeSpan.FromMinutes(1)), "the worker did not stop on SIGTERM");

        Assert.Equal(0, worker.ExitCode);
        Assert.EndsWith(": 0 stored, 0 stored already, 0 dead letters", (await output).TrimEnd(), StringComparison.Ordinal);
        var givenBack = JsonDocument.Parse((await rest).Split('\n', StringSplitOptions.RemoveEmptyEntries).Single()).RootElement;
        Assert.Equal(("Information", 4, $"{source}: given back unfinished, the worker is stopping"),
            (givenBack.GetProperty("LogLevel").GetString(), givenBack.GetProperty("EventId").GetInt32(), givenBack.GetProperty("Message").GetString()));
        // Given back, the document goes to the next worker at once, not after the 5-minute acknowledgement wait.
        using var next = DossierProcess.Start(_folder, "worker", "--nats", nats.Url, "--stream", "TERM", "--store", store, "--until-idle");
        var nextOutput = next.StandardOutput.ReadToEndAsync();
        var nextLog = next.StandardError.ReadToEndAsync();
        Assert.True(next.WaitForExit(TimeSpan.FromMinutes(3)), "the document given back did not reach the next worker");
        Assert.True(next.ExitCode == 0, await nextLog);
        Assert.EndsWith(": 1 stored, 0 stored already, 0 dead letters", (await nextOutput).TrimEnd(), StringComparison.Ordinal);
        var status = DossierProcess.Run(_folder, "status", "--store", store, "--nats", nats.Url, "--stream", "TERM").Out.TrimEnd().Split('\n');
        Assert.Equal(7, status.Length);
        Assert.Equal("documents: 1", status[0]);
        Assert.Equal(["resolve", "series", "stories", "duplicates", "events"], status[1..6].Select(l => Assert.Single(
            System.Text.RegularExpressions.Regex.Matches(l, "^corpus stage ([a-z]+): 0 documents behind, last run [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8}Z$")).Groups[1].Value));
        Assert.Equal("stream TERM: 0 waiting, 0 delivered and not acknowledged, 0 dead letters", status[6]);
    }

    [Fact]
    public async Task A_worker_started_after_the_coordinator_died_before_its_corpus_phase_brings_the_phase_up_to_date()
    {
        var seed = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(DossierProcess.SharedData)!, "seeds"), "*.txt").Order(StringComparer.Ordinal).First();
        var settings = new NpgsqlConnectionStringBuilder(_database);
        var store = $"postgres://{settings.Username}@{settings.Host}:{settings.Port}/{settings.Database}";
        Assert.Equal(0, DossierProcess.Run(_folder, "submit", seed, "--nats", nats.Url, "--stream", "LATE").ExitCode);

        // Killed once its document is stored: the stream is empty, and no worker has anything left to store.
        using (var first = DossierProcess.Start(_folder, "worker", "--nats", nats.Url, "--stream", "LATE", "--store", store, "--until-idle"))
        {
            while (first.StandardError.ReadLine() is { } line && JsonDocument.Parse(line).RootElement.GetProperty("EventId").GetInt32() != 2) { }
            first.Kill();
            first.WaitForExit();
        }
        string[] Stages() => DossierProcess.Run(_folder, "status", "--store", store).Out.TrimEnd().Split('\n')[1..];
        Assert.Equal("corpus stage resolve: 1 documents behind, never run", Stages()[0]);

        using var next = DossierProcess.Start(_folder, "worker", "--nats", nats.Url, "--stream", "LATE", "--store", store, "--until-idle");
        var output = next.StandardOutput.ReadToEndAsync();
        var log = next.StandardError.ReadToEndAsync();
        Assert.True(next.WaitForExit(TimeSpan.FromMinutes(3)), "the worker did not stop once the stream was empty");
        Assert.True(next.ExitCode == 0, await log);
        Assert.EndsWith(": 0 stored, 0 stored already, 0 dead letters", (await output).TrimEnd(), StringComparison.Ordinal);
        Assert.All(Stages(), stage => Assert.Matches("^corpus stage [a-z]+: 0 documents behind, last run ", stage));
    }

    [Fact]
    public void A_document_larger_than_the_server_takes_is_refused_by_name_and_the_others_are_submitted()
    {
        // Three thousand real articles as one text: about 6 MB, well over the server's 1 MB once compressed.
        var articles = File.ReadLines(Path.Combine(DossierProcess.SharedData, "corpus-fr", "orangesum-5k.jsonl")).Take(3000)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("article").GetString());
        File.WriteAllText(Path.Combine(_folder, "huge.txt"), "Trois mille articles\n\n" + string.Join("\n\n", articles) + "\n");
        var seed = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(DossierProcess.SharedData)!, "seeds"), "*.txt").Order(StringComparer.Ordinal).First();

        var submit = DossierProcess.Run(_folder, "submit", "huge.txt", seed, "--nats", nats.Url, "--stream", "HUGE");

        Assert.Equal(1, submit.ExitCode);
        Assert.Equal("HUGE: 1 documents submitted, 0 there already", submit.Out.TrimEnd());
        Assert.Matches(@"^error: huge\.txt: [0-9]\.[0-9] MB compressed is more than the NATS server's max_payload of 1\.0 MB \(raise it in the server's configuration\); not submitted$", submit.Error.TrimEnd());
    }
}
