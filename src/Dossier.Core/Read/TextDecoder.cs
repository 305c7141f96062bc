using System.Text;
using UtfUnknown;

namespace Dossier.Core.Read;

/// <summary>Turns raw bytes into text: byte order marks first, then strict UTF-8, then a statistical
/// guess (UTF.Unknown), with Windows-1252 as the last resort, since it decodes any byte.</summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding Windows1252 { get; } = GetCodePage(1252);

    private static Encoding GetCodePage(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="warning"/> says what was lossy.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, out string encodingName, out string? warning)
    {
        warning = null;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return DecodeUtf8(bytes[3..], "utf-8-bom", out encodingName, out warning);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            encodingName = "utf-16le";
            return Encoding.Unicode.GetString(bytes[2..]);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            encodingName = "utf-16be";
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }
        if (LooksLikeUtf16WithoutBom(bytes, out var bigEndian))
        {
            encodingName = bigEndian ? "utf-16be" : "utf-16le";
            return (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(bytes);
        }
        if (Ascii.IsValid(bytes))
        {
            encodingName = "ascii";
            return Encoding.ASCII.GetString(bytes);
        }
        var (valid, invalid) = CountUtf8Sequences(bytes);
        if (invalid == 0)
        {
            encodingName = "utf-8";
            return StrictUtf8.GetString(bytes);
        }
        // Mostly well-formed multi-byte sequences with a few broken ones: UTF-8 with damage, not
        // another encoding. Decode it as UTF-8 and say where it broke.
        if (valid >= 4 * invalid)
            return DecodeUtf8(bytes, "utf-8", out encodingName, out warning);

        var guess = CharsetDetector.DetectFromBytes(bytes.ToArray()).Detected;
        var encoding = guess?.Encoding is { } detected && guess.Confidence >= 0.5f && detected.CodePage != Encoding.UTF8.CodePage
            ? detected
            : Windows1252;
        encodingName = encoding.WebName;
        return encoding.GetString(bytes);
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, string name, out string encodingName, out string? warning)
    {
        encodingName = name;
        warning = null;
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            warning = $"invalid UTF-8 at byte {ex.Index}; broken bytes were replaced by U+FFFD";
            return Encoding.UTF8.GetString(bytes);
        }
    }

    private static (int Valid, int Invalid) CountUtf8Sequences(ReadOnlySpan<byte> bytes)
    {
        int valid = 0, invalid = 0, i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b < 0x80) { i++; continue; }
            var need = b is >= 0xC2 and <= 0xDF ? 1 : b is >= 0xE0 and <= 0xEF ? 2 : b is >= 0xF0 and <= 0xF4 ? 3 : -1;
            var ok = need > 0 && i + need < bytes.Length;
            for (var k = 1; ok && k <= need; k++)
                ok = (bytes[i + k] & 0xC0) == 0x80;
            if (ok) { valid++; i += need + 1; }
            else { invalid++; i++; }
        }
        return (valid, invalid);
    }

    private static bool LooksLikeUtf16WithoutBom(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        var sample = bytes[..Math.Min(bytes.Length, 4096)];
        if (sample.Length < 8) return false;
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            if (sample[i] == 0) evenZeros++;
            if (sample[i + 1] == 0) oddZeros++;
        }
        var pairs = sample.Length / 2;
        if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return true;
        if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) { bigEndian = true; return true; }
        return false;
    }

    /// <summary>True when the bytes look like a binary file rather than text in some encoding:
    /// NUL bytes (outside UTF-16) or many control characters.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || LooksLikeUtf16WithoutBom(bytes, out _))
            return false;
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0) return true;
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C) control++;
        }
        return control > sample.Length / 20;
    }
}
