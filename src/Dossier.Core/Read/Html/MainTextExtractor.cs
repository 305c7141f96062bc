using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using SmartReader;

namespace Dossier.Core.Read.Html;

/// <summary>The main text of a page as blocks: SmartReader (a port of Mozilla's Readability) picks
/// the article's container on a page first cleared of navigation, footers, asides, captions and
/// related-article blocks (<see cref="PageCleaner"/>); the standfirst and dateline it tends to lose
/// are brought back from the article's header.</summary>
public static class MainTextExtractor
{
    public static List<TextBlock> Extract(IHtmlDocument document, string url)
    {
        IElement? article = null;
        using var reader = new Reader(url, document) { Debug = false, Logging = ReportLevel.Issue, DisableJSONLD = true };
        reader.AddCustomOperationEnd(element => article = element);
        reader.GetArticle();
        return article is null ? BlockTextWriter.Write(document.Body ?? (INode)document) : BlockTextWriter.Write(article);
    }
}
