using System.Globalization;
using System.Text;

namespace Dossier.Core.Read.Warc;

/// <summary>One WARC record: its number in the file, its named header fields and its content block.</summary>
public sealed record WarcRecord(int Number, long Offset, IReadOnlyDictionary<string, string> Headers, byte[] Block)
{
    public string? this[string name] => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>Reads WARC 1.0/1.1 records one by one from a (decompressed) stream. A record whose
/// header is damaged is reported and skipped: reading resumes at the next "WARC/" line.</summary>
public sealed class WarcRecordReader(Stream stream, long maxBlockBytes) : IDisposable
{
    private readonly BufferedStream _stream = new(stream, 1 << 16);
    private long _position;
    private int _number;
    private string? _pending;
    private long _pendingOffset;

    /// <summary>The next record, or null at the end; <paramref name="problem"/> says why a record was skipped.</summary>
    public WarcRecord? Next(out string? problem, out bool stop)
    {
        problem = null;
        stop = false;
        string? line;
        long offset;
        do
        {
            // The offset of a record is that of its first byte, counted before its line is read
            // (the line's characters are not its bytes: CR, UTF-8).
            offset = _pending is null ? _position : _pendingOffset;
            line = _pending ?? ReadLine();
            _pending = null;
            if (line is null) { stop = true; return null; }
        } while (line.Length == 0);

        _number++;
        if (!line.StartsWith("WARC/", StringComparison.Ordinal))
        {
            problem = $"expected a WARC/1.x header at byte {offset}, found '{Shorten(line)}'; skipped to the next record";
            Resync();
            return null;
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while ((line = ReadLine()) is { Length: > 0 })
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        if (line is null)
        {
            problem = "the file ends inside a record header";
            stop = true;
            return null;
        }
        if (!headers.TryGetValue("Content-Length", out var lengthText) || !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            problem = $"record at byte {offset} has no valid Content-Length ({(lengthText is null ? "missing" : $"'{lengthText}'")}); skipped to the next record";
            Resync();
            return null;
        }
        if (length > maxBlockBytes)
        {
            Skip(length);
            problem = $"record of {length / 1048576.0:0.0} MB is larger than the {maxBlockBytes / 1048576} MB limit; skipped";
            return null;
        }
        var block = new byte[length];
        var read = _stream.ReadAtLeast(block, block.Length, throwOnEndOfStream: false);
        _position += read;
        if (read < length)
        {
            problem = $"record at byte {offset} is truncated: Content-Length {length}, only {read} bytes left";
            stop = true;
            return null;
        }
        return new WarcRecord(_number, offset, headers, block);
    }

    public int Number => _number;

    public void Dispose() => _stream.Dispose();

    private static string Shorten(string line) => line.Length > 40 ? line[..40] + "…" : line;

    /// <summary>Reads on to the next "WARC/" version line, kept for the next record.</summary>
    private void Resync()
    {
        var start = _position;
        while (ReadLine() is { } line)
        {
            if (line.StartsWith("WARC/", StringComparison.Ordinal)) { _pending = line; _pendingOffset = start; return; }
            start = _position;
        }
    }

    private void Skip(long length)
    {
        var buffer = new byte[8192];
        while (length > 0)
        {
            var n = _stream.Read(buffer, 0, (int)Math.Min(buffer.Length, length));
            if (n == 0) return;
            length -= n;
            _position += n;
        }
    }

    /// <summary>A header line without its CR LF (ASCII/UTF-8); null at the end of the stream.</summary>
    private string? ReadLine()
    {
        var bytes = new List<byte>(64);
        while (true)
        {
            var b = _stream.ReadByte();
            if (b < 0) return bytes.Count == 0 ? null : Decode(bytes);
            _position++;
            if (b == '\n') return Decode(bytes);
            if (bytes.Count < 64 * 1024) bytes.Add((byte)b);
        }
    }

    private static string Decode(List<byte> bytes)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes);
        if (span.Length > 0 && span[^1] == '\r') span = span[..^1];
        return Encoding.UTF8.GetString(span);
    }
}
