using System.Collections.Frozen;
using Dossier.Core.Events;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Recognize.Entities;

namespace Dossier.Core.Recognize.Events;

/// <summary>Finds the happenings each sentence reports. A trigger of the language's events.tsv
/// ("a rencontré", "la frappe", "déploiera") names one; so does, where the language ships a trigger
/// tagger (events.model, trained on annotated text), a word it tags as an event and no listed
/// trigger covers: an undated occurrence, named by its word alone. Words just before it say whether it is
/// planned ("doit envoyer", "pour reprendre", a future ending), denied ("n'ont pas décidé de
/// retirer") or simply happened. Triggers of one sentence that name one happening join one mention:
/// compatible classes ("la frappe … qui a tué"); the statement that reports it ("a annoncé lundi le
/// déploiement") makes it reported and may date it, but is not one of its words. A date expression dates the trigger it governs (see AttachTimes); a
/// mention with none takes the article's date, marked inferred (not just after a sentence dated
/// long before the article: that is background),
/// unless it is denied; with no article date, the estimate of it (<see cref="PublicationEstimate"/>),
/// an interval, else its time stays unknown. Participants and place are
/// the entity mentions of the sentence.</summary>
public sealed class EventRecognizer : IDocumentStage
{
    /// <summary>How far back, in words, a cue of status may stand before its trigger.</summary>
    private const int CueWindow = 4;

    public string Name => "events";
    public IReadOnlyList<string> Requires { get; } =
        [Layers.Lines, Layers.Language, Layers.Metadata, Layers.Tokens, Layers.Sentences, Layers.Entities, Layers.Timexes];
    public IReadOnlyList<string> Provides { get; } = [Layers.Events];

    private sealed record Trigger(int First, int Last, TextSpan Span, string Class, EventStatus Status)
    {
        public TimeExpression? Time { get; set; }
        public int TimeDistance { get; set; } = int.MaxValue;
    }

    public void Annotate(AnalysedDocument document, CancellationToken cancellationToken)
    {
        if (EventLexicon.For(document.Language) is not { } lexicon) return;
        var tagger = NerModels.Events(document.Language);
        var articleDate = ArticleDay(document.Metadata.Published?.Value);
        var found = new List<EventMention>();
        var chains = new List<Chain>();
        var lastBackground = int.MinValue / 2;
        // With no article date, the mentions that would take it: they take the estimate of it instead.
        var awaitingDate = new List<int>();
        for (var s = 0; s < document.Sentences.Length; s++)
        {
            var sentence = document.Sentences[s];
            if (document.LineAt(sentence.Span.Start).Kind is not (LineKind.Content or LineKind.Title)) continue;
            var words = SentenceWords(document, sentence);
            var entities = document.Entities.Where(e => sentence.Span.Contains(e.Span.Start)).ToArray();
            // In a headline that capitalises every word, capitals tell no name: a name read across a happening's word
            // ("Lindsay Lohan Checks Into Rehab") hides no trigger, and is no participant of it.
            var titleCase = IsTitleCase(document, sentence, words);
            var triggers = FindTriggers(document, lexicon, sentence, words, titleCase ? [] : entities);
            var tagged = TaggedTriggers(document, lexicon, tagger, sentence, words, titleCase ? [] : entities, triggers);
            if (triggers.Count == 0 && tagged.Count == 0) continue;
            if (titleCase) entities = entities.Where(e => !triggers.Concat(tagged).Any(t => t.Span.Overlaps(e.Span))).ToArray();
            AttachTimes(document, lexicon, sentence, words, triggers, tagged, articleDate);
            var background = s - lastBackground <= BackgroundSentences;
            var sentenceChains = FindChains(document, lexicon, sentence, words, triggers);
            foreach (var report in GroupReports(lexicon, words, triggers))
            {
                var mention = ToMention(document, lexicon, s, sentence, words, entities, report, background ? null : articleDate);
                if (IsBackground(mention, articleDate)) lastBackground = s;
                foreach (var chain in sentenceChains)
                {
                    if (report.Contains(chain.Governed)) chain.GovernedAt = found.Count;
                    if (report.Contains(chain.Anchor)) chain.AnchorAt = found.Count;
                }
                if (articleDate is null && !background && mention.Time is null && TakesArticleDate(mention.Status)) awaitingDate.Add(found.Count);
                found.Add(mention);
            }
            chains.AddRange(sentenceChains);
            foreach (var occurrence in tagged)
                found.Add(ToMention(document, lexicon, s, sentence, words, entities, [occurrence], articleDate: null));
        }
        DateChains(chains, found);
        if (articleDate is null && PublicationEstimate.Of(found) is { } estimate)
            foreach (var at in awaitingDate)
                if (found[at].Time is null) found[at] = found[at] with { Time = new EventTime(estimate.Value, true, null) };
        document.Events = found.ToArray();
    }

    /// <summary>Whether a report with no date of its own takes the article's: not when it is denied.</summary>
    private static bool TakesArticleDate(EventStatus status) => status != EventStatus.Negated;

