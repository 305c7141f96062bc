using System.Globalization;

namespace Dossier.Core.Pipeline;

/// <summary>Gives the groups a stage has just formed the ids of the stored groups they continue,
/// whatever algorithm formed them: stored groups, oldest first, each go to the new group that
/// holds most of their members (and holds no id yet). A stored group left over whose members went
/// to groups already named is absorbed by the one holding most of them, so a merge keeps the older
/// id and records the other; a stored group none of whose members remain is dropped; a new group
/// continuing none gets a fresh id. Cost: one pass over the members.</summary>
public static class StableIds
{
    /// <param name="Ids">The id of each new group, in the order given.</param>
    /// <param name="Absorbed">Stored ids merged into another group, with the id of that group.</param>
    /// <param name="Dropped">Stored ids that name nothing any more.</param>
    public sealed record Assignment(IReadOnlyList<string> Ids, IReadOnlyList<(string Absorbed, string Into)> Absorbed, IReadOnlyList<string> Dropped);

    /// <param name="groups">Member keys of each new group.</param>
    /// <param name="stored">Ids and member keys of the stored groups.</param>
    /// <param name="prefix">What a fresh id starts with ("e").</param>
    /// <param name="nextNumber">Hands out a number never used for this kind.</param>
    public static Assignment Assign<TKey>(IReadOnlyList<IEnumerable<TKey>> groups, IReadOnlyList<(string Id, IEnumerable<TKey> Members)> stored,
        string prefix, Func<long> nextNumber) where TKey : notnull
    {
        var groupOf = new Dictionary<TKey, int>();
        for (var g = 0; g < groups.Count; g++)
            foreach (var key in groups[g]) groupOf.TryAdd(key, g);

        var ids = new string?[groups.Count];
        var absorbed = new List<(string, string)>();
        var dropped = new List<string>();
        var leftOver = new List<(string Id, Dictionary<int, int> Overlap)>();
        foreach (var (id, members) in stored.OrderBy(s => Number(s.Id)).ThenBy(s => s.Id, StringComparer.Ordinal))
        {
            var overlap = new Dictionary<int, int>();
            foreach (var key in members)
                if (groupOf.TryGetValue(key, out var g)) overlap[g] = overlap.GetValueOrDefault(g) + 1;
            var best = Best(overlap, g => ids[g] is null);
            if (best >= 0) ids[best] = id;
            else if (overlap.Count > 0) leftOver.Add((id, overlap));
            else dropped.Add(id);
        }
        foreach (var (id, overlap) in leftOver)
            absorbed.Add((id, ids[Best(overlap, _ => true)]!));
        for (var g = 0; g < groups.Count; g++)
            ids[g] ??= prefix + nextNumber().ToString(CultureInfo.InvariantCulture);
        return new Assignment(ids!, absorbed, dropped);
    }

    /// <summary>The number an id ends with ("e12" → 12), for ordering ids by age.</summary>
    public static long Number(string id)
    {
        var start = id.Length;
        while (start > 0 && char.IsAsciiDigit(id[start - 1])) start--;
        return start < id.Length && long.TryParse(id.AsSpan(start), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }

    private static int Best(Dictionary<int, int> overlap, Func<int, bool> allowed)
    {
        int best = -1, most = 0;
        foreach (var (g, count) in overlap)
            if (allowed(g) && (count > most || count == most && g < best)) (best, most) = (g, count);
        return best;
    }

    /// <summary>Stores the groups a stage has just formed over the whole dossier under stable ids,
    /// in place of the stored groups of the kind: ids and parents of <paramref name="formed"/> are
    /// its own and are mapped to the stable ones; a group stored unchanged is not written again.</summary>
    /// <param name="memberKey">What a member is across builds (a document, a mention's document and start).</param>
    /// <param name="describe">The label and data of the formed group at an index, made as it is written, when they
    /// are large (an event's state): then only one is held at a time, and the formed groups' own are not read.</param>
    /// <returns>The stable ids given, and the stored groups absorbed and dropped.</returns>
    public static Assignment SaveAll<TKey>(ICorpusRun run, string kind, string prefix, IReadOnlyList<CorpusGroup> formed,
        Func<CorpusMember, TKey> memberKey, Func<int, (string Label, string Data)>? describe = null) where TKey : notnull
    {
        var stored = run.Groups(kind);
        // A removed document's id may come back for another document: its old members continue nothing,
        // unless it is the same text analysed again.
        var removed = run.Changes.Removed.Except(run.Changes.Reanalysed).ToHashSet();
        var assignment = Assign(formed.Select(g => g.Members.Select(memberKey)).ToList(),
            stored.Select(g => (g.Id, g.Members.Where(m => !removed.Contains(m.Document)).Select(memberKey))).ToList(), prefix, () => run.NextNumber(kind));
        var idOf = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var g = 0; g < formed.Count; g++) idOf[formed[g].Id] = assignment.Ids[g];
        foreach (var id in assignment.Dropped) run.Delete(kind, id);
        foreach (var (absorbed, into) in assignment.Absorbed)
        {
            run.Delete(kind, absorbed);
            run.RecordAbsorbed(kind, absorbed, into);
        }
        var before = stored.ToDictionary(g => g.Id, StringComparer.Ordinal);
        for (var g = 0; g < formed.Count; g++)
        {
            var group = formed[g];
            var (label, data) = describe?.Invoke(g) ?? (group.Label, group.Data);
            var final = group with
            {
                Id = idOf[group.Id],
                Parent = group.Parent is null ? null : idOf[group.Parent],
                Label = label,
                Data = data,
                Members = group.Members.OrderBy(m => m.Document).ThenBy(m => m.Start).ThenBy(m => m.Length).ToArray(),
            };
            if (!before.TryGetValue(final.Id, out var old) || !SameGroup(old, final)) run.Save(kind, final);
        }
        return assignment;
    }

    private static bool SameGroup(CorpusGroup a, CorpusGroup b) =>
        a.Parent == b.Parent && a.Label == b.Label && a.Data == b.Data && a.Members.SequenceEqual(b.Members);
}
