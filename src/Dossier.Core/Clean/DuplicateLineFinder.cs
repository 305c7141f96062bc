namespace Dossier.Core.Clean;

/// <summary>Finds lines that repeat content of another line of the same document: a lede pulled
/// above the body, a pull quote, a paragraph pasted twice. A line is a duplicate when at least
/// <see cref="Containment"/> of its word 4-grams occur in one other line; of two lines that
/// contain each other the later is the duplicate, and a line contained in a longer one (a pull
/// quote of a paragraph) is the duplicate of the longer. Lines that only share a sentence stay.</summary>
public static class DuplicateLineFinder
{
    /// <summary>0.8 keeps "quote, précise X." and "quote, a-t-il précisé." together (about 0.87
    /// shared) while a paragraph that repeats one sentence of a longer one (about 0.5) stays content.</summary>
    public const double Containment = 0.8;
    private const int ShingleSize = 4;

    /// <summary>For each line that is a duplicate, the index (into <paramref name="lines"/>) of the line it repeats.</summary>
    public static Dictionary<int, int> Find(IReadOnlyList<string> lines)
    {
        var shingles = new HashSet<ulong>[lines.Count];
        var index = new Dictionary<ulong, List<int>>();
        for (var i = 0; i < lines.Count; i++)
        {
            shingles[i] = new HashSet<ulong>(LineFingerprint.WordShingles(lines[i], ShingleSize));
            foreach (var s in shingles[i])
            {
                if (!index.TryGetValue(s, out var holders)) index[s] = holders = new List<int>(1);
                holders.Add(i);
            }
        }
        var duplicates = new Dictionary<int, int>();
        var shared = new Dictionary<int, int>();
        for (var a = 0; a < lines.Count; a++)
        {
            if (shingles[a].Count == 0) continue;
            shared.Clear();
            foreach (var s in shingles[a])
                foreach (var b in index[s])
                    if (b != a) shared[b] = shared.GetValueOrDefault(b) + 1;
            foreach (var (b, count) in shared.OrderBy(p => p.Key))
            {
                if (duplicates.ContainsKey(b)) continue;
                var aInB = (double)count / shingles[a].Count;
                if (aInB < Containment) continue;
                var bInA = (double)count / shingles[b].Count;
                if (bInA >= Containment ? b < a : shingles[b].Count > shingles[a].Count)
                {
                    duplicates[a] = b;
                    break;
                }
            }
        }
        return duplicates;
    }
}
