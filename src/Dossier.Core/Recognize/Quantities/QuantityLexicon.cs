using System.Collections.Frozen;
using System.Globalization;
using Dossier.Languages;

namespace Dossier.Core.Recognize.Quantities;

/// <summary>The words around figures in one language, from its quantities.tsv.</summary>
public sealed class QuantityLexicon
{
    private static readonly Lazy<FrozenDictionary<string, QuantityLexicon>> All = new(() =>
        LanguageData.Available.ToFrozenDictionary(code => code, code => new QuantityLexicon(code), StringComparer.Ordinal));

    private QuantityLexicon(string code)
    {
        var rows = DataRows.Read(code, "quantities.tsv");
        string[] Phrases(string kind) => rows.Of(kind).Select(r => r.Text).OrderByDescending(p => p.Length).ToArray();
        FrozenDictionary<string, string> Map(string kind) =>
            rows.Of(kind).Where(r => r.Value.Length > 0).ToFrozenDictionary(r => r.Text, r => r.Value, StringComparer.OrdinalIgnoreCase);
        Qualifiers = rows.Of("qualifier").OrderByDescending(r => r.Text.Length).Select(r => (r.Text, r.Value)).ToArray();
        Multipliers = Map("multiplier").ToFrozenDictionary(p => p.Key, p => double.Parse(p.Value, CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase);
        Units = Map("unit");
        CountOf = Phrases("count-of");
        Increments = Phrases("increment");
        NewWords = Phrases("new").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Periods = Phrases("period");
        States = Map("state");
        Reports = Phrases("report").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Coordinators = Phrases("coordinator").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Movements = Phrases("movement");
        Changes = Phrases("change");
        Ellipses = Phrases("ellipsis");
        ChangeLinks = Phrases("change-link").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        VagueUnits = Phrases("vague").ToFrozenSet(StringComparer.Ordinal);
        GatheredUnits = Phrases("gathered").ToFrozenSet(StringComparer.Ordinal);
        Gatherings = Phrases("gathering").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        GatheringComplements = Phrases("gathering-complement").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Shares = Phrases("share").ToFrozenSet(StringComparer.Ordinal);
        Negations = Phrases("negation").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Locatives = Phrases("locative").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Connectors = Phrases("connector").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        RangeJoiners = Phrases("range").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        ChangeFrom = Phrases("change-from");
        Attributes = Phrases("attribute").ToFrozenSet(StringComparer.Ordinal);
        Tolls = Phrases("toll");
        TollUnits = Phrases("toll-unit").ToFrozenSet(StringComparer.Ordinal);
        Measures = Phrases("measure").ToFrozenSet(StringComparer.Ordinal);
        Complements = Phrases("complement").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        CountComplements = Phrases("complement").Concat(Phrases("count-complement")).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Samples = Phrases("sample");
        Thresholds = Phrases("threshold");
        ParticipleEndings = Phrases("participle-ending");
        AdverbEndings = Phrases("adverb-ending");
        Adverbs = Phrases("adverb").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        PresentParticipleEndings = Phrases("present-participle-ending");
        Auxiliaries = Phrases("auxiliary").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        FigureNouns = Phrases("figure-noun").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Attributions = Phrases("attribution");
        AttributionEnds = Phrases("attribution-end").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Articles = LanguageData.ReadLines(code, "articles.txt").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        rows.RejectUnknownKinds();
    }

    /// <summary>(phrase, qualifier), longest phrase first.</summary>
    public IReadOnlyList<(string Phrase, string Qualifier)> Qualifiers { get; }
    public FrozenDictionary<string, double> Multipliers { get; }
    public FrozenDictionary<string, string> Units { get; }
    public IReadOnlyList<string> CountOf { get; }
    public IReadOnlyList<string> Increments { get; }
    /// <summary>Words between a figure and its unit saying it counts what is new ("7.183 nouveaux cas").</summary>
    public FrozenSet<string> NewWords { get; }
    /// <summary>Phrases in a figure's clause saying it counts what happened over a period ("en 24 heures",
    /// "par jour"), not a total; longest first.</summary>
    public IReadOnlyList<string> Periods { get; }
    /// <summary>Participles and nouns that make a counted noun count one state, and that state's unit
    /// ("personnes décédées" are deaths, "personnes hospitalisées" hospitalisations).</summary>
    public FrozenDictionary<string, string> States { get; }
    /// <summary>Participles saying a figure was reported ("enregistrés"), which tell nothing of what it counts.</summary>
    public FrozenSet<string> Reports { get; }
    /// <summary>Words joining two figures that share what their clause says after them ("4.430 morts et 269.350 nouveaux cas sur la journée").</summary>
    public FrozenSet<string> Coordinators { get; }
    /// <summary>Stems of verbs of movement ("retir" for retirer, retiré, retirés).</summary>
    public IReadOnlyList<string> Movements { get; }
    /// <summary>Stems of words naming a change ("augment", "hausse", "rose"): with a <see cref="ChangeLinks"/>
    /// word right before a figure, the figure is by how much something changed.</summary>
    public IReadOnlyList<string> Changes { get; }
    /// <summary>Words after which a bare figure counts what the figure before it counts ("dont 8.000 à Paris").</summary>
    public IReadOnlyList<string> Ellipses { get; }
    /// <summary>The word between a word of change and its figure ("de", "by").</summary>
    public FrozenSet<string> ChangeLinks { get; }
    /// <summary>Units that count anyone ("people"): with neither a word saying who nor a place in its
    /// sentence, such a figure follows nothing one can name.</summary>
    public FrozenSet<string> VagueUnits { get; }
    /// <summary>Units counted at gatherings, whose figures are told apart by the gathering (<see cref="Series.Gathering"/>).</summary>
    public FrozenSet<string> GatheredUnits { get; }
    public FrozenSet<string> Gatherings { get; }
    public FrozenSet<string> GatheringComplements { get; }
    /// <summary>Units that are a share of something (a percentage): with no noun saying of what, a share
    /// follows nothing one can name, whoever the sentence is about.</summary>
    public FrozenSet<string> Shares { get; }
    public FrozenSet<string> Negations { get; }
    public FrozenSet<string> Locatives { get; }
    /// <summary>Small words between a figure and its unit ("de", "of").</summary>
    public FrozenSet<string> Connectors { get; }
    /// <summary>Words or signs between the two ends of a range of figures ("220 à 250", "200-300").</summary>
    public FrozenSet<string> RangeJoiners { get; }
    /// <summary>Phrases before a figure that make "X à Y" a change, not a range ("passé de 200 à 300"), longest first.</summary>
    public IReadOnlyList<string> ChangeFrom { get; }
    /// <summary>Units that describe one thing (an age, a distance) rather than count what changes.</summary>
    public FrozenSet<string> Attributes { get; }
    /// <summary>Words before a figure that make it the toll of an event ("ont fait"), longest first.</summary>
    public IReadOnlyList<string> Tolls { get; }

    /// <summary>Units whose every figure is a toll (the dead, the injured), whatever words come before.</summary>
    public FrozenSet<string> TollUnits { get; }
    /// <summary>Units that only measure (money, a percentage): the noun they are the measure of says what is measured.</summary>
    public FrozenSet<string> Measures { get; }
    /// <summary>Words that join a measure to the noun it measures ("euros d'amende", "une amende de").</summary>
    public FrozenSet<string> Complements { get; }
    /// <summary>Words that join a counted noun to the complement that says which ones are counted: the
    /// <see cref="Complements"/> and prepositions such as "sur", "parmi" ("3.259 morts sur les routes").</summary>
    public FrozenSet<string> CountComplements { get; }
    /// <summary>Words that name a poll's sample ("échantillon"): a count after one in its sentence is how
    /// many were asked, not a thing that changes.</summary>
    public IReadOnlyList<string> Samples { get; }
    /// <summary>Comparatives right before a figure that make it the bound of a class of things ("une retraite
    /// inférieure à 2.000 euros"): a condition, not a thing that changes. Longest first.</summary>
    public IReadOnlyList<string> Thresholds { get; }
    /// <summary>Auxiliary verbs and pronouns between a counted noun and the participle that qualifies it ("ont été interceptées", "qui étaient hospitalisées").</summary>
    public FrozenSet<string> Auxiliaries { get; }
    /// <summary>Endings of past participles ("interceptées"), longest first.</summary>
    public IReadOnlyList<string> ParticipleEndings { get; }
    /// <summary>Endings of adverbs, skipped between a counted noun and its participle ("sont actuellement hospitalisées").</summary>
    public IReadOnlyList<string> AdverbEndings { get; }
    /// <summary>Adverbs of no such ending, skipped alike ("y étaient encore hospitalisées").</summary>
    public FrozenSet<string> Adverbs { get; }
    /// <summary>Endings of present participles ("rassemblant"): a bound after one completing a noun is a class's.</summary>
    public IReadOnlyList<string> PresentParticipleEndings { get; }
    /// <summary>Nouns that name a figure, not what it counts ("an estimate of 5,000 barrels", "un bilan de 150 morts").</summary>
    public FrozenSet<string> FigureNouns { get; }
    public FrozenSet<string> Articles { get; }
    /// <summary>Phrases that give a figure's source ("selon", "according to"), longest first.</summary>
    public IReadOnlyList<string> Attributions { get; }
    /// <summary>Words that end the source named after an attribution phrase ("selon la police et …").</summary>
    public FrozenSet<string> AttributionEnds { get; }

    public static QuantityLexicon? For(string language) => All.Value.GetValueOrDefault(language);
}
