using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Storage;
using Dossier.Storage.Postgres;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Dossier.Workers;

/// <summary>What a worker did: documents stored, found stored already (a redelivery), sent to the dead letters.</summary>
public sealed record WorkerReport(int Stored, int AlreadyStored, int Dead);

/// <summary>A stateless worker: pulls documents from the stream, runs the per-document pipeline,
/// stores each in one transaction and acknowledges it only after the commit. A document is keyed by
/// its source and content hash, so a redelivery (a worker stopped between commit and
/// acknowledgement) finds it stored and only acknowledges. A document that fails
/// <see cref="MaxDeliver"/> times goes to the dead-letter subject with its error.</summary>
public sealed class DocumentWorker(DocumentStream stream, PostgresDossierStore store, DocumentPipeline pipeline)
{
    /// <summary>Tries before a document is dead.</summary>
    public int MaxDeliver { get; init; } = 3;

    /// <summary>How long a document may stay unacknowledged before another worker gets it.</summary>
    public TimeSpan AckWait { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Stop when the stream has no document left for this worker, instead of waiting for more.</summary>
    public bool UntilIdle { get; init; }

    /// <summary>Called when the stream has emptied after this worker stored documents (to bring the corpus phase up to date).</summary>
    public Action? Idle { get; init; }

    public async Task<WorkerReport> RunAsync(CancellationToken cancellationToken)
    {
        var consumer = await stream.WorkersAsync(MaxDeliver, AckWait, cancellationToken);
        int stored = 0, already = 0, dead = 0, storedWhenIdle = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            INatsJSMsg<byte[]>? next;
            try
            {
                next = await consumer.NextAsync<byte[]>(opts: new NatsJSNextOpts { Expires = TimeSpan.FromSeconds(2) }, cancellationToken: cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            if (next is null)
            {
                if (stored == storedWhenIdle && !UntilIdle || !await IsIdleAsync(consumer, cancellationToken)) continue;
                if (stored > storedWhenIdle) Idle?.Invoke();
                storedWhenIdle = stored;
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
        return new WorkerReport(stored, already, dead);
    }

    private enum Outcome { Stored, AlreadyStored, Retried, Dead }

    private async Task<Outcome> HandleAsync(INatsJSMsg<byte[]> message, CancellationToken cancellationToken)
    {
        try
        {
            var submitted = SubmittedDocument.Deserialize(message.Data);
            if (store.FindSource(submitted.SourceKey) is { } known && known.ContentHash == submitted.ContentHash)
            {
                await message.AckAsync(cancellationToken: cancellationToken);
                return Outcome.AlreadyStored;
            }
            var source = submitted.Source;
            if (store.HoldsText(source.ContentHash)) store.LinkSources([source]);
            else store.Save([pipeline.Run(source, cancellationToken)]);
            await message.AckAsync(cancellationToken: cancellationToken);
            return Outcome.Stored;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if ((message.Metadata?.NumDelivered ?? 1) < (ulong)MaxDeliver)
            {
                await message.NakAsync(delay: TimeSpan.FromSeconds(1), cancellationToken: cancellationToken);
                return Outcome.Retried;
            }
            var headers = new NatsHeaders { [DocumentStream.ErrorHeader] = $"{ex.GetType().Name}: {ex.Message}".ReplaceLineEndings(" ") };
            await stream.JetStream.PublishAsync(stream.DeadSubject, message.Data, headers: headers, cancellationToken: cancellationToken);
            await message.AckTerminateAsync(cancellationToken: cancellationToken);
            return Outcome.Dead;
        }
    }

    /// <summary>No document waits for delivery and none is out with another worker.</summary>
    private static async Task<bool> IsIdleAsync(INatsJSConsumer consumer, CancellationToken cancellationToken)
    {
        await consumer.RefreshAsync(cancellationToken);
        return consumer.Info.NumPending == 0 && consumer.Info.NumAckPending == 0;
    }
}
