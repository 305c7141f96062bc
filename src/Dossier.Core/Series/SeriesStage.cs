using System.Text.Json;
using Dossier.Core.Export;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Resolve;

namespace Dossier.Core.Series;

/// <summary>Series as an incremental corpus stage. Each added document's figures that measure
/// something (<see cref="SeriesBuilder.Figures"/>) are kept with it and their keys filed in an
/// index; then only the series of the keys an added or removed document touches are formed again
/// (<see cref="SeriesBuilder.Form"/>), from the figures kept for the documents filed under the key:
/// no document is read but the added ones, and a series is its key's, so it keeps its id while its
/// key has one. Cost per added document: its own reading, one index lookup per key it has, and the
/// kept figures of the series it joins.</summary>
public sealed class SeriesStage : ICorpusStage
{
    public const string IdPrefix = "q";
    private const string KeyIndex = "series-keys";
    private const string KeptFigures = "series-figures";
    /// <summary>Documents read and named at a time: one query for their entities, a bounded amount in memory.</summary>
    private const int Batch = 256;

    /// <param name="Disagreements">Pairs of indices into the points in <see cref="PointOrder"/>.</param>
    /// <param name="Key">What the series measures ("unit|kind|noun|holder"), as <see cref="SeriesFigure.Key"/>.</param>
    private sealed record Data(string Unit, string Place, int[][] Disagreements, string Key);

    /// <summary>The id of the entity a stored series is placed on.</summary>
    public static string PlaceOf(CorpusGroup group) => JsonSerializer.Deserialize<Data>(group.Data)!.Place;

    /// <summary>Kept figures hold unbounded values ("plus de 200": up to infinity).</summary>
    private static readonly JsonSerializerOptions FigureJson = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public string Name => "series";
    public IReadOnlyList<string> Requires => [Layers.Quantities, Layers.Sentences, Layers.Metadata, CorpusLayers.Entities];
    public IReadOnlyList<string> Provides => [CorpusLayers.Series];

