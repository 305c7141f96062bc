using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Dossier.Core.Model;

namespace Dossier.Core.Read.Html;

/// <summary>Turns the bytes of one web page into a document: decoded (<see cref="HtmlCharset"/>),
/// parsed, its metadata collected (<see cref="HtmlMetadataReader"/>) and its main text extracted
/// (<see cref="MainTextExtractor"/>) as lines, headline first, each mapped to its source line.</summary>
public static class HtmlPageReader
{
    public const string FormatName = "html";

    /// <summary>Parsed as a browser with scripting on would: &lt;noscript&gt; holds raw text, not
    /// markup, so a page-wide &lt;noscript&gt; menu in the head cannot reshape the body.</summary>
    private static readonly HtmlParserOptions ParserOptions = new() { IsKeepingSourceReferences = true, IsScripting = true };

    public static SourceDocument? Read(byte[] bytes, string sourceKey, string displayPath, string? url, string? headerCharset,
        IReadOnlyList<HintField>? extraFields, List<string> warnings)
    {
        var html = HtmlCharset.Decode(bytes, headerCharset, out var encoding, out var warning);
        if (warning is not null) warnings.Add(warning);
        html = MojibakeRepair.Repair(html, out var repaired);
        if (repaired > 0) warnings.Add($"repaired {repaired} mojibake sequences (UTF-8 once read as Windows-1252, such as 'Ã©')");
        if (LooksTruncated(html)) warnings.Add("the page ends before </html>: it looks truncated; read what is there");
        html = NestingLimit.Apply(html, out var depth);
        if (depth > NestingLimit.MaxDepth) warnings.Add(NestingLimit.Warning(depth));

        var document = new HtmlParser(ParserOptions).ParseDocument(html);
        var fields = HtmlMetadataReader.Read(document);
        if (extraFields is not null) fields.AddRange(extraFields);
        var title = HtmlMetadataReader.Headline(fields);
        url ??= HtmlMetadataReader.First(fields, "url", u => Uri.TryCreate(u, UriKind.Absolute, out _));
        List<TextBlock> blocks;
        try
        {
            blocks = MainTextExtractor.Extract(document, url is not null && Uri.TryCreate(url, UriKind.Absolute, out _) ? url : "http://localhost/",
                HtmlMetadataReader.First(fields, "description"), wantDate: HtmlMetadataReader.First(fields, "published") is null);
        }
        catch (Exception ex) when (ex is InvalidOperationException or NullReferenceException or ArgumentException or IndexOutOfRangeException or System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // The extraction library failing on odd markup must cost this page its main text, not
            // the build: the page's visible text is kept, for the line classifier to sort.
            warnings.Add($"main-text extraction failed ({ex.GetType().Name}: {ex.Message}); the page's whole text is kept");
            blocks = BlockTextWriter.Write(document.Body ?? (AngleSharp.Dom.INode)document);
        }

        var lines = new List<string>(blocks.Count + 1);
        var sourceLines = new List<int>(blocks.Count + 1);
        if (title is not null && (blocks.Count == 0 || !SameText(blocks[0].Text, title)))
        {
            lines.Add(title);
            sourceLines.Add(0);
        }
        foreach (var block in blocks)
        {
            lines.Add(block.Text);
            sourceLines.Add(block.SourceLine);
        }
        if (lines.Count == 0) return null;
        var hints = new SourceHints(
            Url: url, Title: title,
            Published: HtmlMetadataReader.First(fields, "published"),
            Author: HtmlMetadataReader.First(fields, "author", HtmlMetadataReader.IsPlausibleAuthor),
            Fields: fields, SourceLines: sourceLines, LinesAreBlocks: true);
        return new SourceDocument(sourceKey, displayPath, FormatName, ContentHash.Of(bytes), string.Join('\n', lines), encoding, hints);
    }

    private static bool SameText(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static bool LooksTruncated(string html)
    {
        var tail = html.AsSpan(Math.Max(0, html.Length - 2048)).TrimEnd();
        return !tail.Contains("</html", StringComparison.OrdinalIgnoreCase) && !tail.Contains("</body", StringComparison.OrdinalIgnoreCase);
    }
}
