using System.Diagnostics;
using Dossier.Core.Export;
using Dossier.Core.Pipeline;
using Dossier.Core.Resolve;
using Dossier.Core.Stories;
using Dossier.Storage;
using Dossier.Storage.Sqlite;

namespace Dossier.Bench;

/// <summary>`stories FILE.dossier [TOP]`: forms the story tree again from a built dossier's stored
/// entities and prints the largest topics with their share of the articles and their labels, and
/// the time taken.</summary>
internal static class StoryBenchmark
{
    public static int Run(string[] args)
    {
        if (args.Length == 0 || !File.Exists(args[0])) return Fail("give a built .dossier file");
        var top = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
        using var store = SqliteDossierStore.Open(args[0], create: false);
        var documents = store.LoadAll().Select(x => new ExportedDocument(DocumentIds.Format(x.Id), x.Document)).ToList();
        var entities = EntityResolutionStage.Read(store.CorpusGroups(CorpusLayers.Entities), StoredDocuments.Index(documents));
        var watch = Stopwatch.StartNew();
        var stories = StoryBuilder.Build(documents, entities);
        watch.Stop();
        var topics = stories.Where(s => s.Parent is null).ToList();
        Console.WriteLine($"{documents.Count} documents, {entities.Count} entities: {topics.Count} topics, {stories.Count - topics.Count} sub-stories in {watch.Elapsed.TotalSeconds:F2} s");
        foreach (var topic in topics.OrderByDescending(t => t.DocumentIds.Count).ThenBy(t => StableIds.Number(t.Id)).Take(top))
        {
            var subs = stories.Where(s => s.Parent == topic.Id).ToList();
            Console.WriteLine($"{topic.DocumentIds.Count,5} ({100.0 * topic.DocumentIds.Count / documents.Count:F1}%) {topic.Label}" +
                              (subs.Count > 0 ? $"  [{string.Join("; ", subs.Select(s => $"{s.DocumentIds.Count}: {s.Label}"))}]" : ""));
        }
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
