using System.Data.Common;
using System.Text;
using Dossier.Core.Model;

namespace Dossier.Storage;

/// <summary>A document's event mentions as one compact blob: they are read and written whole with their
/// document, never queried one by one, and a row of thirteen columns per mention cost reading a large
/// dossier's events more than the rest of its export. The blob is a version byte, the distinct strings
/// (classes and time values) once each, then per mention, in the order read back (by main trigger, as
/// found): triggers, class, status, sentence, flags, time, participants and place, every number a
/// 7-bit varint and every string UTF-8 after its length, as BinaryWriter writes them.</summary>
public static class EventMentionCodec
{
    private const byte Version = 1;
    private const byte Framed = 1, Timed = 2, Inferred = 4, TimeExpression = 8, Placed = 16;

    public static byte[] Encode(IReadOnlyList<EventMention> mentions)
    {
        // Ordered as rows by main trigger were, ties as found.
        var ordered = mentions.OrderBy(m => m.Triggers[0].Start).ToArray();
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var mention in ordered)
        {
            strings.TryAdd(mention.Class, strings.Count);
            if (mention.Time is { } time) strings.TryAdd(time.Value, strings.Count);
        }
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write7BitEncodedInt(Version);
            writer.Write7BitEncodedInt(strings.Count);
            foreach (var text in strings.Keys) writer.Write(text);
            writer.Write7BitEncodedInt(ordered.Length);
            foreach (var mention in ordered)
            {
                WriteSpans(writer, mention.Triggers);
                writer.Write7BitEncodedInt(strings[mention.Class]);
                writer.Write7BitEncodedInt((int)mention.Status);
                writer.Write7BitEncodedInt(mention.Sentence);
                var time = mention.Time;
                writer.Write7BitEncodedInt((mention.Framed ? Framed : 0) | (time is null ? 0 : Timed) | (time?.Inferred == true ? Inferred : 0)
                    | (time?.Expression is null ? 0 : TimeExpression) | (mention.Place is null ? 0 : Placed));
                if (time is not null) writer.Write7BitEncodedInt(strings[time.Value]);
                if (time?.Expression is { } expression) WriteSpan(writer, expression);
                WriteSpans(writer, mention.Participants);
                if (mention.Place is { } place) WriteSpan(writer, place);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Read from the span in place, without a stream: this runs for every document an export reads.</summary>
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

    private static void WriteSpan(BinaryWriter writer, TextSpan span)
    {
        writer.Write7BitEncodedInt(span.Start);
        writer.Write7BitEncodedInt(span.Length);
    }

    private static void WriteSpans(BinaryWriter writer, IReadOnlyList<TextSpan> spans)
    {
        writer.Write7BitEncodedInt(spans.Count);
        foreach (var span in spans) WriteSpan(writer, span);
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
