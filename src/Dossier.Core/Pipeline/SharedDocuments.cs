using Dossier.Core.Model;

namespace Dossier.Core.Pipeline;

/// <summary>Documents read for one corpus stage kept for the next ones of the same build: the
/// documents a build added are read by every stage, so five stages mean one read of each, not five.
/// It holds at most <see cref="Capacity"/> documents (the latest read), so that a first run over a
/// large dossier, which reads every document, never holds them all. A document a stage's run says
/// was removed (or replaced under the same id) is read again.</summary>
public sealed class SharedDocuments
{
    /// <summary>Enough for the additions of an ordinary build and their neighbourhoods; a few hundred megabytes at most.</summary>
    public const int Capacity = 4096;

    private readonly Dictionary<long, AnalysedDocument> _loaded = [];
    private readonly Queue<long> _order = new();

    /// <summary>The run, reading its documents through this cache.</summary>
    public ICorpusRun Share(ICorpusRun run)
    {
        foreach (var id in run.Changes.Removed) _loaded.Remove(id);
        return new Run(run, this);
    }

    private void Remember(long id, AnalysedDocument document)
    {
        if (_loaded.TryAdd(id, document)) _order.Enqueue(id);
        else _loaded[id] = document;
        while (_loaded.Count > Capacity && _order.TryDequeue(out var oldest)) _loaded.Remove(oldest);
    }

    private sealed class Run(ICorpusRun inner, SharedDocuments shared) : ICorpusRun
    {
        public CorpusChanges Changes => inner.Changes;

        public IReadOnlyList<long> DocumentIds() => inner.DocumentIds();

        public AnalysedDocument? Load(long id)
        {
            if (shared._loaded.TryGetValue(id, out var document)) return document;
            document = inner.Load(id);
            if (document is not null) shared.Remember(id, document);
            return document;
        }

        public IReadOnlyList<(long Id, AnalysedDocument Document)> LoadAll() => inner.LoadAll();

        public IReadOnlyList<CorpusGroup> Groups(string kind) => inner.Groups(kind);
        public IReadOnlyList<CorpusGroup> GroupsOf(string kind, IEnumerable<long> documents) => inner.GroupsOf(kind, documents);
        public IReadOnlyList<CorpusGroup> GroupsWithin(string kind, IReadOnlyCollection<long> documents) => inner.GroupsWithin(kind, documents);
        public void Save(string kind, CorpusGroup group) => inner.Save(kind, group);
        public void Delete(string kind, string id) => inner.Delete(kind, id);
        public void RecordAbsorbed(string kind, string absorbedId, string intoId) => inner.RecordAbsorbed(kind, absorbedId, intoId);
        public long NextNumber(string kind) => inner.NextNumber(kind);
        public void Index(string index, long document, IEnumerable<string> keys) => inner.Index(index, document, keys);
        public IReadOnlyList<long> DocumentsWith(string index, string key) => inner.DocumentsWith(index, key);
        public IReadOnlyList<long> LatestWith(string index, string key, int count) => inner.LatestWith(index, key, count);
        public void Keep(string name, long document, byte[] value) => inner.Keep(name, document, value);
        public byte[]? Kept(string name, long document) => inner.Kept(name, document);
        public void Commit() => inner.Commit();
        public void Dispose() => inner.Dispose();
    }
}
