using System.Text.Json;
using Dossier.Core.Export;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Resolve;
using Dossier.Core.Stories;

namespace Dossier.Core.Events;

/// <summary>Events as a corpus stage: <see cref="EventMerger"/> decides which reports tell of one
/// happening; this stage stores the events under stable ids (a report is its document and the
/// start of its main trigger). When resolution resolves the whole dossier again (a first run, a
/// large change) every event is formed again. Otherwise each document's blocking keys (those the
/// merger files events under) are in an index, and the added documents are merged with their
/// neighbourhood only: the latest documents filed under the keys their reports look under, and the
/// documents of the stored events those hold. A new event formed there takes in the stored events it
/// shares a report with (the oldest id stays, the others are recorded as absorbed); of the other
/// documents of the neighbourhood, only reports no stored event holds join, since what the whole
/// dossier told of them stays. What describing an event needs of each report (<see cref="ReportFacts"/>,
/// its summary line) is kept with its document, so that an event a new report joins is described
/// again without reading its documents. Cost per added document: one index lookup per key and a
/// bounded number of documents, and the facts of the events it joins.</summary>
public sealed class EventStage : ICorpusStage
{
    public const string IdPrefix = "ev";
    private const string KeyIndex = "event-keys";
    /// <summary>How many documents (the latest) a key brings into a neighbourhood; the merger itself
    /// compares a report with the latest events of a block only.</summary>
    private const int DocumentsPerKey = 8;
    /// <summary>The <see cref="KeptDocument"/> of each document with reports.</summary>
    private const string KeptReports = "event-reports";

    private sealed record Data(string Class, string Status, string? Date, bool DateInferred, string[] Participants, string? Place, int Outlets);

    /// <summary>A document's reports as kept: the facts of each, with its participants and place as
    /// the offsets of their mentions (their entities are looked up when read, since resolution may
    /// merge them later), and the summary line cut from its sentence.</summary>
    private sealed record KeptDocument(string Outlet, KeptReport[] Reports);

    private sealed record KeptReport(int Start, int Length, string Class, EventStatus Status, string? ExplicitDate, string? InferredDate,
        int[] Participants, int? Place, int Sentence, int SentenceLength, string Summary);

    /// <summary>A report as an event's description takes it: its place in the event, its facts, and its summary line, cut only when asked for.</summary>
    private sealed record Described(CorpusMember Member, ReportFacts Facts, Func<string> Summary)
    {
        public static Described Of(EventReport report) =>
            new(new CorpusMember(ExportedDocument.StoreIdOf(report.DocumentId), report.Mention.Triggers[0].Start, report.Mention.Triggers[0].Length),
                ReportFacts.Of(report), () => EventSummary.Of(report));
    }

    public string Name => "events";
    public IReadOnlyList<string> Requires => [Layers.Events, Layers.Sentences, Layers.Metadata, CorpusLayers.Entities, CorpusLayers.Stories];
    public IReadOnlyList<string> Provides => [CorpusLayers.Events];

    public void Update(ICorpusRun run, CancellationToken cancellationToken)
    {
        if (EntityResolutionStage.ResolvesAll(run)) MergeAll(run);
        else MergeAround(run, cancellationToken);
    }

    private static void MergeAll(ICorpusRun run)
    {
        var documents = StoredDocuments.Of(run.LoadAll());
        var index = StoredDocuments.Index(documents);
        var entities = EntityResolutionStage.Read(run.Groups(CorpusLayers.Entities), index);
        var topicOf = EventMerger.TopicOfDocument(StoryStage.Read(run.Groups(CorpusLayers.Stories), index));
        var reports = EventMerger.Reports(documents, entities);
        var formed = EventMerger.Cluster(reports, topicOf).Select((c, i) => ToGroup($"{IdPrefix}{i + 1}", c.Select(Described.Of).ToList())).ToArray();
        StableIds.SaveAll(run, CorpusLayers.Events, IdPrefix, formed, MemberKey);
        IndexKeys(run, documents.Select(d => ExportedDocument.StoreIdOf(d.Id)), reports, topicOf);
        Keep(run, reports);
    }

