using System.Text;

namespace Dossier.Core.Read;

/// <summary>The first bytes of a file as text good enough to spot markup ("&lt;html", "&lt;rss"):
/// UTF-16 by its byte order mark, otherwise byte for byte (ASCII markup reads the same in any
/// ASCII-compatible encoding), with leading white space, BOM and comments skipped by the caller's search.</summary>
public static class MarkupSniffer
{
    public static string HeadText(ReadOnlySpan<byte> head)
    {
        var sample = head[..Math.Min(head.Length, 2048)];
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(sample[2..]);
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(sample[2..]);
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Encoding.Latin1.GetString(sample[3..]);
        return Encoding.Latin1.GetString(sample);
    }
}
