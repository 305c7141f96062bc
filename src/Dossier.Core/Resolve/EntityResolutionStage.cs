using System.Text.Json;
using Dossier.Core.Export;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Core.Resolve;

/// <summary>Resolution as a corpus stage: <see cref="EntityResolver"/> decides which mentions name
/// one entity; this stage stores the entities under stable ids (a mention is its document and start).
/// Each document's blocking keys (<see cref="EntityResolver.BlockingKeys"/>) are filed in an index.
/// New documents are resolved with their neighbourhood only: the latest few documents filed under
/// each of their keys. A new entity formed there joins every stored entity it shares a mention
/// with (the oldest id stays, the others are recorded as absorbed); one sharing none gets a fresh
/// id. Cost per added document: one index lookup per key and a bounded number of documents,
/// whatever the size of the dossier. A first run, or changes to a quarter of the dossier or
/// more, resolves the whole dossier again.</summary>
public sealed class EntityResolutionStage : ICorpusStage
{
    public const string IdPrefix = "e";
    private const string BlockIndex = "entity-blocks";
    /// <summary>A key every indexed document is filed under, to tell a dossier indexed before.</summary>
    private const string Indexed = "*";
    /// <summary>How many documents (the latest) a key brings into a neighbourhood: mentions of one
    /// key are one entity already, so a few stand for all.</summary>
    private const int DocumentsPerKey = 3;
    /// <summary>A role is different: an apposition in a new document can give the role phrases of
    /// older ones their holder, so a role brings more of its documents.</summary>
    private const int DocumentsPerRole = 64;

    /// <summary>What is stored with an entity beside its mentions: its type, why its names were joined,
    /// the roles it was given and how its names are written, with counts (each absent in dossiers built
    /// before it was kept).</summary>
    private sealed record Data(string Type, IReadOnlyList<string>? Reasons = null, IReadOnlyList<RoleHeld>? Roles = null,
        IReadOnlyList<NameCount>? Names = null);

    public string Name => "resolve";
    public IReadOnlyList<string> Requires => [.. Required];

    /// <summary>The layers resolution reads of a document: its neighbourhood's documents are read with these only.</summary>
    private static readonly IReadOnlySet<string> Required = new HashSet<string>(StringComparer.Ordinal) { Layers.Lines, Layers.Metadata, Layers.Entities };
    public IReadOnlyList<string> Provides => [CorpusLayers.Entities];

    public void Update(ICorpusRun run, CancellationToken cancellationToken)
    {
        var added = run.Changes.Added.ToHashSet();
        var unchanged = run.DocumentCount() - added.Count;
        // Counted, not read: the key holds every document of the dossier.
        var indexed = run.CountWith(BlockIndex, Indexed) - run.FiledWith(BlockIndex, Indexed, added).Count;
        if (ResolvesAll(run) || indexed < unchanged)
            ResolveAll(run);
        else
            ResolveAround(run, added, cancellationToken);
        foreach (var id in run.Changes.Added)
            if (run.Load(id) is { } document) run.Index(BlockIndex, id, [Indexed, .. EntityResolver.BlockingKeys(document)]);
    }

    /// <summary>Whether a run resolves the whole dossier again (so that any stored document's entities
    /// may change ids) rather than around the added documents: a first run, or changes to a quarter
    /// of the dossier or more.</summary>
    public static bool ResolvesAll(ICorpusRun run)
    {
        var unchanged = run.DocumentCount() - run.Changes.Added.Count;
        return unchanged <= 0 || 4 * (run.Changes.Added.Count + run.Changes.Removed.Count) >= unchanged;
    }

    private static void ResolveAll(ICorpusRun run) =>
        StableIds.SaveAll(run, CorpusLayers.Entities, IdPrefix, EntityResolver.Resolve(StoredDocuments.Of(run.LoadAll())).Select(ToGroup).ToArray(), MemberKey);

    private static (long Document, int Start) MemberKey(CorpusMember member) => (member.Document, member.Start);

    private static CorpusGroup ToGroup(EntityGroup entity) => new(entity.Id, null, entity.Name,
        JsonSerializer.Serialize(new Data(entity.Type, entity.Reasons, entity.Roles, entity.Names)),
        entity.Mentions.Select(m => new CorpusMember(ExportedDocument.StoreIdOf(m.DocumentId), m.Mention.Span.Start, m.Mention.Span.Length, m.Mention.Type)).ToArray());