    /// <summary>A happening dated from another one: "[governed] deux jours après la [anchor]".</summary>
    private sealed record Chain(Trigger Governed, Trigger Anchor, int Days, TextSpan Expression)
    {
        public int GovernedAt { get; set; } = -1;
        public int AnchorAt { get; set; } = -1;
    }

    /// <summary>The lapses of the sentence that tie a happening to another: a lapse in days (a
    /// duration "deux jours", "two weeks", or a phrase of the language's offsets, "the day") right
    /// before an anchoring word ("après", "before"), a trigger just after it (the anchor) and the
    /// nearest trigger before the lapse in its clause (the happening it dates).</summary>
    private static List<Chain> FindChains(AnalysedDocument document, EventLexicon lexicon, Sentence sentence, string[] words, List<Trigger> triggers)
    {
        var chains = new List<Chain>();
        var tokens = document.Tokens;
        var clause = ClauseNumbers(lexicon, words);
        for (var a = 1; a < words.Length; a++)
        {
            if (!lexicon.AnchorAfter.Contains(words[a])) continue;
            var (first, days) = Lapse(document, lexicon, sentence, words, a);
            if (first < 0) continue;
            var anchor = triggers.FirstOrDefault(t => t.First > a && t.First - a <= NounPhraseWords + 1 && clause[t.First] == clause[a]);
            var governed = triggers.LastOrDefault(t => t.Last < first && clause[t.Last] == clause[first] && t.Class != EventLexicon.OccurrenceClass);
            if (anchor is null || governed is null || anchor.Class == EventLexicon.OccurrenceClass) continue;
            var sign = lexicon.AnchorEarlier.Contains(words[a]) ? -1 : 1;
            chains.Add(new Chain(governed, anchor, sign * days,
                TextSpan.FromBounds(tokens[sentence.FirstToken + first].Start, tokens[sentence.FirstToken + a].End)));
        }
        return chains;
    }

