using Dossier.Languages;
using System.Text;
using System.Text.RegularExpressions;

namespace Dossier.Core.Read;

/// <summary>Finds and undoes mojibake: UTF-8 bytes that were once decoded as Windows-1252 ("Ã©" for
/// "é", "â€™" for "’"). A run is repaired only when its Windows-1252 bytes form exactly one valid
/// UTF-8 character of Western text, so genuine "Ã" followed by punctuation stays as it is.</summary>
public static partial class MojibakeRepair
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>Returns the repaired text and how many sequences were repaired (0: unchanged).</summary>
    public static string Repair(string text, out int repaired)
    {
        repaired = 0;
        if (!Suspect().IsMatch(text)) return text;
        var count = 0;
        var result = Suspect().Replace(text, m =>
        {
            var bytes = new byte[m.Length];
            if (!TryWindows1252(m.ValueSpan, bytes)) return m.Value;
            string decoded;
            try { decoded = StrictUtf8.GetString(bytes); }
            catch (DecoderFallbackException) { return m.Value; }
            // Only characters that Western text is made of: a match decoding to NKo or CJK is a
            // genuine pair such as "ß" + soft hyphen, not mojibake.
            if (decoded.Length != 1 || decoded[0] is not ((>= '\u00A0' and <= '\u02FF') or (>= '\u2000' and <= '\u22FF'))) return m.Value;
            count++;
            return decoded;
        });
        repaired = count;
        return result;
    }

    private static bool TryWindows1252(ReadOnlySpan<char> chars, Span<byte> bytes)
    {
        var encoding = TextDecoder.Windows1252;
        Span<byte> one = stackalloc byte[4];
        for (var i = 0; i < chars.Length; i++)
        {
            int n;
            try { n = encoding.GetBytes(chars.Slice(i, 1), one); }
            catch (EncoderFallbackException) { return false; }
            if (n != 1 || (one[0] == (byte)'?' && chars[i] != '?')) return false;
            bytes[i] = one[0];
        }
        return true;
    }

    /// <summary>A UTF-8 lead byte (0xC2-0xF4) read as Windows-1252, then 1 to 3 continuation bytes
    /// (0x80-0xBF) read the same way.</summary>
    [GeneratedRegex("[\u00C2-\u00F4][\u0080-\u00BF\u20AC\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u017D\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u017E\u0178]{1,3}", RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex Suspect();
}
