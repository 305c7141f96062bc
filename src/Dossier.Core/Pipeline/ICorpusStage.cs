using Dossier.Core.Model;

namespace Dossier.Core.Pipeline;

/// <summary>One cross-document step, run by a build after every document of it is stored. A run
/// is given the documents added and removed since the stage's last completed run and brings the
/// stage's stored results up to date; the results and the record of what the stage has seen are
/// committed together, so a build stopped in the middle leaves the previous results, and the next
/// build runs the stage again on everything it had not finished. A replaced document is a removed
/// id and an added one.</summary>
public interface ICorpusStage
{
    string Name { get; }

    /// <summary>Per-document layers (<see cref="Layers"/>) and corpus layers of earlier stages (<see cref="CorpusLayers"/>).</summary>
    IReadOnlyList<string> Requires { get; }

    /// <summary>Corpus layers this stage writes; each is the <see cref="CorpusGroup"/> kind of the same name.</summary>
    IReadOnlyList<string> Provides { get; }

    void Update(ICorpusRun run, CancellationToken cancellationToken);
}

/// <summary>Names of corpus layers, as corpus stages declare them; each is also the kind of the groups stored for it.</summary>
public static class CorpusLayers
{
    public const string Entities = "entities";
    public const string Series = "series";
    public const string Stories = "stories";
    public const string Duplicates = "duplicates";
    public const string Events = "events";
}

/// <summary>Documents changed since a stage's last completed run. On a stage's first run every
/// stored document is added.</summary>
public sealed record CorpusChanges(IReadOnlyList<long> Added, IReadOnlyList<long> Removed)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0;

    /// <summary>Documents analysed again from their own text (also in <see cref="Removed"/> and
    /// <see cref="Added"/>): the same document, so what it belonged to may continue.</summary>
    public IReadOnlyList<long> Reanalysed { get; init; } = [];
}

/// <summary>A span of a stored document that belongs to a group; <see cref="Length"/> 0 at
/// <see cref="Start"/> 0 is the whole document. <see cref="Value"/> is free for the stage (a mention's type).</summary>
public readonly record struct CorpusMember(long Document, int Start, int Length, string Value = "");

/// <summary>One result of a corpus stage: an entity, a series, a story, a duplicate group.</summary>
/// <param name="Id">Stable across builds ("e12"); see <see cref="StableIds"/>.</param>
/// <param name="Parent">A group of the same kind this one belongs to (a sub-story's topic), or null.</param>
/// <param name="Label">What a reader sees: a name, a label.</param>
/// <param name="Data">What else the stage keeps, as JSON ("{}" when nothing).</param>
/// <param name="Members">In document then offset order. A member of a removed document stays until
/// the stage takes the removal in (so that <see cref="ICorpusRun.GroupsOf"/> finds the groups to
/// mend); readers skip members of documents no longer stored.</param>
public sealed record CorpusGroup(string Id, string? Parent, string Label, string Data, IReadOnlyList<CorpusMember> Members);

/// <summary>What one run of a corpus stage reads and writes. Nothing it writes is visible to others
/// before <see cref="Commit"/>; disposed without a commit, the run leaves no trace.</summary>
public interface ICorpusRun : IDisposable
{
    CorpusChanges Changes { get; }

    /// <summary>Ids of every stored document, in order.</summary>
    IReadOnlyList<long> DocumentIds();

    /// <summary>How many documents are stored (a count, not the ids read one by one).</summary>
    int DocumentCount();

    AnalysedDocument? Load(long id);

    /// <summary>The stored ones of these documents, in id order, read together: a few queries for all
    /// of them, not a few for each (a neighbourhood of hundreds of documents around added ones). With
    /// <paramref name="layers"/>, a document not read before may come with those layers only (besides its
    /// text, language, metadata and lines), for a stage that needs no more of it.</summary>
    IReadOnlyList<(long Id, AnalysedDocument Document)> Load(IReadOnlyCollection<long> ids, IReadOnlySet<string>? layers = null);

    /// <summary>Every stored document, in id order, read once per run and shared by later reads.</summary>
    IReadOnlyList<(long Id, AnalysedDocument Document)> LoadAll();

    /// <summary>The stored groups of a kind, in id order.</summary>
    IReadOnlyList<CorpusGroup> Groups(string kind);

    /// <summary>The stored groups of a kind that have a member in one of these documents (an index, not a scan).</summary>
    IReadOnlyList<CorpusGroup> GroupsOf(string kind, IEnumerable<long> documents);

