using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Dossier.Core.Export;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Resolve;
using Dossier.Core.Stories;

namespace Dossier.Core.Events;

/// <summary>Events as a corpus stage: <see cref="EventMerger"/> decides which reports tell of one
/// happening; this stage stores the events under stable ids (a report is its document and the
/// start of its main trigger), each with its <see cref="EventState"/>, stored apart under the event's
/// id. When resolution resolves the whole dossier again (a first run, a large change) every event is
/// formed again. Otherwise the added documents' reports, which come last in dossier order, are
/// merged as a whole build would take them: each document is filed in an index under the keys its reports file their events
/// under, and the stored events of the latest documents filed under the keys a report looks under
/// are its candidates, compared through their states. An event joined takes in the new members
/// only; a stored event merged into an older one hands it its members and is recorded absorbed; an event that loses a removed document is folded again from its other reports. Cost per
/// added document: one index lookup per key and the states of a bounded number of events, whatever
/// the size of the dossier or of the events it joins.</summary>
public sealed partial class EventStage : ICorpusStage
{
    public const string IdPrefix = "ev";
    private const string KeyIndex = "event-keys";
    /// <summary>How many documents (the latest) under a key bring their events in as candidates; the
    /// merger itself compares a report with the latest events of a block only.</summary>
    private const int DocumentsPerKey = 8;
    /// <summary>The kind under which each event's state is stored, under the event's id, apart from the event:
    /// most of its stored bytes (688 KB for an event of 33,863 reports), which only merging needs, read only
    /// for the events the merger compares a report with, never by readers nor to find those events.</summary>
    public const string StateKind = "event-states";

    /// <summary>What a reader of a stored event needs.</summary>
    private record Description(string Class, string Status, string? Date, bool DateInferred, string[] Participants, string? Place, int Outlets);

