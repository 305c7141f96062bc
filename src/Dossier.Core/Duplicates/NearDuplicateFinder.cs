using Dossier.Core.Clean;
using Dossier.Core.Export;
using Dossier.Core.Model;

namespace Dossier.Core.Duplicates;

/// <summary>A group of documents that are the same text republished; its id is given when it is stored.</summary>
public sealed record DuplicateGroup(IReadOnlyList<string> DocumentIds, double Similarity, string Id = "");

/// <summary>Finds republished copies: MinHash signatures of each document's content (word
/// 5-grams of its content and title lines), candidate pairs from locality-sensitive hashing
/// (bands of the signature), kept when the estimated Jaccard similarity reaches
/// <see cref="Threshold"/>. Linear in the number of documents, not quadratic.</summary>
public static class NearDuplicateFinder
{
    /// <summary>0.8 of shared 5-grams: a republished copy with a new headline, a byline or a
    /// trailing paragraph added still passes; two dispatches on one event share far less.</summary>
    public const double Threshold = 0.8;
    private const int ShingleSize = 5;
    private const int Hashes = 128;
    private const int Bands = 32; // 4 rows a band: pairs at 0.8 collide in some band with probability > 0.999

    public static IReadOnlyList<DuplicateGroup> Find(IReadOnlyList<ExportedDocument> documents)
    {
        var signatures = new ulong[documents.Count][];
        for (var d = 0; d < documents.Count; d++) signatures[d] = Signature(documents[d].Document);
        var rows = Hashes / Bands;
        var candidates = new HashSet<(int, int)>();
        for (var band = 0; band < Bands; band++)
        {
            var buckets = new Dictionary<ulong, List<int>>();
            for (var d = 0; d < documents.Count; d++)
            {
                if (signatures[d] is null) continue;
                var key = 14695981039346656037UL;
                for (var r = 0; r < rows; r++) key = (key ^ signatures[d][band * rows + r]) * 1099511628211UL;
                if (!buckets.TryGetValue(key, out var list)) buckets[key] = list = [];
                foreach (var other in list) candidates.Add((other, d));
                list.Add(d);
            }
        }
        var parent = Enumerable.Range(0, documents.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        var similarity = new Dictionary<int, double>();
        foreach (var (a, b) in candidates.Order())
        {
            var equal = 0;
            for (var h = 0; h < Hashes; h++) if (signatures[a][h] == signatures[b][h]) equal++;
            var estimate = (double)equal / Hashes;
            if (estimate < Threshold) continue;
            var (ra, rb) = (Find(a), Find(b));
            var root = Math.Min(ra, rb);
            parent[Math.Max(ra, rb)] = root;
            similarity[root] = Math.Min(similarity.GetValueOrDefault(root, 1.0), Math.Min(estimate, similarity.GetValueOrDefault(Math.Max(ra, rb), 1.0)));
        }
        return Enumerable.Range(0, documents.Count).GroupBy(Find).Where(g => g.Count() > 1)
            .Select(g => new DuplicateGroup(g.Select(d => documents[d].Id).ToArray(), Math.Round(similarity[g.Key], 3)))
            .ToList();
    }

    /// <summary>The minimum of each of <see cref="Hashes"/> hash functions over the document's 5-grams; null when it has none.</summary>
    private static ulong[] Signature(AnalysedDocument document)
    {
        var shingles = new HashSet<ulong>();
        foreach (var line in document.Lines)
            if (line.Kind is LineKind.Content or LineKind.Title)
                shingles.UnionWith(LineFingerprint.WordShingles(document.Text.AsSpan(line.Span.Start, line.Span.Length), ShingleSize));
        if (shingles.Count == 0) return null!;
        var signature = new ulong[Hashes];
        Array.Fill(signature, ulong.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var h = 0; h < Hashes; h++)
            {
                // A family of hash functions: the shingle mixed with the function's number (SplitMix64).
                var x = shingle + 0x9E3779B97F4A7C15UL * (ulong)(h + 1);
                x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
                x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
                x ^= x >> 31;
                if (x < signature[h]) signature[h] = x;
            }
        }
        return signature;
    }
}
