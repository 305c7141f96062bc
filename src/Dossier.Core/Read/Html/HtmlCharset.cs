using Dossier.Languages;
using System.Text;
using System.Text.RegularExpressions;

namespace Dossier.Core.Read.Html;

/// <summary>Decodes a page as a browser would, in order: byte order mark; the charset the HTTP
/// header gave (archives); the page's own &lt;meta charset&gt; or http-equiv declaration, checked
/// against the bytes (a page declaring UTF-8 that is not valid UTF-8 is sniffed instead); then
/// content sniffing (<see cref="TextDecoder"/>). ISO-8859-1 is read as Windows-1252, as browsers do.</summary>
public static partial class HtmlCharset
{
    private const int PrescanBytes = 4096;

    public static string Decode(ReadOnlySpan<byte> bytes, string? headerCharset, out string encodingName, out string? warning)
    {
        warning = null;
        if (HasBom(bytes)) return TextDecoder.Decode(bytes, out encodingName, out warning);
        var declared = headerCharset ?? Declared(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        if (declared is null) return TextDecoder.Decode(bytes, out encodingName, out warning);
        var encoding = Resolve(declared);
        if (encoding is null)
        {
            var text = TextDecoder.Decode(bytes, out encodingName, out warning);
            warning = $"unknown encoding '{declared}' declared; read as {encodingName}" + (warning is null ? "" : $" ({warning})");
            return text;
        }
        if (encoding.CodePage == Encoding.UTF8.CodePage || IsUtf8WithMultibyte(bytes))
        {
            // A page declaring a single-byte charset but holding valid multi-byte UTF-8 was re-saved
            // as UTF-8: valid UTF-8 by accident is vanishingly rare in real Windows-1252 text.
            var text = TextDecoder.Decode(bytes, out encodingName, out warning);
            if (encodingName is not ("utf-8" or "ascii"))
                warning = $"declares {declared} but is not valid UTF-8; read as {encodingName}" + (warning is null ? "" : $" ({warning})");
            return text;
        }
        encodingName = encoding.WebName;
        return encoding.GetString(bytes);
    }

    private static bool HasBom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);

    private static bool IsUtf8WithMultibyte(ReadOnlySpan<byte> bytes) => !Ascii.IsValid(bytes) && System.Text.Unicode.Utf8.IsValid(bytes);

    /// <summary>The charset named by &lt;meta charset&gt; or &lt;meta http-equiv="Content-Type" content="…; charset=…"&gt;
    /// (or an XML declaration) in the first bytes.</summary>
    public static string? Declared(ReadOnlySpan<byte> head)
    {
        var text = Encoding.Latin1.GetString(head);
        var match = MetaCharset().Match(text);
        return match.Success ? match.Groups["cs"].Value : null;
    }

    /// <summary>The encoding for a charset label; null when unknown.</summary>
    public static Encoding? Resolve(string label)
    {
        label = label.Trim().Trim('"', '\'').ToLowerInvariant();
        if (label is "iso-8859-1" or "latin1" or "latin-1" or "iso8859-1" or "us-ascii" or "ascii" or "l1" or "cp1252") label = "windows-1252";
        if (label is "utf8") label = "utf-8";
        try
        {
            _ = TextDecoder.Windows1252; // registers the code-page provider
            return Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"<meta[^>]*?charset\s*=\s*[""']?\s*(?<cs>[\w:.-]+)|<\?xml[^>]*encoding\s*=\s*[""'](?<cs>[\w:.-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex MetaCharset();
}
