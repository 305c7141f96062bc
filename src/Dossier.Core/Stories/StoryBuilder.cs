using Dossier.Core.Export;
using Dossier.Core.Resolve;

namespace Dossier.Core.Stories;

/// <summary>A node of the story tree: a topic (no parent) or one of its sub-stories.</summary>
public sealed record Story(string Id, string? Parent, string Label, IReadOnlyList<string> DocumentIds);

/// <summary>Groups documents into a tree of stories. Topics link documents that share entities
/// (cosine of the entities present); sub-stories split a topic in time, and an undated article
/// goes where its distinctive entities are, weighted by inverse document frequency so that "Irak"
/// in every article says nothing and "Ashton Carter" in three says a lot.</summary>
public static class StoryBuilder
{
    /// <summary>Cosine of shared entities above which two documents are one topic.</summary>
    public const double TopicSimilarity = 0.3;
    /// <summary>A story that falls silent for half a year and comes back is a new sub-story.</summary>
    public const int MaxSilenceDays = 180;

    public static IReadOnlyList<Story> Build(IReadOnlyList<ExportedDocument> documents, IReadOnlyList<EntityGroup> entities)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var d = 0; d < documents.Count; d++) index[documents[d].Id] = d;
        var present = new HashSet<string>[documents.Count];
        for (var d = 0; d < documents.Count; d++) present[d] = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in entities)
            foreach (var (id, _, _) in entity.Mentions)
                present[index[id]].Add(entity.Id);
        var names = entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
        var idf = entities.ToDictionary(e => e.Id, e => Math.Log((double)documents.Count / present.Count(p => p.Contains(e.Id))), StringComparer.Ordinal);

        var dates = documents.Select(d => DateOf(d.Document.Metadata.Published?.Value)).ToArray();
        var stories = new List<Story>();
        foreach (var topic in Topics(present))
        {
            var topicId = $"s{stories.Count + 1}";
            stories.Add(new Story(topicId, null, Label(topic, present, names, _ => 1.0), topic.Select(d => documents[d].Id).ToArray()));
            var subStories = SubStories(topic, present, idf, dates);
            if (subStories.Count < 2) continue;
            foreach (var sub in subStories)
                stories.Add(new Story($"s{stories.Count + 1}", topicId, Label(sub, present, names, e => idf[e]), sub.Select(d => documents[d].Id).ToArray()));
        }
        return stories;
    }

    private static List<List<int>> Topics(HashSet<string>[] present)
    {
        var parent = Enumerable.Range(0, present.Length).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        for (var a = 0; a < present.Length; a++)
            for (var b = a + 1; b < present.Length; b++)
                if (Cosine(present[a], present[b], _ => 1.0) >= TopicSimilarity)
                    parent[Math.Max(Find(a), Find(b))] = Math.Min(Find(a), Find(b));
        return Enumerable.Range(0, present.Length).GroupBy(Find).Select(g => g.ToList()).ToList();
    }

    /// <summary>Dated articles of a topic form runs without a silence of more than
    /// <see cref="MaxSilenceDays"/>; each undated article joins the run whose entities it shares
    /// most (average idf-weighted cosine), or stands alone when it shares none.</summary>
    private static List<List<int>> SubStories(List<int> topic, HashSet<string>[] present, Dictionary<string, double> idf, DateOnly?[] dates)
    {
        var runs = new List<List<int>>();
        DateOnly? previous = null;
        foreach (var d in topic.Where(d => dates[d] is not null).OrderBy(d => dates[d]))
        {
            if (previous is null || dates[d]!.Value.DayNumber - previous.Value.DayNumber > MaxSilenceDays) runs.Add([]);
            runs[^1].Add(d);
            previous = dates[d];
        }
        foreach (var d in topic.Where(d => dates[d] is null))
        {
            var best = runs.Select((run, i) => (i, Similarity: run.Average(x => Cosine(present[d], present[x], e => idf[e]))))
                .Where(r => r.Similarity > 0).OrderByDescending(r => r.Similarity).FirstOrDefault((-1, 0));
            if (best.Item1 >= 0) runs[best.Item1].Add(d);
            else runs.Add([d]);
        }
        foreach (var run in runs) run.Sort();
        return runs;
    }

    /// <summary>The day a TIMEX3 value names, or its first day ("2016-07" → 1 July); null when the year is unknown.</summary>
    private static DateOnly? DateOf(string? timex)
    {
        if (timex is null || timex.Length < 4 || !int.TryParse(timex.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
            return null;
        var month = timex.Length >= 7 && int.TryParse(timex.AsSpan(5, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : 1;
        var day = timex.Length >= 10 && int.TryParse(timex.AsSpan(8, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var dd) ? dd : 1;
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    private static double Cosine(HashSet<string> a, HashSet<string> b, Func<string, double> weight)
    {
        double dot = 0, na = 0, nb = 0;
        foreach (var e in a)
        {
            var w = weight(e);
            na += w * w;
            if (b.Contains(e)) dot += w * w;
        }
        foreach (var e in b) nb += weight(e) * weight(e);
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    /// <summary>The three entities that best characterise a group: present in most of its documents, weighted.</summary>
    private static string Label(List<int> group, HashSet<string>[] present, Dictionary<string, string> names, Func<string, double> weight) =>
        string.Join(" · ", group.SelectMany(d => present[d]).GroupBy(e => e, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count() * weight(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(3).Select(g => names[g.Key]));
}
