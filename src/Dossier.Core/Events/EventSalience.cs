namespace Dossier.Core.Events;

/// <summary>How much the dossier's documents make of an event, so that the k main events can be
/// asked for. Merging splits one day's happening into several events (the spill, the leak, the
/// statement about it), so an event dated to a day counts every document that reports a happening
/// of that day, as news-tls's Datewise ranks dates by the sentences that mention them (Ghalandari &
/// Ifrim 2020): a document stating when something it tells happened counts
/// <see cref="StatedWeight"/>; one whose report takes the article's own date, or states that very
/// day, counts <see cref="PublicationWeight"/>, since that date is only when it was written. An event
/// with no day (a month, a range, none) counts its own documents so. An event of a day named only by
/// words that name events on days holding most of the other days' reporting ("off", "spread", a page
/// footer's "connected" glued to every article) says little of its day: its salience is lessened
/// (<see cref="DayVotes.SalienceOf(string, IEnumerable{string})"/>), so that its day's more particular event is the day's first.</summary>
public static class EventSalience
{
    public const double StatedWeight = 1.0;
    /// <summary>Half a stated date: publication days are the naive timeline's only signal (0.452 date F1 on
    /// Timeline17 against 0.494 with them at half weight beside stated dates, 0.483 at full weight).</summary>
    public const double PublicationWeight = 0.5;

    public static IReadOnlyList<DossierEvent> Rank(IReadOnlyList<DossierEvent> events)
    {
        var words = events.Select(Words).ToArray();
        var days = new DayVotes();
        for (var i = 0; i < events.Count; i++) days.Add(events[i], words[i]);
        return events.Select((ev, i) => ev with { Salience = Of(ev, days, words[i]) }).ToArray();
    }

    /// <summary>An event's salience: its day's, from the votes of every event of the day, lessened when only words of most
    /// other days name it (<paramref name="words"/>, its <see cref="Words"/>); or its own documents' when it has no day.</summary>
    public static double Of(DossierEvent ev, DayVotes days, IEnumerable<string> words) =>
        Day(ev.Date) is { } day ? days.SalienceOf(day, words) : Votes(ev).Sum(v => v.Weight);

    /// <summary>The words naming an event of a day: the crude lemmas of its reports' triggers (<see cref="EventMerger.Lemmas"/>),
    /// made from the mentions, since a report read from a stored dossier does not keep them; none for an event with no day,
    /// whose salience they do not weigh.</summary>
    public static string[] Words(DossierEvent ev) => Day(ev.Date) is null ? []
        : ev.Reports.SelectMany(r => EventMerger.Lemmas(r.Source, r.Mention)).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The documents that vote for each day, each with the weight of its strongest vote there, whichever
    /// event of the day it came through: a day's salience is their sum. And the days each word names events on.</summary>
    public sealed class DayVotes
    {
        /// <summary>Above this share of the reporting of the other days (their salience), the days a word names
        /// events on are most of them: the word tells its day from no other.</summary>
        public const double MostReporting = 0.5;
        /// <summary>Below this many days from its first article to its last, a dossier tells its story over too few days for a
        /// word naming events on most of them to be furniture: it names the story's own happening ("manifester" in five days of
        /// "gilets jaunes" articles), whose salience is kept whole.</summary>
        public const int CoveredDays = 10;

        private readonly Dictionary<string, Dictionary<string, double>> _byDay = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<string>> _daysOfWord = new(StringComparer.Ordinal);
        /// <summary>Each day's salience, once asked, until a vote or word is added.</summary>
        private Dictionary<string, double>? _saliences;
        /// <summary>The summed salience of the days each word names events on, once asked, as <see cref="_saliences"/>.</summary>
        private Dictionary<string, double>? _covered;
        private double _total;
        /// <summary>The first and last publication days of the articles of its events (their <see cref="DateOnly.DayNumber"/>; none yet when the first exceeds the last).</summary>
        private int _firstArticleDay = int.MaxValue, _lastArticleDay = int.MinValue;

        /// <summary>Whether its articles span fewer than <see cref="CoveredDays"/>; not when none states its day.</summary>
        private bool CoversFewDays => _lastArticleDay >= _firstArticleDay && _lastArticleDay - _firstArticleDay + 1 < CoveredDays;

        public void Add(string day, string document, double weight)
        {
            if (!_byDay.TryGetValue(day, out var documents)) _byDay[day] = documents = new Dictionary<string, double>(StringComparer.Ordinal);
            documents[document] = Math.Max(documents.GetValueOrDefault(document), weight);
            _saliences = null;
        }

        /// <summary>An event's votes, for its day when it is dated to one: all a day's salience needs.</summary>
        public void Add(DossierEvent ev)
        {
            if (Day(ev.Date) is not { } day) return;
            foreach (var (document, weight) in Votes(ev)) Add(day, document, weight);
        }

        /// <summary>An event's votes and the words naming it (its <see cref="Words"/>), for its day when it is dated to one:
        /// what <see cref="SalienceOf(string, IEnumerable{string})"/> weighs an event of the day by.</summary>
        public void Add(DossierEvent ev, IEnumerable<string> words)
        {
            if (Day(ev.Date) is not { } day) return;
            Add(ev);
            foreach (var report in ev.Reports)
                if (report.ArticleDay is { } published)
                    (_firstArticleDay, _lastArticleDay) = (Math.Min(_firstArticleDay, published.DayNumber), Math.Max(_lastArticleDay, published.DayNumber));
            foreach (var word in words)
            {
                if (!_daysOfWord.TryGetValue(word, out var days)) _daysOfWord[word] = days = new HashSet<string>(StringComparer.Ordinal);
                days.Add(day);
            }
            _saliences = null;
        }

        public double SalienceOf(string day) => _byDay[day].Values.Sum();

        /// <summary>The salience of an event of the day named by <paramref name="words"/>: the day's, all of it when one of
        /// them names events on days holding no more than <see cref="MostReporting"/> of the other days' reporting; else
        /// the day's times the share of that reporting outside the days of the most particular of them, in a dossier covering
        /// <see cref="CoveredDays"/> or more. The day itself is left out, so that a word of the dossier's busiest day alone is
        /// not taken for one of every day.</summary>
        public double SalienceOf(string day, IEnumerable<string> words)
        {
            if (_saliences is null)
            {
                _saliences = _byDay.ToDictionary(d => d.Key, d => d.Value.Values.Sum(), StringComparer.Ordinal);
                _total = _saliences.Values.Sum();
                _covered = _daysOfWord.ToDictionary(w => w.Key, w => w.Value.Sum(d => _saliences[d]), StringComparer.Ordinal);
            }
            var salience = _saliences[day];
            var others = _total - salience;
            if (others <= 0 || CoversFewDays) return salience;
            var least = words.Select(w => _daysOfWord.TryGetValue(w, out var days)
                    ? (_covered![w] - (days.Contains(day) ? salience : 0)) / others : 0)
                .DefaultIfEmpty(0).Min();
            return least > MostReporting ? salience * (1 - least) : salience;
        }

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
