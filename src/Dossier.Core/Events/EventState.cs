using System.Text.Json.Serialization;
using Dossier.Core.Model;
using Dossier.Core.Recognize.Events;

namespace Dossier.Core.Events;

/// <summary>One event as its reports, taken in dossier order, have made it so far: what merging
/// compares a new report with (<see cref="EventMerger"/>) and what describing the event needs. It is
/// folded report by report and stored with the event, so that a report joining a stored event,
/// however many reports it holds, updates it without any of them being read again; and a dossier
/// built a few articles at a time folds the same reports in the same order as one built at once.</summary>
public sealed class EventState
{
    /// <summary>Classes of its reports, with how many reports have each, in the order first seen.</summary>
    public OrderedDictionary<string, int> Classes { get; init; } = new(StringComparer.Ordinal);
    public HashSet<EventStatus> Statuses { get; init; } = [];
    /// <summary>Entity ids of its reports' participants, with how many reports name each.</summary>
    public Dictionary<string, int> Participants { get; init; } = new(StringComparer.Ordinal);
    /// <summary>Entity ids of its reports' places, with how many reports name each, in the order first seen.</summary>
    public OrderedDictionary<string, int> Places { get; init; } = new(StringComparer.Ordinal);
    /// <summary>Of those, the ones that reports naming it in passing name only outside their phrase (<see cref="EventReport.ParticipantsOutsidePhrase"/>),
    /// with how many such reports: they count in merging, not in describing it. Empty for an event stored before they were kept.</summary>
    public Dictionary<string, int> ParticipantsOutsidePhrase { get; init; } = new(StringComparer.Ordinal);
    /// <summary>Likewise of its places.</summary>
    public Dictionary<string, int> PlacesOutsidePhrase { get; init; } = new(StringComparer.Ordinal);
    /// <summary>Crude lemmas of the words naming it (<see cref="EventReport.Lemmas"/>).</summary>
    public HashSet<string> Lemmas { get; init; } = new(StringComparer.Ordinal);
    /// <summary>The topics (stories without a parent) of its documents.</summary>
    public HashSet<string> Topics { get; init; } = new(StringComparer.Ordinal);
    /// <summary>The dates its sentences state, each once.</summary>
    public List<string> ExplicitDates { get; init; } = [];
    /// <summary>The dates of the articles it is dated by, each once.</summary>
    public List<string> InferredDates { get; init; } = [];
    /// <summary>The publication days of the articles its reports are in (none for an event stored before they were kept).</summary>
    public HashSet<DateOnly> ArticleDays { get; init; } = [];
    public string? EarliestEstimatedDate { get; set; }
    /// <summary>Whether some report tells it as planned, and whether some tells it as done.</summary>
    public HashSet<bool> Plans { get; init; } = [];
    public HashSet<string> Outlets { get; init; } = new(StringComparer.Ordinal);
    /// <summary>The speakers its statements state (<see cref="EventReport.Speaker"/>; none for an event stored before they were kept).</summary>
    public HashSet<string> Speakers { get; init; } = new(StringComparer.Ordinal);
    /// <summary>The keys across documents under which it is filed (<see cref="EventMerger.FiledKeys"/>).</summary>
    public HashSet<string> Keys { get; init; } = new(StringComparer.Ordinal);
    /// <summary>How many reports it holds.</summary>
    public int Reports { get; set; }
    /// <summary>The reports whose sentences tell it best so far, best first, each with its summary
    /// line. A few are kept rather than one, since how well a sentence tells the event changes as
    /// reports join: a sentence naming what later reports name too comes to tell it better.</summary>
    public List<SummaryCandidate> SummaryCandidates { get; init; } = [];

    /// <summary>The one-line summary, cut from the sentence that tells it best.</summary>
    [JsonIgnore]
    public string Summary => SummaryCandidates.Count == 0 ? "" : SummaryCandidates[0].Summary;

    private const int KeptSummaryCandidates = 4;

    [JsonIgnore]
    public string? EarliestInferredDate => InferredDates.Count == 0 ? null : InferredDates.Min(StringComparer.Ordinal);

