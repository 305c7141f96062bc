using Dossier.Core.Export;
using Dossier.Core.Model;
using Dossier.Core.Recognize.Quantities;
using Dossier.Core.Resolve;

namespace Dossier.Core.Series;

public sealed record SeriesPoint(string DocumentId, AnalysedDocument Document, Quantity Quantity, string? Date);

/// <summary>Figures that measure the same thing over time, and where sources disagree.</summary>
/// <param name="Disagreements">Pairs of points dated the same day whose values differ by more than their qualifiers allow.</param>
public sealed record QuantitySeries(string Id, string Label, string Unit, EntityGroup Place, IReadOnlyList<SeriesPoint> Points,
    IReadOnlyList<(SeriesPoint A, SeriesPoint B)> Disagreements);

/// <summary>Gathers figures that measure one thing (<see cref="MeasuredThing"/>: what is counted, the
/// kind of figure, whose or where) into a series: "quelque 4 100 hommes" (April 2016) and "4650 …
/// militaires … en Irak" (July 2016) are one series of soldiers in Iraq; a 1 € subscription and an EU
/// budget, or a town's toll and a country's, are not. A series holds figures of at least two articles,
/// or a disagreement within one. Sources disagree when two figures of one series, dated the same day,
/// allow no common value (<see cref="FigureBounds"/>) and come from two articles, or from one sentence
/// that gives them to two sources ("30.000 personnes selon la police et 150.000 personnes, selon la
/// France Insoumise", <see cref="FigureSource"/>).</summary>
public static class SeriesBuilder
{
    public static IReadOnlyList<QuantitySeries> Build(IReadOnlyList<ExportedDocument> documents, IReadOnlyList<EntityGroup> entities)
    {
        var names = NamesByDocument(documents, entities);
        var keys = new Dictionary<string, List<(int Document, SeriesFigure Figure)>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var d = 0; d < documents.Count; d++)
            foreach (var figure in Figures(documents[d].Document, names.GetValueOrDefault(d) ?? []))
            {
                if (!keys.TryGetValue(figure.Key, out var figures))
                {
                    keys[figure.Key] = figures = [];
                    order.Add(figure.Key);
                }
                figures.Add((d, figure));
            }
        var holders = entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var series = new List<QuantitySeries>();
        foreach (var key in order)
            foreach (var formed in Form(keys[key]))
            {
                var points = formed.Figures.Select(f =>
                {
                    var (id, document) = documents[f.Document];
                    return new SeriesPoint(id, document, document.Quantities.First(q => q.Span.Start == f.Figure.Start && q.Span.Length == f.Figure.Length), f.Figure.Date);
                }).ToArray();
                var named = formed.Named;
                series.Add(new QuantitySeries($"q{series.Count + 1}", named.Label, named.Unit, holders[named.Holder], points,
                    formed.Disagreements.Select(p => (points[p.A], points[p.B])).ToArray()));
            }
        return series;
    }

    /// <summary>The figures of one document that measure something (<see cref="MeasuredThing"/>), in
    /// text order, given its named mentions in text order: all a series needs of the document.</summary>
    public static IReadOnlyList<SeriesFigure> Figures(AnalysedDocument document, IReadOnlyList<(TextSpan Span, EntityGroup Entity)> names)
    {
        var lexicon = QuantityLexicon.For(document.Language);
        if (lexicon is null || document.Quantities.Length == 0) return [];
        var main = MainPlace(document, lexicon, names);
        var articleDay = DayOf(document);
        string? articleGathering = null;
        var figures = new List<SeriesFigure>();
        foreach (var quantity in document.Quantities)
        {
            if (MeasuredThing.Of(document, lexicon, quantity, names, main) is not { } thing) continue;
            var bounds = FigureBounds.Of(quantity);
            var sentence = document.SentenceAt(quantity.Span.Start).Span;
            var gathering = lexicon.GatheredUnits.Contains(thing.Unit)
                ? Gathering.In(document.Language, document.Text.AsSpan(sentence.Start, sentence.Length))
                  ?? Gathering.In(document.Language, document.Metadata.Title?.Value)
                  ?? (articleGathering ??= Gathering.In(document.Language, document.Text) ?? "")
                : null;
            figures.Add(new SeriesFigure(quantity.Span.Start, quantity.Span.Length, FigureDate.Of(document, quantity, articleDay),
                string.Join('|', thing.Key.Unit, thing.Key.Kind, thing.Key.Noun, thing.Key.Holder), thing.Label, thing.Unit, thing.Holder.Id,
                bounds.Low, bounds.High, FigureSource.Of(document, lexicon, quantity), gathering is "" ? null : gathering, sentence.Start));
        }
        return figures;
    }

    /// <summary>The place an article is about: the place named most often among those it puts something
    /// in at least once ("à Paris", "en France"), else among those it names other than as the complement
    /// of a noun; a word of a title ("le garde des Sceaux") is no place of the article.</summary>
    private static EntityGroup? MainPlace(AnalysedDocument document, QuantityLexicon lexicon, IReadOnlyList<(TextSpan Span, EntityGroup Entity)> names)
    {
        var places = names.Where(n => n.Entity.Type == "LOC").GroupBy(n => n.Entity.Id, StringComparer.Ordinal).ToArray();
        var located = places.Where(g => g.Any(n => MeasuredThing.IsLocated(document.Text, lexicon, 0, n.Span))).ToArray();
        var candidates = located.Length > 0 ? located : places.Where(g => g.Any(n => !MeasuredThing.IsComplement(document.Text, lexicon, n.Span))).ToArray();
        return candidates.OrderByDescending(g => g.Count()).FirstOrDefault()?.First().Entity;
    }

    /// <summary>The series of the figures of one key (in dossier order), none when they form none: for
    /// each gathering they were counted at (<see cref="Gathering"/>), the figures by date (a stable sort:
    /// figures of one day stay in the order of their articles), the pairs of them (indices into that
    /// order) that disagree, and the figure naming the series (its first in dossier order). Figures of
    /// one article alone (a list of bonuses by company) follow nothing over time, unless the article
    /// sets two sources against each other.</summary>
    public static IReadOnlyList<(IReadOnlyList<(T Document, SeriesFigure Figure)> Figures, IReadOnlyList<(int A, int B)> Disagreements, SeriesFigure Named)> Form<T>(
        IReadOnlyList<(T Document, SeriesFigure Figure)> figures) where T : IEquatable<T>
    {
        var formed = new List<(IReadOnlyList<(T, SeriesFigure)>, IReadOnlyList<(int, int)>, SeriesFigure)>();
        foreach (var part in ByGathering(figures))
        {
            var points = part.OrderBy(f => FigureDate.OrderKey(f.Figure.Date), StringComparer.Ordinal).ToList();
            var disagreements = Disagreements(points);
            if (disagreements.Count == 0 && points.Select(p => p.Document).Distinct().Count() < 2) continue;
            formed.Add((points, disagreements, part[0].Figure));
        }
        return formed;
    }

    /// <summary>The figures of one key split by the gathering they were counted at, in dossier order; a
    /// figure whose article names no gathering is taken to be of the one most figures were counted at
    /// (the arrests of an article on a gilets jaunes act that says only "samedi").</summary>
    private static List<List<(T Document, SeriesFigure Figure)>> ByGathering<T>(IReadOnlyList<(T Document, SeriesFigure Figure)> figures)
    {
        var parts = new Dictionary<string, List<(T, SeriesFigure)>>(StringComparer.Ordinal);
        var order = new List<List<(T Document, SeriesFigure Figure)>>();
        foreach (var figure in figures)
        {
            if (figure.Figure.Gathering is not { } gathering) continue;
            if (!parts.TryGetValue(gathering, out var part))
            {
                parts[gathering] = part = [];
                order.Add(part);
            }
            part.Add(figure);
        }
        if (order.Count == 0) return [[.. figures]];
        var largest = order.MaxBy(p => p.Count)!;
        // Rebuilt in dossier order, so that the unnamed figures keep their places among the named ones.
        largest.Clear();
        foreach (var figure in figures)
            if (figure.Figure.Gathering is null || parts[figure.Figure.Gathering] == largest) largest.Add(figure);
        return order;
    }

    /// <summary>Each document's named mentions in text order, with their entity.</summary>
    private static Dictionary<int, List<(TextSpan Span, EntityGroup Entity)>> NamesByDocument(IReadOnlyList<ExportedDocument> documents, IReadOnlyList<EntityGroup> entities)
    {
        var index = new Dictionary<AnalysedDocument, int>(ReferenceEqualityComparer.Instance);
        for (var d = 0; d < documents.Count; d++) index[documents[d].Document] = d;
        var names = new Dictionary<int, List<(TextSpan, EntityGroup)>>();
        foreach (var entity in entities)
        {
            foreach (var (_, document, mention) in entity.Mentions)
            {
                var d = index[document];
                if (!names.TryGetValue(d, out var list)) names[d] = list = [];
                list.Add((mention.Span, entity));
            }
        }
        foreach (var list in names.Values) list.Sort((a, b) => a.Item1.Start.CompareTo(b.Item1.Start));
        return names;
    }

    private static string? DayOf(AnalysedDocument document) =>
        document.Metadata.Published?.Value is { } value ? (value.Length >= 10 ? value[..10] : value) : null;

    /// <summary>Points of one day, from two articles or from two sources of one article, whose figures
    /// allow no common value. Points are sorted by date, so only the points of one day are compared with
    /// each other.</summary>
    private static List<(int, int)> Disagreements<T>(List<(T Document, SeriesFigure Figure)> points) where T : IEquatable<T>
    {
        var found = new List<(int, int)>();
        for (var start = 0; start < points.Count;)
        {
            var end = start + 1;
            while (end < points.Count && points[end].Figure.Date == points[start].Figure.Date) end++;
            if (points[start].Figure.Date is not null)
                for (var i = start; i < end; i++)
                    for (var j = i + 1; j < end; j++)
                    {
                        var (a, b) = (points[i], points[j]);
                        if (a.Document.Equals(b.Document) && !SetAgainstEachOther(a.Figure, b.Figure)) continue;
                        if (!a.Figure.Bounds.Meets(b.Figure.Bounds)) found.Add((i, j));
                    }
            start = end;
        }
        return found;
    }

    /// <summary>Two figures of one article that one of its sentences gives to two named sources; figures it
    /// gives to no one, or to one source, are the article's own account, and so are figures of two of its
    /// sentences: a round-up's region ("212.660 morts, selon un bilan établi à 17H00 GMT") and, further on,
    /// the world ("715.000 morts …, selon un bilan établi par l'AFP") are two things, not two sources.</summary>
    private static bool SetAgainstEachOther(SeriesFigure a, SeriesFigure b) =>
        a.SentenceStart == b.SentenceStart
        && a.Source is { } first && b.Source is { } second && !string.Equals(first, second, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A figure that measures something, as a series needs it and as the series stage keeps it
/// for its document: where it is, the article's day, the key of what it measures
/// ("unit|kind|noun|holder"), the series label it gives, the values it allows and whom the article
/// attributes it to, the gathering it was counted at (<see cref="Gathering"/>) and where its sentence
/// starts (-1 in figures kept before it was: all of an article's then count as of one sentence, as they did).</summary>
public sealed record SeriesFigure(int Start, int Length, string? Date, string Key, string Label, string Unit, string Holder,
    double Low, double High, string? Source, string? Gathering = null, int SentenceStart = -1)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public FigureBounds Bounds => new(Low, High);
}
