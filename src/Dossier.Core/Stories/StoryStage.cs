using System.Text.Json;
using Dossier.Core.Export;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Core.Resolve;

namespace Dossier.Core.Stories;

/// <summary>Stories as a corpus stage, stored under stable ids (a member is its document and whether
/// the story is a topic or a sub-story, so that a topic continues a topic). When resolution resolves
/// the whole dossier again (a first run, a large change), <see cref="StoryBuilder"/> forms the whole
/// tree. Otherwise each added document is placed as the builder would place it, against what is
/// stored: its features (<see cref="StoryBuilder.Features"/>) that other documents of the dossier also hold, weighted as the
/// builder weighs them, the candidate topics those of the latest documents filed under its rarest features,
/// each compared through the centroid kept with
/// the topic; it joins the closest from <see cref="StoryBuilder.TopicSimilarity"/> or founds a topic.
/// Only the topics that gain or lose documents are written again, with their sub-stories, from the
/// vectors kept for their documents. Cost per added document: a few index lookups and the centroids of
/// its candidate topics; then the size of the topics it joins.</summary>
public sealed class StoryStage : ICorpusStage
{
    public const string IdPrefix = "s";
    private const string TopicLevel = "topic";
    private const string SubStoryLevel = "sub-story";
    private const string EntityIndex = "story-entities";
    private const string TermIndex = "story-terms";
    private const string KeptVectors = "story-vectors";
    /// <summary>How many features of a topic's centroid are stored, the heaviest.</summary>
    private const int CentroidFeatures = 512;
    /// <summary>How many documents (the latest) a feature offers, whose topics are candidates.</summary>
    private const int DocumentsPerFeature = 64;
    /// <summary>Documents placed per query for their entities.</summary>
    private const int Batch = 256;

    /// <summary>What is stored with a topic: the heaviest features of its centroid.</summary>
    private sealed record TopicData(Dictionary<string, double> Centroid);

    /// <summary>What the stage keeps of a document: its publication date, its entities with their names, its
    /// key terms and its language, whose background weighs them (the last two absent in dossiers stored before them).</summary>
    private sealed record KeptVector(string? Date, string[] Entities, string[] Names, string[]? Terms = null, string? Language = null)
    {
        public IEnumerable<string> Features => Terms is null ? Entities : Entities.Concat(Terms);
    }

    /// <summary>A topic this run changes: its documents, and its centroid as documents join it.</summary>
    private sealed class Topic(string id, SortedSet<long> members, StoryBuilder.Centroid centroid)
    {
        public string Id { get; } = id;
        public SortedSet<long> Members { get; } = members;
        public StoryBuilder.Centroid Centroid { get; } = centroid;
    }

    public string Name => "stories";
    public IReadOnlyList<string> Requires => [Layers.Metadata, CorpusLayers.Entities];
    public IReadOnlyList<string> Provides => [CorpusLayers.Stories];

    public void Update(ICorpusRun run, CancellationToken cancellationToken)
    {
        if (EntityResolutionStage.ResolvesAll(run)) FormAll(run);
        else Place(run, cancellationToken);
    }

