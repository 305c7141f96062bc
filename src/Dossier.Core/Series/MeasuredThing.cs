using System.Collections.Frozen;
using Dossier.Core.Model;
using Dossier.Core.Recognize.Entities;
using Dossier.Core.Recognize.Quantities;
using Dossier.Core.Resolve;

namespace Dossier.Core.Series;

/// <summary>What a figure measures, the key of a series: what is counted (the unit's noun, "morts",
/// "euros", and the <see cref="GoverningNoun"/> that says of what: "euros d'amende" are not "euros de
/// salaire", "personnes interceptées" not "personnes à bord"), the kind of figure (a level, or the toll of an event: "ont fait 137 morts" is not "la
/// prise en charge de 500 blessés"), and whose or where: the place the sentence puts it in, nearest
/// to the figure ("les effectifs américains en Irak à quelque 4 100 hommes", "… déployés en Irak"),
/// else the first person or organisation the sentence names before the figure, its subject
/// ("Ziad Takieddine … avoir remis 5 millions d'euros"), else the place the article is most about. Two figures of one unit and one place may measure two things; two figures
/// of one key are taken to measure one.</summary>
/// <param name="Noun">The governing noun as written ("amende"), null when the unit says it alone.</param>
/// <param name="NounLemma">Its lemma, the part of the key; "" when there is none.</param>
public sealed record MeasuredThing(string Unit, string Kind, EntityGroup Holder, string? Noun, string NounLemma)
{
    public const string Level = "level";
    public const string Toll = "toll";
    /// <summary>What was added over a period, a day mostly ("7.183 nouveaux cas", "1.349 morts … en 24
    /// heures"): a flow, which a reader does not set beside the total it adds to.</summary>
    public const string New = "new";

    /// <summary>How far before a figure a toll word counts, within its clause ("ont fait au moins 137 morts et 5.000 blessés").</summary>
    private const int TollWindow = 80;

    private static readonly System.Buffers.SearchValues<char> FigureCharacters = System.Buffers.SearchValues.Create("0123456789.,\u00A0\u202F ");

    private static readonly System.Buffers.SearchValues<char> ClauseMarks = System.Buffers.SearchValues.Create(",;:()");

    private static readonly System.Buffers.SearchValues<char> Spaces = System.Buffers.SearchValues.Create(" \u00A0");
    private static readonly System.Buffers.SearchValues<char> SpacesAndApostrophes = System.Buffers.SearchValues.Create(" \u00A0'");

    public string Label => (Noun is null ? Unit : $"{Unit} {Noun}") + (Kind == Level ? "" : $" ({Kind})") + $" — {Holder.Name}";

    public (string Unit, string Kind, string Noun, string Holder) Key => (Unit, Kind, NounLemma, Holder.Id);

