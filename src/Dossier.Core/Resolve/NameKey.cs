using System.Collections.Frozen;
using System.Text;

namespace Dossier.Core.Resolve;

/// <summary>The comparable form of a name: "Etat islamique", "ÉTAT-islamique" and "État islamique"
/// share the key "etat islamique" (letters and digits, lower case, Latin diacritics removed, any
/// other character a single space).</summary>
public static class NameKey
{
    // The runtime runs with invariant globalization (no ICU), where string.Normalize does not
    // decompose; Latin letters with diacritics are folded from this table instead.
    private static readonly FrozenDictionary<char, char> Folded = BuildFolding();

    public static string Of(ReadOnlySpan<char> name)
    {
        var key = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                var lower = char.ToLowerInvariant(c);
                key.Append(Folded.TryGetValue(lower, out var plain) ? plain : lower);
            }
            else if (key.Length > 0 && key[^1] != ' ' && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                key.Append(' ');
            }
        }
        return key.ToString().TrimEnd();
    }

    private static FrozenDictionary<char, char> BuildFolding()
    {
        (string Accented, char Plain)[] groups =
        [
            ("àáâãäåāăą", 'a'), ("çćĉċč", 'c'), ("ďđ", 'd'), ("èéêëēĕėęě", 'e'), ("ĝğġģ", 'g'), ("ĥħ", 'h'),
            ("ìíîïĩīĭįı", 'i'), ("ĵ", 'j'), ("ķ", 'k'), ("ĺļľŀł", 'l'), ("ñńņňŉ", 'n'), ("òóôõöøōŏő", 'o'),
            ("ŕŗř", 'r'), ("śŝşšș", 's'), ("ţťŧț", 't'), ("ùúûüũūŭůűų", 'u'), ("ŵ", 'w'), ("ýÿŷ", 'y'), ("źżž", 'z'),
        ];
        var map = new Dictionary<char, char>();
        foreach (var (accented, plain) in groups)
            foreach (var c in accented) map[c] = plain;
        return map.ToFrozenDictionary();
    }
}
