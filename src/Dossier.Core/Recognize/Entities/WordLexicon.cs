namespace Dossier.Core.Recognize.Entities;

/// <summary>What unlabelled text says of a word, keyed by <see cref="WordForm.NormalHash"/>: its
/// distributional cluster (fine and coarse) and how often it is written with a capital where no
/// sentence starts (a proper-name signal that does not depend on labelled data).</summary>
public sealed class WordLexicon
{
    /// <summary>Capitalisation bins; <see cref="UnknownBin"/> is for words seen too rarely.</summary>
    public const byte UnknownBin = 0;
    public const int BinCount = 6;

    private readonly Dictionary<ulong, uint> _entries;

    public WordLexicon(Dictionary<ulong, uint> entries) => _entries = entries;

    public static WordLexicon Empty { get; } = new([]);

    public int Count => _entries.Count;

    public IReadOnlyDictionary<ulong, uint> Entries => _entries;

    /// <summary>Packs a word's facts: fine cluster (1-based, 0 none), coarse cluster, capitalisation bin.</summary>
    public static uint Pack(int fine, int coarse, byte capitalBin) => ((uint)fine << 16) | ((uint)coarse << 8) | capitalBin;

    public void Lookup(ulong normalHash, out int fine, out int coarse, out byte capitalBin)
    {
        if (!_entries.TryGetValue(normalHash, out var packed))
        {
            fine = coarse = 0;
            capitalBin = UnknownBin;
            return;
        }
        fine = (int)(packed >> 16);
        coarse = (int)((packed >> 8) & 0xFF);
        capitalBin = (byte)(packed & 0xFF);
    }

    /// <summary>The bin of a share of capitalised occurrences: 1 almost never … 5 almost always.</summary>
    public static byte CapitalBin(int capitalised, int total)
    {
        if (total < 3) return UnknownBin;
        var share = (double)capitalised / total;
        return share switch { < 0.05 => 1, < 0.3 => 2, < 0.7 => 3, < 0.95 => 4, _ => 5 };
    }
}