    /// <summary>The measured thing of a level or toll figure, or null for a figure that forms no
    /// series: an increment, a movement, an attribute (an age, a distance), a class's bound ("une retraite
    /// inférieure à 2.000 euros"), one with no holder, a
    /// measure with neither its noun nor a holder in its sentence, or a share without its noun ("33 %
    /// des Français … satisfaits" and "64 %" of the discontented are both "about" one president).</summary>
    public static MeasuredThing? Of(AnalysedDocument document, QuantityLexicon lexicon, Quantity quantity,
        IReadOnlyList<(TextSpan Span, EntityGroup Entity)> names, EntityGroup? mainPlace)
    {
        if (quantity.Role != QuantityRole.Level || lexicon.Attributes.Contains(quantity.Unit)) return null;
        var sentence = document.SentenceAt(quantity.Span.Start).Span;
        if (!lexicon.Measures.Contains(quantity.Unit) && (IsSample(document.Text, lexicon, sentence, quantity) || IsClass(document, lexicon, sentence, quantity)))
            return null;
        if (IsThreshold(document.Text, lexicon, sentence, quantity)) return null;
        var noun = GoverningNoun.Of(document, lexicon, quantity);
        if (noun is null && lexicon.Shares.Contains(quantity.Unit)) return null;
        // "30.451 personnes sont décédées" counts what "30.451 morts" counts, and "a enregistré 7.183 nouveaux
        // cas" what "7.183 nouveaux cas" counts.
        var unit = quantity.Unit;
        if (noun is { Span: var nounSpan } && !lexicon.Measures.Contains(unit))
        {
            var word = document.Text.Substring(nounSpan.Start, nounSpan.Length);
            if (lexicon.States.TryGetValue(word, out var state)) (unit, noun) = (state, null);
            else if (lexicon.Reports.Contains(word)) noun = null;
        }
        var kind = IsNew(document, lexicon, sentence, quantity) ? New
            : lexicon.TollUnits.Contains(unit) || IsToll(document.Text, lexicon, sentence, quantity) ? Toll : Level;
        // A toll belongs to the place that suffers it, which may be its clause's subject ("Le Brésil …
        // compte désormais 32.548 morts"); a country that is the subject of a level is rather whose
        // it is ("Les États-Unis … n'ont pas décidé de retirer plus de 5000 soldats" of Iraq).
        // A bare figure is a part of the figure before it, whose place a place before it is ("30.606 personnes
        // sont décédées en France, …, dont 20.099 au sein des établissements hospitaliers"): its own comes after it.
        var place = PlaceInSentence(document, lexicon, sentence, quantity, names, afterOnly: IsBare(document, quantity));
        // A bare figure is a part of the figure before it ("dont 8.000 à Paris", "dont 17.607 en
        // réanimation"): it measures something of its own only where the sentence places it.
        if (place is null && IsBare(document, quantity)) return null;
        // "30.000 personnes se disent prêtes à participer": people who are neither said who they are nor
        // where are no count of anything the article follows, unless someone counted them ("a réuni entre
        // 30.000 personnes selon la police et 150.000 personnes, selon la France Insoumise").
        if (place is null && noun is null && lexicon.VagueUnits.Contains(unit) && FigureSource.Of(document, lexicon, quantity) is null) return null;
        var holder = place ?? SubjectBefore(sentence, quantity, names)
            ?? (kind == Toll ? PlaceBefore(sentence, quantity, names) : null);
        // "37 %" with neither the noun it measures nor a holder in its sentence measures nothing one can
        // follow; a count ("137 morts") says what it counts and may take the article's place.
        if (holder is null && (noun is not null || !lexicon.Measures.Contains(unit))) holder = mainPlace;
        if (holder is null) return null;
        return new MeasuredThing(unit, kind, holder,
            noun is { Span: var span } ? document.Text.Substring(span.Start, span.Length) : null, noun?.Lemma ?? "");
    }

    private static EntityGroup? SubjectBefore(TextSpan sentence, Quantity quantity, IReadOnlyList<(TextSpan Span, EntityGroup Entity)> names)
    {
        foreach (var (span, entity) in names)
        {
            if (span.Start < sentence.Start) continue;
            if (span.Start >= quantity.Span.Start) break;
            if (entity.Type is "PER" or "ORG") return entity;
        }
        return null;
    }

    /// <summary>The place named last before the figure in its sentence, the subject of its clause
    /// ("Le Brésil … compte désormais 32.548 morts", "derrière les Etats-Unis - qui restent … avec 107.000 morts").</summary>
    private static EntityGroup? PlaceBefore(TextSpan sentence, Quantity quantity, IReadOnlyList<(TextSpan Span, EntityGroup Entity)> names)
    {
        EntityGroup? last = null;
        foreach (var (span, entity) in names)
        {
            if (span.Start < sentence.Start) continue;
            if (span.Start >= quantity.Span.Start) break;
            if (entity.Type == "LOC") last = entity;
        }
        return last;
    }

    /// <summary>The place nearest to the figure, in its sentence, that a locative preposition introduces,
    /// with no other figure of its unit between them: in "100.000 personnes à travers la France, dont
    /// 8.000 à Paris", Paris is where the 8.000 are.</summary>
    private static EntityGroup? PlaceInSentence(AnalysedDocument document, QuantityLexicon lexicon, TextSpan sentence, Quantity quantity,
        IReadOnlyList<(TextSpan Span, EntityGroup Entity)> names, bool afterOnly)
    {
        EntityGroup? nearest = null;
        var distance = int.MaxValue;
        foreach (var (span, entity) in names)
        {
            if (span.Start < sentence.Start || entity.Type != "LOC") continue;
            if (span.Start >= sentence.End) break;
            if ((afterOnly && span.Start < quantity.Span.End) || !IsLocated(document.Text, lexicon, sentence.Start, span)) continue;
            var gap = span.Start >= quantity.Span.End ? span.Start - quantity.Span.End : quantity.Span.Start - span.End;
            if (gap >= 0 && gap < distance && !FigureBetween(document, quantity, span)) (nearest, distance) = (entity, gap);
        }
        return nearest;
    }

