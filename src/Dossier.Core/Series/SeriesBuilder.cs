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

/// <summary>Gathers levels (not increments or movements) that count the same unit in the same
/// place into a series: "quelque 4 100 hommes" (April 2016) and "4650 … militaires … en Irak"
/// (July 2016) are one series of soldiers in Iraq. The place is the first place the sentence puts
/// the figure in ("en Irak"), else the place the article is most about.</summary>
public static class SeriesBuilder
{
    /// <summary>Figures of one day further apart than this (relative) disagree.</summary>
    private const double Tolerance = 0.05;

    public static IReadOnlyList<QuantitySeries> Build(IReadOnlyList<ExportedDocument> documents, IReadOnlyList<EntityGroup> entities)
    {
        var places = PlacesByDocument(documents, entities);
        var groups = new Dictionary<(string Unit, string Place), List<SeriesPoint>>();
        var order = new List<(string, string)>();
        var placeOf = entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        for (var d = 0; d < documents.Count; d++)
        {
            var (id, document) = documents[d];
            var lexicon = QuantityLexicon.For(document.Language);
            if (lexicon is null || !places.TryGetValue(d, out var documentPlaces) || documentPlaces.Count == 0) continue;
            var main = documentPlaces.GroupBy(p => p.Entity.Id, StringComparer.Ordinal).OrderByDescending(g => g.Count()).First().First().Entity;
            foreach (var quantity in document.Quantities)
            {
                if (quantity.Role != QuantityRole.Level) continue;
                var place = PlaceInSentence(document, lexicon, quantity, documentPlaces) ?? main;
                var key = (quantity.Unit, place.Id);
                if (!groups.TryGetValue(key, out var points))
                {
                    groups[key] = points = [];
                    order.Add(key);
                }
                points.Add(new SeriesPoint(id, document, quantity, DateOf(document)));
            }
        }
        var series = new List<QuantitySeries>();
        foreach (var key in order)
        {
            var points = groups[key];
            if (points.Count < 2) continue;
            points = points.OrderBy(p => p.Date ?? "~", StringComparer.Ordinal).ToList();
            var place = placeOf[key.Item2];
            series.Add(new QuantitySeries($"q{series.Count + 1}", $"{key.Item1} — {place.Name}", key.Item1, place, points, Disagreements(points)));
        }
        return series;
    }

    private sealed record PlaceMention(TextSpan Span, EntityGroup Entity);

    private static Dictionary<int, List<PlaceMention>> PlacesByDocument(IReadOnlyList<ExportedDocument> documents, IReadOnlyList<EntityGroup> entities)
    {
        var index = new Dictionary<AnalysedDocument, int>(ReferenceEqualityComparer.Instance);
        for (var d = 0; d < documents.Count; d++) index[documents[d].Document] = d;
        var places = new Dictionary<int, List<PlaceMention>>();
        foreach (var entity in entities)
        {
            if (entity.Type != "LOC") continue;
            foreach (var (_, document, mention) in entity.Mentions)
            {
                var d = index[document];
                if (!places.TryGetValue(d, out var list)) places[d] = list = [];
                list.Add(new PlaceMention(mention.Span, entity));
            }
        }
        foreach (var list in places.Values) list.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return places;
    }

    /// <summary>The first place after the figure, in its sentence, that a locative preposition introduces ("… déployés en Irak").</summary>
    private static EntityGroup? PlaceInSentence(AnalysedDocument document, QuantityLexicon lexicon, Quantity quantity, List<PlaceMention> places)
    {
        var sentenceEnd = document.Sentences.FirstOrDefault(s => s.Span.Contains(quantity.Span.Start)).Span.End;
        foreach (var place in places)
        {
            if (place.Span.Start < quantity.Span.End) continue;
            if (place.Span.Start >= sentenceEnd) break;
            var between = document.Text.AsSpan(quantity.Span.End, place.Span.Start - quantity.Span.End).TrimEnd();
            var lastSpace = between.LastIndexOfAny(' ', '\u00A0');
            var lastWord = between[(lastSpace + 1)..];
            if (lexicon.Locatives.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lastWord)) return place.Entity;
        }
        return null;
    }

    private static string? DateOf(AnalysedDocument document) =>
        document.Metadata.Published?.Value is { } value ? (value.Length >= 10 ? value[..10] : value) : null;

    private static List<(SeriesPoint, SeriesPoint)> Disagreements(List<SeriesPoint> points)
    {
        var found = new List<(SeriesPoint, SeriesPoint)>();
        for (var i = 0; i < points.Count; i++)
            for (var j = i + 1; j < points.Count; j++)
            {
                var (a, b) = (points[i], points[j]);
                if (a.Date is null || a.Date != b.Date || a.Document == b.Document) continue;
                if (Math.Abs(a.Quantity.Value - b.Quantity.Value) > Tolerance * Math.Max(a.Quantity.Value, b.Quantity.Value))
                    found.Add((a, b));
            }
        return found;
    }
}
