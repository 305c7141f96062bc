using System.Diagnostics;
using System.Text.Json;

namespace Dossier.Cli.Tests;

/// <summary>Workers under faults: three workers on 2,000 real articles while one of them is killed
/// (SIGKILL) ten times at random moments and started again, the NATS server is restarted once and
/// PostgreSQL once. Afterwards every article is stored exactly once and the dossier is the one a
/// single-process build of the same articles gives.</summary>
public sealed class WorkerFaultTests : IDisposable
{
    private const int Articles = 2000;
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-faults-").FullName;
    private readonly NatsServer _nats = new();
    private readonly PostgresServer _postgres = new();

    public void Dispose()
    {
        _nats.Dispose();
        _postgres.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed record Worker(Process Process, Task<string> Out, Task<string> Error);

    private Worker StartWorker(string store)
    {
        var process = DossierProcess.Start(_folder, "worker", "--nats", _nats.Url, "--stream", "FAULTS", "--store", store, "--ack-wait", "10", "--until-idle");
        return new Worker(process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
    }

    [Fact]
    public async Task Killed_workers_and_restarted_servers_leave_every_article_stored_once_and_the_single_process_dossier()
    {
        // The first 2,000 articles with a text (a few records of the set have none).
        File.WriteAllLines(Path.Combine(_folder, "articles.jsonl"), File.ReadLines(Path.Combine(DossierProcess.SharedData, "corpus-fr", "orangesum-5k.jsonl"))
            .Where(line => JsonDocument.Parse(line).RootElement.GetProperty("article").GetString() is { Length: > 0 }).Take(Articles));
        Assert.Equal(0, DossierProcess.Run(_folder, "build", "articles.jsonl", "-o", "file.dossier").ExitCode);
        var store = _postgres.Url("faults");
        Assert.Equal($"FAULTS: {Articles} documents submitted, 0 there already",
            DossierProcess.Run(_folder, "submit", "articles.jsonl", "--nats", _nats.Url, "--stream", "FAULTS").Out.TrimEnd());

        var workers = Enumerable.Range(0, 3).Select(_ => StartWorker(store)).ToArray();
        var random = new Random(20261203);
        for (var kill = 1; kill <= 10; kill++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1000, 5000)));
            if (kill == 4) _nats.Restart();
            if (kill == 7) _postgres.Restart();
            workers[0].Process.Kill();
            await workers[0].Process.WaitForExitAsync();
            workers[0].Process.Dispose();
            workers[0] = StartWorker(store);
        }
        using var finish = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        foreach (var worker in workers)
        {
            await worker.Process.WaitForExitAsync(finish.Token);
            Assert.True(worker.Process.ExitCode == 0, await worker.Error);
        }

        var status = DossierProcess.Run(_folder, "status", "--store", store, "--nats", _nats.Url, "--stream", "FAULTS");
        // On failure the whole status and the end of the last workers' logs say where a document went.
        var logs = string.Join('\n', (await Task.WhenAll(workers.Select(w => w.Error))).Select(log => log.Length > 4000 ? log[^4000..] : log));
        Assert.True(status.Out.StartsWith($"documents: {Articles}\n", StringComparison.Ordinal)
            && status.Out.TrimEnd().EndsWith("stream FAULTS: 0 waiting, 0 delivered and not acknowledged, 0 dead letters", StringComparison.Ordinal),
            $"{status.Out}\n{logs}");
        var file = DossierProcess.Run(_folder, "export", "file.dossier", "--format", "json");
        var server = DossierProcess.Run(_folder, "export", "--store", store, "--format", "json");
        Assert.True(server.ExitCode == 0, server.Error);
        using var stored = JsonDocument.Parse(server.Out);
        var paths = stored.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("path").GetString()).ToList();
        Assert.Equal(Articles, paths.Distinct().Count());
        Assert.Equal(Articles, paths.Count);
        var expected = WorkerCommandTests.Comparable(file.Out);
        var actual = WorkerCommandTests.Comparable(server.Out);
        Assert.Equal(expected.Documents, actual.Documents);
        Assert.Equal(expected.Entities, actual.Entities);
    }
}
