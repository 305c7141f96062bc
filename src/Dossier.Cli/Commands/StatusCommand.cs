using System.CommandLine;
using System.Globalization;
using Dossier.Core.Pipeline;
using Dossier.Storage;
using Dossier.Workers;
using NATS.Client.JetStream;

namespace Dossier.Cli.Commands;

/// <summary>`dossier status FILE.dossier | --store … [--nats URL [--stream S]]`: documents stored,
/// how far each corpus stage is behind them, and with <c>--nats</c> the documents waiting in the
/// stream, delivered and not yet acknowledged, and dead letters. Reads only.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var file = StoreOpener.FileArgument();
        var store = StoreOpener.StoreOption();
        var nats = new Option<string?>("--nats") { Description = "Also the stream's backlog on this NATS server (nats://host:port)" };
        var stream = NatsOptions.Stream();
        var command = new Command("status", "Documents stored, corpus stages' lag, and the workers' stream") { file, store, nats, stream };
        command.SetAction(parse => Run(parse.GetValue(file), parse.GetValue(store), parse.GetValue(nats), parse.GetValue(stream)!));
        return command;
    }

    private static int Run(string? file, string? store, string? url, string streamName)
    {
        var read = StoreOpener.Read(file, store, Print);
        if (read != CliApp.Ok || url is null) return read;
        return NatsOptions.Connected(url, async (connection, cancellationToken) =>
        {
            try
            {
                var backlog = await DocumentStream.Existing(connection, streamName).BacklogAsync(cancellationToken);
                Console.WriteLine($"stream {TerminalText.Escape(streamName)}: {backlog.Waiting} waiting, {backlog.Unacknowledged} delivered and not acknowledged, {backlog.Dead} dead letters");
                return CliApp.Ok;
            }
            catch (NatsJSApiException ex) when (ex.Error.Code == 404)
            {
                Console.Error.WriteLine($"error: {TerminalText.Escape(url)}: no stream named {TerminalText.Escape(streamName)}");
                return CliApp.Failed;
            }
        });
    }

    private static int Print(IDossierStore store)
    {
        Console.WriteLine($"documents: {store.ListDocuments().Count}");
        foreach (var stage in CorpusPipeline.CreateDefault(DocumentPipeline.CreateDefault()).Stages)
        {
            var lag = store.Lag(stage.Name);
            var lastRun = lag.LastRun is { } at ? "last run " + at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "never run";
            Console.WriteLine($"corpus stage {lag.Stage}: {lag.DocumentsBehind} documents behind, {lastRun}");
        }
        return CliApp.Ok;
    }
}