    /// <summary>Every entity it names, participant or place.</summary>
    public bool Names(string entity) => Participants.ContainsKey(entity) || Places.ContainsKey(entity);

    /// <summary>Takes in a report of it: the report's facts, its words and topic, the keys it files the
    /// event under, and its summary line when its sentence now tells the event best.</summary>
    public void Add(EventReport report, string? topic)
    {
        var facts = ReportFacts.Of(report);
        Count(Classes, facts.Class);
        Statuses.Add(facts.Status);
        foreach (var participant in facts.Participants) Count(Participants, participant);
        if (facts.Place is { } place) Count(Places, place);
        foreach (var participant in report.ParticipantsOutsidePhrase) Count(ParticipantsOutsidePhrase, participant);
        if (report.PlaceOutsidePhrase) Count(PlacesOutsidePhrase, facts.Place!);
        Lemmas.UnionWith(report.Lemmas);
        if (topic is not null) Topics.Add(topic);
        AddOnce(ExplicitDates, facts.ExplicitDate);
        AddOnce(InferredDates, facts.InferredDate);
        if (report.ArticleDay is { } published) ArticleDays.Add(published);
        KeepEarliestEstimate(facts.EstimatedDate);
        Plans.Add(facts.Status == EventStatus.Planned);
        Outlets.Add(facts.Outlet);
        if (report.Speaker is { } speaker && report.Mention.Class == EventLexicon.StatementClass) Speakers.Add(speaker);
        foreach (var key in EventMerger.FiledKeys(report, topic))
            if (EventMerger.CrossDocument(key)) Keys.Add(key);
        // The best sentences so far, weighed again now that this report counts; its summary line is cut only when it is among them.
        var date = Date().Value;
        var candidate = new SummaryCandidate(Reports++, facts, "");
        var best = Best(SummaryCandidates.Append(candidate), date);
        SummaryCandidates.Clear();
        SummaryCandidates.AddRange(best.Select(c => c == candidate ? c with { Summary = EventSummary.Of(report) } : c));
    }

    /// <summary>Takes in another event found to be this one: its counts, words, dates and keys, and its
    /// best sentences, weighed again among this one's (its reports count after this one's).</summary>
    public void Absorb(EventState other)
    {
        foreach (var (cls, n) in other.Classes) Classes[cls] = Classes.GetValueOrDefault(cls) + n;
        Statuses.UnionWith(other.Statuses);
        foreach (var (participant, n) in other.Participants) Participants[participant] = Participants.GetValueOrDefault(participant) + n;
        foreach (var (place, n) in other.Places) Places[place] = Places.GetValueOrDefault(place) + n;
        foreach (var (participant, n) in other.ParticipantsOutsidePhrase) ParticipantsOutsidePhrase[participant] = ParticipantsOutsidePhrase.GetValueOrDefault(participant) + n;
        foreach (var (place, n) in other.PlacesOutsidePhrase) PlacesOutsidePhrase[place] = PlacesOutsidePhrase.GetValueOrDefault(place) + n;
        Lemmas.UnionWith(other.Lemmas);
        Topics.UnionWith(other.Topics);
        foreach (var date in other.ExplicitDates) AddOnce(ExplicitDates, date);
        foreach (var date in other.InferredDates) AddOnce(InferredDates, date);
        ArticleDays.UnionWith(other.ArticleDays);
        KeepEarliestEstimate(other.EarliestEstimatedDate);
        Plans.UnionWith(other.Plans);
        Outlets.UnionWith(other.Outlets);
        Speakers.UnionWith(other.Speakers);
        Keys.UnionWith(other.Keys);
        var merged = Date().Value;
        var offset = Reports;
        var best = Best(SummaryCandidates.Concat(other.SummaryCandidates.Select(c => c with { Ordinal = c.Ordinal + offset })), merged);
        SummaryCandidates.Clear();
        SummaryCandidates.AddRange(best);
        Reports += other.Reports;
    }

