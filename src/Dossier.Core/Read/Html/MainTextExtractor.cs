using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace Dossier.Core.Read.Html;

/// <summary>The main text of a page as blocks: SmartReader (a port of Mozilla's Readability) picks
/// the article's container on a page first cleared of navigation, footers, asides, captions and
/// related-article blocks (<see cref="PageCleaner"/>); the standfirst it tends to lose, because
/// sites put it in the article's header beside the headline, is brought back.</summary>
public static class MainTextExtractor
{
    /// <param name="description">The page's meta description: sites often repeat their standfirst there.</param>
    /// <param name="wantDate">True when the page's metadata states no publication date: the date
    /// the page shows near its headline is then kept as a line, for the Describe stage to read.</param>
    public static List<TextBlock> Extract(IHtmlDocument document, string url, string? description, bool wantDate)
    {
        var headline = document.QuerySelector("h1");
        PageCleaner.Clean(document, headline);
        var scope = headline is null ? null : HeaderScope(document, headline);
        var lede = scope is null ? null : FindLede(scope, headline!, description);
        var date = wantDate ? FindDateLine(document, scope) : null;
        var blocks = Readable(document, url);
        if (lede is not null && !Contains(blocks, lede.Value.Text))
            blocks.Insert(0, lede.Value);
        if (date is not null && !Contains(blocks, date.Value.Text))
            blocks.Insert(0, date.Value);
        return blocks;
    }

    /// <summary>The block around the headline where standfirst and date sit: a few levels up at most.</summary>
    private static IElement HeaderScope(IHtmlDocument document, IElement headline)
    {
        var scope = headline;
        for (var up = 0; up < LedeScopeLevels && scope.ParentElement is { } parent && parent != document.Body; up++) scope = parent;
        return scope;
    }

    /// <summary>A short block named as a date (or a &lt;time&gt;) holding a date with its year, near
    /// the headline first, then anywhere.</summary>
    private static TextBlock? FindDateLine(IHtmlDocument document, IElement? scope)
    {
        foreach (var root in (ReadOnlySpan<IElement?>)[scope, document.Body])
        {
            if (root is null) continue;
            foreach (var element in root.QuerySelectorAll("time, [class], [id]"))
            {
                if (element.LocalName != "time" && !PageCleaner.IsDate(element)) continue;
                if (element.TextContent.Length > 160) continue;
                var text = BlockTextWriter.TextOf(element);
                if (text.Length is < 6 or > 120) continue;
                if (Describe.DateTextParser.Default.FindFirst(text) is { Year: not null })
                    return new TextBlock(text, element.SourceReference?.Position.Line ?? 0, element.LocalName);
            }
        }
        return null;
    }

    private const int LedeScopeLevels = 6;

    /// <summary>The text SmartReader alone extracts, as blocks (for comparison and benchmarks).</summary>
    public static List<TextBlock> Readable(IHtmlDocument document, string url)
    {
        IElement? article = null;
        using var reader = new Reader(url, document) { Debug = false, Logging = ReportLevel.Issue, DisableJSONLD = true };
        reader.AddCustomOperationEnd(element => article = element);
        var result = reader.GetArticle();
        if (article is not null && article.TextContent.Length * 2 >= (result.TextContent?.Length ?? 0))
            return BlockTextWriter.Write(article);
        // When SmartReader retries with looser settings, the element it reported last may not be
        // the one it returns: read the article it returns (its source lines are then unknown).
        if (!string.IsNullOrWhiteSpace(result.Content))
            return BlockTextWriter.Write(new HtmlParser().ParseDocument(result.Content).Body!);
        return BlockTextWriter.Write(document.Body ?? (INode)document);
    }

    /// <summary>The standfirst: after the headline, the first block named as one (class or id), or
    /// the block that repeats the meta description; 30 to 1 000 characters. Only after the headline:
    /// a site's own description repeated in its page header is not the article's standfirst.</summary>
    private static TextBlock? FindLede(IElement scope, IElement headline, string? description)
    {
        var wanted = description is null ? null : Normalise(description);
        foreach (var element in scope.QuerySelectorAll("p, div, h2, span, section"))
        {
            if ((headline.CompareDocumentPosition(element) & DocumentPositions.Following) == 0 || headline.Contains(element)) continue;
            var named = PageCleaner.IsLede(element);
            if (!named && (wanted is null || wanted.Length < 30 || element.LocalName is not ("p" or "div" or "h2"))) continue;
            if (element.TextContent.Length > 1200 || PageCleaner.IsNotLede(element, scope)) continue;
            var text = BlockTextWriter.TextOf(element);
            if (text.Length is < 30 or > 1000) continue;
            if (named || Normalise(text).StartsWith(wanted!, StringComparison.Ordinal) || wanted!.StartsWith(Normalise(text), StringComparison.Ordinal) && text.Length * 10 >= wanted.Length * 9)
                return new TextBlock(text, element.SourceReference?.Position.Line ?? 0, element.LocalName);
        }
        return null;
    }

    private static bool Contains(List<TextBlock> blocks, string text)
    {
        var wanted = Normalise(text);
        var probe = wanted.Length > 60 ? wanted[..60] : wanted;
        foreach (var block in blocks)
            if (Normalise(block.Text).Contains(probe, StringComparison.Ordinal)) return true;
        return false;
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
