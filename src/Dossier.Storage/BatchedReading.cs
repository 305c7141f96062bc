using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Dossier.Core.Export;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Storage;

/// <summary>How a reader of the whole dossier (the export, the reading index written whole) reads a store's documents
/// and groups a few at a time (<see cref="IBatchedReads"/>), holding no more than a batch of them.</summary>
public static class BatchedReading
{
    /// <summary>Documents read at a time, and groups (their members' documents read with them).</summary>
    public const int DocumentBatch = 500, GroupBatch = 2_000;

    /// <summary>What a figure or a series' point is read from, and an event's report (its sentence cut for the summary).</summary>
    public static readonly IReadOnlySet<string> Quantities = new HashSet<string> { Layers.Quantities }, EventsAndSentences = new HashSet<string> { Layers.Events, Layers.Sentences };

    /// <summary>Stands for a stored document of which a story or duplicate group shows the id alone.</summary>
    private static readonly AnalysedDocument Unread = new(new SourceDocument("", "", "", "", "", "", SourceHints.None));

    /// <summary>The stored documents of these ids (those of <paramref name="stored"/> when given) added to those
    /// <paramref name="loaded"/> already, each read once for all the groups that show it.</summary>
    /// <param name="layers">The only layers read (<see cref="IBatchedReads.LoadToShow(IReadOnlyCollection{long}, IReadOnlySet{string})"/>), or null for all.</param>
    public static Dictionary<long, ExportedDocument> Documents(IBatchedReads store, Dictionary<long, ExportedDocument> loaded, IReadOnlySet<long>? stored, IEnumerable<long> ids,
        IReadOnlySet<string>? layers = null)
    {
        var wanted = ids.Where(id => (stored is null || stored.Contains(id)) && !loaded.ContainsKey(id)).Distinct().Order().ToArray();
        foreach (var (id, document, tokens) in layers is null ? store.LoadToShow(wanted) : store.LoadToShow(wanted, layers))
            loaded[id] = new ExportedDocument(ExportedDocument.IdOf(id), document) { TokenCount = tokens };
        return loaded;
    }

    /// <summary>The groups of a kind a batch at a time in the order of their first member's document, each batch with
    /// the stored documents of its members: a document read for one batch is kept for the next ones until they begin
    /// past it, so that each is read once.</summary>
    public static IEnumerable<(IReadOnlyList<CorpusGroup> Groups, IReadOnlyDictionary<long, ExportedDocument> Documents)> GroupsWithDocuments(
        IBatchedReads store, string kind, IReadOnlySet<long> stored, IReadOnlySet<string>? layers = null, int size = GroupBatch)
    {
        var read = new Dictionary<long, ExportedDocument>();
        foreach (var batch in store.CorpusGroupIds(kind).Chunk(size))
        {
            var groups = store.CorpusGroups(kind, batch);
            if (groups.SelectMany(g => g.Members).Select(m => m.Document).DefaultIfEmpty().Min() is var first)
                foreach (var past in read.Keys.Where(id => id < first).ToArray()) read.Remove(past);
            Documents(store, read, stored, Members(groups), layers);
            yield return (groups, Members(groups).Distinct().Where(read.ContainsKey).ToDictionary(id => id, id => read[id]));
        }
    }

    /// <summary>The ids of a kind's stored groups in their stored order (<see cref="ICorpusStore.CorpusGroups"/>): by number, then id.</summary>
    public static IEnumerable<string> InStoredOrder(IEnumerable<string> ids) =>
        ids.OrderBy(StableIds.Number).ThenBy(id => id, StringComparer.Ordinal);

    /// <summary>The batches of <paramref name="batches"/> in order, read on a thread of their own ahead of the caller (at most
    /// <paramref name="ahead"/> waiting) while it works on the ones before: otherwise reading the store and writing what it read
    /// take turns on one core. The store is read from that thread alone until the batches end or the caller lets them go.</summary>
    public static IEnumerable<T> ReadAhead<T>(IEnumerable<T> batches, int ahead = 2)
    {
        using var read = new BlockingCollection<T>(ahead);
        using var stop = new CancellationTokenSource();
        Exception? failure = null;
        var reader = new Thread(() =>
        {
            try
            {
                foreach (var batch in batches) read.Add(batch, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                read.CompleteAdding();
            }
        }) { IsBackground = true, Name = "read ahead" };
        reader.Start();
        try
        {
            foreach (var batch in read.GetConsumingEnumerable()) yield return batch;
            if (failure is not null) ExceptionDispatchInfo.Throw(failure);
        }
        finally
        {
            stop.Cancel();
            reader.Join();
        }
    }

    /// <summary>Every stored document, known by its id alone.</summary>
    public static Dictionary<long, ExportedDocument> Unreads(IReadOnlySet<long> stored) =>
        stored.ToDictionary(id => id, id => new ExportedDocument(ExportedDocument.IdOf(id), Unread));

    public static IEnumerable<long> Members(IEnumerable<CorpusGroup> groups) => groups.SelectMany(g => g.Members.Select(m => m.Document));

    /// <summary>These documents' text and lines alone, by id.</summary>
    public static Dictionary<long, ExportedDocument> Texts(IBatchedReads store, long[] ids) =>
        store.LoadTexts(ids).ToDictionary(x => x.Id, x => new ExportedDocument(ExportedDocument.IdOf(x.Id), x.Document));
}