    public void Update(ICorpusRun run, CancellationToken cancellationToken)
    {
        var removed = run.Changes.Removed.ToHashSet();
        var touched = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var group in run.GroupsOf(CorpusLayers.Series, removed))
            touched.Add(JsonSerializer.Deserialize<Data>(group.Data)!.Key);
        foreach (var batch in Refigured(run).Chunk(Batch))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var (id, figures) in FiguresOf(run, batch))
            {
                run.Keep(KeptFigures, id, JsonSerializer.SerializeToUtf8Bytes(figures, FigureJson));
                var keys = figures.Select(f => f.Key).Distinct(StringComparer.Ordinal).ToArray();
                run.Index(KeyIndex, id, keys);
                touched.UnionWith(keys);
            }
        }

        var documentsOf = touched.ToDictionary(k => k, k => run.DocumentsWith(KeyIndex, k), StringComparer.Ordinal);
        // Every member of a touched key's series is in a document filed under the key, or in a removed one.
        var stored = run.GroupsWithin(CorpusLayers.Series, documentsOf.Values.SelectMany(d => d).Concat(removed).ToHashSet())
            .Select(g => (Group: g, Data: JsonSerializer.Deserialize<Data>(g.Data)!)).Where(g => touched.Contains(g.Data.Key))
            .GroupBy(g => g.Data.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(x => StableIds.Number(x.Group.Id)).ToArray(), StringComparer.Ordinal);
        foreach (var key in touched)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var olds = stored.GetValueOrDefault(key) ?? [];
            var figures = documentsOf[key].SelectMany(d => Kept(run, d).Where(f => f.Key == key).Select(f => (Document: d, Figure: f))).ToArray();
            var formed = SeriesBuilder.Form(figures);
            // A key forms a series per gathering: the first ones keep the stored ids, in order.
            foreach (var absorbed in olds.Skip(formed.Count))
            {
                run.Delete(CorpusLayers.Series, absorbed.Group.Id);
                if (formed.Count > 0) run.RecordAbsorbed(CorpusLayers.Series, absorbed.Group.Id, olds[0].Group.Id);
            }
            for (var i = 0; i < formed.Count; i++)
            {
                var group = ToGroup(i < olds.Length ? olds[i].Group.Id : IdPrefix + run.NextNumber(CorpusLayers.Series), formed[i].Named, formed[i]);
                if (i >= olds.Length || !Same(olds[i].Group, group)) run.Save(CorpusLayers.Series, group);
            }
        }
    }

    /// <summary>The documents whose figures are read again: the added ones; every stored one when
    /// resolution has just resolved the whole dossier again (<see cref="EntityResolutionStage.ResolvesAll"/>),
    /// since the entities that hold their figures may have other ids.</summary>
    private static IReadOnlyList<long> Refigured(ICorpusRun run) =>
        EntityResolutionStage.ResolvesAll(run) ? run.DocumentIds() : run.Changes.Added;

    /// <summary>The figures of a batch of documents, with the entities they name.</summary>
    private static IEnumerable<(long Id, IReadOnlyList<SeriesFigure> Figures)> FiguresOf(ICorpusRun run, long[] batch)
    {
        var documents = StoredDocuments.Of(batch.Select(id => (id, run.Load(id))).Where(x => x.Item2 is not null).Select(x => (x.id, x.Item2!)));
        var names = new Dictionary<string, List<(TextSpan Span, EntityGroup Entity)>>(StringComparer.Ordinal);
        foreach (var entity in EntityResolutionStage.Read(run.GroupsWithin(CorpusLayers.Entities, batch), StoredDocuments.Index(documents)))
            foreach (var (documentId, _, mention) in entity.Mentions)
            {
                if (!names.TryGetValue(documentId, out var list)) names[documentId] = list = [];
                list.Add((mention.Span, entity));
            }
        foreach (var (id, document) in documents)
        {
            var named = names.GetValueOrDefault(id) ?? [];
            named.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
            yield return (ExportedDocument.StoreIdOf(id), SeriesBuilder.Figures(document, named));
        }
    }

    private static SeriesFigure[] Kept(ICorpusRun run, long document) =>
        run.Kept(KeptFigures, document) is { } bytes ? JsonSerializer.Deserialize<SeriesFigure[]>(bytes, FigureJson)! : [];

    /// <param name="first">The series' first figure in dossier order, which names it.</param>
    private static CorpusGroup ToGroup(string id, SeriesFigure first,
        (IReadOnlyList<(long Document, SeriesFigure Figure)> Figures, IReadOnlyList<(int A, int B)> Disagreements, SeriesFigure Named) series)
    {
        var points = series.Figures.Select((f, i) => (f.Document, f.Figure, Formed: i)).OrderBy(p => p.Document).ThenBy(p => p.Figure.Start).ThenBy(p => p.Figure.Length)
            .OrderBy(p => FigureDate.OrderKey(p.Figure.Date), StringComparer.Ordinal).ToArray();
        var place = new int[points.Length];
        for (var i = 0; i < points.Length; i++) place[points[i].Formed] = i;
        var disagreements = series.Disagreements.Select(d => new[] { place[d.A], place[d.B] }).ToArray();
        return new CorpusGroup(id, null, first.Label, JsonSerializer.Serialize(new Data(first.Unit, first.Holder, disagreements, first.Key)),
            points.Select(p => new CorpusMember(p.Document, p.Figure.Start, p.Figure.Length, p.Figure.Date ?? "")).ToArray());
    }

    private static bool Same(CorpusGroup a, CorpusGroup b) => a.Label == b.Label && a.Data == b.Data && a.Members.SequenceEqual(b.Members);

    /// <summary>By date, then by document and place in it: the one order in which points are stored and read.</summary>
    private static IEnumerable<SeriesPoint> PointOrder(IEnumerable<SeriesPoint> points) =>
        points.OrderBy(p => ExportedDocument.StoreIdOf(p.DocumentId)).ThenBy(p => p.Quantity.Span.Start).ThenBy(p => p.Quantity.Span.Length)
            .OrderBy(p => FigureDate.OrderKey(p.Date), StringComparer.Ordinal);

    /// <summary>Stored series over the given documents and entities; one whose place or points are gone is left out.</summary>
    public static IReadOnlyList<QuantitySeries> Read(IReadOnlyList<CorpusGroup> groups, IReadOnlyDictionary<long, ExportedDocument> documents,
        IReadOnlyList<EntityGroup> entities)
    {
        var entityById = entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var series = new List<QuantitySeries>(groups.Count);
        foreach (var group in groups)
        {
            var data = JsonSerializer.Deserialize<Data>(group.Data)!;
            if (!IsShown(group, data, entityById.ContainsKey, documents.ContainsKey)) continue;
            var points = PointOrder(group.Members.Select(m =>
            {
                var (id, document) = documents[m.Document];
                return new SeriesPoint(id, document, PointOf(document, m), m.Value.Length == 0 ? null : m.Value);
            })).ToArray();
            series.Add(new QuantitySeries(group.Id, group.Label, data.Unit, entityById[data.Place], points,
                data.Disagreements.Select(d => (points[d[0]], points[d[1]])).ToArray()));
        }
        return series;
    }

    /// <summary>The figures of the given documents that the series <see cref="Read"/> reads hold as points, with
    /// their series: what a document shows of them, without reading the series' other documents.</summary>
    /// <param name="entities">Whether an entity is stored, as the series' place.</param>
    /// <param name="stored">Whether a document is stored.</param>
    public static Dictionary<Quantity, string> SeriesOf(IReadOnlyList<CorpusGroup> groups, IReadOnlyDictionary<long, ExportedDocument> documents,
        Func<string, bool> entities, Func<long, bool> stored) =>
        PointsOf(groups.Where(g => IsShown(g, entities, stored)), documents);

    /// <summary>The figures of the given documents that these series, known to be read, hold as points, with their series: the
    /// groups need hold no more than their members in those documents.</summary>
    public static Dictionary<Quantity, string> PointsOf(IEnumerable<CorpusGroup> series, IReadOnlyDictionary<long, ExportedDocument> documents)
    {
        var seriesOf = new Dictionary<Quantity, string>(ReferenceEqualityComparer.Instance);
        foreach (var group in series)
            foreach (var member in group.Members)
                if (documents.TryGetValue(member.Document, out var exported)) seriesOf[PointOf(exported.Document, member)] = group.Id;
        return seriesOf;
    }

    /// <summary>Whether a stored series is read (<see cref="Read"/>): its place and each of its points' documents are still there.</summary>
    /// <param name="entities">Whether an entity is stored, as the series' place.</param>
    /// <param name="stored">Whether a document is stored.</param>
    public static bool IsShown(CorpusGroup group, Func<string, bool> entities, Func<long, bool> stored) =>
        IsShown(group, JsonSerializer.Deserialize<Data>(group.Data)!, entities, stored);

    private static bool IsShown(CorpusGroup group, Data data, Func<string, bool> entities, Func<long, bool> stored) =>
        entities(data.Place) && group.Members.All(m => stored(m.Document));

    private static Quantity PointOf(AnalysedDocument document, CorpusMember member) =>
        document.Quantities.First(q => q.Span.Start == member.Start && q.Span.Length == member.Length);
}
