using System.Runtime.CompilerServices;
using Dossier.Core.Model;

namespace Dossier.Core.Recognize.Entities;

/// <summary>Turns a sentence into hashed feature rows, <see cref="Count"/> per token: the word and
/// its neighbours, word pairs, shapes, affixes, casing in context, and the lexicon's clusters and
/// capitalisation habits. Every template always fires (with a "none" value at sentence edges), so
/// rows are a fixed-size block per token. Changing a template needs a new <see cref="Version"/>.</summary>
public sealed class FeatureExtractor
{
    public const int Version = 3;
    public const int Count = 45;

    private readonly WordLexicon _lexicon;
    private readonly Gazetteer _gazetteer;
    private readonly int _mask;

    public FeatureExtractor(WordLexicon lexicon, Gazetteer gazetteer, int rowBits)
    {
        _lexicon = lexicon;
        _gazetteer = gazetteer;
        _mask = (1 << rowBits) - 1;
    }

    /// <summary>Facts of one token computed once and shared by the templates of its neighbours.</summary>
    private struct TokenFacts
    {
        public ulong Word, Written, Shape, P1, P2, P3, P4, S1, S2, S3, S4;
        public int Casing, Fine, Coarse, CapitalBin, Length, Gazetteer, NameWord;
    }

    /// <summary>Fills <paramref name="rows"/> (tokens.Length × <see cref="Count"/>) with feature rows.</summary>
    public void Extract(string text, ReadOnlySpan<Token> tokens, Span<int> rows)
    {
        var n = tokens.Length;
        var facts = n <= 256 ? stackalloc TokenFacts[n] : new TokenFacts[n];
        var words = n <= 256 ? stackalloc ulong[n] : new ulong[n];
        var marks = n <= 256 ? stackalloc int[n] : new int[n];
        Span<ulong> prefixes = stackalloc ulong[WordForm.AffixLength];
        Span<ulong> suffixes = stackalloc ulong[WordForm.AffixLength];
        int letters = 0, upperWords = 0;
        for (var i = 0; i < n; i++)
        {
            var word = text.AsSpan(tokens[i].Start, tokens[i].Length);
            ref var f = ref facts[i];
            f.Word = WordForm.NormalHash(word);
            words[i] = f.Word;
            f.NameWord = _gazetteer.WordCode(f.Word);
            f.Written = WordForm.WrittenHash(word);
            f.Shape = WordForm.ShapeHash(word);
            WordForm.Affixes(word, prefixes, suffixes);
            (f.P1, f.P2, f.P3, f.P4) = (prefixes[0], prefixes[1], prefixes[2], prefixes[3]);
            (f.S1, f.S2, f.S3, f.S4) = (suffixes[0], suffixes[1], suffixes[2], suffixes[3]);
            var casing = WordForm.CasingOf(word);
            f.Casing = (int)casing;
            f.Length = Math.Min(word.Length, 8);
            _lexicon.Lookup(f.Word, out f.Fine, out f.Coarse, out var bin);
            f.CapitalBin = bin;
            if (casing is WordForm.Casing.Lower or WordForm.Casing.Title or WordForm.Casing.Upper or WordForm.Casing.Mixed)
            {
                letters++;
                if (casing == WordForm.Casing.Upper) upperWords++;
            }
        }
        _gazetteer.Mark(words, marks);
        for (var i = 0; i < n; i++) facts[i].Gazetteer = marks[i];
        // A headline or a shouted line: capitals there say little about names.
        var shouted = letters >= 3 && upperWords * 4 >= letters * 3 ? 1UL : 0UL;
        var none = new TokenFacts { Word = 1, Written = 2, Shape = 3, Casing = 7, Fine = -1, Coarse = -1, CapitalBin = 9, Gazetteer = -1, NameWord = -1 };
        // Short fragments (titles, list items) are often one whole name.
        var lengthBin = (ulong)(n switch { 1 => 1, 2 => 2, 3 => 3, <= 6 => 4, <= 12 => 5, _ => 6 });

        for (var i = 0; i < n; i++)
        {
            ref readonly var c = ref facts[i];
            ref readonly var p = ref i > 0 ? ref facts[i - 1] : ref none;
            ref readonly var q = ref i + 1 < n ? ref facts[i + 1] : ref none;
            ref readonly var pp = ref i > 1 ? ref facts[i - 2] : ref none;
            ref readonly var qq = ref i + 2 < n ? ref facts[i + 2] : ref none;
            var first = i == 0 ? 1UL : 0UL;
            var context = (ulong)(uint)c.Casing | (first << 4) | (shouted << 5);
            var r = rows.Slice(i * Count, Count);
            r[0] = Row(0, 0);
            r[1] = Row(1, c.Word);
            r[2] = Row(2, p.Word);
            r[3] = Row(3, q.Word);
            r[4] = Row(4, pp.Word);
            r[5] = Row(5, qq.Word);
            r[6] = Row(6, p.Word, c.Word);
            r[7] = Row(7, c.Word, q.Word);
            r[8] = Row(8, c.Shape);
            r[9] = Row(9, p.Shape, c.Shape, q.Shape);
            r[10] = Row(10, p.Shape);
            r[11] = Row(11, q.Shape);
            r[12] = Row(12, c.P1);
            r[13] = Row(13, c.P2);
            r[14] = Row(14, c.P3);
            r[15] = Row(15, c.P4);
            r[16] = Row(16, c.S1);
            r[17] = Row(17, c.S2);
            r[18] = Row(18, c.S3);
            r[19] = Row(19, c.S4);
            r[20] = Row(20, context);
            r[21] = Row(21, (ulong)p.Casing, (ulong)c.Casing, (ulong)q.Casing);
            r[22] = Row(22, c.Written);
            r[23] = Row(23, (ulong)c.Fine);
            r[24] = Row(24, (ulong)p.Fine);
            r[25] = Row(25, (ulong)q.Fine);
            r[26] = Row(26, (ulong)c.Coarse, context);
            r[27] = Row(27, (ulong)c.CapitalBin, context);
            r[28] = Row(28, (ulong)p.CapitalBin, (ulong)p.Casing);
            r[29] = Row(29, (ulong)q.CapitalBin, (ulong)q.Casing);
            r[30] = Row(30, p.Word, context);
            r[31] = Row(31, q.Word, context);
            r[32] = Row(32, (ulong)c.Fine, context);
            r[33] = Row(33, (ulong)c.Length, context);
            r[34] = Row(34, (ulong)p.Coarse, (ulong)q.Coarse);
            r[35] = Row(35, c.S3, context);
            r[36] = Row(36, (ulong)c.Gazetteer);
            r[37] = Row(37, (ulong)c.Gazetteer, context);
            r[38] = Row(38, (ulong)p.Gazetteer, (ulong)c.Gazetteer, (ulong)q.Gazetteer);
            r[40] = Row(40, (ulong)c.NameWord);
            r[41] = Row(41, (ulong)c.NameWord, context);
            r[42] = Row(42, (ulong)p.NameWord, (ulong)c.NameWord);
            r[43] = Row(43, (ulong)c.NameWord, (ulong)q.NameWord);
            r[44] = Row(44, c.Word, q.Shape);
            r[39] = Row(39, lengthBin, (ulong)(uint)Math.Min(i, 3) | (i == n - 1 ? 8UL : 0UL), context);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Row(int template, ulong a, ulong b = 0x9E3779B97F4A7C15UL, ulong c = 0xC2B2AE3D27D4EB4FUL)
    {
        var h = (ulong)(template + 1) * 0x9E3779B97F4A7C15UL;
        h = Mix(h ^ a);
        h = Mix(h ^ b);
        h = Mix(h ^ c);
        return (int)(h & (ulong)_mask);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        return x;
    }
}
