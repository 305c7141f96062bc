using Dossier.Core.Model;

namespace Dossier.Storage.Sqlite;

/// <summary>The spans of a document's search terms as a compact blob: per term, the gap from the
/// previous term's end and the length, each a 7-bit varint (two bytes a word, mostly).</summary>
internal static class TermSpanCodec
{
    public static byte[] Encode(IReadOnlyList<TextSpan> spans)
    {
        using var buffer = new MemoryStream(spans.Count * 2);
        using (var writer = new BinaryWriter(buffer))
        {
            var end = 0;
            foreach (var span in spans)
            {
                writer.Write7BitEncodedInt(span.Start - end);
                writer.Write7BitEncodedInt(span.Length);
                end = span.End;
            }
        }
        return buffer.ToArray();
    }

    public static TextSpan[] Decode(byte[] bytes, int count)
    {
        var spans = new TextSpan[count];
        using var reader = new BinaryReader(new MemoryStream(bytes));
        var end = 0;
        for (var i = 0; i < count; i++)
        {
            var start = end + reader.Read7BitEncodedInt();
            spans[i] = new TextSpan(start, reader.Read7BitEncodedInt());
            end = spans[i].End;
        }
        return spans;
    }
}
