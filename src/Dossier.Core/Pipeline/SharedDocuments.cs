using Dossier.Core.Model;

namespace Dossier.Core.Pipeline;

/// <summary>Documents read for one corpus stage kept for the next ones of the same build: the
/// documents a build added are read by every stage, so five stages mean one read of each, not five.
/// Documents read one by one are held at most <see cref="Capacity"/> at a time (the latest read), so
/// that stages that go through a large dossier document by document never hold it all; a stage that
/// reads every document at once shares that read with the later stages. A document a stage's run
/// says was removed (or replaced under the same id) is read again.</summary>
public sealed class SharedDocuments
{
    /// <summary>Enough for the additions of an ordinary build and their neighbourhoods; a few hundred megabytes at most.</summary>
    public const int Capacity = 4096;

    private readonly Dictionary<long, AnalysedDocument> _loaded = [];
    private readonly Queue<long> _order = new();
    /// <summary>Every stored document, once a stage has read them all.</summary>
    private readonly Dictionary<long, AnalysedDocument> _all = [];

    /// <summary>The run, reading its documents through this cache.</summary>
    public ICorpusRun Share(ICorpusRun run)
    {
        foreach (var id in run.Changes.Removed)
        {
            _loaded.Remove(id);
            _all.Remove(id);
        }
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

        public int DocumentCount() => inner.DocumentCount();

        public AnalysedDocument? Load(long id)
        {
            if (shared._loaded.TryGetValue(id, out var document) || shared._all.TryGetValue(id, out document)) return document;
            document = inner.Load(id);
            if (document is not null) shared.Remember(id, document);
            return document;
        }

        /// <summary>Those not held already are read together; read with some layers only, they are not kept
        /// for the next stages, which may need the others.</summary>
        public IReadOnlyList<(long Id, AnalysedDocument Document)> Load(IReadOnlyCollection<long> ids, IReadOnlySet<string>? layers = null)
        {
            var found = new SortedDictionary<long, AnalysedDocument>();
            var missing = new List<long>();
            foreach (var id in ids)
                if (shared._loaded.TryGetValue(id, out var document) || shared._all.TryGetValue(id, out document)) found[id] = document;
                else missing.Add(id);
            foreach (var (id, document) in inner.Load(missing, layers))
            {
                if (layers is null) shared.Remember(id, document);
                found[id] = document;
            }
            return found.Select(f => (f.Key, f.Value)).ToList();
        }

        public IReadOnlyList<(long Id, AnalysedDocument Document)> LoadAll()
        {
            // The first full read is one pass over the store; later ones only fill what is missing.
            if (shared._all.Count == 0)
                foreach (var (id, document) in inner.LoadAll()) shared._all[id] = document;
            var ids = inner.DocumentIds();
            var stored = ids.ToHashSet();
            foreach (var gone in shared._all.Keys.Where(id => !stored.Contains(id)).ToArray()) shared._all.Remove(gone);
            var all = new List<(long, AnalysedDocument)>(ids.Count);
            foreach (var id in ids)
            {
                var document = shared._all.GetValueOrDefault(id) ?? Load(id);
                if (document is null) continue;
                shared._all[id] = document;
                all.Add((id, document));
            }
            return all;
        }

        public IReadOnlyList<CorpusGroup> Groups(string kind) => inner.Groups(kind);
        public IReadOnlyList<CorpusGroup> GroupsOf(string kind, IEnumerable<long> documents) => inner.GroupsOf(kind, documents);
        public IReadOnlyList<CorpusGroup> GroupsWithin(string kind, IReadOnlyCollection<long> documents) => inner.GroupsWithin(kind, documents);
        public IReadOnlyList<CorpusGroup> GroupRowsWithin(string kind, IReadOnlyCollection<long> documents) => inner.GroupRowsWithin(kind, documents);
        public IReadOnlyList<CorpusGroup> GroupsWithIds(string kind, IReadOnlyCollection<string> ids) => inner.GroupsWithIds(kind, ids);
        public void Save(string kind, CorpusGroup group) => inner.Save(kind, group);
        public void SaveWithin(string kind, CorpusGroup group, IReadOnlyCollection<long> documents) => inner.SaveWithin(kind, group, documents);
        public void Delete(string kind, string id) => inner.Delete(kind, id);
        public void RecordAbsorbed(string kind, string absorbedId, string intoId) => inner.RecordAbsorbed(kind, absorbedId, intoId);
        public void Absorb(string kind, string absorbedId, string intoId) => inner.Absorb(kind, absorbedId, intoId);
        public long NextNumber(string kind) => inner.NextNumber(kind);
        public void Index(string index, long document, IEnumerable<string> keys) => inner.Index(index, document, keys);
        public IReadOnlyList<long> DocumentsWith(string index, string key) => inner.DocumentsWith(index, key);
        public IReadOnlyList<long> LatestWith(string index, string key, int count) => inner.LatestWith(index, key, count);
        public int CountWith(string index, string key) => inner.CountWith(index, key);
        public IReadOnlyList<long> FiledWith(string index, string key, IReadOnlyCollection<long> documents) => inner.FiledWith(index, key, documents);
        public void Keep(string name, long document, byte[] value) => inner.Keep(name, document, value);
        public byte[]? Kept(string name, long document) => inner.Kept(name, document);
        public void Commit() => inner.Commit();
        public void Dispose() => inner.Dispose();
    }
}
