using System.Text;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Dossier.Core.Model;
using Dossier.Core.Read.Html;

namespace Dossier.Core.Read.Feeds;

/// <summary>RSS 2.0 (and RDF/RSS 1.0) and Atom feeds: each item or entry becomes a document whose
/// text is its title, then its content (content:encoded, Atom content) or else its summary,
/// as blocks; an item that only points to a page keeps its title as a short document. The feed is
/// read item by item, so a malformed feed keeps the items before the break, and an item over the
/// size limit for one article is reported and skipped without being held in memory.</summary>
public sealed class FeedFormat : IInputFormat
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";

    public string Name => "feed";

    public bool Recognises(ReadOnlySpan<byte> head, string path)
    {
        var text = MarkupSniffer.HeadText(head);
        var start = text.AsSpan().TrimStart().TrimStart('\uFEFF');
        // A feed is XML whose root element, after the declaration, comments and stylesheet
        // instructions, is <rss>, <feed> or <rdf:RDF>; a web page mentioning them is not one.
        if (!(start.StartsWith("<?xml") || start.StartsWith("<!--") || start.StartsWith("<rss") || start.StartsWith("<feed") || start.StartsWith("<rdf:RDF")))
            return false;
        var html = text.IndexOf("<html", StringComparison.OrdinalIgnoreCase);
        foreach (var opening in (ReadOnlySpan<string>)["<rss", "<feed", "<rdf:RDF"])
        {
            var at = text.IndexOf(opening, StringComparison.Ordinal);
            if (at >= 0 && (html < 0 || at < html)) return true;
        }
        return false;
    }

    public IEnumerable<ReadItem> Read(InputFile file, ReadOptions options, CancellationToken cancellationToken)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true, CloseInput = true };
        using var stream = File.OpenRead(file.FullPath);
        using var filter = new LongSectionFilter(stream, options.MaxDocumentBytes);
        using var reader = XmlReader.Create(filter, settings);
        var number = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (item, error) = NextItem(reader, filter, options.MaxDocumentBytes);
            if (error is not null)
            {
                yield return ReadItem.Of(new InputProblem(file.DisplayPath, number > 0 ? $"after item {number}" : null, ProblemSeverity.Error,
                    $"malformed feed, reading stopped: {error}"));
                yield break;
            }
            if (item is null) yield break;
            number++;
            if (item.Element is null)
            {
                yield return ReadItem.Of(new InputProblem(file.DisplayPath, $"item {number}, line {item.Line}", ProblemSeverity.Error,
                    $"item of {options.OverLimit(item.Bytes)}; skipped"));
                continue;
            }
            foreach (var read in ReadEntry(file, item.Element, item.Line, number))
                yield return read;
        }
    }

    /// <summary>An item as read: its element, or null when it is over the size limit; its size in bytes.</summary>
    private sealed record RawItem(XElement? Element, long Bytes, int Line);

    /// <summary>The next &lt;item&gt; or &lt;entry&gt;, or null at the end; or the XML error that stopped reading.</summary>
    private static (RawItem? Item, string? Error) NextItem(XmlReader reader, LongSectionFilter filter, long maxBytes)
    {
        try
        {
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "item" or "entry")
                {
                    var line = ((IXmlLineInfo)reader).LineNumber;
                    var dropped = filter.Dropped;
                    var element = BoundedElementReader.Read(reader, maxBytes, out var bytes);
                    // What the filter cut is part of the item's size.
                    return (new RawItem(element, bytes + filter.Dropped - dropped, line), null);
                }
                reader.Read();
            }
            return (null, null);
        }
        catch (XmlException ex)
        {
            return (null, $"line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message.Split(" Line ")[0]}");
        }
    }

    private IEnumerable<ReadItem> ReadEntry(InputFile file, XElement item, int line, int number)
    {
        var record = $"item {number}";
        var title = Clean(Child(item, "title"));
        var link = Link(item);
        var id = Child(item, "guid") ?? Child(item, "id");
        var author = Clean(Child(item, "author", AtomNs, "name") ?? Child(item, "creator", DcNs) ?? Child(item, "author"));
        var statedDate = Child(item, "pubDate") ?? Child(item, "published") ?? Child(item, "date", DcNs) ?? Child(item, "updated");
        var content = Child(item, "encoded", ContentNs) ?? Child(item, "content") ?? Child(item, "description") ?? Child(item, "summary");

        var fields = new List<HintField>();
        string? published = null;
        if (statedDate is not null)
        {
            fields.Add(new HintField("published", statedDate.Trim(), "feed date"));
            // Feeds in the wild also write dates in words ("samedi 9 juillet 2016"): the Describe
            // stage reads those; a date that is neither is reported and left out.
            published = FeedDate.ToIso(statedDate) ?? (FeedDate.IsRfc822Shaped(statedDate) ? null : DatedInWords(statedDate));
            if (published is null)
                yield return ReadItem.Of(new InputProblem(file.DisplayPath, record, ProblemSeverity.Warning,
                    $"invalid date '{statedDate.Trim()}'; the item is kept without a date"));
        }
        var lines = new List<string>();
        if (title is not null) lines.Add(title);
        if (content is not null)
        {
            var blocks = BlocksOf(content, out var depth);
            foreach (var block in blocks)
                if (title is null || !string.Equals(block, title, StringComparison.Ordinal)) lines.Add(block);
            if (depth > NestingLimit.MaxDepth)
                yield return ReadItem.Of(new InputProblem(file.DisplayPath, record, ProblemSeverity.Warning, NestingLimit.Warning(depth)));
        }
        if (lines.Count == 0)
        {
            yield return ReadItem.Of(new InputProblem(file.DisplayPath, record, ProblemSeverity.Error, "item without title or text (skipped)"));
            yield break;
        }
        var hints = new SourceHints(id, link, title, published, author, fields, Enumerable.Repeat(line, lines.Count).ToArray(), LinesAreBlocks: true);
        var bytes = Encoding.UTF8.GetBytes(item.ToString(SaveOptions.DisableFormatting));
        yield return ReadItem.Of(new SourceDocument($"{file.FullPath}#{id ?? number.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            $"{file.DisplayPath}#{number}", Name, ContentHash.Of(bytes), string.Join('\n', lines), "utf-8", hints));
    }

    private static string? DatedInWords(string text) =>
        Describe.DateTextParser.Default.FindFirst(text) is { Year: not null } ? text.Trim() : null;

    /// <summary>Item content is HTML (escaped or CDATA); plain text comes through as its lines.</summary>
    private static IEnumerable<string> BlocksOf(string content, out int depth)
    {
        depth = 0;
        if (!content.Contains('<', StringComparison.Ordinal))
            return content.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
        var document = new HtmlParser().ParseDocument(NestingLimit.Apply(content, out depth));
        return BlockTextWriter.Write(document.Body!).Select(b => b.Text);
    }

    private static string? Link(XElement item)
    {
        foreach (var link in item.Elements().Where(e => e.Name.LocalName == "link"))
        {
            if (link.Attribute("href") is { } href && (link.Attribute("rel")?.Value ?? "alternate") == "alternate") return href.Value;
            if (link.Value.Trim() is { Length: > 0 } value) return value;
        }
        return null;
    }

    private static string? Child(XElement item, string name, string? ns = null, string? inner = null)
    {
        var element = item.Elements().FirstOrDefault(e => e.Name.LocalName == name && (ns is null || e.Name.NamespaceName == ns));
        if (element is not null && inner is not null)
            element = element.Elements().FirstOrDefault(e => e.Name.LocalName == inner);
        if (element is null) return null;
        // Atom text constructs of type xhtml hold markup as child elements.
        var value = element.HasElements && element.Attribute("type")?.Value == "xhtml"
            ? string.Concat(element.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)))
            : element.Value;
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static string? Clean(string? text) => text is null ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
