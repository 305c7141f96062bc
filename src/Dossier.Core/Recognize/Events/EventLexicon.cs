using System.Collections.Frozen;
using Dossier.Languages;

namespace Dossier.Core.Recognize.Events;

/// <summary>A trigger of events.tsv: its words (a word ending in '*' matches any word it begins) and its class.</summary>
public sealed record TriggerPhrase(string[] Words, string Class)
{
    /// <summary>The entity types of which one must be the trigger's object for it to name its class ("la reprise de
    /// Mossoul", not "la reprise des cours"); null when the word alone names it.</summary>
    public FrozenSet<string>? ObjectTypes { get; init; }

    /// <summary>True when the trigger names its class only as a verb: as a noun it names another thing ("un arrêté préfectoral").</summary>
    public bool VerbOnly { get; init; }

    public bool WordMatches(int index, string word)
    {
        var pattern = Words[index];
        return pattern[^1] == '*'
            ? word.Length >= pattern.Length - 1 && word.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal)
            : word == pattern;
    }

    /// <summary>True when the first word is a stem and the text's word goes beyond it ("déploiera" for "déploi*").</summary>
    public bool ExtendsStem(string word) => Words[0][^1] == '*' && word.Length > Words[0].Length - 1;
}

/// <summary>The words of events in one language, from its events.tsv: triggers and their classes,
/// and the cues of status (plans, intentions, future endings, negations), places, anchored and attached
/// dates, clause openers and circumstances, and those of a statement's speaker (sources, media).</summary>
public sealed class EventLexicon
{
    /// <summary>The class of reporting events: a statement frames what it reports.</summary>
    public const string StatementClass = "statement";
    /// <summary>The class of happenings no other class names ("placed", "suffered"): the word alone
    /// says what happened, so two reports are one happening only when they share it.</summary>
    public const string OccurrenceClass = "occurrence";
    private const int MinStemLength = 3;

    private static readonly Lazy<FrozenDictionary<string, EventLexicon>> All = new(() =>
        LanguageData.Available.Select(code => (code, lexicon: Load(code))).Where(x => x.lexicon is not null)
            .ToFrozenDictionary(x => x.code, x => x.lexicon!, StringComparer.Ordinal));

    private readonly FrozenDictionary<string, TriggerPhrase[]> _byFirstWord;
    private readonly FrozenDictionary<string, TriggerPhrase[]> _byStem;
    private readonly FrozenSet<(string, string)> _compatible;