    private static void FormAll(ICorpusRun run)
    {
        var documents = StoredDocuments.Of(run.LoadAll());
        var entities = EntityResolutionStage.Read(run.Groups(CorpusLayers.Entities), StoredDocuments.Index(documents));
        var (stories, features, vectors, names) = StoryBuilder.BuildWithVectors(documents, entities);
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var d = 0; d < documents.Count; d++) position[documents[d].Id] = d;
        var formed = stories.Select(story => ToGroup(story.Id, story.Parent, story.Label,
            story.Parent is null ? TopicJson(StoryBuilder.Summed(story.DocumentIds.Select(d => vectors[position[d]]))) : "{}",
            story.DocumentIds.Select(ExportedDocument.StoreIdOf))).ToArray();
        StableIds.SaveAll(run, CorpusLayers.Stories, IdPrefix, formed, m => (m.Document, m.Value));
        for (var d = 0; d < documents.Count; d++)
        {
            Keep(run, ExportedDocument.StoreIdOf(documents[d].Id), documents[d].Document, features[d], names);
        }
    }

    private static void Place(ICorpusRun run, CancellationToken cancellationToken)
    {
        var removed = run.Changes.Removed.ToHashSet();
        var touched = new Dictionary<string, Topic>(StringComparer.Ordinal);
        foreach (var group in run.GroupsOf(CorpusLayers.Stories, removed).Where(g => g.Parent is null))
            touched[group.Id] = new Topic(group.Id, new SortedSet<long>(group.Members.Select(m => m.Document).Where(d => !removed.Contains(d))), CentroidOf(group));
        // Documents this run has placed, whose topics may not be stored yet.
        var placed = new Dictionary<long, Topic>();
        // Stored topics' centroids as read, each once: the same topics are candidates for many of the added documents.
        var centroids = new Dictionary<string, StoryBuilder.Centroid>(StringComparer.Ordinal);

        var stored = run.DocumentCount();
        // Every added document is filed under its features before any is placed, so that a feature counts the
        // documents that hold it in the whole dossier, as when the builder forms everything: the first of
        // several added articles on a new subject keeps the features the others share with it.
        var added = new List<(long Id, string Language, string[] Features)>();
        foreach (var batch in run.Changes.Added.Chunk(Batch))
        {
            var named = new Dictionary<long, Dictionary<string, string>>();
            foreach (var entity in run.GroupsWithin(CorpusLayers.Entities, batch))
                foreach (var member in entity.Members)
                {
                    if (!named.TryGetValue(member.Document, out var names)) named[member.Document] = names = new Dictionary<string, string>(StringComparer.Ordinal);
                    names[entity.Id] = entity.Label;
                }
            foreach (var id in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (run.Load(id) is not { } document) continue;
                var names = named.GetValueOrDefault(id) ?? [];
                var features = StoryBuilder.Features(document, names.Keys).ToArray();
                Keep(run, id, document, features, names);
                added.Add((id, document.Language, features));
            }
        }
        // How many documents hold a feature, asked once per run: nothing is filed from here on, and the same features
        // (an entity named in most articles) weigh the vectors of most added documents and most changed topics.
        var holding = new Dictionary<string, int>(StringComparer.Ordinal);
        int Holding(string feature)
        {
            if (!holding.TryGetValue(feature, out var count)) holding[feature] = count = run.CountWith(IndexOf(feature), feature);
            return count;
        }
        foreach (var (id, language, features) in added)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var vector = StoryBuilder.Vector(features, language, stored, Holding);
            var topic = Closest(run, vector, touched, placed, centroids) ?? new Topic(IdPrefix + run.NextNumber(CorpusLayers.Stories), [], new StoryBuilder.Centroid());
            touched[topic.Id] = topic;
            placed[id] = topic;
            topic.Members.Add(id);
            topic.Centroid.Add(vector);
        }
        foreach (var topic in touched.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Write(run, topic, removed, stored, Holding);
        }
    }

    /// <summary>The topic a document's vector joins: the candidate topics are those of the latest
    /// documents filed under its rarest features (each held by another document, or the vector would not hold it); the closest centroid from
    /// <see cref="StoryBuilder.TopicSimilarity"/> wins, the oldest topic on a tie; null when none is close enough. A topic
    /// not changed yet is compared through its stored centroid, read into <paramref name="centroids"/> once.</summary>
    private static Topic? Closest(ICorpusRun run, Dictionary<string, double> vector, Dictionary<string, Topic> touched, Dictionary<long, Topic> placed,
        Dictionary<string, StoryBuilder.Centroid> centroids)
    {
        var documents = vector.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(StoryBuilder.LookupFeatures)
            .SelectMany(p => run.LatestWith(IndexOf(p.Key), p.Key, DocumentsPerFeature)).ToHashSet();
        var candidates = run.GroupsWithin(CorpusLayers.Stories, documents).Where(g => g.Parent is null)
            .Select(g => (g.Id, Stored: (CorpusGroup?)g, Changed: touched.GetValueOrDefault(g.Id)))
            .Concat(documents.Where(placed.ContainsKey).Select(d => (placed[d].Id, Stored: (CorpusGroup?)null, Changed: (Topic?)placed[d])))
            .DistinctBy(c => c.Id).OrderBy(c => StableIds.Number(c.Id));
        Topic? best = null;
        var bestScore = StoryBuilder.TopicSimilarity;
        foreach (var (_, group, changed) in candidates)
        {
            var centroid = changed?.Centroid ?? StoredCentroid(group!, centroids);
            var score = centroid.Cosine(vector);
            if (score < bestScore || score == bestScore && best is not null) continue;
            bestScore = score;
            best = changed ?? Stored(run, group!);
        }
        return best;
    }

    private static StoryBuilder.Centroid StoredCentroid(CorpusGroup topic, Dictionary<string, StoryBuilder.Centroid> centroids)
    {
        if (!centroids.TryGetValue(topic.Id, out var centroid)) centroids[topic.Id] = centroid = CentroidOf(topic);
        return centroid;
    }

    /// <summary>The centroid a stored topic keeps in its data.</summary>
    private static StoryBuilder.Centroid CentroidOf(CorpusGroup topic) => new(JsonSerializer.Deserialize<TopicData>(topic.Data)!.Centroid);

    /// <summary>A stored topic with all its documents and its stored centroid.</summary>
    private static Topic Stored(ICorpusRun run, CorpusGroup candidate)
    {
        var whole = run.GroupsOf(CorpusLayers.Stories, [candidate.Members[0].Document]).First(g => g.Id == candidate.Id);
        return new Topic(candidate.Id, new SortedSet<long>(whole.Members.Select(m => m.Document)), CentroidOf(candidate));
    }

    /// <summary>Writes a changed topic and its sub-stories again from the features kept for its documents,
    /// weighted as the builder weighs them in a dossier of <paramref name="documents"/> (its centroid too: the
    /// sum of their vectors), or deletes it when it has none left. <paramref name="holding"/> tells how many documents hold a feature.</summary>
    private static void Write(ICorpusRun run, Topic topic, HashSet<long> removed, int documents, Func<string, int> holding)
    {
        var stored = run.GroupsOf(CorpusLayers.Stories, topic.Members.Concat(removed)).Where(g => g.Id == topic.Id || g.Parent == topic.Id).ToArray();
        var members = topic.Members.ToArray();
        if (members.Length == 0)
        {
            foreach (var emptied in stored) run.Delete(CorpusLayers.Stories, emptied.Id);
            return;
        }
        var kept = members.Select(d => Kept(run, d)).ToArray();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var k in kept)
        {
            for (var e = 0; e < k.Entities.Length; e++) names[k.Entities[e]] = k.Names[e];
            foreach (var term in k.Terms ?? []) names[term] = term;
        }
        var vectors = kept.Select(k => StoryBuilder.Vector(k.Features, k.Language ?? "", documents, holding)).ToArray();
        var distinctive = kept.Select(k => StoryBuilder.DistinctiveVector(k.Features, documents, holding)).ToArray();
        var all = Enumerable.Range(0, members.Length).ToList();
        var centroid = StoryBuilder.Summed(vectors);
        var labelVectors = kept.Select(k => StoryBuilder.Weighted(k.Features, k.Language ?? "", documents, holding)).ToArray();
        var group = ToGroup(topic.Id, null, StoryBuilder.Label(labelVectors, names), TopicJson(centroid), members);
        var old = stored.FirstOrDefault(g => g.Id == topic.Id);
        if (old is null || !Same(old, group)) run.Save(CorpusLayers.Stories, group);

        var subStories = StoryBuilder.SubStories(all, distinctive, kept.Select(k => StoryBuilder.DateOf(k.Date)).ToArray());
        var formed = subStories.Count < 2 ? [] : subStories.Select((sub, i) => ToGroup($"new{i}", topic.Id,
            StoryBuilder.Label(sub.Select(d => labelVectors[d]), names), "{}", sub.Select(d => members[d]))).ToArray();
        var olds = stored.Where(g => g.Parent == topic.Id).ToArray();
        var assignment = StableIds.Assign(formed.Select(g => g.Members.Select(m => m.Document)).ToList(),
            olds.Select(g => (g.Id, g.Members.Select(m => m.Document))).ToList(), IdPrefix, () => run.NextNumber(CorpusLayers.Stories));
        foreach (var id in assignment.Dropped) run.Delete(CorpusLayers.Stories, id);
        foreach (var (absorbed, into) in assignment.Absorbed)
        {
            run.Delete(CorpusLayers.Stories, absorbed);
            run.RecordAbsorbed(CorpusLayers.Stories, absorbed, into);
        }
        for (var s = 0; s < formed.Length; s++)
        {
            var sub = formed[s] with { Id = assignment.Ids[s] };
            var before = olds.FirstOrDefault(g => g.Id == sub.Id);
            if (before is null || !Same(before, sub)) run.Save(CorpusLayers.Stories, sub);
        }
    }

    private static CorpusGroup ToGroup(string id, string? parent, string label, string data, IEnumerable<long> documents) =>
        new(id, parent, label, data, documents.Order().Select(d => new CorpusMember(d, 0, 0, parent is null ? TopicLevel : SubStoryLevel)).ToArray());

    private static string TopicJson(Dictionary<string, double> sum) =>
        JsonSerializer.Serialize(new TopicData(new StoryBuilder.Centroid(sum).Heaviest(CentroidFeatures)));

    /// <summary>Keeps a document's date, language and features, and files it under each feature.</summary>
    private static void Keep(ICorpusRun run, long id, AnalysedDocument document, IEnumerable<string> features, IReadOnlyDictionary<string, string> names)
    {
        var ordered = features.Order(StringComparer.Ordinal).ToArray();
        var entities = ordered.Where(f => !StoryBuilder.IsTerm(f)).ToArray();
        var terms = ordered.Where(StoryBuilder.IsTerm).ToArray();
        run.Keep(KeptVectors, id, JsonSerializer.SerializeToUtf8Bytes(
            new KeptVector(document.Metadata.Published?.Value, entities, entities.Select(e => names[e]).ToArray(), terms, document.Language)));
        run.Index(EntityIndex, id, entities);
        run.Index(TermIndex, id, terms);
    }

    private static string IndexOf(string feature) => StoryBuilder.IsTerm(feature) ? TermIndex : EntityIndex;

    private static KeptVector Kept(ICorpusRun run, long document) =>
        run.Kept(KeptVectors, document) is { } bytes ? JsonSerializer.Deserialize<KeptVector>(bytes)! : new KeptVector(null, [], []);

    private static bool Same(CorpusGroup a, CorpusGroup b) =>
        a.Parent == b.Parent && a.Label == b.Label && a.Data == b.Data && a.Members.SequenceEqual(b.Members);

    public static IReadOnlyList<Story> Read(IReadOnlyList<CorpusGroup> groups, IReadOnlyDictionary<long, ExportedDocument> documents) =>
        groups.Select(g => new Story(g.Id, g.Parent, g.Label, g.Members.Where(m => documents.ContainsKey(m.Document)).Select(m => documents[m.Document].Id).ToArray()))
            .Where(s => s.DocumentIds.Count > 0).ToArray();
}
