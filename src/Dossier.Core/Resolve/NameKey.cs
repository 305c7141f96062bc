using System.Globalization;
using System.Text;

namespace Dossier.Core.Resolve;

/// <summary>The comparable form of a name: "Etat islamique", "ÉTAT-islamique" and "État islamique"
/// share the key "etat islamique".</summary>
public static class NameKey
{
    /// <summary>Letters and digits, lower case, accents removed.</summary>
    public static string Of(ReadOnlySpan<char> name)
    {
        var decomposed = name.ToString().Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c)) key.Append(char.ToLowerInvariant(c));
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && key.Length > 0 && key[^1] != ' ') key.Append(' ');
        }
        return key.ToString().Trim();
    }
}
