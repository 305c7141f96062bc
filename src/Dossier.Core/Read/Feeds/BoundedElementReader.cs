using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Dossier.Core.Read.Feeds;

/// <summary>Reads the element at an <see cref="XmlReader"/>'s position into an <see cref="XElement"/>,
/// as <see cref="XNode.ReadFrom"/> does, but with a limit on its size: text is read in chunks, and
/// once the element holds more bytes (as UTF-8) than the limit, the rest is only counted on the way
/// to its end tag. An oversized feed item thus costs at most the limit in memory, and the items after
/// it are still read.</summary>
internal static class BoundedElementReader
{
    private const int ChunkChars = 64 * 1024;

    /// <summary>The element, or null when its text, names and attribute values hold more than
    /// <paramref name="maxBytes"/> bytes as UTF-8; either way the reader is left after the
    /// element's end, and <paramref name="bytes"/> is how many they hold.</summary>
    public static XElement? Read(XmlReader reader, long maxBytes, out long bytes)
    {
        var depth = reader.Depth;
        bytes = 0;
        var root = StartElement(reader, ref bytes);
        var current = root;
        var text = new StringBuilder();
        var chunk = new char[ChunkChars];
        var empty = reader.IsEmptyElement;
        reader.Read();
        if (empty) return root;
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth) && !reader.EOF)
        {
            var kept = bytes <= maxBytes;
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var element = StartElement(reader, ref bytes);
                    if (!kept) break;
                    current.Add(element);
                    if (!reader.IsEmptyElement) current = element;
                    break;
                case XmlNodeType.EndElement:
                    if (kept) current = current.Parent!;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    // In chunks: a text node of any length is never held whole by the reader nor here.
                    var cdata = reader.NodeType == XmlNodeType.CDATA;
                    text.Clear();
                    for (int read; (read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0;)
                    {
                        bytes += Encoding.UTF8.GetByteCount(chunk.AsSpan(0, read));
                        if (bytes <= maxBytes) text.Append(chunk, 0, read);
                    }
                    if (bytes > maxBytes) break;
                    if (cdata) current.Add(new XCData(text.ToString()));
                    else current.Add(text.ToString());
                    break;
                case XmlNodeType.ProcessingInstruction:
                    bytes += Encoding.UTF8.GetByteCount(reader.Value);
                    if (kept) current.Add(new XProcessingInstruction(reader.Name, reader.Value));
                    break;
            }
            reader.Read();
        }
        reader.Read();
        return bytes > maxBytes ? null : root;
    }

    private static XElement StartElement(XmlReader reader, ref long bytes)
    {
        var element = new XElement(XNamespace.Get(reader.NamespaceURI).GetName(reader.LocalName));
        bytes += Encoding.UTF8.GetByteCount(reader.LocalName);
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                // As XNode.ReadFrom names them: an attribute without a prefix (xmlns too) has no namespace.
                var ns = reader.Prefix.Length == 0 ? XNamespace.None : XNamespace.Get(reader.NamespaceURI);
                element.Add(new XAttribute(ns.GetName(reader.LocalName), reader.Value));
                bytes += Encoding.UTF8.GetByteCount(reader.LocalName) + Encoding.UTF8.GetByteCount(reader.Value);
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        return element;
    }
}
