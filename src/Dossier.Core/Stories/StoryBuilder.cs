using Dossier.Core.Export;
using Dossier.Core.Model;
using Dossier.Core.Resolve;

namespace Dossier.Core.Stories;

/// <summary>A node of the story tree: a topic (no parent) or one of its sub-stories.</summary>
public sealed record Story(string Id, string? Parent, string Label, IReadOnlyList<string> DocumentIds);

/// <summary>Groups documents into a tree of stories. A topic is a centroid: each document, in
/// order, joins the topic whose summed vector it is closest to, or starts one. A document's vector holds
/// the entities it names and its key terms (<see cref="KeyTerms"/>: the subject of articles on "les gilets
/// jaunes" is no entity), each weighted by rarity so that "Irak" in every article says little and
/// "Ashton Carter" in three says a lot (cosine). Likeness to the whole topic, not to one member, keeps a topic
/// from chaining through articles that each share something with the next. Candidate topics come
/// from an inverted index (feature → topics), read for the document's rarest features already seen and the most
/// recent topics of each, so a document costs the same however large the dossier. Sub-stories
/// split a topic in time; an undated article goes to the sub-story whose features it shares most.</summary>
public static class StoryBuilder
{
    /// <summary>Cosine to a topic's centroid from which a document joins it.</summary>
    public const double TopicSimilarity = 0.15;
    /// <summary>A story that falls silent for half a year and comes back is a new sub-story.</summary>
    public const int MaxSilenceDays = 180;
    /// <summary>How many of a document's features (the rarest) look for candidate topics.</summary>
    internal const int LookupFeatures = 8;
    /// <summary>How many topics (the latest) a feature offers as candidates.</summary>
    private const int TopicsPerFeature = 64;

    public static IReadOnlyList<Story> Build(IReadOnlyList<ExportedDocument> documents, IReadOnlyList<EntityGroup> entities) =>
        BuildWithVectors(documents, entities).Stories;