    /// <summary>The first word and the days of a lapse ending just before word <paramref name="anchor"/>, or (-1, 0).</summary>
    private static (int First, int Days) Lapse(AnalysedDocument document, EventLexicon lexicon, Sentence sentence, string[] words, int anchor)
    {
        foreach (var (phrase, days) in lexicon.Offsets)
        {
            var first = anchor - phrase.Length;
            if (first >= 0 && phrase.AsSpan().SequenceEqual(words.AsSpan(first, phrase.Length))) return (first, days);
        }
        var end = document.Tokens[sentence.FirstToken + anchor - 1].End;
        foreach (var timex in document.Timexes)
        {
            if (timex.Type != "DURATION" || timex.Span.End != end || timex.Value is not { Length: >= 3 } value || value[0] != 'P'
                || !int.TryParse(value.AsSpan(1, value.Length - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
                || value[^1] is not ('D' or 'W')) continue;
            for (var i = anchor - 1; i >= 0; i--)
                if (document.Tokens[sentence.FirstToken + i].Start <= timex.Span.Start) return (i, value[^1] == 'W' ? 7 * count : count);
        }
        return (-1, 0);
    }

    /// <summary>Dates each chained happening from its anchor when another mention of the document
    /// dates the anchor's happening to the day: a happening of the same class told with its own date
    /// expression, all such mentions agreeing. The happening takes that day moved by the lapse, read
    /// from the lapse's words (its expression), so not inferred; one already dated by another
    /// expression of its sentence keeps it.</summary>
    private static void DateChains(List<Chain> chains, List<EventMention> found)
    {
        bool FromLapse(EventMention mention) =>
            mention.Time is { Expression: { } span } && chains.Any(c => c.Expression.Contains(span.Start) || span.Contains(c.Expression.Start));
        foreach (var chain in chains)
        {
            if (chain.GovernedAt < 0 || chain.AnchorAt < 0 || chain.GovernedAt == chain.AnchorAt) continue;
            // A date read from the lapse's own words ("the day" as the day last told) is no date of its own.
            if (found[chain.GovernedAt].Time is { Inferred: false, Expression: var own } && !(own is { } span && chain.Expression.Contains(span.Start))) continue;
            var dating = found.Where((m, i) => i != chain.AnchorAt && i != chain.GovernedAt && m.Class == chain.Anchor.Class
                    && m.Status is EventStatus.Happened or EventStatus.Reported && m.Time is { Inferred: false } && !FromLapse(m)
                    && EventDates.Precision(m.Time.Value) == 8 && EventDates.Day(m.Time.Value) is not null).ToList();
            var days = dating.Select(m => EventDates.Day(m.Time!.Value)).Distinct().ToList();
            if (days.Count != 1) continue;
            var day = days[0]!.Value.AddDays(chain.Days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            found[chain.GovernedAt] = found[chain.GovernedAt] with { Time = new EventTime(day, false, chain.Expression) };
            // The anchor is the happening dated elsewhere, not the day the lapse leads to ("the strike" in "the day after the strike").
            if (FromLapse(found[chain.AnchorAt]))
                found[chain.AnchorAt] = found[chain.AnchorAt] with { Time = dating[0].Time };
        }
    }

    /// <summary>How many sentences after one dated long before the article the narrative is taken
    /// to stay in that past: an undated happening there gets no article date ("… depuis juin 2014.
    /// L'EI a pris le contrôle de Mossoul" did not happen on the day of publication).</summary>
    private const int BackgroundSentences = 2;
    /// <summary>A date this many days or more before the article's is background, not the news.</summary>
    private const int BackgroundDays = 30;

    private static bool IsBackground(EventMention mention, string? articleDate) =>
        mention.Time is { Inferred: false } time && articleDate is not null && EventDates.Bounds(time.Value) is { } bounds
        && EventDates.Day(articleDate) is { } day
        && string.CompareOrdinal(bounds.Last, day.AddDays(-BackgroundDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) < 0;

    /// <summary>The day of a publication date ("2016-04-19T09:10" → "2016-04-19"), or null.</summary>
    public static string? ArticleDay(string? published) =>
        published is null ? null : published.Length > 10 && published[10] == 'T' ? published[..10] : published;

    /// <summary>The fewest capitalised words that make a title line title case rather than a sentence.</summary>
    private const int TitleCaseWords = 3;

    /// <summary>Whether a sentence is a title line whose every word but the language's stopwords begins with a capital.</summary>
    private static bool IsTitleCase(AnalysedDocument document, Sentence sentence, string[] words)
    {
        if (document.LineAt(sentence.Span.Start).Kind != LineKind.Title) return false;
        var stopwords = Dossier.Languages.LanguageProfile.Get(document.Language).Stopwords;
        var capitalised = 0;
        for (var i = 0; i < words.Length; i++)
        {
            var token = document.Tokens[sentence.FirstToken + i];
            if (token.Kind != TokenKind.Word || !char.IsLetter(document.Text[token.Start])) continue;
            if (char.IsUpper(document.Text[token.Start])) capitalised++;
            else if (!stopwords.Contains(words[i])) return false;
        }
        return capitalised >= TitleCaseWords;
    }

    /// <summary>The sentence's tokens as the lexicon compares words: lower case, typographic apostrophes straightened.</summary>
    internal static string[] SentenceWords(AnalysedDocument document, Sentence sentence)
    {
        var words = new string[sentence.TokenCount];
        for (var i = 0; i < words.Length; i++)
            words[i] = EventLexicon.Normalize(document.Tokens[sentence.FirstToken + i].ValueIn(document.Text));
        return words;
    }

    /// <summary>The first and last word of the sentence that a span covers, or (-1, -1) when it covers none.</summary>
    internal static (int First, int Last) WordsOf(AnalysedDocument document, Sentence sentence, TextSpan span)
    {
        int first = -1, last = -1;
        for (var i = 0; i < sentence.TokenCount; i++)
        {
            var token = document.Tokens[sentence.FirstToken + i];
            if (token.End <= span.Start) continue;
            if (token.Start >= span.End) break;
            if (first < 0) first = i;
            last = i;
        }
        return (first, last);
    }

    private static List<Trigger> FindTriggers(AnalysedDocument document, EventLexicon lexicon, Sentence sentence, string[] words, EntityMention[] entities)
    {
        var tokens = document.Tokens;
        var clause = ClauseNumbers(lexicon, words);
        var found = new List<Trigger>();
        for (var i = 0; i < words.Length; i++)
        {
            var token = tokens[sentence.FirstToken + i];
            if (token.Kind != TokenKind.Word || entities.Any(e => e.Span.Contains(token.Start))) continue;
            foreach (var phrase in lexicon.Candidates(words[i]))
            {
                if (!Matches(phrase, words, i)) continue;
                var last = i + phrase.Words.Length - 1;
                var span = TextSpan.FromBounds(token.Start, tokens[sentence.FirstToken + last].End);
                if (HasItsSense(document, lexicon, sentence, words, clause, entities, phrase, i, last))
                    found.Add(new Trigger(i, last, span, phrase.Class, Status(lexicon, phrase, words, i)));
                i = last;
                break;
            }
        }
        if (found.Count > 0) DropBanned(lexicon, words, clause, found);
        return found;
    }

    /// <summary>How many words after a trigger its object may begin ("reprendre le contrôle de la ville"), or the happening
    /// a ban word governs ("les restrictions sur les rassemblements").</summary>
    private const int ObjectWords = 5;

    /// <summary>Whether a listed trigger is used in the sense of its class. Not when a word of degree stands right before
    /// it ("les plus durement frappés": a quality), when a verb-only trigger is a noun (after a determiner or before a
    /// lower-case adjective: "un arrêté préfectoral"), or when a trigger that needs an object has none: an entity of
    /// one of its types or a noun of the language's objects ("la ville", "cette base") beginning within <see cref="ObjectWords"/>
    /// words after it or after its agent, in its clause, before any locative word ("la reprise de Tarhouna", not "la reprise
    /// des cours à Paris", where the place is the happening's, not its object).</summary>
    private static bool HasItsSense(AnalysedDocument document, EventLexicon lexicon, Sentence sentence, string[] words, int[] clause,
        EntityMention[] entities, TriggerPhrase phrase, int first, int last)
    {
        if (phrase.Class == EventLexicon.StatementClass) return true;
        if (first > 0 && lexicon.Degrees.Contains(words[first - 1])) return false;
        if (phrase.VerbOnly && (first > 0 && lexicon.Determiners.Contains(words[first - 1])
            || last + 1 < words.Length && char.IsLower(document.Text[document.Tokens[sentence.FirstToken + last + 1].Start])
                && NameLexicon.For(document.Language).LooksAdjectival(words[last + 1]))) return false;
        if (phrase.ObjectTypes is not { } types) return true;
        var from = last + 1;
        // The agent may stand between a noun and its object ("la reprise par les forces irakiennes de cette base").
        if (from < words.Length && lexicon.Agents.Contains(words[from]))
            while (from < words.Length && clause[from] == clause[last] && !lexicon.Attach.Contains(words[from])) from++;
        for (var k = from; k < words.Length && k - from < ObjectWords && clause[k] == clause[last] && !lexicon.Locatives.Contains(words[k]); k++)
        {
            var start = document.Tokens[sentence.FirstToken + k].Start;
            if (lexicon.ObjectNouns.Contains(words[k]) || entities.Any(e => e.Span.Start == start && types.Contains(e.Type))) return true;
        }
        return false;
    }

    /// <summary>Drops the happenings a rule bans or restricts: a rule tells what may not happen, not what did. A ban word
    /// governs the first trigger within <see cref="ObjectWords"/> words after it in its clause ("l'interdiction des
    /// rassemblements"); a banned word the nearest trigger before it with no clause opener between ("les rassemblements
    /// de plus de deux personnes, à l'exception des familles, … sont interdits"). Statements stay: announcing a rule is news.</summary>
    private static void DropBanned(EventLexicon lexicon, string[] words, int[] clause, List<Trigger> found)
    {
        var banned = new HashSet<Trigger>();
        for (var k = 0; k < words.Length; k++)
        {
            if (lexicon.BansOf.Contains(words[k])
                && found.FirstOrDefault(t => t.First > k && t.First - k <= ObjectWords && clause[t.First] == clause[k]) is { } governed
                && governed.Class != EventLexicon.StatementClass)
                banned.Add(governed);
            if (lexicon.Banned.Contains(words[k])
                && found.LastOrDefault(t => t.Last < k && t.Class != EventLexicon.StatementClass) is { } subject
                && !words[(subject.Last + 1)..k].Any(lexicon.ClauseOpeners.Contains))
                banned.Add(subject);
        }
        found.RemoveAll(banned.Contains);
    }

    /// <summary>The words the trigger tagger marks as events that no listed trigger covers: occurrences.
    /// They take no date and report no statement: the lists' triggers keep what the sentence says of
    /// time and sources, and a word found by a statistical tagger alone puts no point on the timeline.</summary>
    private static List<Trigger> TaggedTriggers(AnalysedDocument document, EventLexicon lexicon, NerModel? tagger, Sentence sentence, string[] words,
        EntityMention[] entities, List<Trigger> listed)
    {
        if (tagger is null) return [];
        var tokens = document.Tokens;
        var tags = new int[words.Length];
        tagger.Tag(document.Text, tokens.AsSpan(sentence.FirstToken, sentence.TokenCount), tags);
        var found = new List<Trigger>();
        for (var i = 0; i < words.Length; i++)
        {
            if (tags[i] == 0 || LabelSet.IsInside(tags[i])) continue;
            var last = i;
            while (last + 1 < words.Length && LabelSet.IsInside(tags[last + 1])) last++;
            var token = tokens[sentence.FirstToken + i];
            if (token.Kind == TokenKind.Word && !entities.Any(e => e.Span.Contains(token.Start)) && !listed.Any(t => t.First <= last && i <= t.Last))
            {
                var phrase = new TriggerPhrase(words[i..(last + 1)], EventLexicon.OccurrenceClass);
                found.Add(new Trigger(i, last, TextSpan.FromBounds(token.Start, tokens[sentence.FirstToken + last].End), phrase.Class, Status(lexicon, phrase, words, i)));
            }
            i = last;
        }
        return found;
    }

    private static bool Matches(TriggerPhrase phrase, string[] words, int at)
    {
        if (at + phrase.Words.Length > words.Length) return false;
        for (var k = 0; k < phrase.Words.Length; k++)
            if (!phrase.WordMatches(k, words[at + k])) return false;
        return true;
    }

    private static EventStatus Status(EventLexicon lexicon, TriggerPhrase phrase, string[] words, int at)
    {
        var from = at;
        while (from > 0 && at - from < CueWindow && !IsClauseBreak(words[from - 1])) from--;
        var planned = false;
        for (var k = from; k < at; k++)
        {
            if (lexicon.Negations.Contains(words[k])) return EventStatus.Negated;
            planned |= lexicon.Planned.Contains(words[k]);
        }
        planned |= at > 0 && lexicon.Irrealis.Contains(words[at - 1])
            || at > 1 && lexicon.Irrealis.Contains($"{words[at - 2]} {words[at - 1]}");
        var word = words[at];
        planned |= phrase.ExtendsStem(word) && lexicon.FutureEndings.Any(e => word.Length - e.Length >= phrase.Words[0].Length - 1 && word.EndsWith(e, StringComparison.Ordinal));
        return planned ? EventStatus.Planned : EventStatus.Happened;
    }

    /// <summary>True when a clause break stands right before the word or before its auxiliary (", ont annoncé").</summary>
    private static bool FollowsClauseBreak(string[] words, int at) =>
        at > 0 && IsClauseBreak(words[at - 1]) || at > 1 && IsClauseBreak(words[at - 2]);

    /// <summary>Punctuation that ends a clause (a word as <see cref="EventLexicon.Normalize"/> gives it).</summary>
    internal static bool IsClauseBreak(string word) => word is "," or ";" or ":" or "\"" or "«" or "»" or "(" or ")" or "." or "!" or "?";

    /// <summary>Each dated expression of the sentence goes to the trigger it governs. A date bound
    /// by a preposition to the noun just before it dates that noun: the trigger it is ("l'attentat
    /// du 4 juillet"), else no trigger outside its own clause ("depuis l'invasion américaine de
    /// 2003" is not the date of an earlier clause's "morts"). Otherwise it goes to the nearest
    /// trigger, where each clause boundary crossed counts as <see cref="ClauseCost"/> words; a date
    /// may open the sentence before its trigger ("Lundi, à Bagdad, il a rencontré"), but two
    /// boundaries after a trigger it is another clause's ("reprendre Mossoul, la deuxième ville,
    /// tombée en 2014"). A date after "depuis", or a few words into its phrase ("depuis son apparition en
    /// décembre"), starts a state: bound the same way, it dates the trigger right before the since word,
    /// one after it in its own clause, or the happening told by the clause it opens onto ("depuis
    /// fin décembre, lorsqu'une attaque a tué"), never a trigger further before ("a tué 730.000 personnes … depuis
    /// fin décembre") nor another clause's ("à la tête de la ville depuis 2001, a annoncé"). It goes to
    /// the next one when it ends with an anchoring word ("deux jours après la reprise"). A trigger
    /// keeps the closest date. A plan is not dated before the article that reports it ("pour la
    /// reconquête de la ville aux mains de l'EI depuis juin 2014": the date is the state's). A
    /// happening told as the circumstance of a dated one takes its date (<see cref="DateCircumstances"/>).
    /// Some dates date no happening: one bound to a noun phrase that names none ("les codes des années 30"; it may
    /// date a statement),
    /// a term of comparison ("par rapport à 2014"); and a state's start dates no figure counted since then.</summary>
    private static void AttachTimes(AnalysedDocument document, EventLexicon lexicon, Sentence sentence, string[] words, List<Trigger> triggers,
        List<Trigger> tagged, string? articleDate)
    {
        var clause = ClauseNumbers(lexicon, words);
        var stopwords = Dossier.Languages.LanguageProfile.Get(document.Language).Stopwords;
        var comparedLast = -1;
        foreach (var timex in document.Timexes)
        {
            if (!sentence.Span.Contains(timex.Span.Start) || timex.Type is not ("DATE" or "TIME") || !TellsADate(timex.Value)) continue;
            var (first, last) = WordsOf(document, sentence, timex.Span);
            if (first < 0) continue;
            if (IsComparedDate(document, lexicon, sentence, words, first, last)) comparedLast = last;
            if (comparedLast == last || RestatesInBrackets(words, comparedLast, first)) continue;
            var preposition = BindingPreposition(lexicon, stopwords, words, first, last);
            if (preposition <= 0 && SinceOpener(document, lexicon, sentence, words, first) is var opener and > 0)
                preposition = opener;
            var since = preposition > 0 && lexicon.Since.Contains(words[preposition]);
            // What a state's start dates is the state, not a figure counted since then ("17.944 décès … depuis le 1er mars");
            // a date bound to a noun that names no happening is that thing's, at most the date of a statement it carries
            // ("explique le JDD dans son édition de dimanche 9 septembre").
            var dated = since ? triggers.Where(t => !IsCounted(document, lexicon, sentence, words, t)).ToList()
                : preposition > 0 && !NamesAHappening(lexicon, words, [.. triggers, .. tagged], preposition) ? triggers.Where(t => t.Class == EventLexicon.StatementClass).ToList()
                : triggers;
            var governor = preposition > 0 ? Governor(dated, clause, preposition) : null;
            Trigger? best = governor;
            var bestDistance = governor is null ? int.MaxValue : 0;
            var anchored = lexicon.AnchorAfter.Contains(words[last]);
            foreach (var trigger in governor is null ? dated : [])
            {
                // A count or state named before a since phrase runs from its date: it is not when what the clause reports happened
                // ("a tué plus de 382.000 personnes sur la planète depuis son apparition en décembre").
                if (anchored && trigger.First <= last || since && trigger.Last < preposition) continue;
                if (trigger.Status == EventStatus.Planned && articleDate is not null && IsBefore(timex.Value!, articleDate)) continue;
                var (from, to) = trigger.Last < first ? (trigger.Last, first) : trigger.First > last ? (last, trigger.First) : (first, first);
                var breaks = Math.Abs(clause[to] - clause[from]);
                if (preposition > 0 && breaks > 0 && !(since && OpensOnto(lexicon, words, last, trigger))
                    || trigger.Last < first && breaks > 1) continue;
                var distance = to - from + ClauseCost * breaks;
                if (distance < bestDistance) { best = trigger; bestDistance = distance; }
            }
            if (best is not null && bestDistance < best.TimeDistance)
            {
                best.Time = timex;
                best.TimeDistance = bestDistance;
            }
        }
        DateCircumstances(lexicon, words, triggers);
    }

    /// <summary>True when a word of the noun phrase just before a binding preposition names a happening: a trigger,
    /// listed or tagged, or a noun of the language's happenings ("la mobilisation du 1er décembre"). A date bound
    /// to a noun that names none ("reprend les codes des années 30") is that thing's, and dates no happening.</summary>
    private static bool NamesAHappening(EventLexicon lexicon, string[] words, List<Trigger> named, int preposition)
    {
        for (var k = Math.Max(0, preposition - NounPhraseWords); k < preposition; k++)
            if (lexicon.Happenings.Contains(words[k]) || named.Any(t => t.First <= k && k <= t.Last)) return true;
        return false;
    }

    /// <summary>The position of a since word that opens the phrase of a date a few words before it ("morts dans le monde
    /// depuis son apparition en décembre"), or the clause it opens at any length ("depuis que la Chine a fait état de
    /// l'apparition de la maladie fin décembre"), or -1: the date is when a count or state starts, bound to it as "depuis
    /// le 1er mars" is. Punctuation or a figure ends the phrase.</summary>
    private static int SinceOpener(AnalysedDocument document, EventLexicon lexicon, Sentence sentence, string[] words, int first)
    {
        for (var k = first - 1; k >= 0; k--)
        {
            if (IsClauseBreak(words[k]) || document.Tokens[sentence.FirstToken + k].Kind == TokenKind.Number) return -1;
            if (lexicon.Since.Contains(words[k]) && (first - k <= Time.TimexSpanRules.SinceReach + 1 || lexicon.ClauseOpeners.Contains(words[k + 1])))
                return k;
        }
        return -1;
    }

    /// <summary>True when a trigger is counted: a number stands right before it ("17.944 décès", "28.367 morts")
    /// or it is the complement of a counting noun of the language ("le total des décès", "the death toll").</summary>
    private static bool IsCounted(AnalysedDocument document, EventLexicon lexicon, Sentence sentence, string[] words, Trigger trigger)
    {
        if (trigger.First > 0 && document.Tokens[sentence.FirstToken + trigger.First - 1].Kind == TokenKind.Number) return true;
        for (var k = trigger.First - 1; k >= 0 && trigger.First - k <= NounPhraseWords; k--)
        {
            if (lexicon.Counts.Contains(words[k])) return true;
            if (IsClauseBreak(words[k])) break;
        }
        return false;
    }

    /// <summary>True when a date is a term of a comparison, not the time of a happening: it follows a comparing
    /// phrase of the language, right after it or after the figure compared ("par rapport à 2014", "contre 12 % en
    /// 2014"), or it is compared with the date right after such a phrase ("en 2018 par rapport à 2014").</summary>
    private static bool IsComparedDate(AnalysedDocument document, EventLexicon lexicon, Sentence sentence, string[] words, int first, int last)
    {
        var at = first - 1;
        if (at >= 0 && lexicon.Locatives.Contains(words[at]) && !lexicon.EndsComparison(words, at)) at--;
        while (at >= 0 && document.Tokens[sentence.FirstToken + at].Kind is TokenKind.Number or TokenKind.Symbol) at--;
        if (at >= 0 && lexicon.EndsComparison(words, at)) return true;
        var cue = lexicon.Comparisons.FirstOrDefault(c => last + 1 + c.Length <= words.Length && c.AsSpan().SequenceEqual(words.AsSpan(last + 1, c.Length)));
        return cue is not null && last + 1 + cue.Length < words.Length && StartsADate(document, document.Tokens[sentence.FirstToken + last + 1 + cue.Length]);
    }

    /// <summary>True when a date stands in the brackets right after a date that ends at word <paramref name="dateLast"/>:
    /// it restates it ("la semaine précédente (10 au 16 août)").</summary>
    private static bool RestatesInBrackets(string[] words, int dateLast, int first)
    {
        if (dateLast < 0 || dateLast + 1 >= first || words[dateLast + 1] != "(") return false;
        for (var k = dateLast + 2; k < first; k++)
            if (words[k] == ")") return false;
        return true;
    }

    /// <summary>True when a date expression begins with the token.</summary>
    private static bool StartsADate(AnalysedDocument document, Token token) =>
        document.Timexes.Any(t => t.Type is "DATE" or "TIME" && TellsADate(t.Value) && t.Span.Start == token.Start);

    /// <summary>True when the clause right after a date opens with a clause word and holds the trigger
    /// ("depuis fin décembre, lorsqu'une attaque … a tué"): the happening that began the state the date starts.</summary>
    private static bool OpensOnto(EventLexicon lexicon, string[] words, int dateLast, Trigger trigger)
    {
        var at = dateLast + 1;
        while (at < trigger.First && IsClauseBreak(words[at])) at++;
        if (at >= trigger.First || !lexicon.ClauseOpeners.Contains(words[at])) return false;
        for (var i = at + 1; i < trigger.First; i++)
            if (IsClauseBreak(words[i])) return false;
        return true;
    }

    /// <summary>How many words a circumstance word may stand before its trigger ("lors du sixième acte des manifestations").</summary>
    private const int CircumstanceWords = 5;

    /// <summary>A happening told as the circumstance of the one before it ("interpellé … samedi 12 janvier
    /// pour "incitation à la rébellion" lors d'un rassemblement") took place when that one did: an undated
    /// trigger a few words after a circumstance word, in the same clause, takes the date of the
    /// nearest dated trigger before that word.</summary>
    private static void DateCircumstances(EventLexicon lexicon, string[] words, List<Trigger> triggers)
    {
        foreach (var trigger in triggers)
        {
            if (trigger.Time is not null) continue;
            var at = trigger.First - 1;
            while (at >= 0 && trigger.First - at <= CircumstanceWords && !lexicon.Circumstances.Contains(words[at])
                && !IsClauseBreak(words[at]) && !lexicon.ClauseOpeners.Contains(words[at])) at--;
            if (at < 0 || !lexicon.Circumstances.Contains(words[at])) continue;
            if (triggers.LastOrDefault(t => t.Last < at && t.Time is not null) is { } dated) trigger.Time = dated.Time;
        }
    }

    /// <summary>The position of the preposition that binds a date from word <paramref name="first"/> to <paramref name="last"/>
    /// to the noun before it ("l'attentat du 4 juillet", "en grève depuis le 5 décembre", with an article between them or
    /// not), or -1 ("au cours du Nouvel An" binds it to no noun). An article opens the noun phrase of a date that stands
    /// before a noun, a word of the language and no stopword ("the aftermath of the 1989 Exxon Valdez oil disaster"):
    /// that date is the noun's after it.</summary>
    private static int BindingPreposition(EventLexicon lexicon, FrozenSet<string> stopwords, string[] words, int first, int last)
    {
        bool Binds(string word) => lexicon.Attach.Contains(word) || lexicon.Since.Contains(word);
        var beforeNoun = last + 1 < words.Length && char.IsLetter(words[last + 1][0]) && !stopwords.Contains(words[last + 1]);
        var at = Binds(words[first]) ? first : first > 0 && Binds(words[first - 1]) ? first - 1
            : first > 1 && !beforeNoun && lexicon.Articles.Contains(words[first - 1]) && Binds(words[first - 2]) ? first - 2 : -1;
        return at > 0 && !lexicon.Adverbials.Contains(words[at - 1]) ? at : -1;
    }

    /// <summary>How many words a clause boundary between a date and a trigger counts for.</summary>
    private const int ClauseCost = 20;
    /// <summary>How many words a noun phrase may span before the preposition that binds a date to it ("l'attentat suicide du").</summary>
    private const int NounPhraseWords = 2;

    /// <summary>The trigger that ends the noun phrase just before a binding preposition, if any.</summary>
    private static Trigger? Governor(List<Trigger> triggers, int[] clause, int preposition) =>
        triggers.LastOrDefault(t => t.Last < preposition && preposition - t.Last <= NounPhraseWords && clause[t.Last] == clause[preposition]);

    /// <summary>The clause each word belongs to, counted from the sentence's start: punctuation and
    /// clause openers ("qui", "lorsque") begin a new one.</summary>
    private static int[] ClauseNumbers(EventLexicon lexicon, string[] words)
    {
        var clause = new int[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            var opens = IsClauseBreak(words[i]) || lexicon.ClauseOpeners.Contains(words[i]);
            clause[i] = (i > 0 ? clause[i - 1] : 0) + (opens ? 1 : 0);
        }
        return clause;
    }

    /// <summary>True when a date begins after a day, both with their years ("2013" after "2010-05-03").</summary>
    private static bool IsAfter(string value, string day) =>
        EventDates.Bounds(value) is { } bounds && string.CompareOrdinal(bounds.First, day) > 0;

    /// <summary>True when a date ends before a day, both with their years ("2014-06" before "2016-07-11").</summary>
    private static bool IsBefore(string value, string day)
    {
        var length = Math.Min(value.Length, day.Length);
        if (length < 4 || !char.IsAsciiDigit(value[0]) || !char.IsAsciiDigit(day[0])) return false;
        return string.CompareOrdinal(value, 0, day, 0, length) < 0 && !day.StartsWith(value, StringComparison.Ordinal);
    }

    /// <summary>A value with a digit or a week ("la semaine dernière", "XXXX-WXX"): "aujourd'hui" as "XXXX-XX-XX" dates nothing.</summary>
    private static bool TellsADate(string? value) => value is not null && (value.Any(char.IsAsciiDigit) || value.Contains('W'));

    /// <summary>True when a trigger is what the one just before it is about, bound to it by a
    /// preposition ("ont discuté de la reprise des opérations"): the talks are the happening.</summary>
    private static bool IsTopic(EventLexicon lexicon, string[] words, Trigger before, Trigger trigger)
    {
        if (trigger.First - before.Last > NounPhraseWords + 1 || trigger.Time is not null) return false;
        var bound = false;
        for (var i = before.Last + 1; i < trigger.First; i++)
        {
            if (IsClauseBreak(words[i])) return false;
            bound |= lexicon.Attach.Contains(words[i]);
        }
        return bound;
    }

    /// <summary>Triggers of one happening: content triggers of compatible classes and equal status
    /// in a row (an occurrence, named by its word alone, stands alone), those that are the topic of the one before, and each statement with the content it reports: the sentence's first content when
    /// the statement follows a clause break ('…, a indiqué lundi le ministre', '…, he said'), else
    /// the next content, else the previous one.</summary>
    private static List<List<Trigger>> GroupReports(EventLexicon lexicon, string[] words, List<Trigger> triggers)
    {
        var reports = new List<List<Trigger>>();
        List<Trigger>? current = null;
        foreach (var trigger in triggers.Where(t => t.Class != EventLexicon.StatementClass))
        {
            if (current is not null && current[0].Class != EventLexicon.OccurrenceClass && trigger.Class != EventLexicon.OccurrenceClass
                && (IsTopic(lexicon, words, current[^1], trigger)
                    || current[0].Status == trigger.Status && lexicon.Compatible(current[0].Class, trigger.Class) && (current.All(t => t.Time is null) || trigger.Time is null)))
            {
                current.Add(trigger);
                continue;
            }
            current = [trigger];
            reports.Add(current);
        }
        var statements = triggers.Where(t => t.Class == EventLexicon.StatementClass).ToList();
        if (reports.Count == 0)
        {
            if (statements.Count > 0) reports.Add(statements);
            return reports;
        }
        foreach (var statement in statements)
        {
            var first = reports[0][0].First < statement.First ? reports[0] : null;
            var target = first is not null && FollowsClauseBreak(words, statement.First) ? first
                : reports.FirstOrDefault(r => r[0].First > statement.Last) ?? reports.Last(r => r[0].First < statement.First);
            target.Add(statement);
        }
        // The words naming the happening first, then the statements reporting it, each in text order.
        foreach (var report in reports)
            report.Sort((a, b) => a.Class == b.Class || (a.Class != EventLexicon.StatementClass && b.Class != EventLexicon.StatementClass)
                ? a.First.CompareTo(b.First)
                : a.Class == EventLexicon.StatementClass ? 1 : -1);
        return reports;
    }

    private static EventMention ToMention(AnalysedDocument document, EventLexicon lexicon, int index, Sentence sentence, string[] words,
        EntityMention[] entities, List<Trigger> report, string? articleDate)
    {
        var content = report.Where(t => t.Class != EventLexicon.StatementClass).ToList();
        var main = content.Count > 0 ? content[0] : report[0];
        var framed = content.Count > 0 && content.Count < report.Count;
        var timex = content.FirstOrDefault(t => t.Time is not null)?.Time ?? report.FirstOrDefault(t => t.Time is not null)?.Time;
        // What is dated after the article that reports it has not happened yet ("will be forgotten in a few years").
        var status = main.Status == EventStatus.Happened && timex is not null && articleDate is not null && IsAfter(timex.Value!, articleDate) ? EventStatus.Planned
            : main.Status == EventStatus.Happened && framed ? EventStatus.Reported : main.Status;
        EventTime? time = timex is not null ? new EventTime(timex.Value!, false, timex.Span)
            : TakesArticleDate(status) && articleDate is not null ? new EventTime(articleDate, true, null)
            : null;
        var place = Place(document, lexicon, sentence, words, entities, main);
        var participants = entities.Where(e => place is null || e.Span != place.Value).Select(e => e.Span).ToArray();
        // A statement reporting the happening ("…, officials said") makes it reported and may date it, but is
        // not one of its words: saying is another happening than what is said.
        return new EventMention((content.Count > 0 ? content : report).Select(t => t.Span).ToArray(), main.Class, status, index, framed, time, participants, place);
    }

    /// <summary>The place entity nearest the trigger that follows a locative word ("à Bagdad").</summary>
    private static TextSpan? Place(AnalysedDocument document, EventLexicon lexicon, Sentence sentence, string[] words, EntityMention[] entities, Trigger main)
    {
        TextSpan? best = null;
        var bestDistance = int.MaxValue;
        foreach (var entity in entities)
        {
            if (entity.Type != "LOC") continue;
            var at = -1;
            for (var i = 0; i < words.Length; i++)
                if (document.Tokens[sentence.FirstToken + i].Start == entity.Span.Start) { at = i; break; }
            if (at <= 0 || !lexicon.Locatives.Contains(words[at - 1])) continue;
            var distance = Math.Abs(at - main.First);
            if (distance < bestDistance) { best = entity.Span; bestDistance = distance; }
        }
        return best;
    }
}