    /// <summary>The stored groups of a kind that have a member in one of these documents, each with
    /// only its members in them: what a few documents need to know of groups that may span the
    /// whole dossier (an entity mentioned in every article).</summary>
    IReadOnlyList<CorpusGroup> GroupsWithin(string kind, IReadOnlyCollection<long> documents);

    /// <summary>The stored groups of a kind that have a member in one of these documents, in id order, without
    /// their members: for a stage that keeps in a group's data what it looks the group up by.</summary>
    IReadOnlyList<CorpusGroup> GroupRowsWithin(string kind, IReadOnlyCollection<long> documents);

    /// <summary>The stored groups of a kind with these ids, in id order: what a stage keeps under the ids of
    /// its groups apart from them, read only for the few groups it needs.</summary>
    IReadOnlyList<CorpusGroup> GroupsWithIds(string kind, IReadOnlyCollection<string> ids);

    /// <summary>Stores a group, replacing the stored one of the same kind and id.</summary>
    void Save(string kind, CorpusGroup group);

    /// <summary>Stores a group whose members are given only in these documents, as <see cref="GroupsWithin"/>
    /// reads it: its stored members in them are replaced by the given ones, the others stay. A stage
    /// mending a group that spans the whole dossier writes what changed, not the whole group.</summary>
    void SaveWithin(string kind, CorpusGroup group, IReadOnlyCollection<long> documents);

    void Delete(string kind, string id);

    /// <summary>Records that a group merged into another, so that its old id still leads somewhere.</summary>
    void RecordAbsorbed(string kind, string absorbedId, string intoId);

    /// <summary>Merges a stored group into another: its members become the other's, and it is deleted and
    /// recorded absorbed. A group spanning the whole dossier takes in another without either being read whole.</summary>
    void Absorb(string kind, string absorbedId, string intoId);

    /// <summary>A number never handed out before for this kind, for a new group's id.</summary>
    long NextNumber(string kind);

    /// <summary>Sets the keys under which a document is found in a named inverted index
    /// (blocking keys, LSH bands, terms); a removed document leaves every index with it.</summary>
    void Index(string index, long document, IEnumerable<string> keys);

    /// <summary>The documents filed under a key of a named index.</summary>
    IReadOnlyList<long> DocumentsWith(string index, string key);

    /// <summary>The latest (highest id) documents filed under a key, at most <paramref name="count"/>, in id order.</summary>
    IReadOnlyList<long> LatestWith(string index, string key, int count);

    /// <summary>How many documents are filed under a key of a named index.</summary>
    int CountWith(string index, string key);

    /// <summary>Those of the given documents that are filed under a key of a named index.</summary>
    IReadOnlyList<long> FiledWith(string index, string key, IReadOnlyCollection<long> documents);

    /// <summary>Bytes a stage keeps for one document (a signature, a vector); gone when the document is.</summary>
    void Keep(string name, long document, byte[] value);

    byte[]? Kept(string name, long document);

    void Commit();
}

/// <summary>The store side of the corpus phase: runs for stages, and stored results for readers.</summary>
public interface ICorpusStore
{
    /// <summary>Starts a run of a stage: one transaction holding the stage's changes since its last completed run.</summary>
    ICorpusRun BeginCorpusRun(string stage);

    /// <summary>The stored groups of a kind, in id order, as the last completed runs left them.</summary>
    IReadOnlyList<CorpusGroup> CorpusGroups(string kind);

    /// <summary>Absorbed id → id of the group it merged into, for a kind.</summary>
    IReadOnlyDictionary<string, string> AbsorbedIds(string kind);

    /// <summary>How far a stage is behind the stored documents.</summary>
    CorpusStageLag Lag(string stage);
}

public static class CorpusRunIndexes
{
    /// <summary>The latest documents filed under a key, at most <paramref name="count"/>, in id order,
    /// leaving out the <paramref name="removed"/> ones (this run's removed documents, which may still be
    /// filed under the key), as many more being asked for.</summary>
    public static IEnumerable<long> LatestKept(this ICorpusRun run, string index, string key, int count, IReadOnlySet<long> removed) =>
        run.LatestWith(index, key, count + removed.Count).Where(d => !removed.Contains(d)).TakeLast(count);
}

/// <summary>Documents added, replaced or removed since a stage's last completed run (every stored
/// document when it never ran), and when that run ended.</summary>
public sealed record CorpusStageLag(string Stage, int DocumentsBehind, DateTimeOffset? LastRun);
