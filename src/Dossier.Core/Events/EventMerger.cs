using Dossier.Core.Export;
using Dossier.Core.Model;
using Dossier.Core.Recognize.Events;
using Dossier.Core.Resolve;
using Dossier.Core.Stories;
using Dossier.Languages;

namespace Dossier.Core.Events;

/// <summary>Decides which reports of happenings, across sentences and articles, tell of the same
/// real-world event, and gives each event its date, summary, participants, place and evidence.
/// Reports are taken in dossier order; each joins the best compatible event found through blocking
/// keys — its own document, (class, entity, month) across documents, (class, entity) and the
/// triggers' lemmas for a report no month dates — and only the latest events of a block, never by
/// comparing all pairs. Compatible means: classes that may name one happening (an occurrence: the same word), dates that agree
/// (two explicit dates of one document must agree exactly; across documents they may differ by a
/// day; an article's date must fall shortly after an explicit date; no date agrees with any), and,
/// across documents, a shared participant or place plus either a second one, the same trigger word
/// or the same day; or, with no month on the report, the same trigger word in two articles of one
/// topic (the story stage's story without a parent); or, in any topics, the same trigger word named by the
/// same word beside it on the same stated day ("les élections européennes du 26 mai"). Within an article, a report naming no entity and no
/// word of an event joins it from the next sentence only, or, a few sentences on, when it is of a class the
/// event holds (not a statement). A statement is its speaker's (<see cref="StatementSpeaker"/>): within an
/// article it joins no statement of another stated speaker, across articles only one of the same speaker
/// entity. A report that names, by a shared entity or
/// (within its article) the same word, more than one event it fits merges them into the oldest, when
/// they may be one happening (<see cref="Merges"/>): which of them a report joins no longer decides
/// what later reports find, whichever article came first.</summary>
public static class EventMerger
{
    /// <summary>Across articles, dates up to a day apart are one happening reported differently.</summary>
    private const int CrossDocumentToleranceDays = 1;
    /// <summary>An article tells of a happening at most this many days after it, for its date to stand in.</summary>
    private const int ReportingDelayDays = 10;
    /// <summary>Two articles' own dates this close may report one happening.</summary>
    private const int InferredToleranceDays = 2;
    /// <summary>Within an article, a happening its sentences date this many days or fewer before the article is its news
    /// (a Monday's article tells of the weekend).</summary>
    private const int NewsDays = 7;
    /// <summary>Within an article, an undated report with no shared entity joins an event this many sentences back at most.</summary>
    private const int NearbySentences = 6;
    /// <summary>Within an article, a report naming no entity and no word of an event joins it this many sentences
    /// back at most, unless the event holds reports of its own class (a statement's aside): a briefing's run of reports
    /// of compatible classes, or of statements, is several happenings told one after another.</summary>
    private const int AdjacentSentences = 1;
    private const int LemmaLength = 5;
    /// <summary>The most recent events of a block that a report is compared with: a block as large
    /// as a common word's stays linear.</summary>
    private const int BlockCandidates = 64;

    /// <summary>An event being formed: its state, and what only this run needs of it (the reports it
    /// takes in now, where they stand in their articles).</summary>
    private sealed class Group(int index, EventState state)
    {
        public int Index { get; } = index;
        public EventState State { get; } = state;
        public List<EventReport> Reports { get; } = [];
        public Dictionary<int, int> LastSentence { get; } = [];
        public bool HasAnnouncedPlan { get; set; }
        /// <summary>The event this one was found to be, once a report fitting both merged them.</summary>
        public Group? Into { get; set; }
        /// <summary>Stored events (indexes among those given) it took in.</summary>
        public List<int> AbsorbedStored { get; } = [];

        public Group Current => Into is null ? this : Into.Current;
    }

    /// <summary>The reports an event takes in from one run; <paramref name="Stored"/> is the index of the
    /// stored event (among those given) that they join, or -1 for a new event;
    /// <paramref name="Absorbed"/> are the indexes of stored events it took in, whose members become its own.</summary>
    public sealed record Formed(int Stored, EventState State, IReadOnlyList<EventReport> Reports, IReadOnlyList<int> Absorbed);

