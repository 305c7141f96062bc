using System.CommandLine;
using Dossier.Core.Pipeline;
using Dossier.Storage;
using Dossier.Storage.Postgres;
using Dossier.Workers;
using Microsoft.Extensions.Logging;

namespace Dossier.Cli.Commands;

/// <summary>`dossier worker --nats URL --stream S --store postgres://… [--concurrency N]`: stores the
/// submitted documents into a PostgreSQL dossier, then, when the stream is empty, brings the corpus
/// phase up to date unless another worker is doing it (a lease in PostgreSQL).</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var nats = NatsOptions.Server();
        var stream = NatsOptions.Stream();
        var store = new Option<string>("--store") { Description = "The PostgreSQL dossier: \"Host=…;Database=…\" or postgres://user@host/database", Required = true };
        var concurrency = new Option<int>("--concurrency") { Description = "Documents analysed at once", DefaultValueFactory = _ => 1 };
        var maxDeliver = new Option<int>("--max-deliver") { Description = "Tries before a document goes to the dead letters (subject STREAM.dead)", DefaultValueFactory = _ => 3 };
        var ackWait = new Option<int>("--ack-wait") { Description = "Seconds before a document left unacknowledged (its worker gone) goes to another worker", DefaultValueFactory = _ => 300 };
        var untilIdle = new Option<bool>("--until-idle") { Description = "Stop once the stream is empty (after the corpus phase) instead of waiting for more" };
        concurrency.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 64) r.AddError("--concurrency must be between 1 and 64"); });
        ackWait.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--ack-wait must be at least 1 second"); });
        maxDeliver.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--max-deliver must be at least 1"); });
        var command = new Command("worker", "Store the documents of a NATS JetStream stream into a PostgreSQL dossier") { nats, stream, store, concurrency, maxDeliver, ackWait, untilIdle };
        command.SetAction(parse => Run(parse.GetValue(nats)!, parse.GetValue(stream)!, parse.GetValue(store)!, parse.GetValue(concurrency), parse.GetValue(maxDeliver), TimeSpan.FromSeconds(parse.GetValue(ackWait)), parse.GetValue(untilIdle)));
        return command;
    }

    private static int Run(string url, string streamName, string location, int concurrency, int maxDeliver, TimeSpan ackWait, bool untilIdle)
    {
        if (!StoreOpener.IsPostgres(location))
        {
            Console.Error.WriteLine("error: --store must name a PostgreSQL database: workers share it");
            return CliApp.Failed;
        }
        var stores = new List<PostgresDossierStore>();
        try
        {
            for (var i = 0; i < concurrency; i++) stores.Add(PostgresDossierStore.Open(location, create: true));
            var pipeline = DocumentPipeline.CreateDefault();
            var corpus = CorpusPipeline.CreateDefault(pipeline);
            // One JSON object a line on standard error, so that a log collector reads the fields.
            using var logs = LoggerFactory.Create(logging => logging.AddJsonConsole(json =>
            {
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                json.UseUtcTimestamp = true;
            }).AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
            var log = logs.CreateLogger<DocumentWorker>();
            return NatsOptions.Connected(url, async (connection, cancellationToken) =>
            {
                var stream = await DocumentStream.OpenAsync(connection, streamName, cancellationToken);
                // Each worker that emptied the stream tries the lease; the one holding it runs the phase.
                var reports = await Task.WhenAll(stores.Select(store => Task.Run(() => new DocumentWorker(stream, store, pipeline)
                {
                    MaxDeliver = maxDeliver,
                    AckWait = ackWait,
                    Log = log,
                    UntilIdle = untilIdle,
                    Idle = () => store.WithCorpusLease(() => DossierBuilder.RunCorpusPhase(store, corpus, null, cancellationToken)),
                }.RunAsync(cancellationToken), CancellationToken.None)));
                Console.WriteLine($"{StoreOpener.NameOf(location)}: {reports.Sum(r => r.Stored)} stored, {reports.Sum(r => r.AlreadyStored)} stored already, " +
                    $"{reports.Sum(r => r.Dead)} dead letters");
                return reports.Any(r => r.Dead > 0) ? CliApp.SomeInputsFailed : CliApp.Ok;
            }, waitForServer: true);
        }
        catch (DossierStoreException ex)
        {
            Console.Error.WriteLine($"error: {TerminalText.Escape(ex.Message)}");
            return CliApp.Failed;
        }
        finally
        {
            foreach (var store in stores) store.Dispose();
        }
    }
}