    private EventLexicon(DataRows rows, DataRows learned, IEnumerable<string> articles)
    {
        string[] Words(string kind) => rows.Of(kind).Select(r => Normalize(r.Text)).ToArray();
        var triggers = new List<TriggerPhrase>();
        var objects = rows.Of("object").ToDictionary(r => Normalize(r.Text),
            r => r.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var verbOnly = Words("verb-only").ToFrozenSet(StringComparer.Ordinal);
        foreach (var row in rows.Of("trigger").Concat(learned.Of("trigger")))
        {
            if (row.Value.Length == 0) throw rows.Error(row, "expected 'trigger<TAB>phrase<TAB>class'");
            var text = Normalize(row.Text);
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words[0][^1] == '*' && words[0].Length - 1 < MinStemLength)
                throw rows.Error(row, $"stem '{words[0]}' is shorter than {MinStemLength} letters");
            triggers.Add(new TriggerPhrase(words, row.Value) { ObjectTypes = objects.GetValueOrDefault(text), VerbOnly = verbOnly.Contains(text) });
        }
        var listed = triggers.Select(t => string.Join(' ', t.Words)).ToHashSet(StringComparer.Ordinal);
        foreach (var row in rows.Of("object").Concat(rows.Of("verb-only")))
            if (!listed.Contains(Normalize(row.Text))) throw rows.Error(row, $"'{row.Text}' is no trigger");
        // Longest phrase first, so that "conférence de presse" wins over a shorter reading.
        _byFirstWord = triggers.Where(t => t.Words[0][^1] != '*').GroupBy(t => t.Words[0])
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(t => t.Words.Length).ToArray(), StringComparer.Ordinal);
        _byStem = triggers.Where(t => t.Words[0][^1] == '*').GroupBy(t => t.Words[0][..^1])
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(t => t.Words.Length).ToArray(), StringComparer.Ordinal);
        _compatible = rows.Of("compatible").Where(r => r.Value.Length > 0)
            .SelectMany(r => new[] { (r.Text, r.Value), (r.Value, r.Text) }).ToFrozenSet();
        Planned = Words("planned").ToFrozenSet(StringComparer.Ordinal);
        Irrealis = Words("irrealis").ToFrozenSet(StringComparer.Ordinal);
        FutureEndings = Words("future").OrderByDescending(w => w.Length).ToArray();
        Negations = Words("negation").ToFrozenSet(StringComparer.Ordinal);
        Locatives = Words("locative").ToFrozenSet(StringComparer.Ordinal);
        AnchorAfter = Words("anchor-after").ToFrozenSet(StringComparer.Ordinal);
        AnchorEarlier = Words("anchor-earlier").ToFrozenSet(StringComparer.Ordinal);
        Offsets = rows.Of("offset").Select(r => (int.TryParse(r.Value, System.Globalization.CultureInfo.InvariantCulture, out var days) ? days : throw rows.Error(r, "expected 'offset<TAB>phrase<TAB>days'"),
            Normalize(r.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries))).Select(o => (o.Item2, o.Item1)).ToArray();
        Attach = Words("attach").ToFrozenSet(StringComparer.Ordinal);
        Happenings = Words("happening").ToFrozenSet(StringComparer.Ordinal);
        Counts = Words("count").ToFrozenSet(StringComparer.Ordinal);
        Comparisons = rows.Of("comparison").Select(r => Normalize(r.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        Since = Words("since").ToFrozenSet(StringComparer.Ordinal);
        TimePhraseOpeners = Since.Concat(AnchorAfter).ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        Determiners = Words("determiner").ToFrozenSet(StringComparer.Ordinal);
        Possessives = Words("possessive").ToFrozenSet(StringComparer.Ordinal);
        Articles = articles.Select(a => Normalize(a)).ToFrozenSet(StringComparer.Ordinal);
        Adverbials = Words("adverbial").ToFrozenSet(StringComparer.Ordinal);
        ClauseOpeners = Words("clause").ToFrozenSet(StringComparer.Ordinal);
        Circumstances = Words("circumstance").ToFrozenSet(StringComparer.Ordinal);
        Sources = Words("source").ToFrozenSet(StringComparer.Ordinal);
        Media = Words("medium").ToFrozenSet(StringComparer.Ordinal);
        Agents = Words("agent").ToFrozenSet(StringComparer.Ordinal);
        BansOf = Words("ban-of").ToFrozenSet(StringComparer.Ordinal);
        Banned = Words("banned").ToFrozenSet(StringComparer.Ordinal);
        Degrees = Words("degree").ToFrozenSet(StringComparer.Ordinal);
        ObjectNouns = Words("object-noun").ToFrozenSet(StringComparer.Ordinal);
        Classes = triggers.Select(t => t.Class).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        rows.RejectUnknownKinds();
        learned.RejectUnknownKinds();
    }

    /// <summary>Phrases of one or more words: "prévoit", "à venir".</summary>
    public FrozenSet<string> Planned { get; }
    public FrozenSet<string> Irrealis { get; }
    public IReadOnlyList<string> FutureEndings { get; }
    public FrozenSet<string> Negations { get; }
    public FrozenSet<string> Locatives { get; }
    public FrozenSet<string> AnchorAfter { get; }
    /// <summary>Anchoring words that put the happening before its anchor ("avant", "before").</summary>
    public FrozenSet<string> AnchorEarlier { get; }
    /// <summary>Phrases naming a lapse in days before an anchoring word ("the day after").</summary>
    public IReadOnlyList<(string[] Words, int Days)> Offsets { get; }
    /// <summary>Prepositions that bind a date to the noun before them ("l'attentat du 4 juillet").</summary>
    public FrozenSet<string> Attach { get; }
    /// <summary>Nouns that name a happening no trigger lists ("mobilisation"): a date bound to a noun that is neither
    /// one of them nor a trigger dates no happening ("les codes des années 30").</summary>
    public FrozenSet<string> Happenings { get; }
    /// <summary>Nouns that count what follows them ("le total des décès", "the death toll"): a date a count runs since is not the date of what it counts.</summary>
    public FrozenSet<string> Counts { get; }
    /// <summary>Phrases that make the date after them a term of comparison ("par rapport à 2014", "compared with 2014"): it dates no happening.</summary>
    public IReadOnlyList<string[]> Comparisons { get; }

    /// <summary>True when a comparing phrase ends at word <paramref name="end"/> of <paramref name="words"/> ("par rapport à").</summary>
    public bool EndsComparison(string[] words, int end) =>
        Comparisons.Any(c => end - c.Length + 1 >= 0 && c.AsSpan().SequenceEqual(words.AsSpan(end - c.Length + 1, c.Length)));
    /// <summary>Prepositions that make the date after them the start of a state ("depuis 2001", "since 2001"):
    /// bound like <see cref="Attach"/>, so that it dates no happening of another clause.</summary>
    public FrozenSet<string> Since { get; }
    /// <summary>The words that open a time phrase, which may name a happening in passing ("… visite en Irak depuis sa prise de
    /// fonction en février 2015"): the since and anchoring words, matched in the text as written (<see cref="Events.InPassing"/>).</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TimePhraseOpeners { get; }
    /// <summary>Words that open a noun phrase ("sa", "the"): after one, a time phrase's opening word governs a happening's name
    /// ("depuis sa prise de fonction"), not a verb whose subject is the sentence's ("après avoir annoncé son retrait").</summary>
    public FrozenSet<string> Determiners { get; }
    /// <summary>Determiners standing for one possessor ("son", "his"): opening a phrase that names a happening in passing ("après son
    /// arrestation"), the person the sentence names before it (<see cref="Events.InPassing.OpensWithPossessive"/>).</summary>
    public FrozenSet<string> Possessives { get; }
    /// <summary>The language's articles (articles.txt), which may stand between such a preposition and its date ("depuis le 1er mars").</summary>
    public FrozenSet<string> Articles { get; }
    /// <summary>Words that, before such a preposition, leave the date to the clause ("au cours du Nouvel An").</summary>
    public FrozenSet<string> Adverbials { get; }
    /// <summary>Words that open a new clause ("qui", "lorsque"): a date rarely governs a trigger across one.</summary>
    public FrozenSet<string> ClauseOpeners { get; }
    /// <summary>Words that make the happening after them the circumstance of the one before ("lors d'un rassemblement").</summary>
    public FrozenSet<string> Circumstances { get; }
    /// <summary>Words (one or two) before the source of what a sentence says ("selon", "according to"): its speaker.</summary>
    public FrozenSet<string> Sources { get; }
    /// <summary>Words that make the entity after a statement's verb its outlet or hearer, not its speaker ("à l'AFP", "sur RMC").</summary>
    public FrozenSet<string> Media { get; }
    /// <summary>Words right after a passive statement's verb that introduce its speaker ("annoncées par", "announced by").</summary>
    public FrozenSet<string> Agents { get; }
    /// <summary>Words that ban or restrict the happening named just after them ("l'interdiction des rassemblements"):
    /// it is a rule, not a report of what happened.</summary>
    public FrozenSet<string> BansOf { get; }
    /// <summary>Words that say the happening named before them is banned or restricted ("les rassemblements de plus de
    /// 1 000 personnes sont interdits"): a rule, not a report.</summary>
    public FrozenSet<string> Banned { get; }
    /// <summary>Words of degree that, right before a trigger, make it a quality, not a happening ("les pays les plus
    /// durement frappés").</summary>
    public FrozenSet<string> Degrees { get; }
    /// <summary>Nouns of places and positions that may be the object a trigger needs ("reprendre la ville", "la reprise de cette base").</summary>
    public FrozenSet<string> ObjectNouns { get; }
    public IReadOnlyList<string> Classes { get; }

    /// <summary>The lexicon of a language, or null when it has no events.tsv.</summary>
    public static EventLexicon? For(string language) => All.Value.GetValueOrDefault(language);

    /// <summary>Two classes that may name one happening: the same, or declared compatible.</summary>
    public bool Compatible(string a, string b) => a == b || _compatible.Contains((a, b));

    /// <summary>The trigger phrases that may start with a word (lower case), longest first.</summary>
    public IEnumerable<TriggerPhrase> Candidates(string word)
    {
        if (_byFirstWord.TryGetValue(word, out var exact))
            foreach (var phrase in exact) yield return phrase;
        for (var length = Math.Min(word.Length, 24); length >= MinStemLength; length--)
            if (_byStem.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word.AsSpan(0, length), out var stemmed))
                foreach (var phrase in stemmed) yield return phrase;
    }

    /// <summary>The class of the listed trigger a recognised trigger's words are, as <see cref="Candidates"/>
    /// finds it first; null for a word the lists do not hold (one the tagger found).</summary>
    public string? ClassOf(ReadOnlySpan<char> trigger)
    {
        var words = Normalize(trigger).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return null;
        foreach (var phrase in Candidates(words[0]))
            if (phrase.Words.Length == words.Length && Enumerable.Range(0, words.Length).All(k => phrase.WordMatches(k, words[k])))
                return phrase.Class;
        return null;
    }

    /// <summary>Lower case, typographic apostrophes made straight: how words are compared.</summary>
    public static string Normalize(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(buffer);
        buffer.Replace('\u2019', '\'');
        return new string(buffer);
    }

    /// <summary>events.tsv, written by hand, and the triggers a tool learned from annotated
    /// text (events-learned.tsv, when the language has one), which list no word of events.tsv.</summary>
    private static EventLexicon? Load(string code)
    {
        var rows = DataRows.Read(code, "events.tsv");
        return rows.IsEmpty ? null : new EventLexicon(rows, DataRows.Read(code, "events-learned.tsv"), LanguageData.ReadLines(code, "articles.txt"));
    }
}
