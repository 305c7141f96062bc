using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Dossier.Core.Read.Warc;

/// <summary>The HTTP response stored in a WARC response record: status, content type and charset,
/// and the body with chunked transfer and gzip/deflate/brotli content coding undone.</summary>
public sealed record HttpPayload(int Status, string? ContentType, string? Charset, byte[] Body)
{
    public bool IsHtml => ContentType is null
        ? MarkupSniffer.HeadText(Body.AsSpan(0, Math.Min(Body.Length, 1024))).Contains("<html", StringComparison.OrdinalIgnoreCase)
        : ContentType.Contains("html", StringComparison.OrdinalIgnoreCase);

    public static bool TryParse(byte[] block, out HttpPayload payload, out string? error)
    {
        payload = null!;
        error = null;
        var end = block.AsSpan().IndexOf("\r\n\r\n"u8);
        var separator = 4;
        if (end < 0) { end = block.AsSpan().IndexOf("\n\n"u8); separator = 2; }
        if (end < 0) { error = "no end of HTTP headers"; return false; }
        var lines = Encoding.Latin1.GetString(block, 0, end).Split('\n');
        var status = lines[0].Split(' ', 3);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/", StringComparison.Ordinal) || !int.TryParse(status[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            error = $"not an HTTP status line: '{lines[0].Trim()}'";
            return false;
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        var body = block.AsSpan(end + separator).ToArray();
        try
        {
            if (headers.TryGetValue("Transfer-Encoding", out var transfer) && transfer.Contains("chunked", StringComparison.OrdinalIgnoreCase))
                body = Dechunk(body);
            if (headers.TryGetValue("Content-Encoding", out var coding))
                body = Decompress(body, coding.Trim().ToLowerInvariant());
        }
        catch (InvalidDataException ex)
        {
            error = $"body cannot be decoded: {ex.Message}";
            return false;
        }
        headers.TryGetValue("Content-Type", out var contentType);
        string? charset = null;
        if (contentType is not null && contentType.IndexOf("charset=", StringComparison.OrdinalIgnoreCase) is var at and >= 0)
            charset = contentType[(at + 8)..].Split(';')[0].Trim().Trim('"');
        payload = new HttpPayload(code, contentType, charset, body);
        return true;
    }

    private static byte[] Decompress(byte[] body, string coding)
    {
        if (coding is not ("gzip" or "x-gzip" or "deflate" or "br")) return body;
        using var input = new MemoryStream(body);
        using Stream decoder = coding switch
        {
            "deflate" => new ZLibStream(input, CompressionMode.Decompress),
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            _ => new GZipStream(input, CompressionMode.Decompress),
        };
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Dechunk(byte[] body)
    {
        using var output = new MemoryStream(body.Length);
        var i = 0;
        while (i < body.Length)
        {
            var lineEnd = body.AsSpan(i).IndexOf((byte)'\n');
            if (lineEnd < 0) break;
            var sizeText = Encoding.ASCII.GetString(body, i, lineEnd).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size))
                throw new InvalidDataException($"bad chunk size '{sizeText}'");
            i += lineEnd + 1;
            if (size == 0) break;
            if (i + size > body.Length) throw new InvalidDataException("chunk runs past the end of the record");
            output.Write(body, i, size);
            i += size;
            while (i < body.Length && body[i] is (byte)'\r' or (byte)'\n') i++;
        }
        return output.ToArray();
    }
}
