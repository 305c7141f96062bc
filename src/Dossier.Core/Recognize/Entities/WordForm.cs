using System.Runtime.CompilerServices;

namespace Dossier.Core.Recognize.Entities;

/// <summary>How the tagger sees a word, computed from its characters without allocating: a 64-bit
/// hash of its normal form (lower case, digits as '0', typographic apostrophe as '\''), of its
/// written form, of its prefixes and suffixes, its shape ("Xx-Xx", "X.X.", "d") and its casing.
/// The hash function is part of the model format: changing it needs a new format version.</summary>
public static class WordForm
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    public const int AffixLength = 4;

    /// <summary>Casing of a token.</summary>
    public enum Casing : byte { Lower, Title, Upper, Mixed, NoLetter, HasDigit }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Normal(char c)
    {
        if (char.IsDigit(c)) return '0';
        if (c == '’') return '\'';
        return char.ToLowerInvariant(c);
    }

    /// <summary>Hash of the normal form (the key of the word lexicon).</summary>
    public static ulong NormalHash(ReadOnlySpan<char> word)
    {
        var h = FnvOffset;
        foreach (var c in word) h = (h ^ Normal(c)) * FnvPrime;
        return h;
    }

    /// <summary>Hash of the form as written (digits still folded).</summary>
    public static ulong WrittenHash(ReadOnlySpan<char> word)
    {
        var h = FnvOffset ^ 0x5bd1e995UL;
        foreach (var c in word) h = (h ^ (char.IsDigit(c) ? '0' : c)) * FnvPrime;
        return h;
    }

    /// <summary>Hashes of the normal-form prefixes and suffixes of 1..<see cref="AffixLength"/> characters
    /// (a word shorter than n gets the hash of the whole word with a marker).</summary>
    public static void Affixes(ReadOnlySpan<char> word, Span<ulong> prefixes, Span<ulong> suffixes)
    {
        for (var n = 1; n <= AffixLength; n++)
        {
            var len = Math.Min(n, word.Length);
            var p = FnvOffset ^ (ulong)n;
            for (var i = 0; i < len; i++) p = (p ^ Normal(word[i])) * FnvPrime;
            var s = FnvOffset ^ (ulong)(n + 16);
            for (var i = word.Length - len; i < word.Length; i++) s = (s ^ Normal(word[i])) * FnvPrime;
            prefixes[n - 1] = p;
            suffixes[n - 1] = s;
        }
    }

    /// <summary>Hash of the shape: upper 'X', lower 'x', digit 'd', other characters as they are,
    /// runs of one class collapsed ("Al-Abadi" → "Xx-Xx", "EI" → "X", "2016" → "d").</summary>
    public static ulong ShapeHash(ReadOnlySpan<char> word)
    {
        var h = FnvOffset ^ 0x27d4eb2fUL;
        var last = '\0';
        foreach (var c in word)
        {
            var k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c == '’' ? '\'' : c;
            if (k == last && k is 'X' or 'x' or 'd') continue;
            h = (h ^ k) * FnvPrime;
            last = k;
        }
        return h;
    }

    public static Casing CasingOf(ReadOnlySpan<char> word)
    {
        int upper = 0, lower = 0, digit = 0;
        foreach (var c in word)
        {
            if (char.IsUpper(c)) upper++;
            else if (char.IsLower(c)) lower++;
            else if (char.IsDigit(c)) digit++;
        }
        if (digit > 0) return Casing.HasDigit;
        if (upper == 0 && lower == 0) return Casing.NoLetter;
        if (upper == 0) return Casing.Lower;
        if (lower == 0) return Casing.Upper;
        return char.IsUpper(word[0]) ? Casing.Title : Casing.Mixed;
    }
}
