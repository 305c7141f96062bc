using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace Dossier.Workers;

/// <summary>The JetStream stream documents wait in: subject "S.documents" for work, "S.dead" for
/// documents that failed every try, with their error. Messages are de-duplicated by id for a day,
/// and kept until a worker has stored them (work-queue retention).</summary>
public sealed class DocumentStream
{
    public const string WorkersConsumer = "dossier-workers";
    public const string ErrorHeader = "Dossier-Error";
    private static readonly TimeSpan DuplicateWindow = TimeSpan.FromDays(1);

    private DocumentStream(INatsJSContext jetStream, string name)
    {
        JetStream = jetStream;
        Name = name;
    }

    public INatsJSContext JetStream { get; }
    public string Name { get; }
    public string DocumentsSubject => Name + ".documents";
    public string DeadSubject => Name + ".dead";

    /// <summary>A stream to read from, as it is: nothing is created (a missing one fails on first use).</summary>
    public static DocumentStream Existing(INatsConnection connection, string name) => new(new NatsJSContext(connection), name);

    /// <summary>Opens the stream, creating it when missing.</summary>
    public static async Task<DocumentStream> OpenAsync(INatsConnection connection, string name, CancellationToken cancellationToken)
    {
        var jetStream = new NatsJSContext(connection);
        var stream = new DocumentStream(jetStream, name);
        await jetStream.CreateOrUpdateStreamAsync(new StreamConfig(name, [stream.DocumentsSubject, stream.DeadSubject])
        {
            DuplicateWindow = DuplicateWindow,
            Storage = StreamConfigStorage.File,
            Retention = StreamConfigRetention.Workqueue,
        }, cancellationToken);
        return stream;
    }

    /// <summary>Puts documents on the stream; returns how many were new (the others were there
    /// already). A document larger than the server takes, compressed, is refused by name and the
    /// others go on.</summary>
    public async Task<int> SubmitAsync(IEnumerable<SubmittedDocument> documents, long maxPayload, Action<SubmittedDocument, string> refused, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var document in documents)
        {
            var message = document.Serialize();
            if (message.Length > maxPayload)
            {
                refused(document, $"{message.Length / 1048576.0:0.0} MB compressed is more than the NATS server's max_payload of {maxPayload / 1048576.0:0.0} MB (raise it in the server's configuration)");
                continue;
            }
            var ack = await JetStream.PublishAsync(DocumentsSubject, message, opts: new NatsJSPubOpts { MsgId = document.MessageId }, cancellationToken: cancellationToken);
            // A duplicate is what de-duplication is for, not an error (EnsureSuccess would throw on it).
            if (ack.Duplicate) continue;
            ack.EnsureSuccess();
            added++;
        }
        return added;
    }

    /// <summary>Documents waiting for a worker, out with a worker and not yet acknowledged, and dead
    /// letters. Before any worker has started, every document on the stream is waiting.</summary>
    public async Task<StreamBacklog> BacklogAsync(CancellationToken cancellationToken)
    {
        var stream = await JetStream.GetStreamAsync(Name, new StreamInfoRequest { SubjectsFilter = Name + ".*" }, cancellationToken);
        var perSubject = stream.Info.State.Subjects;
        long Count(string subject) => perSubject is not null && perSubject.TryGetValue(subject, out var count) ? count : 0;
        var dead = Count(DeadSubject);
        try
        {
            var workers = await JetStream.GetConsumerAsync(Name, WorkersConsumer, cancellationToken);
            return new StreamBacklog((long)workers.Info.NumPending, workers.Info.NumAckPending, dead);
        }
        catch (NatsJSApiException ex) when (ex.Error.Code == 404)
        {
            return new StreamBacklog(Count(DocumentsSubject), 0, dead);
        }
    }

    /// <summary>The durable consumer all workers share: each message goes to one worker, is
    /// acknowledged explicitly, and is delivered again (up to <paramref name="maxDeliver"/> times)
    /// when not acknowledged within <paramref name="ackWait"/>.</summary>
    public async Task<INatsJSConsumer> WorkersAsync(int maxDeliver, TimeSpan ackWait, CancellationToken cancellationToken) =>
        await JetStream.CreateOrUpdateConsumerAsync(Name, new ConsumerConfig(WorkersConsumer)
        {
            AckPolicy = ConsumerConfigAckPolicy.Explicit,
            FilterSubject = DocumentsSubject,
            MaxDeliver = maxDeliver,
            AckWait = ackWait,
        }, cancellationToken);
}

/// <summary>Where the documents of a stream stand: never delivered yet; delivered and not acknowledged
/// (out with a worker, or given back or timed out and due again); dead letters.</summary>
public sealed record StreamBacklog(long Waiting, long Unacknowledged, long Dead);
