namespace Dossier.Core.Export;

/// <summary>An entity as a node: its id, name, type and how often it is mentioned.</summary>
public sealed record GraphNode(string Id, string Label, string Type, int Mentions);

/// <summary>Two entities named in the same lines; <see cref="Weight"/> counts those lines.</summary>
public sealed record GraphEdge(string Source, string Target, int Weight);

/// <summary>A mention of entity <paramref name="Entity"/> on line <paramref name="Line"/> of document <paramref name="Document"/>.</summary>
public readonly record struct EntityPlace(string Entity, string Document, int Line);

/// <summary>The entity co-occurrence graph: two entities are linked when a line (a paragraph of an
/// article) names both. Lines are the blocking key, so the work grows with the mentions, not with
/// the square of the entities.</summary>
public sealed record CooccurrenceGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges)
{
    /// <param name="edges">How many edges to keep, the heaviest: a reader of a large dossier's graph needs the
    /// first few thousand of millions, which are selected without sorting them all.</param>
    public static CooccurrenceGraph Build(IEnumerable<(string Id, string Name, string Type)> entities, IEnumerable<EntityPlace> mentions, int edges = int.MaxValue)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var byLine = new Dictionary<(string Document, int Line), SortedSet<string>>();
        foreach (var mention in mentions)
        {
            counts[mention.Entity] = counts.GetValueOrDefault(mention.Entity) + 1;
            var key = (mention.Document, mention.Line);
            if (!byLine.TryGetValue(key, out var here)) byLine[key] = here = new SortedSet<string>(StringComparer.Ordinal);
            here.Add(mention.Entity);
        }
        var weights = new Dictionary<(string, string), int>();
        foreach (var here in byLine.Values)
        {
            var ids = here.ToArray();
            for (var i = 0; i < ids.Length; i++)
                for (var j = i + 1; j < ids.Length; j++)
                    weights[(ids[i], ids[j])] = weights.GetValueOrDefault((ids[i], ids[j])) + 1;
        }
        var nodes = entities.Select(e => new GraphNode(e.Id, e.Name, e.Type, counts.GetValueOrDefault(e.Id))).ToArray();
        return new CooccurrenceGraph(nodes, Heaviest(weights.Select(w => new GraphEdge(w.Key.Item1, w.Key.Item2, w.Value)), weights.Count, edges));
    }

    /// <summary>Heaviest first, then by source and target ids.</summary>
    private static int EdgeOrder(GraphEdge a, GraphEdge b)
    {
        var byWeight = b.Weight.CompareTo(a.Weight);
        if (byWeight != 0) return byWeight;
        var bySource = string.CompareOrdinal(a.Source, b.Source);
        return bySource != 0 ? bySource : string.CompareOrdinal(a.Target, b.Target);
    }

    /// <summary>The first <paramref name="count"/> edges in <see cref="EdgeOrder"/>, in that order: a heap holds
    /// the best so far with the one that would come last on top, to be replaced by any edge that comes before it.</summary>
    private static GraphEdge[] Heaviest(IEnumerable<GraphEdge> edges, int total, int count)
    {
        if (count >= total)
        {
            var all = edges.ToArray();
            Array.Sort(all, EdgeOrder);
            return all;
        }
        var last = new PriorityQueue<GraphEdge, GraphEdge>(Comparer<GraphEdge>.Create((a, b) => EdgeOrder(b, a)));
        foreach (var edge in edges)
        {
            if (last.Count < count) last.Enqueue(edge, edge);
            else if (count > 0 && EdgeOrder(edge, last.Peek()) < 0) last.DequeueEnqueue(edge, edge);
        }
        var kept = last.UnorderedItems.Select(x => x.Element).ToArray();
        Array.Sort(kept, EdgeOrder);
        return kept;
    }
}
