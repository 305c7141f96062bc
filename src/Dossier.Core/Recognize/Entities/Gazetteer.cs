using System.Runtime.CompilerServices;

namespace Dossier.Core.Recognize.Entities;

/// <summary>Names seen as entities in the training data, by the hash of their normal-form tokens,
/// with their usual type. A phrase is kept when at least half of its occurrences in the training
/// text are that entity, so common words that were once part of a name do not fire. Marks are
/// found greedily, longest match first, left to right.</summary>
public sealed class Gazetteer
{
    public const int MaxLength = 6;

    /// <summary>Phrase hash → type index (0-based into the label set's types) + 1.</summary>
    private readonly Dictionary<ulong, byte> _entries;
    /// <summary>Word hash → (type index + 1) × 4 + share bin: the type a word is most often part of,
    /// and how much of the time (a first name, a "Saint-" or "-sur-" piece of a place name).</summary>
    private readonly Dictionary<ulong, byte> _words;

    public Gazetteer(Dictionary<ulong, byte> entries, Dictionary<ulong, byte> words)
    {
        _entries = entries;
        _words = words;
    }

    public static Gazetteer Empty { get; } = new([], []);

    public int Count => _entries.Count;
    public IReadOnlyDictionary<ulong, byte> Entries => _entries;
    public IReadOnlyDictionary<ulong, byte> Words => _words;

    /// <summary>The word's code (see the field), or 0.</summary>
    public int WordCode(ulong word) => _words.TryGetValue(word, out var code) ? code : 0;

    public static Gazetteer Build(IEnumerable<TaggedSentence> sentences, LabelSet labels)
    {
        var list = sentences.ToList();
        var typeCounts = new Dictionary<ulong, int[]>();
        var wordCounts = new Dictionary<ulong, int[]>();
        Span<ulong> words = stackalloc ulong[MaxLength];
        foreach (var sentence in list)
        {
            for (var i = 0; i < sentence.Tokens.Length; i++)
            {
                var hash = WordForm.NormalHash(sentence.Tokens[i]);
                if (!wordCounts.TryGetValue(hash, out var counts)) wordCounts[hash] = counts = new int[labels.Types.Length + 1];
                var tag = sentence.Tags![i];
                counts[tag == "O" ? 0 : 1 + Array.IndexOf(labels.Types, tag[2..])]++;
            }
            foreach (var span in EntitySpans.FromTags(sentence.Tags!))
            {
                var length = span.End - span.Start;
                if (length > MaxLength) continue;
                for (var i = 0; i < length; i++) words[i] = WordForm.NormalHash(sentence.Tokens[span.Start + i]);
                var hash = PhraseHash(words[..length]);
                if (!typeCounts.TryGetValue(hash, out var counts)) typeCounts[hash] = counts = new int[labels.Types.Length];
                counts[Array.IndexOf(labels.Types, span.Type)]++;
            }
        }
        // How often each known phrase occurs at all, entity or not.
        var occurrences = new Dictionary<ulong, int>();
        foreach (var sentence in list)
        {
            var hashes = sentence.Tokens.Select(t => WordForm.NormalHash(t)).ToArray();
            for (var i = 0; i < hashes.Length; i++)
            {
                var h = Seed;
                for (var length = 1; length <= MaxLength && i + length <= hashes.Length; length++)
                {
                    h = Extend(h, hashes[i + length - 1]);
                    if (typeCounts.ContainsKey(h)) occurrences[h] = occurrences.GetValueOrDefault(h) + 1;
                }
            }
        }
        var entries = new Dictionary<ulong, byte>();
        foreach (var (hash, counts) in typeCounts)
        {
            var best = 0;
            for (var t = 1; t < counts.Length; t++) if (counts[t] > counts[best]) best = t;
            if (counts[best] * 2 >= occurrences.GetValueOrDefault(hash, counts[best])) entries[hash] = (byte)(best + 1);
        }
        var wordEntries = new Dictionary<ulong, byte>();
        foreach (var (hash, counts) in wordCounts)
        {
            var best = 1;
            for (var t = 2; t < counts.Length; t++) if (counts[t] > counts[best]) best = t;
            if (counts[best] == 0) continue;
            var share = (double)counts[best] / counts.Sum();
            wordEntries[hash] = (byte)(best * 4 + (share < 0.25 ? 0 : share < 0.5 ? 1 : share < 0.75 ? 2 : 3));
        }
        return new Gazetteer(entries, wordEntries);
    }

    /// <summary>For each token: 0, or (type + 1) × 2 + (0 first token of a match, 1 later token).</summary>
    public void Mark(ReadOnlySpan<ulong> words, Span<int> marks)
    {
        marks.Clear();
        if (_entries.Count == 0) return;
        var i = 0;
        while (i < words.Length)
        {
            var h = Seed;
            var found = 0;
            byte type = 0;
            for (var length = 1; length <= MaxLength && i + length <= words.Length; length++)
            {
                h = Extend(h, words[i + length - 1]);
                if (_entries.TryGetValue(h, out var t)) { found = length; type = t; }
            }
            if (found == 0) { i++; continue; }
            for (var k = 0; k < found; k++) marks[i + k] = type * 2 + (k == 0 ? 0 : 1);
            i += found;
        }
    }

    private const ulong Seed = 0x243F6A8885A308D3UL;

    public static ulong PhraseHash(ReadOnlySpan<ulong> words)
    {
        var h = Seed;
        foreach (var w in words) h = Extend(h, w);
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Extend(ulong h, ulong word)
    {
        h ^= word;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 29;
        return h;
    }
}