    /// <summary>A place named after a locative preposition ("à Paris", "en France"), where something
    /// stands, not a word of a title or a name ("le garde des Sceaux").</summary>
    public static bool IsLocated(string text, QuantityLexicon lexicon, int from, TextSpan place)
    {
        var lastWord = LastWord(text.AsSpan(from, place.Start - from).TrimEnd(), pastElision: true);
        return lexicon.Locatives.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lastWord);
    }

    /// <summary>A name right after a complement word, completing a noun ("le garde des Sceaux").</summary>
    public static bool IsComplement(string text, QuantityLexicon lexicon, TextSpan name)
    {
        var lastWord = LastWord(text.AsSpan(0, name.Start).TrimEnd(), pastElision: false);
        return lexicon.Complements.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lastWord);
    }

    /// <summary>A count after a word naming a poll's sample in its sentence ("Échantillon de 1.294 personnes").</summary>
    private static bool IsSample(string text, QuantityLexicon lexicon, TextSpan sentence, Quantity quantity)
    {
        var before = text.AsSpan(sentence.Start, quantity.Span.Start - sentence.Start);
        foreach (var word in lexicon.Samples)
            if (before.Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>A figure after a comparative that makes it a class's bound ("les retraités touchant une retraite
    /// inférieure à 2.000 euros"); a toll stays one ("un bilan supérieur à 1.000 morts").</summary>
    private static bool IsThreshold(string text, QuantityLexicon lexicon, TextSpan sentence, Quantity quantity)
    {
        if (lexicon.TollUnits.Contains(quantity.Unit)) return false;
        var before = text.AsSpan(sentence.Start, quantity.Span.Start - sentence.Start).TrimEnd();
        foreach (var phrase in lexicon.Thresholds)
            if (before.EndsWith(phrase, StringComparison.OrdinalIgnoreCase)
                && (before.Length == phrase.Length || Spaces.Contains(before[^(phrase.Length + 1)]))) return true;
        return false;
    }

    /// <summary>A bound that completes a noun, by a complement or a present participle: "une ville de plus
    /// de 100.000 habitants" is a class of towns, not a count of people, nor is "tout événement rassemblant
    /// plus de 10 personnes" a count of demonstrators. A toll ("la mort de plus de 150 personnes" after
    /// "ont fait") stays one.</summary>
    private static bool IsClass(AnalysedDocument document, QuantityLexicon lexicon, TextSpan sentence, Quantity quantity)
    {
        if (quantity.Qualifier is not ("more_than" or "less_than") || lexicon.TollUnits.Contains(quantity.Unit)) return false;
        var before = document.Text.AsSpan(sentence.Start, quantity.Span.Start - sentence.Start).TrimEnd();
        var functionWords = NameLexicon.For(document.Language).FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var joiner = LastWord(before, pastElision: false);
        var byParticiple = !lexicon.Complements.GetAlternateLookup<ReadOnlySpan<char>>().Contains(joiner);
        if (byParticiple && !IsPresentParticiple(lexicon, joiner, functionWords)) return false;
        var noun = LastWord(before[..^joiner.Length].TrimEnd(), pastElision: true);
        // A past participle before a present one is a verb ("a joué devant plus de 10.000 personnes"), no noun.
        return noun.Length > 1 && char.IsLower(noun[0]) && noun.ContainsAnyExcept(FigureCharacters)
            && !functionWords.Contains(noun) && !(byParticiple && EndsWithAny(noun, lexicon.ParticipleEndings));
    }

    private static bool IsPresentParticiple(QuantityLexicon lexicon, ReadOnlySpan<char> word, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> functionWords) =>
        word.Length > 4 && char.IsLower(word[0]) && !functionWords.Contains(word) && EndsWithAny(word, lexicon.PresentParticipleEndings);

    private static bool EndsWithAny(ReadOnlySpan<char> word, IReadOnlyList<string> endings)
    {
        foreach (var ending in endings)
            if (word.EndsWith(ending, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>The last word of a text, after its last space; <paramref name="pastElision"/>, after its
    /// last apostrophe too ("entrée" of "l'entrée"; without, "d'" stays a word: "d'amende").</summary>
    private static ReadOnlySpan<char> LastWord(ReadOnlySpan<char> text, bool pastElision) =>
        text[(text.LastIndexOfAny(pastElision ? SpacesAndApostrophes : Spaces) + 1)..];

    /// <summary>A figure written without its unit, which it takes from the figure before it.</summary>
    private static bool IsBare(AnalysedDocument document, Quantity quantity) =>
        !document.Text.AsSpan(quantity.Span.Start, quantity.Span.Length).ContainsAnyExcept(FigureCharacters);

    /// <summary>Another figure of the quantity's unit between it and a place named before or after it.</summary>
    private static bool FigureBetween(AnalysedDocument document, Quantity quantity, TextSpan place)
    {
        var (from, to) = place.Start >= quantity.Span.End ? (quantity.Span.End, place.Start) : (place.End, quantity.Span.Start);
        return FigureBetween(document, from, to, quantity.Unit);
    }

    /// <summary>A figure (of <paramref name="unit"/>, when given) starting between two character offsets.</summary>
    internal static bool FigureBetween(AnalysedDocument document, int from, int to, string? unit = null)
    {
        foreach (var other in document.Quantities)
        {
            if (other.Span.Start >= to) break;
            if (other.Span.Start >= from && (unit is null || other.Unit == unit)) return true;
        }
        return false;
    }

    /// <summary>A figure of what is new ("7.183 nouveaux cas"), or with a period in its clause and no
    /// other figure between them but those joined to it: in "30.916 morts, dont 12 en 24 heures", only the
    /// 12 are new; in "plus de 4.430 morts et plus de 269.350 nouveaux cas sur la journée de lundi", both.</summary>
    private static bool IsNew(AnalysedDocument document, QuantityLexicon lexicon, TextSpan sentence, Quantity quantity)
    {
        var text = document.Text;
        var figure = text.AsSpan(quantity.Span.Start, quantity.Span.Length);
        var newWords = lexicon.NewWords.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var word in figure.SplitAny(" \u00A0")) if (newWords.Contains(figure[word])) return true;
        var quantities = document.Quantities;
        var index = FirstAt(quantities, quantity.Span.Start);
        var from = index > 0 ? Math.Max(sentence.Start, quantities[index - 1].Span.End) : sentence.Start;
        var next = FirstAt(quantities, EndOfCoordinated(document, quantity));
        var to = next < quantities.Length ? Math.Min(sentence.End, quantities[next].Span.Start) : sentence.End;
        if (from > quantity.Span.Start || to < quantity.Span.End) return false;
        var before = text.AsSpan(from, quantity.Span.Start - from);
        before = before[(before.LastIndexOfAny(ClauseMarks) + 1)..];
        var after = text.AsSpan(quantity.Span.End, to - quantity.Span.End);
        if (after.IndexOfAny(ClauseMarks) is var mark and >= 0) after = after[..mark];
        foreach (var phrase in lexicon.Periods)
            if (before.Contains(phrase, StringComparison.OrdinalIgnoreCase) || after.Contains(phrase, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>The index of the first of the document's figures (in the order of the text) starting at or
    /// after an offset; their count when none does.</summary>
    private static int FirstAt(Quantity[] quantities, int offset)
    {
        var (low, high) = (0, quantities.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (quantities[middle].Span.Start < offset) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    /// <summary>Where the figure ends with the figures a coordinator joins after it ("plus de 4.430 morts et
    /// plus de 269.350 nouveaux cas sur la journée de lundi"), which share what their clause says after
    /// them: its date, its period.</summary>
    internal static int EndOfCoordinated(AnalysedDocument document, Quantity quantity)
    {
        var end = quantity.Span.End;
        if (QuantityLexicon.For(document.Language) is not { } lexicon) return end;
        var coordinators = lexicon.Coordinators.GetAlternateLookup<ReadOnlySpan<char>>();
        var quantities = document.Quantities;
        for (var i = FirstAt(quantities, end); i < quantities.Length; i++)
        {
            if (!coordinators.Contains(document.Text.AsSpan(end, quantities[i].Span.Start - end).Trim())) break;
            end = quantities[i].Span.End;
        }
        return end;
    }

    /// <summary>A toll word in the figure's clause before it: "qui ont fait plus d'une centaine de morts et
    /// au moins 4.000 blessés" is a toll, "un poste de secours …, qui permet la prise en charge de 500
    /// blessés" is not.</summary>
    private static bool IsToll(string text, QuantityLexicon lexicon, TextSpan sentence, Quantity quantity)
    {
        var from = Math.Max(sentence.Start, quantity.Span.Start - TollWindow);
        var before = text.AsSpan(from, quantity.Span.Start - from);
        before = before[(before.LastIndexOfAny(ClauseMarks) + 1)..];
        foreach (var phrase in lexicon.Tolls)
            if (before.Contains(phrase, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
