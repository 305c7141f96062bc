namespace Dossier.Core.Clean;

/// <summary>A 64-bit FNV-1a hash of a text's letters and digits, lower-cased, so that lines that
/// differ only in spacing, punctuation or case share a fingerprint. Stable across runs and
/// machines (unlike string.GetHashCode), so it can be stored.</summary>
public static class LineFingerprint
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static long Of(ReadOnlySpan<char> text)
    {
        var hash = Offset;
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c)) continue;
            hash = (hash ^ char.ToLowerInvariant(c)) * Prime;
        }
        return unchecked((long)hash);
    }

    /// <summary>Hashes of the runs of <paramref name="size"/> consecutive words of a text.</summary>
    public static List<ulong> WordShingles(ReadOnlySpan<char> text, int size)
    {
        var words = new List<ulong>(text.Length / 5 + 1);
        var hash = Offset;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                hash = (hash ^ char.ToLowerInvariant(c)) * Prime;
                inWord = true;
            }
            else if (inWord)
            {
                words.Add(hash);
                hash = Offset;
                inWord = false;
            }
        }
        if (inWord) words.Add(hash);
        var shingles = new List<ulong>(Math.Max(1, words.Count - size + 1));
        if (words.Count < size)
        {
            var whole = Offset;
            foreach (var w in words) whole = (whole ^ w) * Prime;
            if (words.Count > 0) shingles.Add(whole);
            return shingles;
        }
        for (var i = 0; i + size <= words.Count; i++)
        {
            var h = Offset;
            for (var k = 0; k < size; k++) h = (h ^ words[i + k]) * Prime;
            shingles.Add(h);
        }
        return shingles;
    }
}
