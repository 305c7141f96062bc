namespace Dossier.Core.Events;

/// <summary>How much the dossier's documents make of an event, so that the k main events can be
/// asked for. Merging splits one day's happening into several events (the spill, the leak, the
/// statement about it), so an event dated to a day counts every document that reports a happening
/// of that day, as news-tls's Datewise ranks dates by the sentences that mention them (Ghalandari &
/// Ifrim 2020): a document stating when something it tells happened counts
/// <see cref="StatedWeight"/>; one whose report takes the article's own date, or states that very
/// day, counts <see cref="PublicationWeight"/>, since that date is only when it was written. An event
/// with no day (a month, a range, none) counts its own documents so.</summary>
public static class EventSalience
{
    public const double StatedWeight = 1.0;
    /// <summary>Half a stated date: publication days are the naive timeline's only signal (0.452 date F1 on
    /// Timeline17 against 0.494 with them at half weight beside stated dates, 0.483 at full weight).</summary>
    public const double PublicationWeight = 0.5;

    public static IReadOnlyList<DossierEvent> Rank(IReadOnlyList<DossierEvent> events)
    {
        var days = new DayVotes();
        foreach (var ev in events) days.Add(ev);
        return events.Select(ev => ev with { Salience = Of(ev, days) }).ToArray();
    }

    /// <summary>An event's salience: its day's, from the votes of every event of the day, or its own documents' when it has no day.</summary>
    public static double Of(DossierEvent ev, DayVotes days) => Day(ev.Date) is { } day ? days.SalienceOf(day) : Votes(ev).Sum(v => v.Weight);

    /// <summary>The documents that vote for each day, each with the weight of its strongest vote there, whichever
    /// event of the day it came through: a day's salience is their sum.</summary>
    public sealed class DayVotes
    {
        private readonly Dictionary<string, Dictionary<string, double>> _byDay = new(StringComparer.Ordinal);

        public void Add(string day, string document, double weight)
        {
            if (!_byDay.TryGetValue(day, out var documents)) _byDay[day] = documents = new Dictionary<string, double>(StringComparer.Ordinal);
            documents[document] = Math.Max(documents.GetValueOrDefault(document), weight);
        }

        /// <summary>An event's votes, for its day when it is dated to one.</summary>
        public void Add(DossierEvent ev)
        {
            if (Day(ev.Date) is not { } day) return;
            foreach (var (document, weight) in Votes(ev)) Add(day, document, weight);
        }

        public double SalienceOf(string day) => _byDay[day].Values.Sum();

        /// <summary>Every day voted for, in the order of its first vote, with its salience.</summary>
        public IEnumerable<(string Day, double Salience)> Saliences => _byDay.Select(d => (d.Key, d.Value.Values.Sum()));
    }

    /// <summary>Each document reporting the event, with the weight of its strongest report.</summary>
    public static IEnumerable<(string Document, double Weight)> Votes(DossierEvent ev) =>
        ev.Reports.GroupBy(r => r.DocumentId, StringComparer.Ordinal).Select(g => (g.Key, g.Max(Weight)));

    private static double Weight(EventReport report) =>
        report.ExplicitDate is { } stated
        && (Day(stated) ?? stated) != Recognize.Events.EventRecognizer.ArticleDay(report.Source.Metadata.Published?.Value) ? StatedWeight : PublicationWeight;

    /// <summary>The day a value names ("2010-04-20", "2010-04-20T10:00"), or null for a month, an interval, an unknown year:
    /// every event dated to that day has the day's salience.</summary>
    public static string? Day(string? value) =>
        value is not null && value.Length >= 10 && !value.Contains('/') && EventDates.Day(value) is not null ? value[..10] : null;
}