    /// <summary>The story tree; in document order, each document's features and its vector (the features
    /// another document shares, weighted); and the name of each feature.</summary>
    internal static (IReadOnlyList<Story> Stories, string[][] Features, Dictionary<string, double>[] Vectors, IReadOnlyDictionary<string, string> Names) BuildWithVectors(
        IReadOnlyList<ExportedDocument> documents, IReadOnlyList<EntityGroup> entities)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var d = 0; d < documents.Count; d++) index[documents[d].Id] = d;
        var named = new HashSet<string>[documents.Count];
        for (var d = 0; d < documents.Count; d++) named[d] = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in entities)
            foreach (var (id, _, _) in entity.Mentions)
                named[index[id]].Add(entity.Id);
        var names = entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
        var present = documents.Select((d, i) => Features(d.Document, named[i]).ToArray()).ToArray();
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var feature in present.SelectMany(p => p))
        {
            frequency[feature] = frequency.GetValueOrDefault(feature) + 1;
            if (IsTerm(feature)) names[feature] = feature;
        }
        var vectors = documents.Select((d, i) => Vector(present[i], d.Document.Language, documents.Count, f => frequency[f])).ToArray();
        var distinctive = present.Select(p => DistinctiveVector(p, documents.Count, f => frequency[f])).ToArray();
        Dictionary<string, double> LabelVector(int d) => Weighted(present[d], documents[d].Document.Language, documents.Count, f => frequency[f]);

        var dates = documents.Select(d => DateOf(d.Document.Metadata.Published?.Value)).ToArray();
        var stories = new List<Story>();
        foreach (var topic in Topics(vectors))
        {
            var topicId = $"s{stories.Count + 1}";
            stories.Add(new Story(topicId, null, Label(topic.Select(LabelVector), names), topic.Select(d => documents[d].Id).ToArray()));
            var subStories = SubStories(topic, distinctive, dates);
            if (subStories.Count < 2) continue;
            foreach (var sub in subStories)
                stories.Add(new Story($"s{stories.Count + 1}", topicId, Label(sub.Select(LabelVector), names), sub.Select(d => documents[d].Id).ToArray()));
        }
        return (stories, present, vectors, names);
    }

    /// <summary>The features of a document's vector: the entities it names and its key terms, quoted, so
    /// that a term never reads as an entity id and a label shows it as the words articles use.</summary>
    internal static IEnumerable<string> Features(AnalysedDocument document, IEnumerable<string> entities) =>
        entities.Concat(KeyTerms.For(document.Language).Of(document).Select(t => $"\"{t}\""));

    internal static bool IsTerm(string feature) => feature.StartsWith('"');

    /// <summary>A document's vector in a dossier of <paramref name="documents"/>: each feature that another
    /// document also holds (one found in this document only links it to nothing and would only lengthen
    /// it), weighted by its rarity: an entity's from the dossier's documents that name it, a term's from
    /// the language's background, so that a subject every article of the dossier shares still counts.</summary>
    internal static Dictionary<string, double> Vector(IEnumerable<string> features, string language, int documents, Func<string, int> frequency) =>
        Weighted(features.Where(f => frequency(f) >= 2), language, documents, frequency);

    /// <summary>Every feature weighted as in <see cref="Vector"/>, those of one document included: what a
    /// label is chosen from, so that a topic of one article unlike any other is still named.</summary>
    internal static Dictionary<string, double> Weighted(IEnumerable<string> features, string language, int documents, Func<string, int> frequency)
    {
        var vector = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var feature in features)
            vector[feature] = Weight(documents, IsTerm(feature) ? KeyTerms.For(language).ExpectedFrequency(feature[1..^1], documents) : Math.Max(1, frequency(feature)));
        return vector;
    }

    /// <summary>Within a topic what sets a sub-story apart is what the whole dossier does not share:
    /// plain idf, zero for a feature everywhere; features of one document only are left out as in <see cref="Vector"/>.</summary>
    internal static Dictionary<string, double> DistinctiveVector(IEnumerable<string> features, int documents, Func<string, int> frequency)
    {
        var vector = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var feature in features)
            if (frequency(feature) is var count and >= 2) vector[feature] = Math.Log((double)documents / count);
        return vector;
    }

    /// <summary>A feature's weight from how many of the dossier's documents hold it (or would, for a term).
    /// Smoothed: a feature in every document still weighs something, so a small dossier on one subject
    /// stays one topic.</summary>
    internal static double Weight(int documents, double frequency) => Math.Log((documents + 1.0) / (frequency + 1)) + 1;

    /// <summary>The summed vectors of a group of documents.</summary>
    internal static Dictionary<string, double> Summed(IEnumerable<Dictionary<string, double>> vectors)
    {
        var sum = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var vector in vectors)
            foreach (var (feature, weight) in vector) sum[feature] = sum.GetValueOrDefault(feature) + weight;
        return sum;
    }

    /// <summary>The three features (entity names, quoted terms) that best characterise a group: the heaviest
    /// of its documents' summed (<see cref="Weighted"/>) vectors, that is present in most of its documents,
    /// weighted by rarity. A term says
    /// nothing new beside a phrase holding its words ("gilets" beside "gilets jaunes"): the phrase stands
    /// for both, in the place of the heavier.</summary>
    internal static string Label(IEnumerable<Dictionary<string, double>> weighted, IReadOnlyDictionary<string, string> names)
    {
        var summed = Summed(weighted);
        var chosen = new List<string>();
        foreach (var (feature, _) in summed.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            if (chosen.Count == 3) break;
            if (!IsTerm(feature))
            {
                chosen.Add(feature);
                continue;
            }
            var words = Words(feature);
            if (chosen.Any(c => IsTerm(c) && words.IsSubsetOf(Words(c)))) continue;
            var within = chosen.FindIndex(c => IsTerm(c) && Words(c).IsSubsetOf(words));
            if (within < 0)
            {
                chosen.Add(feature);
                continue;
            }
            chosen[within] = feature;
            chosen.RemoveAll(c => c != feature && IsTerm(c) && Words(c).IsSubsetOf(words));
        }
        return string.Join(" · ", chosen.Select(f => names[f]));
    }

    private static HashSet<string> Words(string term) => term[1..^1].Split(' ').ToHashSet(StringComparer.Ordinal);

    private static List<List<int>> Topics(Dictionary<string, double>[] vectors)
    {
        var topics = new List<(List<int> Members, Centroid Centroid)>();
        var topicsWith = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var d = 0; d < vectors.Length; d++)
        {
            var vector = vectors[d];
            var best = -1;
            var bestScore = TopicSimilarity;
            var candidates = vector.Where(p => topicsWith.ContainsKey(p.Key))
                .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(LookupFeatures)
                .SelectMany(p => topicsWith[p.Key].Skip(Math.Max(0, topicsWith[p.Key].Count - TopicsPerFeature)))
                .Distinct().Order();
            foreach (var t in candidates)
            {
                var score = topics[t].Centroid.Cosine(vector);
                if (score >= bestScore && (score > bestScore || best < 0)) (best, bestScore) = (t, score);
            }
            if (best < 0)
            {
                best = topics.Count;
                topics.Add(([], new Centroid()));
            }
            topics[best].Members.Add(d);
            foreach (var feature in vector.Keys)
            {
                if (!topics[best].Centroid.Contains(feature))
                {
                    if (!topicsWith.TryGetValue(feature, out var list)) topicsWith[feature] = list = [];
                    list.Add(best);
                }
            }
            topics[best].Centroid.Add(vector);
        }
        return topics.Select(t => t.Members).ToList();
    }

    /// <summary>The sum of a group's vectors, with its norm kept up to date.</summary>
    internal sealed class Centroid
    {
        private readonly Dictionary<string, double> _sum = new(StringComparer.Ordinal);
        private double _normSquared;

        public Centroid()
        {
        }

        /// <summary>A centroid as stored: its sum.</summary>
        public Centroid(IReadOnlyDictionary<string, double> sum)
        {
            foreach (var (feature, weight) in sum)
            {
                _sum[feature] = weight;
                _normSquared += weight * weight;
            }
        }

        public IReadOnlyDictionary<string, double> Sum => _sum;

        /// <summary>The <paramref name="count"/> heaviest features, heaviest first (then by name): what is
        /// stored of a centroid, since the light tail of a large topic changes no likeness much.</summary>
        public Dictionary<string, double> Heaviest(int count) =>
            _sum.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(count).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

        public bool Contains(string feature) => _sum.ContainsKey(feature);

        public void Add(Dictionary<string, double> vector)
        {
            foreach (var (feature, weight) in vector)
            {
                var old = _sum.GetValueOrDefault(feature);
                _sum[feature] = old + weight;
                _normSquared += 2 * old * weight + weight * weight;
            }
        }

        public double Cosine(Dictionary<string, double> vector)
        {
            double dot = 0, norm = 0;
            foreach (var (feature, weight) in vector)
            {
                norm += weight * weight;
                dot += weight * _sum.GetValueOrDefault(feature);
            }
            return dot == 0 ? 0 : dot / Math.Sqrt(norm * _normSquared);
        }
    }

    /// <summary>The sum of a group's vectors each scaled to length 1: its dot product with another unit
    /// vector over the group's size is the average cosine to the members, in one pass over the vector.</summary>
    private sealed class MeanOfUnitVectors
    {
        private readonly Dictionary<string, double> _sum = new(StringComparer.Ordinal);
        private int _count;

        public void Add(Dictionary<string, double> vector)
        {
            var norm = Norm(vector);
            _count++;
            if (norm == 0) return;
            foreach (var (feature, weight) in vector) _sum[feature] = _sum.GetValueOrDefault(feature) + weight / norm;
        }

        public double AverageCosine(Dictionary<string, double> vector)
        {
            var norm = Norm(vector);
            if (norm == 0 || _count == 0) return 0;
            double dot = 0;
            foreach (var (feature, weight) in vector) dot += weight * _sum.GetValueOrDefault(feature);
            return dot / norm / _count;
        }

        private static double Norm(Dictionary<string, double> vector) => Math.Sqrt(vector.Values.Sum(w => w * w));
    }

    /// <summary>Dated articles of a topic form runs without a silence of more than
    /// <see cref="MaxSilenceDays"/>; each undated article joins the run it is most like on average
    /// (cosine to each member), or stands alone when it shares nothing with any.</summary>
    internal static List<List<int>> SubStories(List<int> topic, Dictionary<string, double>[] vectors, DateOnly?[] dates)
    {
        var runs = new List<List<int>>();
        DateOnly? previous = null;
        foreach (var d in topic.Where(d => dates[d] is not null).OrderBy(d => dates[d]))
        {
            if (previous is null || dates[d]!.Value.DayNumber - previous.Value.DayNumber > MaxSilenceDays) runs.Add([]);
            runs[^1].Add(d);
            previous = dates[d];
        }
        var means = runs.Select(run =>
        {
            var mean = new MeanOfUnitVectors();
            foreach (var d in run) mean.Add(vectors[d]);
            return mean;
        }).ToList();
        foreach (var d in topic.Where(d => dates[d] is null))
        {
            var best = means.Select((m, i) => (i, Similarity: m.AverageCosine(vectors[d])))
                .Where(r => r.Similarity > 0).OrderByDescending(r => r.Similarity).FirstOrDefault((-1, 0));
            if (best.Item1 >= 0) runs[best.Item1].Add(d);
            else runs.Add([d]);
        }
        foreach (var run in runs) run.Sort();
        return runs;
    }

    /// <summary>The day a TIMEX3 value names, or its first day ("2016-07" → 1 July); null when the year is unknown.</summary>
    internal static DateOnly? DateOf(string? timex)
    {
        if (timex is null || timex.Length < 4 || !int.TryParse(timex.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
            return null;
        var month = timex.Length >= 7 && int.TryParse(timex.AsSpan(5, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : 1;
        var day = timex.Length >= 10 && int.TryParse(timex.AsSpan(8, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var dd) ? dd : 1;
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }
}
