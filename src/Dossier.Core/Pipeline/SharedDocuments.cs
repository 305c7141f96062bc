using Dossier.Core.Model;

namespace Dossier.Core.Pipeline;

/// <summary>The stored documents read once for every corpus stage of a build: each stage's run
/// reads documents through it, so five stages mean one load, not five. A document a stage's run
/// says was removed (or replaced under the same id) is read again; one stored meanwhile by
/// another build is read when first asked for.</summary>
public sealed class SharedDocuments
{
    private readonly Dictionary<long, AnalysedDocument> _loaded = [];

    /// <summary>The run, reading its documents through this cache.</summary>
    public ICorpusRun Share(ICorpusRun run)
    {
        foreach (var id in run.Changes.Removed) _loaded.Remove(id);
        return new Run(run, this);
    }

    private sealed class Run(ICorpusRun inner, SharedDocuments shared) : ICorpusRun
    {
        public CorpusChanges Changes => inner.Changes;

        public IReadOnlyList<long> DocumentIds() => inner.DocumentIds();

        public AnalysedDocument? Load(long id)
        {
            if (shared._loaded.TryGetValue(id, out var document)) return document;
            document = inner.Load(id);
            if (document is not null) shared._loaded[id] = document;
            return document;
        }

        public IReadOnlyList<(long Id, AnalysedDocument Document)> LoadAll()
        {
            // The first full read is one pass over the store; later ones only fill what is missing.
            if (shared._loaded.Count == 0)
                foreach (var (id, document) in inner.LoadAll()) shared._loaded[id] = document;
            var ids = inner.DocumentIds();
            var stored = ids.ToHashSet();
            foreach (var gone in shared._loaded.Keys.Where(id => !stored.Contains(id)).ToArray()) shared._loaded.Remove(gone);
            var all = new List<(long, AnalysedDocument)>(ids.Count);
            foreach (var id in ids)
                if (Load(id) is { } document) all.Add((id, document));
            return all;
        }

        public IReadOnlyList<CorpusGroup> Groups(string kind) => inner.Groups(kind);
        public IReadOnlyList<CorpusGroup> GroupsOf(string kind, IEnumerable<long> documents) => inner.GroupsOf(kind, documents);
        public void Save(string kind, CorpusGroup group) => inner.Save(kind, group);
        public void Delete(string kind, string id) => inner.Delete(kind, id);
        public void RecordAbsorbed(string kind, string absorbedId, string intoId) => inner.RecordAbsorbed(kind, absorbedId, intoId);
        public long NextNumber(string kind) => inner.NextNumber(kind);
        public void Index(string index, long document, IEnumerable<string> keys) => inner.Index(index, document, keys);
        public IReadOnlyList<long> DocumentsWith(string index, string key) => inner.DocumentsWith(index, key);
        public void Keep(string name, long document, byte[] value) => inner.Keep(name, document, value);
        public byte[]? Kept(string name, long document) => inner.Kept(name, document);
        public void Commit() => inner.Commit();
        public void Dispose() => inner.Dispose();
    }
}
