using System.Text.Json;
using Dossier.Core.Export;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Resolve;
using Dossier.Core.Stories;

namespace Dossier.Core.Events;

/// <summary>Events as a corpus stage: <see cref="EventMerger"/> decides which reports tell of one
/// happening; this stage stores the events under stable ids (a report is its document and the
/// start of its main trigger).</summary>
public sealed class EventStage : ICorpusStage
{
    public const string IdPrefix = "ev";

    private sealed record Data(string Class, string Status, string? Date, bool DateInferred, string[] Participants, string? Place, int Outlets, double Salience);

    public string Name => "events";
    public IReadOnlyList<string> Requires => [Layers.Events, Layers.Sentences, Layers.Metadata, CorpusLayers.Entities, CorpusLayers.Stories];
    public IReadOnlyList<string> Provides => [CorpusLayers.Events];

    public void Update(ICorpusRun run, CancellationToken cancellationToken)
    {
        var documents = StoredDocuments.Of(run.LoadAll());
        var index = StoredDocuments.Index(documents);
        var entities = EntityResolutionStage.Read(run.Groups(CorpusLayers.Entities), index);
        var stories = StoryStage.Read(run.Groups(CorpusLayers.Stories), index);
        var formed = EventMerger.Merge(documents, entities, stories).Select(ev => new CorpusGroup(ev.Id, null, ev.Summary,
            JsonSerializer.Serialize(new Data(ev.Class, ev.Status.ToString().ToLowerInvariant(), ev.Date, ev.DateInferred, ev.Participants.ToArray(), ev.Place, ev.Outlets, ev.Salience)),
            ev.Reports.Select(r => new CorpusMember(ExportedDocument.StoreIdOf(r.DocumentId), r.Mention.Triggers[0].Start, r.Mention.Triggers[0].Length)).ToArray()))
            .ToArray();
        StableIds.SaveAll(run, CorpusLayers.Events, IdPrefix, formed, m => (m.Document, m.Start));
    }

    /// <summary>Stored events over the given documents, in date order (undated last); one with a report in a document no longer stored is left out.</summary>
    public static IReadOnlyList<DossierEvent> Read(IReadOnlyList<CorpusGroup> groups, IReadOnlyDictionary<long, ExportedDocument> documents,
        IReadOnlyList<EntityGroup> entities)
    {
        var reportAt = EventMerger.Reports(documents.Values.ToArray(), entities)
            .ToDictionary(r => (ExportedDocument.StoreIdOf(r.DocumentId), r.Mention.Triggers[0].Start));
        var events = new List<DossierEvent>(groups.Count);
        foreach (var group in groups)
        {
            var reports = group.Members.Select(m => reportAt.GetValueOrDefault((m.Document, m.Start))).ToArray();
            if (reports.Any(r => r is null)) continue;
            var data = JsonSerializer.Deserialize<Data>(group.Data)!;
            events.Add(new DossierEvent(group.Id, data.Class, Enum.Parse<EventStatus>(data.Status, ignoreCase: true), data.Date, data.DateInferred,
                group.Label, data.Participants, data.Place, reports!, data.Outlets, data.Salience));
        }
        return events.OrderBy(e => e.Date ?? "~", StringComparer.Ordinal).ThenBy(e => StableIds.Number(e.Id)).ToArray();
    }
}
