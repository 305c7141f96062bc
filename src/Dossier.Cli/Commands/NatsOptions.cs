using System.CommandLine;
using NATS.Client.Core;

namespace Dossier.Cli.Commands;

/// <summary>The NATS server and stream that `submit` and `worker` share.</summary>
internal static class NatsOptions
{
    public static Option<string> Server() => new("--nats") { Description = "The NATS server (nats://host:port)", DefaultValueFactory = _ => "nats://127.0.0.1:4222" };

    public static Option<string> Stream() => new("--stream") { Description = "The JetStream stream documents wait in", DefaultValueFactory = _ => "DOSSIER" };

    /// <summary>Runs an action with a connection to the server; Ctrl+C or SIGTERM cancels it. A server
    /// out of reach is one error line and exit code 2, unless <paramref name="waitForServer"/>: a worker
    /// started before its server, or while it restarts, waits for it as it waits out a later outage.</summary>
    public static int Connected(string url, Func<NatsConnection, CancellationToken, Task<int>> action, bool waitForServer = false)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        try
        {
            return Task.Run(async () =>
            {
                await using var connection = new NatsConnection(new NatsOpts { Url = url, Name = "dossier", RetryOnInitialConnect = waitForServer });
                try
                {
                    await connection.ConnectAsync().AsTask().WaitAsync(stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return CliApp.Ok;
                }
                return await action(connection, stop.Token);
            }).GetAwaiter().GetResult();
        }
        catch (NatsException ex)
        {
            Console.Error.WriteLine($"error: {TerminalText.Escape(url)}: {TerminalText.Escape(ex.Message)}");
            return CliApp.Failed;
        }
    }
}