    public static IReadOnlyList<DossierEvent> Merge(IReadOnlyList<ExportedDocument> documents, IReadOnlyList<EntityGroup> entities,
        IReadOnlyList<Story> stories) =>
        Merge(Reports(documents, entities), TopicOfDocument(stories));

    public static IReadOnlyList<DossierEvent> Merge(IReadOnlyList<EventReport> reports, IReadOnlyDictionary<string, string> topicOf) =>
        EventSalience.Rank(Build(Cluster(reports, topicOf, [])));

    /// <summary>Each document's topic: the story without a parent that holds it.</summary>
    public static Dictionary<string, string> TopicOfDocument(IEnumerable<Story> stories)
    {
        var topics = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var story in stories)
            if (story.Parent is null)
                foreach (var document in story.DocumentIds) topics.TryAdd(document, story.Id);
        return topics;
    }

    /// <summary>Every report that is not denied, with its entities resolved (and its sentence's role phrases
    /// resolved to their holders), in dossier order.</summary>
    public static List<EventReport> Reports(IReadOnlyList<ExportedDocument> documents, IReadOnlyList<EntityGroup> entities)
    {
        var entityAt = new Dictionary<(string, int), string>();
        foreach (var entity in entities)
            foreach (var (documentId, _, mention) in entity.Mentions)
                entityAt.TryAdd((documentId, mention.Span.Start), entity.Id);
        var persons = entities.Where(e => e.Type == PersonType).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var reports = new List<EventReport>();
        for (var d = 0; d < documents.Count; d++)
        {
            var (id, document) = documents[d];
            var lexicon = EventLexicon.For(document.Language);
            var roles = lexicon is null || document.Events.Length == 0 ? [] : EntityResolver.RolePhrases(document).Select(r => r.Span).ToArray();
            foreach (var mention in document.Events)
            {
                if (mention.Status == EventStatus.Negated) continue;
                // A role phrase of the sentence that resolution gave its holder ("le Premier ministre") names a participant too.
                var sentence = document.Sentences[mention.Sentence].Span;
                var sentenceRoles = roles.Where(r => sentence.Contains(r.Start)).ToArray();
                var spans = mention.Participants.Concat(sentenceRoles).ToArray();
                var participants = spans.Select(p => entityAt.GetValueOrDefault((id, p.Start))).OfType<string>().Distinct().ToArray();
                var place = mention.Place is { } span ? entityAt.GetValueOrDefault((id, span.Start)) : null;
                // A happening named in passing is described by the participants and place its phrase names; the others still count in merging.
                var passing = InPassing.PhraseOf(document, mention);
                var outside = passing is { } named
                    ? participants.Except(spans.Where(p => named.Contains(p.Start)).Select(p => entityAt.GetValueOrDefault((id, p.Start))).OfType<string>()
                        .Concat(PossessorOf(document, mention, named, spans, s => entityAt.GetValueOrDefault((id, s.Start)), persons)), StringComparer.Ordinal).ToArray()
                    : [];
                var speaker = lexicon is null ? null : StatementSpeaker.Of(document, lexicon, mention, sentenceRoles);
                var speakerId = speaker?.Entity is { } entity ? entityAt.GetValueOrDefault((id, entity.Start)) : speaker?.Phrase is { } phrase ? PhraseSpeaker(id, phrase) : null;
                reports.Add(new EventReport(d, id, document, mention, participants, place, Lemmas(document, mention), speakerId)
                {
                    ParticipantsOutsidePhrase = outside,
                    PlaceOutsidePhrase = place is not null && passing is { } within && !within.Contains(mention.Place!.Value.Start),
                });
            }
        }
        return reports;
    }

    private const string PersonType = "PER";

    /// <summary>The person a possessive opening the phrase stands for ("la défense d'Abdeslam après son arrestation à Bruxelles le
    /// 18 mars 2016"): the one person the sentence names before the phrase; none when it names several, since which one is unsure.</summary>
    private static string[] PossessorOf(AnalysedDocument document, EventMention mention, TextSpan phrase, IEnumerable<TextSpan> spans,
        Func<TextSpan, string?> entityOf, HashSet<string> persons)
    {
        if (!InPassing.OpensWithPossessive(document, mention, phrase)) return [];
        var before = spans.Where(s => s.End <= phrase.Start).Select(entityOf).OfType<string>().Where(persons.Contains).Distinct(StringComparer.Ordinal).ToArray();
        return before.Length == 1 ? before : [];
    }

    /// <summary>A speaker named by words, not an entity ("la radio"): one within its article only.</summary>
    public static string PhraseSpeaker(string documentId, string phrase) => $"{documentId}|{phrase}";

    /// <summary>Whether a speaker is an entity, who may be the same speaker in another article.</summary>
    private static bool IsEntity(string speaker) => !speaker.Contains('|', StringComparison.Ordinal);

    /// <summary>Crude lemmas (first letters, lower case) of the triggers naming the happening, the main
    /// one first: "opened fire …, killing" is a killing too. The statements reporting it, which follow
    /// them, name no happening; a report that is only statements has its main trigger's.</summary>
    public static string[] Lemmas(AnalysedDocument document, EventMention mention)
    {
        var lexicon = EventLexicon.For(document.Language);
        var lemmas = new List<string>(mention.Triggers.Count);
        foreach (var trigger in mention.Triggers)
        {
            var text = document.Text.AsSpan(trigger.Start, trigger.Length);
            if (lemmas.Count > 0 && lexicon?.ClassOf(text) == EventLexicon.StatementClass) break;
            var word = EventLexicon.Normalize(text);
            var lemma = word.Length <= LemmaLength ? word : word[..LemmaLength];
            if (!lemmas.Contains(lemma)) lemmas.Add(lemma);
        }
        return lemmas.ToArray();
    }

    /// <summary>Of stored events, oldest first, given by the keys each is filed under (each once; those looked under
    /// suffice), those that <see cref="Cluster"/> can compare a report with when the reports look under <paramref name="looked"/>
    /// keys: the latest <see cref="BlockCandidates"/> of each key. An older one is never within the block's
    /// latest, whichever events the run files after it, so leaving it out changes nothing.</summary>
    public static IEnumerable<int> Comparable(IReadOnlyList<IReadOnlyCollection<string>> storedKeys, IReadOnlySet<string> looked)
    {
        var left = looked.ToDictionary(k => k, _ => BlockCandidates, StringComparer.Ordinal);
        for (var s = storedKeys.Count - 1; s >= 0; s--)
        {
            var comparable = false;
            foreach (var key in storedKeys[s])
                if (left.TryGetValue(key, out var n) && n > 0)
                {
                    left[key] = n - 1;
                    comparable = true;
                }
            if (comparable) yield return s;
        }
    }

    /// <summary>Groups reports, which come after every report of the <paramref name="stored"/> events in
    /// dossier order, into those events and new ones; returns each event that took in a report, stored
    /// events (each found under the keys it is filed under, in the order given) before new ones.</summary>
    public static List<Formed> Cluster(IReadOnlyList<EventReport> reports, IReadOnlyDictionary<string, string> topicOf, IReadOnlyList<EventState> stored)
    {
        var clusters = new List<Group>();
        var index = new Dictionary<string, List<Group>>(StringComparer.Ordinal);
        void File(Group cluster, IEnumerable<string> keys)
        {
            foreach (var key in keys)
            {
                if (!index.TryGetValue(key, out var list)) index[key] = list = [];
                if (list.Count == 0 || list[^1] != cluster) list.Add(cluster);
            }
        }
        foreach (var state in stored)
        {
            var cluster = new Group(clusters.Count, state);
            clusters.Add(cluster);
            File(cluster, state.Keys);
        }
        foreach (var report in reports)
        {
            var fitting = new List<(Group Cluster, Fit Fit)>();
            var seen = new HashSet<int>();
            var topic = topicOf.GetValueOrDefault(report.DocumentId);
            foreach (var key in LookupKeys(report, topic))
            {
                if (!index.TryGetValue(key, out var candidates)) continue;
                for (var c = Math.Max(0, candidates.Count - BlockCandidates); c < candidates.Count; c++)
                {
                    var cluster = candidates[c].Current;
                    if (!seen.Add(cluster.Index)) continue;
                    if (Score(report, topic, cluster) is { } fit) fitting.Add((cluster, fit));
                }
            }
            Group best;
            if (fitting.Count == 0)
            {
                best = new Group(clusters.Count, new EventState());
                clusters.Add(best);
            }
            else
            {
                best = fitting.MaxBy(f => f.Fit.Score).Cluster;
                // Every other event the report tells of on its own terms is the same happening: they merge into the oldest,
                // each compared with those already merging, so that no report chains events that cannot be one.
                var same = new List<Group> { best };
                foreach (var (other, fit) in fitting.OrderByDescending(f => f.Fit.Score).ThenBy(f => f.Cluster.Index))
                    if (other != best && fit.Named && same.All(s => Merges(report, s, other))) same.Add(other);
                same.Sort((a, b) => a.Index.CompareTo(b.Index));
                best = same[0];
                foreach (var other in same.Skip(1)) File(best, Absorb(best, other, stored.Count));
            }
            File(best, Add(best, report, topic));
        }
        return clusters.Where(c => c.Reports.Count > 0 && c.Into is null)
            .Select(c => new Formed(c.Index < stored.Count ? c.Index : -1, c.State, c.Reports, c.AbsorbedStored)).ToList();
    }

    /// <summary>Whether two events that a report fits are one happening: the report names a happening
    /// (a statement fits whatever its speaker spoke of), and the events are both plans or both deeds
    /// or either is both, share a place when both have one, are of classes that may name one happening,
    /// and no date tells them apart.</summary>
    private static bool Merges(EventReport report, Group joined, Group other)
    {
        var (a, b) = (joined.State, other.State);
        if (report.Mention.Class == EventLexicon.StatementClass || !a.Plans.Overlaps(b.Plans)) return false;
        if (a.Places.Count > 0 && b.Places.Count > 0 && !a.Places.Keys.Any(b.Places.ContainsKey)) return false;
        return EventClasses.Compatible(a.MainClass, b.MainClass) && DatesFit(a, b);
    }

    /// <summary>Whether no date tells two events apart: neither has any, or both state the same days and no other.</summary>
    private static bool DatesFit(EventState a, EventState b) =>
        a.ExplicitDates.Count == 0 && a.InferredDates.Count == 0 && b.ExplicitDates.Count == 0 && b.InferredDates.Count == 0
        || a.ExplicitDates.Count > 0 && a.ExplicitDates.ToHashSet().SetEquals(b.ExplicitDates);

    /// <summary>Merges an event into an older one; returns the keys the older one is now filed under too.</summary>
    private static IEnumerable<string> Absorb(Group into, Group other, int storedCount)
    {
        other.Into = into;
        into.State.Absorb(other.State);
        into.Reports.AddRange(other.Reports);
        into.Reports.Sort((a, b) => a.Document != b.Document ? a.Document.CompareTo(b.Document) : a.Mention.Triggers[0].Start.CompareTo(b.Mention.Triggers[0].Start));
        foreach (var (document, sentence) in other.LastSentence)
            into.LastSentence[document] = Math.Max(sentence, into.LastSentence.GetValueOrDefault(document, -1));
        into.HasAnnouncedPlan |= other.HasAnnouncedPlan;
        if (other.Index < storedCount) into.AbsorbedStored.Add(other.Index);
        into.AbsorbedStored.AddRange(other.AbsorbedStored);
        return other.State.Keys.Concat(other.LastSentence.Keys.Select(d => $"d{d}"));
    }

    private static string? DateOf(EventReport report) => report.ExplicitDate ?? report.InferredDate;

    /// <summary>Where a report looks for events: its document, and (class, entity, month) for each
    /// class it may join, entity it names, and month its date may fall in; a report nothing dates
    /// looks under (class, entity) alone, where every event is also filed.</summary>
    internal static IEnumerable<string> LookupKeys(EventReport report, string? topic)
    {
        yield return $"d{report.Document}";
        var months = new HashSet<string>(StringComparer.Ordinal);
        if (DateOf(report) is { } date)
        {
            if (EventDates.Month(date) is { } month) months.Add(month);
            if (report.InferredDate is not null && EventDates.Day(date) is { } day)
                months.Add(day.AddDays(-ReportingDelayDays).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        }
        if (months.Count == 0)
        {
            months.Add(AnyMonth);
            foreach (var lemma in report.Lemmas) yield return $"{lemma}|{topic}|{AnyMonth}";
        }
        foreach (var key in StatedDayKeys(report, topic)) yield return key;
        foreach (var key in NamedDayKeys(report)) yield return key;
        foreach (var cls in EventClasses.CompatibleWith(report.Mention.Class))
            foreach (var entity in EntitiesOf(report))
                foreach (var m in months)
                    yield return $"{cls}|{entity}|{m}";
    }

    /// <summary>(lemma, topic, day) for a report stating the day it tells of: the same word on the same day in one story.</summary>
    private static IEnumerable<string> StatedDayKeys(EventReport report, string? topic) =>
        StatedDay(report) is { } day ? report.Lemmas.Select(lemma => $"{lemma}|{topic}|{day}") : [];

    /// <summary>(main lemma, name word, day) for a report stating the day of a happening it names by a word right beside
    /// its trigger ("les élections européennes du 26 mai", "the European elections on 26 May"): a named happening of that
    /// day, whichever story tells of it. A statement or an occurrence is named by no such word.</summary>
    private static IEnumerable<string> NamedDayKeys(EventReport report) =>
        StatedDay(report) is { } day && report.Mention.Class is not (EventLexicon.StatementClass or EventLexicon.OccurrenceClass)
            ? NameWords(report).Select(word => $"{report.Lemmas[0]}|~{word}|{day}") : [];

    /// <summary>The words right before and right after a report's main trigger that may name which happening it is: words
    /// of the language that are no stopword, no date and no entity (an entity named joins reports by itself).</summary>
    private static IEnumerable<string> NameWords(EventReport report)
    {
        var document = report.Source;
        var tokens = document.Tokens;
        var trigger = report.Mention.Triggers[0];
        var stopwords = LanguageProfile.Get(document.Language).Stopwords;
        var first = tokens.AsSpan().BinarySearch(new Token(trigger.Start, 0, TokenKind.Word), TokenStart);
        if (first < 0) yield break;
        var last = first;
        while (last + 1 < tokens.Length && tokens[last + 1].Start < trigger.End) last++;
        foreach (var at in (int[])[first - 1, last + 1])
        {
            if (at < 0 || at >= tokens.Length || tokens[at].Kind != TokenKind.Word || tokens[at].Length < MinNameWordLength) continue;
            var token = tokens[at];
            if (document.Timexes.Any(t => t.Span.Contains(token.Start)) || document.Entities.Any(e => e.Span.Contains(token.Start))) continue;
            var word = EventLexicon.Normalize(token.ValueIn(document.Text));
            if (!stopwords.Contains(word)) yield return word;
        }
    }

    private static readonly Comparer<Token> TokenStart = Comparer<Token>.Create((a, b) => a.Start.CompareTo(b.Start));
    /// <summary>A shorter word beside a trigger is a function word the stopwords miss.</summary>
    private const int MinNameWordLength = 4;

    /// <summary>The date a report's sentence states, when it names a day.</summary>
    private static string? StatedDay(EventReport report) =>
        report.ExplicitDate is { } date && EventDates.Precision(date) >= 8 ? date : null;

    /// <summary>The month part of the key under which every event is filed for reports nothing dates.</summary>
    private const string AnyMonth = "?";

    private static IEnumerable<string> EntitiesOf(EventReport report) =>
        report.Place is null ? report.Participants : report.Participants.Append(report.Place);

    private static IEnumerable<string> Add(Group cluster, EventReport report, string? topic)
    {
        cluster.Reports.Add(report);
        cluster.State.Add(report, topic);
        cluster.HasAnnouncedPlan |= IsAnnouncedPlan(report);
        cluster.LastSentence[report.Document] = report.Mention.Sentence;
        return FiledKeys(report, topic);
    }

    /// <summary>The keys under which an event is filed for a report it holds: the report's document,
    /// its triggers' lemmas within the document's topic (and on the day it states), and (class, entity) with and without the report's month.</summary>
    internal static IEnumerable<string> FiledKeys(EventReport report, string? topic)
    {
        yield return $"d{report.Document}";
        var month = DateOf(report) is { } date ? EventDates.Month(date) : null;
        foreach (var lemma in report.Lemmas) yield return $"{lemma}|{topic}|{AnyMonth}";
        foreach (var key in StatedDayKeys(report, topic)) yield return key;
        foreach (var key in NamedDayKeys(report)) yield return key;
        foreach (var entity in EntitiesOf(report))
        {
            yield return $"{report.Mention.Class}|{entity}|{AnyMonth}";
            if (month is not null) yield return $"{report.Mention.Class}|{entity}|{month}";
        }
    }

    /// <summary>Whether a key joins reports across documents (every key but a report's own document's).</summary>
    internal static bool CrossDocument(string key) => key.Contains('|', StringComparison.Ordinal);

    /// <param name="Named">Whether the report names the event itself, by a participant or place it shares or, within an
    /// article, by the same word; not so a report that fits by nearness in its article or, across articles, by the same
    /// word alone: such a report fits every event of its kind around it, so it may join one but merges none.</param>
    private readonly record struct Fit(double Score, bool Named);

    /// <summary>How well a report fits an event; null when it cannot be the same happening.</summary>
    private static Fit? Score(EventReport report, string? topic, Group cluster)
    {
        var sameDocument = cluster.LastSentence.TryGetValue(report.Document, out var lastSentence);
        if (!ClassesFit(report, cluster, sameDocument)) return null;
        var state = cluster.State;
        var shared = EntitiesOf(report).Count(state.Names);
        var sameLemma = report.Lemmas.Any(state.Lemmas.Contains);
        if (report.ExplicitDate is { } date && !state.ExplicitDates.All(d => sameDocument ? EventDates.Agree(date, d, 0, unknownMatchesAny: false) : EventDates.Agree(date, d, CrossDocumentToleranceDays)))
            return null;
        if (sameDocument)
        {
            var gap = Math.Abs(report.Mention.Sentence - lastSentence);
            if (!RecallFits(report, state)) return null;
            if (shared == 0 && report.ExplicitDate is null && gap > NearbySentences) return null;
            // A statement is one speaker's: within an article, two speakers stated are two statements.
            if (IsStatement(report) && report.Speaker is { } speaker && state.Speakers.Count > 0 && !state.Speakers.Contains(speaker)) return null;
            // Beyond the next sentence, nearness alone joins only a report of the event's own class, and no statement.
            if (shared == 0 && !sameLemma && gap > AdjacentSentences && (IsStatement(report) || !state.Classes.ContainsKey(report.Mention.Class))) return null;
            return new(100 + 3 * shared + (sameLemma ? 2 : 0) - gap / 100.0, shared > 0 || sameLemma);
        }
        var sameDay = StatedDay(report) is { } day && state.ExplicitDates.Contains(day);
        var named = sameDay && NamedDayKeys(report).Any(state.Keys.Contains) && PlacesFit(report, state);
        // Across articles, a plan and a deed are two entries ("reprendre Mossoul" is not "a pris Mossoul"), unless both
        // name the happening of one stated day ("les élections municipales du 15 mars", to come and held).
        if (!named && !state.Plans.Contains(report.Mention.Status == EventStatus.Planned) || !CrossDocumentDatesFit(report, state)) return null;
        // A statement is one speaker at one time: in articles further apart than reports of one happening
        // are, the same verb and a shared name are two statements ("a expliqué" in January and in October).
        if (IsStatement(report) && !sameDay && !ArticlesClose(report, state)) return null;
        // Across articles, a statement is told of one speaker that both name (an entity: no pronoun or common noun says who).
        if (IsStatement(report) && (report.Speaker is not { } said || !IsEntity(said) || !state.Speakers.Contains(said))) return null;
        // The same word for the happening in two articles of one story names one happening when no
        // month tells them apart, or when both state the same day.
        if (shared == 0)
            return sameLemma && (sameDay || DateOf(report) is not { } reportDate || EventDates.Month(reportDate) is null)
                && topic is not null && state.Topics.Contains(topic)
                || named ? new(1, false) : null;
        if (shared < 2 && !sameLemma && !sameDay) return null;
        return new(3 * shared + (sameLemma ? 2 : 0) + (sameDay ? 2 : 0), true);
    }

    /// <summary>Whether a report's place, if any, is one of the event's, if it has any.</summary>
    private static bool PlacesFit(EventReport report, EventState state) =>
        report.Place is not { } place || state.Places.Count == 0 || state.Places.ContainsKey(place);

    /// <summary>Within an article, whether a report its sentence dates away from the article's news (more than
    /// <see cref="NewsDays"/> before the article, a happening it recalls: "les 282.710 manifestants recensés lors de la
    /// première journée le 17 novembre" in an article of 26 November; or after it, one to come) may join an event: not
    /// one only the article's own date dates, its news.</summary>
    private static bool RecallFits(EventReport report, EventState state) =>
        report.ExplicitDate is not { } date || report.ArticleDay is not { } published || state.ExplicitDates.Count > 0
        || published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) is var article
           && (EventDates.ReportedSoonAfter(date, article, NewsDays) || !state.InferredDates.Contains(article));

    /// <summary>Whether a report's article was published within the reporting delay of one of the event's
    /// articles; true when either side's day is unknown.</summary>
    private static bool ArticlesClose(EventReport report, EventState state) =>
        report.ArticleDay is not { } published || state.ArticleDays.Count == 0
        || state.ArticleDays.Any(d => Math.Abs(d.DayNumber - published.DayNumber) <= ReportingDelayDays);

    private static bool ClassesFit(EventReport report, Group cluster, bool sameDocument)
    {
        var cls = report.Mention.Class;
        var classes = cluster.State.Classes;
        if (cls == EventLexicon.OccurrenceClass) return classes.ContainsKey(cls) && cluster.State.Lemmas.Contains(report.Lemmas[0]);
        if (classes.Keys.Any(c => EventClasses.Compatible(c, cls))) return true;
        // Within an article, the plans a speaker announces and the speaker's other statements are one briefing.
        return sameDocument && cls == EventLexicon.StatementClass && cluster.HasAnnouncedPlan;
    }

    private static bool IsStatement(EventReport report) => report.Mention.Class == EventLexicon.StatementClass;

    private static bool IsAnnouncedPlan(EventReport report) => report.Mention.Framed && report.Mention.Status == EventStatus.Planned;

    /// <summary>True when dates do not tell two documents' reports apart: they agree as
    /// <see cref="Score"/> requires, or one side has none (an undated article, an undated event).</summary>
    private static bool CrossDocumentDatesFit(EventReport report, EventState cluster)
    {
        if (DateOf(report) is null || cluster.ExplicitDates.Count == 0 && cluster.InferredDates.Count == 0) return true;
        if (report.ExplicitDate is { } date)
            return cluster.ExplicitDates.Count > 0 || cluster.InferredDates.Any(a => EventDates.ReportedSoonAfter(date, a, ReportingDelayDays));
        var article = report.InferredDate!;
        return cluster.ExplicitDates.Count > 0
            ? cluster.ExplicitDates.All(d => EventDates.ReportedSoonAfter(d, article, ReportingDelayDays))
            // From the first report: articles a day or two apart each, over weeks, tell of many happenings.
            : EventDates.Agree(cluster.EarliestInferredDate!, article, InferredToleranceDays);
    }

    private static List<DossierEvent> Build(List<Formed> events) =>
        events.Select((e, i) =>
        {
            var d = e.State.Describe();
            return new DossierEvent($"ev{i + 1}", d.Class, d.Status, d.Date, d.DateInferred, e.State.Summary, d.Participants, d.Place, e.Reports, d.Outlets);
        }).ToList();
}
