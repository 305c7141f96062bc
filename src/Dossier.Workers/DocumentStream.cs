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

    /// <summary>Puts documents on the stream; returns how many were new (the others were there already).</summary>
    public async Task<int> SubmitAsync(IEnumerable<SubmittedDocument> documents, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var document in documents)
        {
            var ack = await JetStream.PublishAsync(DocumentsSubject, document.Serialize(), opts: new NatsJSPubOpts { MsgId = document.MessageId }, cancellationToken: cancellationToken);
            // A duplicate is what de-duplication is for, not an error (EnsureSuccess would throw on it).
            if (ack.Duplicate) continue;
            ack.EnsureSuccess();
            added++;
        }
        return added;
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
