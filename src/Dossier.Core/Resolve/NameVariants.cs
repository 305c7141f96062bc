using System.Collections.Frozen;
using System.Text;
using Dossier.Languages;

namespace Dossier.Core.Resolve;

/// <summary>How two spellings of one name are recognised, without comparing every pair of names:
/// - the variant key: the <see cref="NameKey"/> with particles dropped ("al-", "el-"), the
///   transliterations of common/transliterations.tsv applied ("kh" → "k", "ou" → "u", "q" → "k") and
///   doubled letters written once: "Kadhafi", "Khadafi", "Kaddafi", "Gaddafi" share "kadafi";
/// - the block: the key's consonants with each word's first letter, so that names differing only in
///   vowels meet ("Bani Walid" and "Beni Oulid": "bn uld");
/// - within a block, a cost: a vowel changed, added or dropped costs <see cref="VowelCost"/>, any
///   other edit <see cref="ConsonantCost"/>; names closer than <see cref="MaxCostPerLetter"/> per
///   letter of the shorter key are one name.</summary>
public static class NameVariants
{
    /// <summary>Transliterations of Arabic and Russian names vary mostly in vowels ("Oulid"/"Walid",
    /// "Mouammar"/"Muammar"), which therefore cost little.</summary>
    public const double VowelCost = 0.3;
    public const double ConsonantCost = 1.0;
    /// <summary>Two vowel edits in "bani ualid" / "beni ulid" (0.6 for 9 letters) pass, three
    /// consonant edits never do. Single words must share the variant key: in a short word a vowel
    /// carries too much ("Mali", "Malo").</summary>
    public const double MaxCostPerLetter = 0.1;

    private static readonly (string From, string To)[] Rules = LanguageData.ReadLines("common", "transliterations.tsv")
        .Select(l => l.Split('\t')).Where(c => c.Length == 2).Select(c => (c[0], c[1])).ToArray();

    private static readonly FrozenSet<string> Particles = LanguageData.ReadLines("common", "name-particles.txt").ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The variant key of a name key ("mouammar al kadhafi" → "muamar kadafi").</summary>
    public static string KeyOf(string nameKey)
    {
        var words = nameKey.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = words.Length > 1 ? words.Where(w => !Particles.Contains(w)).ToArray() : words;
        if (kept.Length == 0) kept = words;
        return string.Join(' ', kept.Select(Fold));
    }

    private static string Fold(string word)
    {
        var folded = word;
        foreach (var (from, to) in Rules) folded = folded.Replace(from, to, StringComparison.Ordinal);
        var single = new StringBuilder(folded.Length);
        foreach (var c in folded)
            if (single.Length == 0 || single[^1] != c) single.Append(c);
        return single.ToString();
    }

    /// <summary>The block of a variant key: each word's first letter and its later consonants.</summary>
    public static string BlockOf(string variantKey)
    {
        var block = new StringBuilder(variantKey.Length);
        for (var i = 0; i < variantKey.Length; i++)
        {
            var c = variantKey[i];
            var wordStart = i == 0 || variantKey[i - 1] == ' ';
            if (wordStart || !IsVowel(c)) block.Append(c);
        }
        return block.ToString();
    }

    /// <summary>The weighted edit distance between two variant keys.</summary>
    public static double Cost(string a, string b)
    {
        var previous = new double[b.Length + 1];
        var current = new double[b.Length + 1];
        for (var j = 1; j <= b.Length; j++) previous[j] = previous[j - 1] + EditCost(b[j - 1]);
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = previous[0] + EditCost(a[i - 1]);
            for (var j = 1; j <= b.Length; j++)
            {
                var substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : IsVowel(a[i - 1]) && IsVowel(b[j - 1]) ? VowelCost : ConsonantCost);
                current[j] = Math.Min(substitute, Math.Min(previous[j] + EditCost(a[i - 1]), current[j - 1] + EditCost(b[j - 1])));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>Whether two variant keys of one block spell one name: several words, and close enough.</summary>
    public static bool AreVariants(string a, string b) =>
        a.Contains(' ', StringComparison.Ordinal) && b.Contains(' ', StringComparison.Ordinal)
        && Cost(a, b) <= MaxCostPerLetter * Math.Min(a.Length, b.Length);

    private static double EditCost(char c) => IsVowel(c) ? VowelCost : ConsonantCost;

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
