using System.Globalization;
using System.Numerics;
using Dossier.Core.Model;
using Dossier.Core.Segment;

namespace Dossier.Core.Recognize.Entities;

/// <summary>Learns the <see cref="WordLexicon"/> from unlabelled text of the language: how often each
/// word is capitalised away from a sentence start, and distributional word clusters. A word's
/// vector is its positive PMI with the words one and two places left and right, randomly projected
/// to a few dozen dimensions; k-means (cosine) then gives a fine and a coarse clustering. Seeded and
/// single-threaded, so the same text gives the same lexicon.</summary>
public sealed class LexiconBuilder
{
    private const int MinCount = 3;
    private const int ClusterVocabulary = 40_000;
    private const int ClusterMinCount = 5;
    private const int ContextWords = 1_500;
    private const int Dimensions = 64;
    private const int FineClusters = 256;
    private const int CoarseClusters = 32;
    private const int Iterations = 10;

    private readonly SegmentationRules _rules;
    private readonly int _seed;
    private readonly Action<string> _progress;
    private readonly Dictionary<ulong, (int Total, int Inside, int Capitalised)> _counts = [];
    private readonly List<int[]> _sentences = [];
    private readonly Dictionary<ulong, int> _ids = [];
    private readonly List<ulong> _hashes = [];

    public LexiconBuilder(SegmentationRules rules, int seed, Action<string> progress)
    {
        _rules = rules;
        _seed = seed;
        _progress = progress;
    }