    /// <summary>Keeps each document's reports with it (<see cref="KeptDocument"/>).</summary>
    private static void Keep(ICorpusRun run, IEnumerable<EventReport> reports)
    {
        foreach (var document in reports.GroupBy(r => ExportedDocument.StoreIdOf(r.DocumentId)))
        {
            var source = document.First();
            var kept = new KeptDocument(ReportFacts.Of(source).Outlet, document.Select(r => new KeptReport(r.Mention.Triggers[0].Start, r.Mention.Triggers[0].Length,
                r.Mention.Class, r.Mention.Status, r.ExplicitDate, r.InferredDate, r.Mention.Participants.Select(p => p.Start).ToArray(), r.Mention.Place?.Start,
                r.Mention.Sentence, r.Source.Sentences[r.Mention.Sentence].Span.Length, EventSummary.Of(r))).ToArray());
            run.Keep(KeptReports, document.Key, JsonSerializer.SerializeToUtf8Bytes(kept));
        }
    }

    /// <summary>The reports at these keys still stored, in dossier order: those read, else those kept
    /// with their documents. A document that kept nothing (stored before reports were kept) is read
    /// once and keeps its reports from then on.</summary>
    private static List<Described> Describe(ICorpusRun run, HashSet<(long Document, int Start)> keys, SortedSet<long> loaded,
        Dictionary<(long, int), EventReport> reports, Dictionary<string, string> topicOf)
    {
        var unread = keys.Select(k => k.Document).Where(d => !loaded.Contains(d)).Distinct().ToArray();
        var kept = new Dictionary<long, KeptDocument>();
        foreach (var document in unread)
            if (run.Kept(KeptReports, document) is { } bytes) kept[document] = JsonSerializer.Deserialize<KeptDocument>(bytes)!;
        Keep(run, Read(run, unread.Where(d => !kept.ContainsKey(d)).ToArray(), loaded, reports, topicOf));
        var entityAt = new Dictionary<(long, int), string>();
        foreach (var entity in run.GroupsWithin(CorpusLayers.Entities, kept.Keys))
            foreach (var member in entity.Members)
                entityAt.TryAdd((member.Document, member.Start), entity.Id);
        var described = new List<Described>(keys.Count);
        foreach (var key in keys.Order())
        {
            if (reports.TryGetValue(key, out var report)) described.Add(Described.Of(report));
            else if (kept.TryGetValue(key.Document, out var document) && document.Reports.FirstOrDefault(r => r.Start == key.Start) is { } k)
            {
                string? EntityAt(int start) => entityAt.GetValueOrDefault((key.Document, start));
                var facts = new ReportFacts(k.Class, k.Status, k.ExplicitDate, k.InferredDate, k.Participants.Select(EntityAt).OfType<string>().Distinct().ToArray(),
                    k.Place is { } place ? EntityAt(place) : null, document.Outlet, k.Sentence, k.SentenceLength);
                described.Add(new Described(new CorpusMember(key.Document, k.Start, k.Length), facts, () => k.Summary));
            }
        }
        return described;
    }

    /// <summary>Files each document under the keys across documents of its reports' events (those the
    /// merger files them under, not the document's own key, which only joins reports of one document).</summary>
    private static void IndexKeys(ICorpusRun run, IEnumerable<long> documents, IEnumerable<EventReport> reports,
        IReadOnlyDictionary<string, string> topicOf)
    {
        var keys = reports.GroupBy(r => ExportedDocument.StoreIdOf(r.DocumentId))
            .ToDictionary(g => g.Key, g => g.SelectMany(r => EventMerger.FiledKeys(r, topicOf.GetValueOrDefault(r.DocumentId))).Where(CrossDocument).Distinct(StringComparer.Ordinal).ToArray());
        foreach (var document in documents) run.Index(KeyIndex, document, keys.GetValueOrDefault(document) ?? []);
    }

