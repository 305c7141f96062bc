using System.Runtime.InteropServices;

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
        // Entities are numbered as they come, so that a pair is two numbers: a line naming k entities
        // counts k² pairs, and hashing two id strings for each was most of the work.
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>();
        var counts = new List<int>();
        var byLine = new Dictionary<(string Document, int Line), List<int>>();
        foreach (var mention in mentions)
        {
            if (!numbers.TryGetValue(mention.Entity, out var number))
            {
                numbers[mention.Entity] = number = ids.Count;
                ids.Add(mention.Entity);
                counts.Add(0);
            }
            counts[number]++;
            var key = (mention.Document, mention.Line);
            if (!byLine.TryGetValue(key, out var here)) byLine[key] = here = [];
            here.Add(number);
        }
        foreach (var here in byLine.Values)
        {
            // Each entity once, however often the line names it.
            here.Sort();
            var distinct = 0;
            for (var k = 0; k < here.Count; k++)
                if (distinct == 0 || here[distinct - 1] != here[k]) here[distinct++] = here[k];
            here.RemoveRange(distinct, here.Count - distinct);
        }
        var weights = PairWeights(byLine.Values, counts, edges);
        var nodes = entities.Select(e => new GraphNode(e.Id, e.Name, e.Type, numbers.TryGetValue(e.Id, out var n) ? counts[n] : 0)).ToArray();
        // Only a pair as heavy as the last edge kept can be kept: the lighter ones, most of them, are never made edges.
        var (least, candidates) = LeastKept(weights.Values, edges);
        return new CooccurrenceGraph(nodes, Heaviest(weights.Where(w => w.Value >= least).Select(w => Edge(ids[w.Key.Item1], ids[w.Key.Item2], w.Value)), candidates, edges));
    }

    /// <summary>How many lines each pair of entities shares, for every pair that can be among the
    /// <paramref name="count"/> heaviest. A pair weighs at most the mentions of either entity, so when the pairs
    /// of entities mentioned at least <c>t</c> times include <paramref name="count"/> of weight <c>t</c> or more,
    /// every pair that can be kept is among them: a large dossier's few thousand edges are counted from its most
    /// mentioned entities, not from the millions of pairs of every line. <c>t</c> halves until that holds; at 1 it is every pair.</summary>
    private static Dictionary<(int, int), int> PairWeights(IEnumerable<List<int>> lines, List<int> mentions, int count)
    {
        var least = count == int.MaxValue ? 1 : FirstLeast(mentions, count);
        var weights = new Dictionary<(int, int), int>();
        var kept = new List<int>();
        while (true)
        {
            weights.Clear();
            foreach (var here in lines)
            {
                kept.Clear();
                foreach (var entity in here)
                    if (mentions[entity] >= least) kept.Add(entity);
                for (var i = 0; i < kept.Count; i++)
                    for (var j = i + 1; j < kept.Count; j++)
                        CollectionsMarshal.GetValueRefOrAddDefault(weights, (kept[i], kept[j]), out _)++;
            }
            if (least == 1 || weights.Values.Count(w => w >= least) >= count) return weights;
            least /= 2;
        }
    }

    /// <summary>A first guess of the lightest kept edge: the mentions of the entity ranked so that the entities
    /// above it make about <paramref name="count"/> pairs.</summary>
    private static int FirstLeast(List<int> mentions, int count)
    {
        var rank = (int)Math.Min(mentions.Count - 1, Math.Ceiling(Math.Sqrt(2.0 * count)));
        if (rank < 0) return 1;
        var sorted = mentions.ToArray();
        Array.Sort(sorted, (a, b) => b.CompareTo(a));
        return Math.Max(1, sorted[rank]);
    }

    /// <summary>The weight of the <paramref name="count"/>-th heaviest pair (all pairs' least when there are
    /// no more), and how many pairs weigh at least as much.</summary>
    private static (int Least, int Pairs) LeastKept(Dictionary<(int, int), int>.ValueCollection weights, int count)
    {
        if (count >= weights.Count) return (0, weights.Count);
        var pairs = new Dictionary<int, int>();
        foreach (var weight in weights) CollectionsMarshal.GetValueRefOrAddDefault(pairs, weight, out _)++;
        var heavier = 0;
        foreach (var weight in pairs.Keys.OrderDescending())
        {
            heavier += pairs[weight];
            if (heavier >= count) return (weight, heavier);
        }
        return (0, weights.Count);
    }

    /// <summary>An edge with its ends in id order.</summary>
    private static GraphEdge Edge(string a, string b, int weight) =>
        string.CompareOrdinal(a, b) < 0 ? new GraphEdge(a, b, weight) : new GraphEdge(b, a, weight);

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