    /// <summary>The event as its reports describe it: the participants and places they name, each counted in the reports that
    /// name it within the phrase telling the event.</summary>
    public EventDescription Describe()
    {
        var (date, inferred) = Date();
        var status = Statuses.Contains(EventStatus.Happened) ? EventStatus.Happened
            : Statuses.Contains(EventStatus.Reported) ? EventStatus.Reported : EventStatus.Planned;
        var place = Described(Places, PlacesOutsidePhrase).OrderByDescending(p => p.Value).Select(p => p.Key).FirstOrDefault();
        var participants = Described(Participants, ParticipantsOutsidePhrase).Where(p => p.Key != place).OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).ToArray();
        return new EventDescription(MainClass, status, date, inferred, participants, place, Outlets.Count);
    }

    /// <summary>The class most of its reports name, statements aside unless it holds nothing else.</summary>
    [JsonIgnore]
    public string MainClass => Classes.Where(c => c.Key != EventLexicon.StatementClass).OrderByDescending(c => c.Value).Select(c => c.Key).FirstOrDefault()
        ?? EventLexicon.StatementClass;

    /// <summary>The sentences that tell it best among <paramref name="candidates"/>, best first, for an event of that date.</summary>
    private List<SummaryCandidate> Best(IEnumerable<SummaryCandidate> candidates, string? date) =>
        candidates.OrderByDescending(c => Rank(c.Facts, date)).ThenBy(c => c.Ordinal).Take(KeptSummaryCandidates).ToList();

    private void KeepEarliestEstimate(string? estimate)
    {
        if (estimate is not null && (EarliestEstimatedDate is null || string.CompareOrdinal(estimate, EarliestEstimatedDate) < 0))
            EarliestEstimatedDate = estimate;
    }

    /// <summary>The most precise date the reports state; an interval when they disagree within
    /// reason; else the earliest article date (inferred); else the earliest estimate of an undated
    /// article's date; else none. A statement no sentence dates is attribution ("a-t-il dit"): the
    /// article's date is not its own.</summary>
    private (string? Value, bool Inferred) Date()
    {
        if (ExplicitDates.Count > 0)
        {
            var precision = ExplicitDates.Max(EventDates.Precision);
            var mostPrecise = ExplicitDates.Where(d => EventDates.Precision(d) == precision).Select(EventDates.DateOnlyPart).Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal).ToList();
            return (mostPrecise.Count == 1 ? mostPrecise[0] : $"{mostPrecise[0]}/{mostPrecise[^1]}", false);
        }
        if (Classes.Keys.All(c => c == EventLexicon.StatementClass)) return (null, false);
        var inferred = EarliestInferredDate ?? EarliestEstimatedDate;
        return (inferred, inferred is not null);
    }

    /// <summary>How well a report's sentence tells the event: dated as the event is, naming the
    /// happening rather than a statement, the most representative (naming the most entities that
    /// other reports name too), earliest in its article (the lead tells the news), shortest.</summary>
    private (bool, bool, int, int, int) Rank(ReportFacts report, string? date) =>
        (report.ExplicitDate is { } d && date is not null && date.StartsWith(EventDates.DateOnlyPart(d), StringComparison.Ordinal),
         report.Class != EventLexicon.StatementClass,
         report.Entities.Distinct(StringComparer.Ordinal).Count(e => Participants.GetValueOrDefault(e) + Places.GetValueOrDefault(e) > 1),
         -report.Sentence,
         -report.SentenceLength);

    /// <param name="Ordinal">The report's place among the event's reports: the earlier tells it as well as a later one.</param>
    public sealed record SummaryCandidate(int Ordinal, ReportFacts Facts, string Summary);

    private static IEnumerable<KeyValuePair<string, int>> Described(IEnumerable<KeyValuePair<string, int>> counts, Dictionary<string, int> outsidePhrase) =>
        counts.Select(c => KeyValuePair.Create(c.Key, c.Value - outsidePhrase.GetValueOrDefault(c.Key))).Where(c => c.Value > 0);

    private static void Count(IDictionary<string, int> counts, string key) => counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;

    private static void AddOnce(List<string> values, string? value)
    {
        if (value is not null && !values.Contains(value)) values.Add(value);
    }
}