    private static (long Document, int Start) MemberKey(CorpusMember member) => (member.Document, member.Start);

    private static (long Document, int Start) ReportKey(EventReport report) => (ExportedDocument.StoreIdOf(report.DocumentId), report.Mention.Triggers[0].Start);

    /// <summary>The event its reports (in dossier order) tell, as stored under the given id.</summary>
    private static CorpusGroup ToGroup(string id, IReadOnlyList<Described> reports)
    {
        var ev = EventMerger.Describe(reports.Select(r => r.Facts).ToList());
        return new(id, null, reports[ev.SummarySource].Summary(),
            JsonSerializer.Serialize(new Data(ev.Class, ev.Status.ToString().ToLowerInvariant(), ev.Date, ev.DateInferred, ev.Participants.ToArray(), ev.Place, ev.Outlets)),
            reports.Select(r => r.Member).ToArray());
    }

    private static bool CrossDocument(string key) => key.Contains('|', StringComparison.Ordinal);

    private static void MergeAround(ICorpusRun run, CancellationToken cancellationToken)
    {
        var added = run.Changes.Added.ToHashSet();
        var removed = run.Changes.Removed.ToHashSet();
        var gone = removed.Except(run.Changes.Reanalysed).ToHashSet();
        var reports = new Dictionary<(long, int), EventReport>();
        var topicOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var loaded = new SortedSet<long>();

        // The added documents' reports, then their neighbourhood: the latest documents of the keys they look under.
        var around = new SortedSet<long>(added);
        foreach (var key in Read(run, added, loaded, reports, topicOf).SelectMany(r => EventMerger.LookupKeys(r, topicOf.GetValueOrDefault(r.DocumentId))).Where(CrossDocument).Distinct(StringComparer.Ordinal))
            around.UnionWith(run.LatestKept(KeyIndex, key, DocumentsPerKey, removed));
        cancellationToken.ThrowIfCancellationRequested();
        // With the latest documents of the stored events of the neighbourhood (enough for the merger to
        // see what each is about; a much reported event is not read whole unless a new report joins it);
        // then every stored event of those documents, to know which of their reports an event holds.
        var closure = new SortedSet<long>(around.Concat(run.GroupsOf(CorpusLayers.Events, around)
            .SelectMany(g => g.Members.Select(m => m.Document).Where(d => !gone.Contains(d)).Distinct().TakeLast(DocumentsPerKey))));
        var stored = run.GroupsOf(CorpusLayers.Events, closure.Concat(removed)).ToArray();
        Read(run, closure, loaded, reports, topicOf);
        cancellationToken.ThrowIfCancellationRequested();

        var owner = new Dictionary<(long, int), int>();
        for (var s = 0; s < stored.Length; s++)
            foreach (var member in stored[s].Members)
                owner.TryAdd(MemberKey(member), s);
        var neighbourhood = reports.Values.Where(r => closure.Contains(ExportedDocument.StoreIdOf(r.DocumentId)))
            .OrderBy(r => ExportedDocument.StoreIdOf(r.DocumentId)).ThenBy(r => r.Mention.Triggers[0].Start).ToList();
        // Reports keep the merger's document numbers of one input: the neighbourhood in dossier order.
        var formed = EventMerger.Cluster(Renumbered(neighbourhood), topicOf).Where(c => c.Any(r => added.Contains(ReportKey(r).Document))).ToArray();

        var sets = new UnionFind(stored.Length + formed.Length);
        for (var f = 0; f < formed.Length; f++)
            foreach (var report in formed[f])
                if (owner.TryGetValue(ReportKey(report), out var s)) sets.Union(s, stored.Length + f);
        foreach (var component in Enumerable.Range(0, stored.Length + formed.Length).GroupBy(sets.Find))
        {
            var olds = component.Where(i => i < stored.Length).Select(i => stored[i]).OrderBy(g => StableIds.Number(g.Id)).ToArray();
            var news = component.Where(i => i >= stored.Length).Select(i => formed[i - stored.Length]).ToArray();
            // A stored event no added document joins and no removed document leaves stays as it is.
            if (news.Length == 0 && !olds.Any(g => g.Members.Any(m => removed.Contains(m.Document)))) continue;
            var keys = olds.SelectMany(g => g.Members).Where(m => !removed.Contains(m.Document)).Select(MemberKey)
                .Concat(news.SelectMany(c => c).Where(r => added.Contains(ReportKey(r).Document) || !owner.ContainsKey(ReportKey(r))).Select(ReportKey))
                .ToHashSet();
            var members = Describe(run, keys, loaded, reports, topicOf);
            var id = olds.Length > 0 ? olds[0].Id : null;
            foreach (var absorbed in olds.Skip(1))
            {
                run.Delete(CorpusLayers.Events, absorbed.Id);
                if (members.Count > 0) run.RecordAbsorbed(CorpusLayers.Events, absorbed.Id, olds[0].Id);
            }
            if (members.Count == 0)
            {
                if (id is not null) run.Delete(CorpusLayers.Events, id);
                continue;
            }
            var group = ToGroup(id ?? IdPrefix + run.NextNumber(CorpusLayers.Events), members);
            if (olds.Length == 0 || !Same(olds[0], group)) run.Save(CorpusLayers.Events, group);
        }
        var addedReports = reports.Values.Where(r => added.Contains(ReportKey(r).Document)).ToArray();
        IndexKeys(run, added, addedReports, topicOf);
        Keep(run, addedReports);
    }

