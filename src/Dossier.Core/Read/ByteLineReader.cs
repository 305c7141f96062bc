using System.Buffers;

namespace Dossier.Core.Read;

/// <summary>Reads a stream line by line as bytes, holding at most <c>maxBytes</c> of a line: a
/// longer line is read through to its end without being kept, and only its length is known. The
/// line break (LF or CR LF) is not part of the line; a UTF-8 byte order mark before the first line is skipped.</summary>
public sealed class ByteLineReader(Stream stream, long maxBytes)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly ArrayBufferWriter<byte> _line = new();
    private int _start, _end;
    private bool _started;

    /// <summary>The next line: false at the end of the stream. <paramref name="line"/> is null when
    /// the line is longer than the limit; <paramref name="length"/> is its length in bytes either way.</summary>
    public bool Next(out byte[]? line, out long length)
    {
        _line.ResetWrittenCount();
        length = 0;
        line = null;
        var any = false;
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = stream.Read(_buffer, 0, _buffer.Length);
                if (_end == 0)
                {
                    if (!any) return false;
                    break;
                }
                if (!_started)
                {
                    _started = true;
                    if (_buffer.AsSpan(0, _end).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) _start = 3;
                }
            }
            any = true;
            var rest = _buffer.AsSpan(_start, _end - _start);
            var newline = rest.IndexOf((byte)'\n');
            var piece = newline < 0 ? rest : rest[..newline];
            length += piece.Length;
            if (length <= maxBytes) _line.Write(piece);
            _start += piece.Length + (newline < 0 ? 0 : 1);
            if (newline >= 0) break;
        }
        var written = _line.WrittenSpan;
        if (length <= maxBytes && written.Length > 0 && written[^1] == '\r') { written = written[..^1]; length--; }
        if (length <= maxBytes) line = written.ToArray();
        return true;
    }
}
