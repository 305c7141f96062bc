using System.Text.Json;
using Dossier.Core.Export;
using Dossier.Core.Pipeline;
using Dossier.Core.Resolve;

namespace Dossier.Core.Series;

/// <summary>Series as a corpus stage: <see cref="SeriesBuilder"/> decides which figures measure
/// one thing; this stage stores the series under stable ids (a point is its document and start).</summary>
public sealed class SeriesStage : ICorpusStage
{
    public const string IdPrefix = "q";

    /// <param name="Disagreements">Pairs of indices into the points in <see cref="PointOrder"/>.</param>
    private sealed record Data(string Unit, string Place, int[][] Disagreements);

    public string Name => "series";
    public IReadOnlyList<string> Requires => [Layers.Quantities, Layers.Sentences, Layers.Metadata, CorpusLayers.Entities];
    public IReadOnlyList<string> Provides => [CorpusLayers.Series];

    public void Update(ICorpusRun run, CancellationToken cancellationToken)
    {
        var documents = StoredDocuments.Of(run.LoadAll());
        var entities = EntityResolutionStage.Read(run.Groups(CorpusLayers.Entities), StoredDocuments.Index(documents));
        var formed = SeriesBuilder.Build(documents, entities).Select(ToGroup).ToArray();
        StableIds.SaveAll(run, CorpusLayers.Series, IdPrefix, formed, m => (m.Document, m.Start));
    }

    private static CorpusGroup ToGroup(QuantitySeries series)
    {
        var points = PointOrder(series.Points).ToList();
        var disagreements = series.Disagreements.Select(d => new[] { points.IndexOf(d.A), points.IndexOf(d.B) }).ToArray();
        return new CorpusGroup(series.Id, null, series.Label, JsonSerializer.Serialize(new Data(series.Unit, series.Place.Id, disagreements)),
            points.Select(p => new CorpusMember(ExportedDocument.StoreIdOf(p.DocumentId), p.Quantity.Span.Start, p.Quantity.Span.Length, p.Date ?? "")).ToArray());
    }

    /// <summary>By date, then by document and place in it: the one order in which points are stored and read.</summary>
    private static IEnumerable<SeriesPoint> PointOrder(IEnumerable<SeriesPoint> points) =>
        points.OrderBy(p => ExportedDocument.StoreIdOf(p.DocumentId)).ThenBy(p => p.Quantity.Span.Start).ThenBy(p => p.Quantity.Span.Length)
            .OrderBy(p => p.Date ?? "~", StringComparer.Ordinal);

    /// <summary>Stored series over the given documents and entities; one whose place or points are gone is left out.</summary>
    public static IReadOnlyList<QuantitySeries> Read(IReadOnlyList<CorpusGroup> groups, IReadOnlyDictionary<long, ExportedDocument> documents,
        IReadOnlyList<EntityGroup> entities)
    {
        var entityById = entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var series = new List<QuantitySeries>(groups.Count);
        foreach (var group in groups)
        {
            var data = JsonSerializer.Deserialize<Data>(group.Data)!;
            if (!entityById.TryGetValue(data.Place, out var place) || group.Members.Any(m => !documents.ContainsKey(m.Document))) continue;
            var points = PointOrder(group.Members.Select(m =>
            {
                var (id, document) = documents[m.Document];
                var quantity = document.Quantities.First(q => q.Span.Start == m.Start && q.Span.Length == m.Length);
                return new SeriesPoint(id, document, quantity, m.Value.Length == 0 ? null : m.Value);
            })).ToArray();
            series.Add(new QuantitySeries(group.Id, group.Label, data.Unit, place, points,
                data.Disagreements.Select(d => (points[d[0]], points[d[1]])).ToArray()));
        }
        return series;
    }
}
