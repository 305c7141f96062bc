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
/// allow no common value (<see cref="FigureBounds"/>) and come from two articles, or from one article
/// that gives them to two sources ("30.000 personnes selon la police et 150.000 personnes, selon la
/// France Insoumise", <see cref="FigureSource"/>).</summary>
public static class SeriesBuilder
{
    public static IReadOnlyList<QuantitySeries> Build(IReadOnlyList<ExportedDocument> documents, IReadOnlyList<EntityGroup> entities)
    {
        var names = NamesByDocument(documents, entities);
        var groups = new Dictionary<(string Unit, string Kind, string Noun, string Holder), List<SeriesPoint>>();
        var things = new List<MeasuredThing>();
        for (var d = 0; d < documents.Count; d++)
        {
            var (id, document) = documents[d];
            var lexicon = QuantityLexicon.For(document.Language);
            if (lexicon is null || document.Quantities.Length == 0) continue;
            var documentNames = names.GetValueOrDefault(d) ?? [];
            var main = documentNames.Where(n => n.Entity.Type == "LOC").GroupBy(n => n.Entity.Id, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).FirstOrDefault()?.First().Entity;
            foreach (var quantity in document.Quantities)
            {
                if (MeasuredThing.Of(document, lexicon, quantity, documentNames, main) is not { } thing) continue;
                if (!groups.TryGetValue(thing.Key, out var points))
                {
                    groups[thing.Key] = points = [];
                    things.Add(thing);
                }
                points.Add(new SeriesPoint(id, document, quantity, DateOf(document)));
            }
        }
        var series = new List<QuantitySeries>();
        foreach (var thing in things)
        {
            // A stable sort: points of one day stay in the order of their articles.
            var points = groups[thing.Key].OrderBy(p => p.Date ?? "~", StringComparer.Ordinal).ToList();
            // Figures of one article alone (a list of bonuses by company) follow nothing over time, unless
            // the article sets two sources against each other.
            var disagreements = Disagreements(points);
            if (disagreements.Count == 0 && points.Select(p => p.DocumentId).Distinct(StringComparer.Ordinal).Count() < 2) continue;
            series.Add(new QuantitySeries($"q{series.Count + 1}", thing.Label, thing.Unit, thing.Holder, points, disagreements));
        }
        return series;
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

    private static string? DateOf(AnalysedDocument document) =>
        document.Metadata.Published?.Value is { } value ? (value.Length >= 10 ? value[..10] : value) : null;

    /// <summary>Points of one day, from two articles or from two sources of one article, whose figures
    /// allow no common value. Points are sorted by date, so only the points of one day are compared with
    /// each other.</summary>
    private static List<(SeriesPoint, SeriesPoint)> Disagreements(List<SeriesPoint> points)
    {
        var found = new List<(SeriesPoint, SeriesPoint)>();
        for (var start = 0; start < points.Count;)
        {
            var end = start + 1;
            while (end < points.Count && points[end].Date == points[start].Date) end++;
            if (points[start].Date is not null)
                for (var i = start; i < end; i++)
                    for (var j = i + 1; j < end; j++)
                    {
                        var (a, b) = (points[i], points[j]);
                        if (a.Document == b.Document && !FromTwoSources(a, b)) continue;
                        if (!Bounds(a).Meets(Bounds(b))) found.Add((a, b));
                    }
            start = end;
        }
        return found;
    }

    /// <summary>Two figures of one article that it gives to two named sources; figures it gives to no one,
    /// or to one source, are the article's own account.</summary>
    private static bool FromTwoSources(SeriesPoint a, SeriesPoint b)
    {
        var lexicon = QuantityLexicon.For(a.Document.Language)!;
        return FigureSource.Of(a.Document, lexicon, a.Quantity) is { } first && FigureSource.Of(b.Document, lexicon, b.Quantity) is { } second
            && !string.Equals(first, second, StringComparison.OrdinalIgnoreCase);
    }

    private static FigureBounds Bounds(SeriesPoint point) => FigureBounds.Of(point.Quantity);
}