    /// <summary>Adds a paragraph of text (one line of an article).</summary>
    public void Add(string text)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, new TextSpan(0, text.Length), _rules, tokens);
        var ids = new int[tokens.Count];
        var sentenceStart = true;
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = text.AsSpan(tokens[i].Start, tokens[i].Length);
            var hash = WordForm.NormalHash(word);
            if (!_ids.TryGetValue(hash, out var id))
            {
                id = _hashes.Count;
                _ids[hash] = id;
                _hashes.Add(hash);
            }
            ids[i] = id;
            _counts.TryGetValue(hash, out var c);
            var casing = WordForm.CasingOf(word);
            var letters = casing is WordForm.Casing.Lower or WordForm.Casing.Title or WordForm.Casing.Upper or WordForm.Casing.Mixed;
            var inside = !sentenceStart && letters;
            var capitalised = inside && casing is WordForm.Casing.Title or WordForm.Casing.Upper;
            _counts[hash] = (c.Total + 1, c.Inside + (inside ? 1 : 0), c.Capitalised + (capitalised ? 1 : 0));
            sentenceStart = word is "." or "!" or "?" or "…" or "..." or ":" or "«" or "\"" or "—" or "–";
        }
        _sentences.Add(ids);
    }

    public WordLexicon Build()
    {
        var frequency = new int[_hashes.Count];
        foreach (var sentence in _sentences) foreach (var id in sentence) frequency[id]++;
        var byFrequency = Enumerable.Range(0, _hashes.Count).OrderByDescending(i => frequency[i]).ThenBy(i => _hashes[i]).ToArray();
        var vocabulary = byFrequency.Where(i => frequency[i] >= ClusterMinCount).Take(ClusterVocabulary).ToArray();
        var contexts = byFrequency.Take(ContextWords).ToArray();
        _progress(string.Create(CultureInfo.InvariantCulture,
            $"lexicon: {_sentences.Sum(s => s.Length)} tokens, {_hashes.Count} word forms, clustering {vocabulary.Length}"));

        var vectors = Embed(vocabulary, contexts, frequency);
        var fine = KMeans(vectors, vocabulary.Length, FineClusters, _seed);
        var coarse = KMeans(vectors, vocabulary.Length, CoarseClusters, _seed + 1);

        var entries = new Dictionary<ulong, uint>();
        var clusterOf = new Dictionary<ulong, (int Fine, int Coarse)>();
        for (var v = 0; v < vocabulary.Length; v++) clusterOf[_hashes[vocabulary[v]]] = (fine[v] + 1, coarse[v] + 1);
        foreach (var (hash, c) in _counts)
        {
            var bin = WordLexicon.CapitalBin(c.Capitalised, c.Inside);
            clusterOf.TryGetValue(hash, out var cluster);
            if (bin == WordLexicon.UnknownBin && cluster.Fine == 0) continue;
            if (c.Total < MinCount && cluster.Fine == 0) continue;
            entries[hash] = WordLexicon.Pack(cluster.Fine, cluster.Coarse, bin);
        }
        _progress(string.Create(CultureInfo.InvariantCulture, $"lexicon: {entries.Count} words kept"));
        return new WordLexicon(entries);
    }

    /// <summary>Positive PMI of each vocabulary word with context words at offsets −2, −1, +1, +2,
    /// projected onto seeded random ±1 directions and normalised.</summary>
    private float[] Embed(int[] vocabulary, int[] contexts, int[] frequency)
    {
        var row = new Dictionary<int, int>(vocabulary.Length);
        for (var v = 0; v < vocabulary.Length; v++) row[vocabulary[v]] = v;
        var column = new Dictionary<int, int>(contexts.Length);
        for (var c = 0; c < contexts.Length; c++) column[contexts[c]] = c;
        var features = 4 * (contexts.Length + 1);
        var pairs = new Dictionary<long, int>();
        var featureTotals = new double[features];
        var wordTotals = new double[vocabulary.Length];
        Span<int> offsets = [-2, -1, 1, 2];
        foreach (var sentence in _sentences)
        {
            for (var i = 0; i < sentence.Length; i++)
            {
                if (!row.TryGetValue(sentence[i], out var v)) continue;
                for (var o = 0; o < offsets.Length; o++)
                {
                    var j = i + offsets[o];
                    var c = j < 0 || j >= sentence.Length ? contexts.Length : column.GetValueOrDefault(sentence[j], contexts.Length);
                    var f = o * (contexts.Length + 1) + c;
                    var key = (long)v * features + f;
                    pairs[key] = pairs.GetValueOrDefault(key) + 1;
                    featureTotals[f]++;
                    wordTotals[v]++;
                }
            }
        }
        // Context distribution smoothing (Levy et al. 2015) keeps rare contexts from dominating.
        var smoothed = featureTotals.Select(t => Math.Pow(t, 0.75)).ToArray();
        var smoothedTotal = smoothed.Sum();
        var projection = new float[features * Dimensions];
        var random = new Random(_seed);
        for (var i = 0; i < projection.Length; i++) projection[i] = random.Next(2) == 0 ? -1f : 1f;
        var vectors = new float[vocabulary.Length * Dimensions];
        foreach (var (key, count) in pairs.OrderBy(p => p.Key))
        {
            var v = (int)(key / features);
            var f = (int)(key % features);
            var pmi = Math.Log(count / wordTotals[v] / (smoothed[f] / smoothedTotal));
            if (pmi <= 0) continue;
            AddScaled(vectors.AsSpan(v * Dimensions, Dimensions), projection.AsSpan(f * Dimensions, Dimensions), (float)pmi);
        }
        for (var v = 0; v < vocabulary.Length; v++)
        {
            var vector = vectors.AsSpan(v * Dimensions, Dimensions);
            Normalise(vector);
        }
        return vectors;
    }

    /// <summary>Spherical k-means: centroids start at seeded random words; each round assigns every
    /// vector to its most similar centroid and re-normalises the centroid sums.</summary>
    private static int[] KMeans(float[] vectors, int count, int k, int seed)
    {
        k = Math.Min(k, Math.Max(1, count));
        var assignment = new int[count];
        if (count == 0) return assignment;
        var centroids = new float[k * Dimensions];
        var random = new Random(seed);
        var starts = Enumerable.Range(0, count).ToArray();
        random.Shuffle(starts);
        for (var c = 0; c < k; c++) vectors.AsSpan(starts[c] * Dimensions, Dimensions).CopyTo(centroids.AsSpan(c * Dimensions, Dimensions));
        for (var round = 0; round < Iterations; round++)
        {
            for (var v = 0; v < count; v++)
            {
                var vector = vectors.AsSpan(v * Dimensions, Dimensions);
                var best = 0;
                var bestSimilarity = float.NegativeInfinity;
                for (var c = 0; c < k; c++)
                {
                    var similarity = Dot(vector, centroids.AsSpan(c * Dimensions, Dimensions));
                    if (similarity > bestSimilarity) { bestSimilarity = similarity; best = c; }
                }
                assignment[v] = best;
            }
            Array.Clear(centroids);
            for (var v = 0; v < count; v++)
                AddScaled(centroids.AsSpan(assignment[v] * Dimensions, Dimensions), vectors.AsSpan(v * Dimensions, Dimensions), 1f);
            for (var c = 0; c < k; c++)
            {
                Normalise(centroids.AsSpan(c * Dimensions, Dimensions));
            }
        }
        return assignment;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        var result = Vector.Sum(sum);
        for (; i < a.Length; i++) result += a[i] * b[i];
        return result;
    }

    private static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float factor)
    {
        for (var i = 0; i < target.Length; i++) target[i] += source[i] * factor;
    }

    private static void Normalise(Span<float> vector)
    {
        var norm = MathF.Sqrt(Dot(vector, vector));
        if (norm == 0) return;
        for (var i = 0; i < vector.Length; i++) vector[i] /= norm;
    }
}
