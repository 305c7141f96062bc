namespace Dossier.Core.Read.Feeds;

/// <summary>XML bytes as read, except that a CDATA section or a comment longer than a limit keeps
/// only its first bytes, just over that limit and ending on a whole UTF-8 character: the rest is
/// dropped and counted in <see cref="Dropped"/>. An XML parser holds a whole CDATA section or
/// comment in memory, however long; text and markup it reads in pieces. With this filter under
/// it, an oversized feed item costs memory in proportion to the limit, and what is left of it is
/// still over the limit, so it is refused as such. (Feeds in UTF-16 are not filtered.)</summary>
internal sealed class LongSectionFilter(Stream inner, long maxSectionBytes) : Stream
{
    private static ReadOnlySpan<byte> CDataOpen => "<![CDATA["u8;
    private static ReadOnlySpan<byte> CommentOpen => "<!--"u8;
    private static ReadOnlySpan<byte> CDataClose => "]]>"u8;
    private static ReadOnlySpan<byte> CommentClose => "-->"u8;

    private readonly byte[] _input = new byte[64 * 1024];
    private readonly byte[] _output = new byte[64 * 1024 + 3];
    private int _outputStart, _outputEnd;

    private int _cdataOpened, _commentOpened; // bytes of each opening matched so far
    private bool _inComment;
    private long _sectionBytes = -1; // -1: outside any section
    private int _closed; // bytes of the closing matched so far
    private bool _cutting;

    /// <summary>Bytes dropped so far.</summary>
    public long Dropped { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_outputStart == _outputEnd)
        {
            var read = inner.Read(_input);
            if (read == 0) return 0;
            _outputStart = 0;
            _outputEnd = 0;
            foreach (var b in _input.AsSpan(0, read)) Filter(b);
        }
        var length = Math.Min(buffer.Length, _outputEnd - _outputStart);
        _output.AsSpan(_outputStart, length).CopyTo(buffer);
        _outputStart += length;
        return length;
    }

    private void Filter(byte b)
    {
        if (_sectionBytes < 0)
        {
            _output[_outputEnd++] = b;
            _cdataOpened = Opened(CDataOpen, _cdataOpened, b);
            _commentOpened = Opened(CommentOpen, _commentOpened, b);
            if (_cdataOpened == CDataOpen.Length || _commentOpened == CommentOpen.Length)
            {
                _inComment = _commentOpened == CommentOpen.Length;
                _sectionBytes = 0;
                _closed = _cdataOpened = _commentOpened = 0;
            }
            return;
        }
        var close = _inComment ? CommentClose : CDataClose;
        // Both closings are a byte twice then a last one ("]]>", "-->").
        _closed = b == close[0] ? Math.Min(_closed + 1, 2) : b == close[2] && _closed == 2 ? 3 : 0;
        // One byte over the limit is kept, and the rest of a character cut there (UTF-8
        // continuation bytes): the parser must not meet half a character.
        var over = ++_sectionBytes - maxSectionBytes - 1;
        _cutting |= over > 0 && (over > 3 || (b & 0xC0) != 0x80);
        if (_cutting) Dropped++;
        else _output[_outputEnd++] = b;
        if (_closed < 3) return;
        if (_cutting)
        {
            // The closing's first bytes were dropped with the rest: it is written whole.
            close.CopyTo(_output.AsSpan(_outputEnd));
            _outputEnd += close.Length;
        }
        _sectionBytes = -1;
        _closed = 0;
        _cutting = false;
    }

    private static int Opened(ReadOnlySpan<byte> opening, int matched, byte b) =>
        b == opening[matched] ? matched + 1 : b == opening[0] ? 1 : 0;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
