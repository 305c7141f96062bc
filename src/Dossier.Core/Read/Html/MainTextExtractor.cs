using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using SmartReader;

namespace Dossier.Core.Read.Html;

/// <summary>The main text of a page as blocks: SmartReader (a port of Mozilla's Readability) picks
/// the article's container on a page first cleared of navigation, footers, asides, captions and
/// related-article blocks (<see cref="PageCleaner"/>); the standfirst it tends to lose, because
/// sites put it in the article's header beside the headline, is brought back.</summary>
public static class MainTextExtractor
{
    /// <param name="description">The page's meta description: sites often repeat their standfirst there.</param>
    public static List<TextBlock> Extract(IHtmlDocument document, string url, string? description)
    {
        var headline = document.QuerySelector("h1");
        PageCleaner.Clean(document, headline);
        var lede = headline is null ? null : FindLede(document, headline, description);
        var blocks = Readable(document, url);
        if (lede is not null && !Contains(blocks, lede.Value.Text))
            blocks.Insert(0, lede.Value);
        return blocks;
    }

    private const int LedeScopeLevels = 6;

    /// <summary>The text SmartReader alone extracts, as blocks (for comparison and benchmarks).</summary>
    public static List<TextBlock> Readable(IHtmlDocument document, string url)
    {
        IElement? article = null;
        using var reader = new Reader(url, document) { Debug = false, Logging = ReportLevel.Issue, DisableJSONLD = true };
        reader.AddCustomOperationEnd(element => article = element);
        reader.GetArticle();
        return article is null ? BlockTextWriter.Write(document.Body ?? (INode)document) : BlockTextWriter.Write(article);
    }

    /// <summary>The standfirst: after the headline, the first block named as one (class or id), or
    /// the block that repeats the meta description; 30 to 1 000 characters. Only after the headline:
    /// a site's own description repeated in its page header is not the article's standfirst.</summary>
    private static TextBlock? FindLede(IHtmlDocument document, IElement headline, string? description)
    {
        var body = document.Body;
        if (body is null) return null;
        var wanted = description is null ? null : Normalise(description);
        // A standfirst sits beside the headline, in the same header block: a few levels up at most.
        var scope = headline;
        for (var up = 0; up < LedeScopeLevels && scope.ParentElement is { } parent && parent != body; up++) scope = parent;
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
