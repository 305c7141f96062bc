using System.Data.Common;
using System.Text;
using Dossier.Core.Model;

namespace Dossier.Storage;

/// <summary>A document's event mentions as one compact blob: they are read and written whole with their
/// document, never queried one by one, and a row of thirteen columns per mention cost reading a large
/// dossier's events more than the rest of its export. The blob is a version byte, the distinct strings
/// (classes and time values) once each, then per mention, in the order read back (by main trigger, as
/// found): triggers, class, status, sentence, flags, time, participants and place, every number an
/// unsigned LEB128 varint.</summary>
public static class EventMentionCodec
{
    private const byte Version = 1;
    private const byte Framed = 1, Timed = 2, Inferred = 4, TimeExpression = 8, Placed = 16;

    public static byte[] Encode(IReadOnlyList<EventMention> mentions)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        int StringIndex(string text) => strings.TryGetValue(text, out var index) ? index : strings[text] = strings.Count;
        var body = new Writer();
        body.Number(mentions.Count);
        // Ordered as rows by main trigger were, ties as found.
        foreach (var mention in mentions.OrderBy(m => m.Triggers[0].Start))
        {
            body.Spans(mention.Triggers);
            body.Number(StringIndex(mention.Class));
            body.Number((int)mention.Status);
            body.Number(mention.Sentence);
            var time = mention.Time;
            body.Number((mention.Framed ? Framed : 0) | (time is null ? 0 : Timed) | (time?.Inferred == true ? Inferred : 0)
                | (time?.Expression is null ? 0 : TimeExpression) | (mention.Place is null ? 0 : Placed));
            if (time is not null) body.Number(StringIndex(time.Value));
            if (time?.Expression is { } expression) body.Span(expression);
            body.Spans(mention.Participants);
            if (mention.Place is { } place) body.Span(place);
        }
        var head = new Writer();
        head.Number(Version);
        head.Number(strings.Count);
        foreach (var text in strings.Keys) head.Text(text);
        return [.. head.Written, .. body.Written];
    }

    public static EventMention[] Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new Reader(bytes);
        var version = reader.Number();
        if (version != Version)
            throw new DossierStoreException($"event mentions stored in form {version}, which this version of Dossier does not read");
        var strings = new string[reader.Number()];
        for (var i = 0; i < strings.Length; i++) strings[i] = reader.Text();
        var mentions = new EventMention[reader.Number()];
        for (var i = 0; i < mentions.Length; i++)
        {
            var triggers = reader.Spans();
            var type = strings[reader.Number()];
            var status = (EventStatus)reader.Number();
            var sentence = reader.Number();
            var flags = reader.Number();
            EventTime? time = null;
            if ((flags & Timed) != 0)
            {
                var value = strings[reader.Number()];
                time = new EventTime(value, (flags & Inferred) != 0, (flags & TimeExpression) != 0 ? reader.Span() : null);
            }
            var participants = reader.Spans();
            TextSpan? place = (flags & Placed) != 0 ? reader.Span() : null;
            mentions[i] = new EventMention(triggers, type, status, sentence, (flags & Framed) != 0, time, participants, place);
        }
        return mentions;
    }

    /// <summary>Packs event mentions stored a row each (document id, then the columns <see cref="StoredRows.Event"/>
    /// reads, in document then read order), handing each document's blob to <paramref name="write"/>.</summary>
    public static void PackRows(DbDataReader rows, Action<long, byte[]> write)
    {
        var mentions = new List<EventMention>();
        long? document = null;
        while (rows.Read())
        {
            var id = rows.GetInt64(0);
            if (id != document && document is { } previous)
            {
                write(previous, Encode(mentions));
                mentions.Clear();
            }
            document = id;
            mentions.Add(StoredRows.Event(rows, 1));
        }
        if (document is { } last) write(last, Encode(mentions));
    }

    private sealed class Writer
    {
        private byte[] _bytes = new byte[256];
        private int _length;

        public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, _length);

        public void Number(int value)
        {
            var left = (uint)value;
            Room(5);
            while (left >= 0x80)
            {
                _bytes[_length++] = (byte)(left | 0x80);
                left >>= 7;
            }
            _bytes[_length++] = (byte)left;
        }

        public void Span(TextSpan span)
        {
            Number(span.Start);
            Number(span.Length);
        }

        public void Spans(IReadOnlyList<TextSpan> spans)
        {
            Number(spans.Count);
            foreach (var span in spans) Span(span);
        }

        public void Text(string text)
        {
            var count = Encoding.UTF8.GetByteCount(text);
            Number(count);
            Room(count);
            _length += Encoding.UTF8.GetBytes(text, _bytes.AsSpan(_length));
        }

        private void Room(int more)
        {
            if (_length + more > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + more));
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public int Number()
        {
            uint value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var next = _bytes[_at++];
                value |= (uint)(next & 0x7F) << shift;
                if (next < 0x80) return (int)value;
            }
        }

        public TextSpan Span() => new(Number(), Number());

        public TextSpan[] Spans()
        {
            var count = Number();
            if (count == 0) return [];
            var spans = new TextSpan[count];
            for (var i = 0; i < count; i++) spans[i] = Span();
            return spans;
        }

        public string Text()
        {
            var count = Number();
            var text = Encoding.UTF8.GetString(_bytes.Slice(_at, count));
            _at += count;
            return text;
        }
    }
}