    /// <summary>A stored event's description read straight from its JSON, the keys it is filed under skipped: the serializer's
    /// reading of it (a stack of frames made and grown for each event's arrays) was a tenth of what reading a dossier's events cost.</summary>
    private static Description DescriptionOf(string data)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(data.Length));
        try
        {
            var reader = new Utf8JsonReader(bytes.AsSpan(0, Encoding.UTF8.GetBytes(data, bytes)));
            string? kind = null, status = null, date = null, place = null;
            string[]? participants = null;
            var (inferred, outlets) = (false, 0);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("Class"u8)) kind = NextString(ref reader);
                else if (reader.ValueTextEquals("Status"u8)) status = NextString(ref reader);
                else if (reader.ValueTextEquals("Date"u8)) date = NextString(ref reader);
                else if (reader.ValueTextEquals("Place"u8)) place = NextString(ref reader);
                else if (reader.ValueTextEquals("DateInferred"u8) && reader.Read()) inferred = reader.GetBoolean();
                else if (reader.ValueTextEquals("Outlets"u8) && reader.Read()) outlets = reader.GetInt32();
                else if (reader.ValueTextEquals("Participants"u8) && reader.Read()) participants = reader.TokenType == JsonTokenType.Null ? null : Strings(ref reader);
                else if (reader.Read()) reader.Skip();
            }
            return new Description(kind!, status!, date, inferred, participants!, place, outlets);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static string? NextString(ref Utf8JsonReader reader) => reader.Read() ? reader.GetString() : null;

    /// <summary>The strings of the array the reader stands at the start of, read up to its end.</summary>
    private static string[] Strings(ref Utf8JsonReader reader)
    {
        var strings = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) strings.Add(reader.GetString()!);
        return strings.ToArray();
    }

    /// <summary>Those of the keys looked under that a stored event is filed under, each once, read from its data (its keys
    /// come first) without the rest; null for an event stored before its keys were kept. Read by the serializer, every event of
    /// the documents around added ones (hundreds of thousands in a large dossier) had all its keys made a set and its
    /// description read through, for the few of them looked under.</summary>
    private static List<string>? FiledUnder(string data, HashSet<string> looked)
    {
        var lookup = looked.GetAlternateLookup<ReadOnlySpan<char>>();
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(data.Length));
        var chars = ArrayPool<char>.Shared.Rent(data.Length);
        try
        {
            var reader = new Utf8JsonReader(bytes.AsSpan(0, Encoding.UTF8.GetBytes(data, bytes)));
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isKeys = reader.ValueTextEquals("Keys"u8);
                reader.Read();
                if (!isKeys)
                {
                    reader.Skip();
                    continue;
                }
                if (reader.TokenType != JsonTokenType.StartArray) return null;
                List<string> filed = [];
                while (reader.Read() && reader.TokenType == JsonTokenType.String)
                    if (lookup.TryGetValue(chars.AsSpan(0, reader.CopyString(chars)), out var key) && !filed.Contains(key)) filed.Add(key);
                return filed;
            }
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>An event as stored: the keys across documents it is filed under (<see cref="EventState.Keys"/>), then its description.</summary>
    private sealed record Data(IReadOnlyCollection<string> Keys, string Class, string Status, string? Date, bool DateInferred, string[] Participants, string? Place, int Outlets)
        : Description(Class, Status, Date, DateInferred, Participants, Place, Outlets);

    public string Name => "events";
    public IReadOnlyList<string> Requires => [Layers.Events, Layers.Sentences, Layers.Metadata, CorpusLayers.Entities, CorpusLayers.Stories];
    public IReadOnlyList<string> Provides => [CorpusLayers.Events];

    public void Update(ICorpusRun run, CancellationToken cancellationToken)
    {
        if (EntityResolutionStage.ResolvesAll(run) || !MergeAround(run, cancellationToken)) MergeAll(run);
    }

    private static void MergeAll(ICorpusRun run)
    {
        var documents = StoredDocuments.Of(run.LoadAll());
        var index = StoredDocuments.Index(documents);
        var entities = EntityResolutionStage.Read(run.Groups(CorpusLayers.Entities), index);
        var topicOf = EventMerger.TopicOfDocument(StoryStage.Read(run.Groups(CorpusLayers.Stories), index));
        var reports = EventMerger.Reports(documents, entities);
        IndexKeys(run, documents.Select(d => ExportedDocument.StoreIdOf(d.Id)), reports, topicOf);
        // The events' states are written one at a time as they are described, not all held as text at once
        // (1.4 GB of it at 100,000 articles); the reports are let go once they are members.
        var events = EventMerger.Cluster(reports, topicOf, []);
        var states = events.Select(e => e.State).ToArray();
        var formed = events.Select((e, i) => new CorpusGroup($"{IdPrefix}{i + 1}", null, "", "", e.Reports.Select(Member).ToArray())).ToArray();
        var assignment = StableIds.SaveAll(run, CorpusLayers.Events, IdPrefix, formed, MemberKey, i => (states[i].Summary, DataOf(states[i])));
        foreach (var gone in assignment.Dropped.Concat(assignment.Absorbed.Select(a => a.Absorbed))) run.Delete(StateKind, gone);
        for (var i = 0; i < states.Length; i++) SaveState(run, assignment.Ids[i], states[i]);
    }

    /// <summary>Folds again the events removed documents leave, then merges the added documents'
    /// reports into the stored events; false when a stored event it needs has no state, as one stored
    /// by an earlier version has not: the dossier is then merged whole, once.</summary>
    private static bool MergeAround(ICorpusRun run, CancellationToken cancellationToken)
    {
        var added = run.Changes.Added.ToHashSet();
        var removed = run.Changes.Removed.ToHashSet();
        Refold(run, run.GroupsOf(CorpusLayers.Events, removed), removed);
        var topicOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var reports = Read(run, added, topicOf);
        var keys = reports.SelectMany(r => EventMerger.LookupKeys(r, topicOf.GetValueOrDefault(r.DocumentId))).Where(EventMerger.CrossDocument)
            .Distinct(StringComparer.Ordinal).ToArray();
        // Oldest first: an event merged into another keeps the older one's id. Of the events of those documents,
        // only their rows are read (the keys they are filed under), not their members; the states (most of the stored bytes, hundreds of kilobytes
        // for an event of thousands of reports), stored apart, only of those the merger can compare a report with
        // (EventMerger.Comparable), not of the other events of the same documents, most of them.
        var looked = keys.ToHashSet(StringComparer.Ordinal);
        var read = run.GroupRowsWithin(CorpusLayers.Events, keys.SelectMany(k => run.LatestKept(KeyIndex, k, DocumentsPerKey, removed)).ToHashSet())
            .OrderBy(g => StableIds.Number(g.Id)).ToArray();
        var filed = read.Select(g => FiledUnder(g.Data, looked)).ToArray();
        if (filed.Any(k => k is null)) return false;
        var comparable = EventMerger.Comparable(filed.OfType<IReadOnlyCollection<string>>().ToArray(), looked).Reverse().Select(i => read[i].Id).ToArray();
        var states = run.GroupsWithIds(StateKind, comparable).ToDictionary(g => g.Id, g => JsonSerializer.Deserialize<EventState>(g.Data)!, StringComparer.Ordinal);
        if (states.Count < comparable.Length) return false;
        var candidates = comparable.Select(id => (Id: id, State: states[id])).ToArray();
        cancellationToken.ThrowIfCancellationRequested();

        foreach (var formed in EventMerger.Cluster(reports, topicOf, candidates.Select(c => c.State).ToArray()))
        {
            var members = formed.Reports.Select(Member).ToArray();
            foreach (var absorbed in formed.Absorbed)
            {
                run.Absorb(CorpusLayers.Events, candidates[absorbed].Id, candidates[formed.Stored].Id);
                run.Delete(StateKind, candidates[absorbed].Id);
            }
            var id = formed.Stored < 0 ? IdPrefix + run.NextNumber(CorpusLayers.Events) : candidates[formed.Stored].Id;
            if (formed.Stored < 0)
                run.Save(CorpusLayers.Events, ToGroup(id, formed.State, members));
            else
                run.SaveWithin(CorpusLayers.Events, ToGroup(id, formed.State, members), members.Select(m => m.Document).ToHashSet());
            SaveState(run, id, formed.State);
        }
        IndexKeys(run, added, reports, topicOf);
        return true;
    }

    /// <summary>Folds each event again from its reports in documents still stored, or deletes it when
    /// none is left. The documents are read once, however many of the events they hold reports of.</summary>
    private static void Refold(ICorpusRun run, IReadOnlyList<CorpusGroup> events, HashSet<long> removed)
    {
        var eventOf = new Dictionary<(long, int), int>();
        for (var e = 0; e < events.Count; e++)
            foreach (var member in events[e].Members)
                if (!removed.Contains(member.Document)) eventOf.TryAdd(MemberKey(member), e);
        var topicOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var reports = events.Select(_ => new List<EventReport>()).ToArray();
        foreach (var report in Read(run, eventOf.Keys.Select(k => k.Item1).ToHashSet(), topicOf))
            if (eventOf.TryGetValue(ReportKey(report), out var e)) reports[e].Add(report);
        for (var e = 0; e < events.Count; e++)
        {
            if (reports[e].Count == 0)
            {
                run.Delete(CorpusLayers.Events, events[e].Id);
                run.Delete(StateKind, events[e].Id);
                continue;
            }
            var state = new EventState();
            foreach (var report in reports[e]) state.Add(report, topicOf.GetValueOrDefault(report.DocumentId));
            run.Save(CorpusLayers.Events, ToGroup(events[e].Id, state, reports[e].Select(Member)));
            SaveState(run, events[e].Id, state);
        }
    }

    /// <summary>Files each document under the keys across documents of its reports' events (those the
    /// merger files them under, not the document's own key, which only joins reports of one document).</summary>
    private static void IndexKeys(ICorpusRun run, IEnumerable<long> documents, IEnumerable<EventReport> reports,
        IReadOnlyDictionary<string, string> topicOf)
    {
        var keys = reports.GroupBy(r => ExportedDocument.StoreIdOf(r.DocumentId))
            .ToDictionary(g => g.Key, g => g.SelectMany(r => EventMerger.FiledKeys(r, topicOf.GetValueOrDefault(r.DocumentId))).Where(EventMerger.CrossDocument).Distinct(StringComparer.Ordinal).ToArray());
        foreach (var document in documents) run.Index(KeyIndex, document, keys.GetValueOrDefault(document) ?? []);
    }

    private static (long Document, int Start) MemberKey(CorpusMember member) => (member.Document, member.Start);

    private static (long Document, int Start) ReportKey(EventReport report) => (ExportedDocument.StoreIdOf(report.DocumentId), report.Mention.Triggers[0].Start);

    private static CorpusMember Member(EventReport report) =>
        new(ExportedDocument.StoreIdOf(report.DocumentId), report.Mention.Triggers[0].Start, report.Mention.Triggers[0].Length);

    /// <summary>The event a state describes, as stored under the given id, with the given members (in dossier order).</summary>
    private static CorpusGroup ToGroup(string id, EventState state, IEnumerable<CorpusMember> members) =>
        new(id, null, state.Summary, DataOf(state), members.ToArray());

    /// <summary>An event's stored data: the keys it is filed under and its description.</summary>
    private static string DataOf(EventState state)
    {
        var ev = state.Describe();
        return JsonSerializer.Serialize(new Data(state.Keys, ev.Class, ev.Status.ToString().ToLowerInvariant(), ev.Date, ev.DateInferred, ev.Participants.ToArray(), ev.Place, ev.Outlets));
    }

    /// <summary>Stores an event's state apart from it, under its id.</summary>
    private static void SaveState(ICorpusRun run, string id, EventState state) =>
        run.Save(StateKind, new CorpusGroup(id, null, "", JsonSerializer.Serialize(state), []));

    /// <summary>The reports of these documents (read in one input, in dossier order), with the entities they name,
    /// and their documents' topics into <paramref name="topicOf"/>.</summary>
    private static List<EventReport> Read(ICorpusRun run, IReadOnlyCollection<long> documents, Dictionary<string, string> topicOf)
    {
        var read = StoredDocuments.Of(run.Load(documents));
        var found = EventMerger.Reports(read, EntityResolutionStage.Read(run.GroupsWithin(CorpusLayers.Entities, documents), StoredDocuments.Index(read)));
        foreach (var (document, topic) in EventMerger.TopicOfDocument(StoryStage.Read(run.GroupsWithin(CorpusLayers.Stories, documents), StoredDocuments.Index(read))))
            topicOf.TryAdd(document, topic);
        return found;
    }

    /// <summary>Stored events over the given documents, in date order (undated last); one with a report in a document no longer stored is left out.
    /// Salience is counted here, over the events read, since a run around added documents sees only part of a day's events.</summary>
    /// <param name="held">The reports of the documents that earlier batches of the same reading were handed; none, each is made here.</param>
    public static IReadOnlyList<DossierEvent> Read(IReadOnlyList<CorpusGroup> groups, IReadOnlyDictionary<long, ExportedDocument> documents, HeldReports? held = null) =>
        EventSalience.Rank(Unranked(groups, documents, held ?? new HeldReports())).OrderBy(Rank).ToArray();

    /// <summary>Stored events over the given documents as <see cref="Read"/> reads them, in the groups' order and without their
    /// salience: for a reader that counts it over more events than these. <paramref name="held"/> keeps the reports of the
    /// documents that earlier batches of the same reading were handed.</summary>
    public static IReadOnlyList<DossierEvent> Unranked(IReadOnlyList<CorpusGroup> groups, IReadOnlyDictionary<long, ExportedDocument> documents, HeldReports held)
    {
        var events = new List<DossierEvent>(groups.Count);
        foreach (var group in groups)
        {
            var reports = new EventReport[group.Members.Count];
            var all = true;
            for (var i = 0; i < reports.Length && all; i++)
                all = documents.TryGetValue(group.Members[i].Document, out var document) && held.Of(document).TryGetValue(group.Members[i].Start, out reports[i]!);
            if (!all) continue;
            var data = DescriptionOf(group.Data);
            events.Add(new DossierEvent(group.Id, data.Class, Enum.Parse<EventStatus>(data.Status, ignoreCase: true), data.Date, data.DateInferred,
                group.Label, data.Participants, data.Place, reports, data.Outlets));
        }
        return events;
    }

    /// <summary>Each document's reports by their main trigger's start, as a reader of the dossier reads them: where each is,
    /// without the participants, lemmas and speaker the merger compared them by (the event keeps its own), which made
    /// every mention of the dossier a report, its speaker sought, to be read. Made once for each document a reading holds,
    /// however many of its batches of events the document is handed to, and let go with the document: made again for
    /// each batch, they were a third of what the export of 10,000 articles allocated.</summary>
    public sealed class HeldReports
    {
        private readonly ConditionalWeakTable<ExportedDocument, Dictionary<int, EventReport>> _made = new();

        public IReadOnlyDictionary<int, EventReport> Of(ExportedDocument document) => _made.GetValue(document, Made);

        private static Dictionary<int, EventReport> Made(ExportedDocument document)
        {
            var reports = new Dictionary<int, EventReport>();
            foreach (var mention in document.Document.Events)
                if (mention.Status != EventStatus.Negated)
                    reports.TryAdd(mention.Triggers[0].Start, new EventReport(0, document.Id, document.Document, mention, [], null, []));
            return reports;
        }
    }

    /// <summary>An event's place in date order: the first day its date may mean (<see cref="EventDates.Extent"/>:
    /// a week among the days of its year; a year unknown after every known date, undated last), then its
    /// number. Made of the two rather than a place in the list, so that events added on other days move no
    /// other one's.</summary>
    public static long Rank(DossierEvent ev) => ((long)FirstDay(ev.Date) << 32) | StableIds.Number(ev.Id);

    private static int FirstDay(string? date) =>
        date is null ? UndatedDay
        : EventDates.Extent(date)?.First.DayNumber ?? UndatedDay - 1;

    private static readonly int UndatedDay = DateOnly.MaxValue.DayNumber + 2;
}