    /// <summary>Resolves the added documents with their neighbourhood and mends the stored entities
    /// they touch, and those that lose the mentions of removed documents.</summary>
    private static void ResolveAround(ICorpusRun run, HashSet<long> added, CancellationToken cancellationToken)
    {
        var removed = run.Changes.Removed.ToHashSet();
        var around = new SortedSet<long>(added);
        foreach (var (_, document) in run.Load(added))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var key in EntityResolver.BlockingKeys(document))
            {
                var count = EntityResolver.IsRoleKey(key) ? DocumentsPerRole : DocumentsPerKey;
                around.UnionWith(run.LatestKept(BlockIndex, key, count, removed));
            }
        }
        var documents = StoredDocuments.Of(run.Load(around, Required));
        var resolved = EntityResolver.Resolve(documents);
        var formed = resolved.Select(ToGroup).ToArray();
        // Stored entities as far as the neighbourhood sees them: an entity named in most articles is
        // mended from its mentions there, not read and written whole.
        var scope = around.Concat(removed).ToHashSet();
        var stored = run.GroupsWithin(CorpusLayers.Entities, scope).ToArray();

        // Stored and formed entities that share a mention are one; a document analysed again still
        // names what it named.
        var gone = removed.Except(run.Changes.Reanalysed).ToHashSet();
        // Sized for every stored member read: grown as filled, its copies were 4% of the stage's samples.
        var owner = new Dictionary<(long, int), int>(stored.Sum(g => g.Members.Count));
        for (var s = 0; s < stored.Length; s++)
            foreach (var member in stored[s].Members)
                if (around.Contains(member.Document) && !gone.Contains(member.Document)) owner.TryAdd(MemberKey(member), s);
        var sets = new UnionFind(stored.Length + formed.Length);
        for (var f = 0; f < formed.Length; f++)
            foreach (var member in formed[f].Members)
                if (owner.TryGetValue(MemberKey(member), out var s)) sets.Union(s, stored.Length + f);

        foreach (var component in Enumerable.Range(0, stored.Length + formed.Length).GroupBy(sets.Find))
        {
            var olds = component.Where(i => i < stored.Length).Select(i => stored[i]).OrderBy(g => StableIds.Number(g.Id)).ToArray();
            var news = component.Where(i => i >= stored.Length).Select(i => formed[i - stored.Length]).ToArray();
            var data = olds.Select(Parse).ToArray();
            if (olds.Length == 1 && MendsToItself(olds[0], data[0], component.Where(i => i >= stored.Length).Select(i => resolved[i - stored.Length]), added, removed, scope))
                continue;
            // One that loses mentions to a removed document or has no counts of its names (stored before
            // they were kept) is counted again from all its mentions: it is read whole.
            // Each stored entity's data (its roles and names, large for one named in most articles) is parsed once.
            var whole = data.Any(d => d.Names is null) || olds.Any(g => g.Members.Any(m => removed.Contains(m.Document)));
            if (whole) olds = Whole(run, olds);
            var entity = Mend(run, olds, data, news, added, removed, whole ? null : scope, () => IdPrefix + run.NextNumber(CorpusLayers.Entities));
            foreach (var absorbed in olds.Skip(1)) run.Absorb(CorpusLayers.Entities, absorbed.Id, olds[0].Id);
            if (entity is null)
            {
                if (olds.Length > 0) run.Delete(CorpusLayers.Entities, olds[0].Id);
            }
            else if (olds.Length == 0 || !Same(olds[0], entity))
            {
                if (whole) run.Save(CorpusLayers.Entities, entity);
                else run.SaveWithin(CorpusLayers.Entities, entity, olds.SelectMany(g => g.Members).Concat(entity.Members).Select(m => m.Document).ToHashSet());
            }
        }
    }

    /// <summary>One entity from stored ones (oldest first) and the ones just formed around the added
    /// documents: the oldest id; the stored mentions of documents not removed, and the mentions just
    /// found in the added ones (the other documents of the neighbourhood are context: what the whole
    /// dossier told of them stays); reasons and roles of both; name and type chosen from the counts of
    /// how its names are written (<see cref="NameCount"/>), as a resolution of the whole dossier
    /// chooses them, whatever the order the documents came in. Null when no mention is left. With
    /// <paramref name="within"/>, the stored entity was read with its mentions in those documents only
    /// (<see cref="ICorpusRun.GroupsWithin"/>), and so is the one returned; its roles in other documents,
    /// where its mentions stay, are kept.</summary>
    private static CorpusGroup? Mend(ICorpusRun run, CorpusGroup[] olds, Data[] stored, CorpusGroup[] news, HashSet<long> added, HashSet<long> removed,
        HashSet<long>? within, Func<string> freshId)
    {
        var members = olds.SelectMany(g => g.Members).Where(m => !removed.Contains(m.Document))
            .Concat(news.SelectMany(g => g.Members).Where(m => added.Contains(m.Document))).Distinct()
            .OrderBy(m => m.Document).ThenBy(m => m.Start).ThenBy(m => m.Length).ToArray();
        if (members.Length == 0) return null;
        var first = olds.Length > 0 ? olds[0] : news[0];
        var data = stored.Concat(news.Select(Parse)).ToArray();
        var documents = members.Select(m => ExportedDocument.IdOf(m.Document)).ToHashSet(StringComparer.Ordinal);
        var names = NamesOf(run, olds, stored, members, added, removed);
        var (name, type) = names.Count > 0 ? NameCount.Choose(names) : (first.Label, data[0].Type);
        var mended = new Data(type,
            data.SelectMany(d => d.Reasons ?? []).Distinct(StringComparer.Ordinal).ToArray(),
            data.SelectMany(d => d.Roles ?? []).Where(r => documents.Contains(r.DocumentId) || within?.Contains(ExportedDocument.StoreIdOf(r.DocumentId)) == false).Distinct()
                .OrderBy(r => ExportedDocument.StoreIdOf(r.DocumentId)).ThenBy(r => r.Phrase, StringComparer.Ordinal).ToArray(),
            names);
        return new CorpusGroup(olds.Length > 0 ? first.Id : freshId(), null, name, JsonSerializer.Serialize(mended), members);
    }

    /// <summary>How the mended entity's names are written: the stored counts plus those of the mentions
    /// just found in added documents. When a removed document took mentions away, or a stored entity
    /// has no counts (a dossier built before they were kept), they are counted again from its
    /// mentions, which reads their documents: the cost then follows the entity's size, as it does
    /// only for what a removal touched.</summary>
    private static IReadOnlyList<NameCount> NamesOf(ICorpusRun run, CorpusGroup[] olds, Data[] stored, CorpusMember[] members, HashSet<long> added, HashSet<long> removed)
    {
        var recount = stored.Any(d => d.Names is null) || olds.Any(g => g.Members.Any(m => removed.Contains(m.Document)));
        return NameCount.Tally((recount ? [] : stored.SelectMany(d => d.Names!))
            .Concat(members.Where(m => recount || added.Contains(m.Document))
                .Select(m => run.Load(m.Document) is { } document ? EntityResolver.CountOf(document, new TextSpan(m.Start, m.Length)) : null)
                .OfType<NameCount>()));
    }

    /// <summary>Whether <see cref="Mend"/> would give a stored entity back as it is, so that it need not be mended
    /// nor written: most entities of a neighbourhood are named only in its documents of context. So it is when
    /// none of its mentions is in a removed document nor any of the formed entities' in an added one, when its
    /// mentions, name counts, reasons and roles are stored in the order and form mending gives them, and when
    /// the formed entities bring no reason, nor role in a document it is named in, that it lacks.</summary>
    private static bool MendsToItself(CorpusGroup stored, Data data, IEnumerable<EntityGroup> formed, HashSet<long> added, HashSet<long> removed,
        HashSet<long> scope)
    {
        if (data.Names is null || data.Reasons is null || data.Roles is null) return false;
        var members = stored.Members;
        for (var i = 0; i < members.Count; i++)
            if (removed.Contains(members[i].Document) || i > 0 && (members[i - 1].Document, members[i - 1].Start, members[i - 1].Length)
                    .CompareTo((members[i].Document, members[i].Start, members[i].Length)) >= 0)
                return false;
        var news = formed.ToArray();
        if (news.Any(f => f.Mentions.Any(m => added.Contains(ExportedDocument.StoreIdOf(m.DocumentId))))) return false;
        if (!NameCount.Tally(data.Names).SequenceEqual(data.Names)
            || (data.Names.Count > 0 ? NameCount.Choose(data.Names) : (stored.Label, data.Type)) != (stored.Label, data.Type))
            return false;
        var reasons = new HashSet<string>(StringComparer.Ordinal);
        if (!data.Reasons.All(reasons.Add) || !news.All(f => f.Reasons.All(reasons.Contains))) return false;
        if (data.Roles.Count == 0 && news.All(f => f.Roles.Count == 0)) return true;
        // Mending keeps the roles of the documents the entity is named in, and those outside the neighbourhood,
        // in document then phrase order, each once.
        var named = members.Select(m => m.Document).ToHashSet();
        bool Kept(RoleHeld role) => ExportedDocument.StoreIdOf(role.DocumentId) is var document && (named.Contains(document) || !scope.Contains(document));
        var roles = new HashSet<RoleHeld>();
        for (var i = 0; i < data.Roles.Count; i++)
            if (!roles.Add(data.Roles[i]) || !Kept(data.Roles[i]) || i > 0 && (ExportedDocument.StoreIdOf(data.Roles[i - 1].DocumentId),
                    ExportedDocument.StoreIdOf(data.Roles[i].DocumentId)) is var (before, after)
                && (before > after || before == after && string.CompareOrdinal(data.Roles[i - 1].Phrase, data.Roles[i].Phrase) > 0))
                return false;
        return news.All(f => f.Roles.All(r => !Kept(r) || roles.Contains(r)));
    }

    private static Data Parse(CorpusGroup group) => JsonSerializer.Deserialize<Data>(group.Data)!;

    /// <summary>Stored entities read within a neighbourhood, read again with all their members.</summary>
    private static CorpusGroup[] Whole(ICorpusRun run, CorpusGroup[] olds)
    {
        var ids = olds.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        var whole = run.GroupsOf(CorpusLayers.Entities, olds.Select(g => g.Members[0].Document).Distinct())
            .Where(g => ids.Contains(g.Id)).ToDictionary(g => g.Id, StringComparer.Ordinal);
        return olds.Select(g => whole[g.Id]).ToArray();
    }

    private static bool Same(CorpusGroup a, CorpusGroup b) => a.Label == b.Label && a.Data == b.Data && a.Members.SequenceEqual(b.Members);

    /// <summary>Stored entities, their mentions in the given documents; the ways each is written are its mentions' texts.</summary>
    public static IReadOnlyList<EntityGroup> Read(IReadOnlyList<CorpusGroup> groups, IReadOnlyDictionary<long, ExportedDocument> documents)
    {
        var entities = new List<EntityGroup>(groups.Count);
        foreach (var group in groups)
            if (group.Members.Any(m => documents.ContainsKey(m.Document))) entities.Add(Read(group, documents));
        return entities;
    }

    /// <summary>A stored group as an entity with its mentions in <paramref name="documents"/> alone, and the names
    /// they write it with (none when none is there): a reader that has the others' elsewhere adds them.</summary>
    public static EntityGroup Read(CorpusGroup group, IReadOnlyDictionary<long, ExportedDocument> documents)
    {
        var mentions = group.Members.Where(m => documents.ContainsKey(m.Document))
            .Select(m => (documents[m.Document].Id, documents[m.Document].Document, new EntityMention(new TextSpan(m.Start, m.Length), m.Value)))
            .ToArray();
        var aliases = mentions.Select(m => m.Document.Text.Substring(m.Item3.Span.Start, m.Item3.Span.Length)).Distinct(StringComparer.Ordinal).ToArray();
        var data = JsonSerializer.Deserialize<Data>(group.Data)!;
        return new EntityGroup(group.Id, group.Label, data.Type, aliases, mentions) { Reasons = data.Reasons ?? [], Roles = data.Roles ?? [] };
    }
}