    /// <summary>Reads the reports of documents not read yet, with the entities they name, into <paramref name="reports"/>,
    /// and their topics into <paramref name="topicOf"/>; returns the reports read.</summary>
    private static List<EventReport> Read(ICorpusRun run, IReadOnlyCollection<long> documents, SortedSet<long> loaded,
        Dictionary<(long, int), EventReport> reports, Dictionary<string, string> topicOf)
    {
        var wanted = documents.Where(d => !loaded.Contains(d)).ToArray();
        loaded.UnionWith(wanted);
        var read = StoredDocuments.Of(wanted.Select(id => (id, run.Load(id))).Where(x => x.Item2 is not null).Select(x => (x.id, x.Item2!)));
        var found = EventMerger.Reports(read, EntityResolutionStage.Read(run.GroupsWithin(CorpusLayers.Entities, wanted), StoredDocuments.Index(read)));
        foreach (var report in found) reports.TryAdd(ReportKey(report), report);
        foreach (var (document, topic) in EventMerger.TopicOfDocument(StoryStage.Read(run.GroupsWithin(CorpusLayers.Stories, wanted), StoredDocuments.Index(read))))
            topicOf.TryAdd(document, topic);
        return found;
    }

    /// <summary>The reports numbered by their documents' order among them, as <see cref="EventMerger.Reports"/> numbers one input.</summary>
    private static List<EventReport> Renumbered(IEnumerable<EventReport> reports)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        return reports.Select(r => r with { Document = numbers.TryGetValue(r.DocumentId, out var n) ? n : numbers[r.DocumentId] = numbers.Count }).ToList();
    }

    private static bool Same(CorpusGroup a, CorpusGroup b) => a.Label == b.Label && a.Data == b.Data && a.Members.SequenceEqual(b.Members);

    /// <summary>Stored events over the given documents, in date order (undated last); one with a report in a document no longer stored is left out.
    /// Salience is counted here, over the events read, since a run around added documents sees only part of a day's events.</summary>
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
                group.Label, data.Participants, data.Place, reports!, data.Outlets));
        }
        return EventSalience.Rank(events).OrderBy(e => e.Date ?? "~", StringComparer.Ordinal).ThenBy(e => StableIds.Number(e.Id)).ToArray();
    }
}
