using System.Diagnostics;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Storage;
using Dossier.Storage.Postgres;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Dossier.Workers;

/// <summary>What a worker did: documents stored, found stored already (a redelivery), sent to the dead letters.</summary>
public sealed record WorkerReport(int Stored, int AlreadyStored, int Dead);

/// <summary>A stateless worker: pulls documents from the stream, runs the per-document pipeline,
/// stores each in one transaction and acknowledges it only after the commit. A document is keyed by
/// its source and content hash, so a redelivery (a worker stopped between commit and
/// acknowledgement) finds it stored and only acknowledges. A document that fails
/// <see cref="MaxDeliver"/> times goes to the dead-letter subject with its error. Stopped while it
/// analyses a document, the worker gives the document back at once rather than leaving it to the
/// acknowledgement timeout.</summary>
public sealed class DocumentWorker(DocumentStream stream, PostgresDossierStore store, DocumentPipeline pipeline)
{
    /// <summary>Tries before a document is dead.</summary>
    public int MaxDeliver { get; init; } = 3;

    /// <summary>How long a document may stay unacknowledged before another worker gets it.</summary>
    public TimeSpan AckWait { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Stop when the stream has no document left for this worker, instead of waiting for more.</summary>
    public bool UntilIdle { get; init; }

    /// <summary>Where the worker says what it does with each document (structured: the source and figures are fields).</summary>
    public ILogger Log { get; init; } = NullLogger.Instance;

    /// <summary>Called when the stream has emptied after this worker stored documents, and at the first time it
    /// finds it empty (a coordinator killed during the corpus phase left it behind, and a worker started
    /// after it stores nothing), to bring the corpus phase up to date; says whether it ran (another worker
    /// may hold the lease).</summary>
    public Func<bool>? Idle { get; init; }

    public async Task<WorkerReport> RunAsync(CancellationToken cancellationToken)
    {
        var consumer = await stream.WorkersAsync(MaxDeliver, AckWait, cancellationToken);
        int stored = 0, already = 0, dead = 0, storedWhenIdle = 0;
        var idleBefore = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var next = await consumer.NextAsync<byte[]>(opts: new NatsJSNextOpts { Expires = TimeSpan.FromSeconds(2) }, cancellationToken: cancellationToken);
                if (next is null)
                {
                    if (stored == storedWhenIdle && idleBefore && !UntilIdle || !await IsIdleAsync(consumer, cancellationToken)) continue;
                    if ((stored > storedWhenIdle || !idleBefore) && Idle is not null) WorkerLog.CorpusPhase(Log, stored - storedWhenIdle, Idle());
                    (storedWhenIdle, idleBefore) = (stored, true);
                    if (UntilIdle) break;
                    continue;
                }
                switch (await HandleAsync(next, cancellationToken))
                {
                    case Outcome.Stored: stored++; break;
                    case Outcome.AlreadyStored: already++; break;
                    case Outcome.Dead: dead++; break;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (NatsException ex)
            {
                // The server restarted or the network failed: the client reconnects by itself, and
                // a document not acknowledged comes back after the acknowledgement wait.
                WorkerLog.StreamLost(Log, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
            catch (Exception ex) when (StoreLost(ex))
            {
                // The store went away during the corpus phase: nothing of it was committed; the
                // phase runs again at the next idle moment.
                await ReconnectAsync(null, ex, cancellationToken);
            }
        }
        return new WorkerReport(stored, already, dead);
    }

    /// <summary>The failure is the store's connection gone (a server restart), not the work's: the
    /// work is done again once the connection is back.</summary>
    private bool StoreLost(Exception failure) => failure is not (OperationCanceledException or NatsException) && store.ConnectionLost;

    /// <summary>Opens the store's connection again, every second until the server answers; a
    /// document in hand stays this worker's meanwhile.</summary>
    private async Task ReconnectAsync(INatsJSMsg<byte[]>? inHand, Exception failure, CancellationToken cancellationToken)
    {
        WorkerLog.StoreLost(Log, failure.Message);
        while (!store.Reconnect() && !cancellationToken.IsCancellationRequested)
        {
            if (inHand is { } message) await message.AckProgressAsync(cancellationToken: CancellationToken.None);
            await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
        }
    }

    private enum Outcome { Stored, AlreadyStored, Retried, Dead, GivenBack }

    /// <summary>Handles a document; when the store's connection was lost, reconnects and handles it
    /// again (its failure is not the document's, so it does not count as a delivery).</summary>
    private async Task<Outcome> HandleAsync(INatsJSMsg<byte[]> message, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await HandleOnceAsync(message, cancellationToken);
            }
            catch (Exception ex) when (StoreLost(ex))
            {
                await ReconnectAsync(message, ex, cancellationToken);
                if (cancellationToken.IsCancellationRequested) return await GiveBackAsync(message, null);
            }
        }
    }

    private async Task<Outcome> HandleOnceAsync(INatsJSMsg<byte[]> message, CancellationToken cancellationToken)
    {
        var delivery = message.Metadata?.NumDelivered ?? 1;
        string? key = null;
        try
        {
            var submitted = SubmittedDocument.Deserialize(message.Data ?? []);
            key = submitted.SourceKey;
            if (store.FindSource(submitted.SourceKey) is { } known && known.ContentHash == submitted.ContentHash)
            {
                await message.AckAsync(cancellationToken: cancellationToken);
                WorkerLog.AlreadyStored(Log, key, delivery);
                return Outcome.AlreadyStored;
            }
            var source = submitted.Source;
            var started = Stopwatch.GetTimestamp();
            WorkerLog.Analysing(Log, key, source.Text.Length, delivery);
            if (store.HoldsText(source.ContentHash)) store.LinkSources([source]);
            else store.Save([pipeline.Run(source, cancellationToken)]);
            await message.AckAsync(cancellationToken: cancellationToken);
            WorkerLog.Stored(Log, key, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return Outcome.Stored;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await GiveBackAsync(message, key);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or NatsException) && !StoreLost(ex))
        {
            var error = $"{ex.GetType().Name}: {ex.Message}".ReplaceLineEndings(" ");
            if (delivery < (ulong)MaxDeliver)
            {
                await message.NakAsync(delay: TimeSpan.FromSeconds(1), cancellationToken: cancellationToken);
                WorkerLog.Retried(Log, key, delivery, MaxDeliver, error);
                return Outcome.Retried;
            }
            var headers = new NatsHeaders { [DocumentStream.ErrorHeader] = error };
            await stream.JetStream.PublishAsync(stream.DeadSubject, message.Data, headers: headers, cancellationToken: cancellationToken);
            await message.AckTerminateAsync(cancellationToken: cancellationToken);
            WorkerLog.Dead(Log, key, delivery, error);
            return Outcome.Dead;
        }
    }

    /// <summary>Stopping: the document goes back to the stream now, for another worker or the next start.</summary>
    private async Task<Outcome> GiveBackAsync(INatsJSMsg<byte[]> message, string? key)
    {
        // Confirmed by the server, so that the document is back before the process ends.
        await message.NakAsync(opts: new AckOpts { DoubleAck = true }, cancellationToken: CancellationToken.None);
        WorkerLog.GivenBack(Log, key);
        return Outcome.GivenBack;
    }

    /// <summary>No document waits for delivery and none is out with another worker.</summary>
    private static async Task<bool> IsIdleAsync(INatsJSConsumer consumer, CancellationToken cancellationToken)
    {
        await consumer.RefreshAsync(cancellationToken);
        return consumer.Info.NumPending == 0 && consumer.Info.NumAckPending == 0;
    }
}
