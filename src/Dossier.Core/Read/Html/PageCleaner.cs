using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Dossier.Languages;

namespace Dossier.Core.Read.Html;

/// <summary>Removes page furniture before the main text is chosen: navigation, footers, asides,
/// figure captions and credits, share bars, cookie banners, newsletter boxes, comment sections and
/// related-article blocks, recognised by element, ARIA role and the class and id vocabulary of
/// common/html-blocks.tsv. A block holding the headline or most of the page's text is never
/// removed: a site that calls its article wrapper "main-widget" must not lose its article.</summary>
public static class PageCleaner
{
    private static readonly HashSet<string> FurnitureTags = new(StringComparer.OrdinalIgnoreCase) { "nav", "footer", "aside", "form", "dialog" };
    private static readonly HashSet<string> FurnitureRoles = new(StringComparer.OrdinalIgnoreCase) { "navigation", "contentinfo", "complementary", "search", "banner", "menu", "menubar", "dialog", "alertdialog" };
    private static readonly HashSet<string> Protected = new(StringComparer.OrdinalIgnoreCase) { "html", "body", "main", "article", "h1" };

    private static readonly Lazy<(Regex Drop, Regex Lede, Regex NotLede, Regex Date)> Vocabulary = new(Load);

    /// <summary>Removes the furniture from the document, in place.</summary>
    public static void Clean(IHtmlDocument document, IElement? headline)
    {
        var body = document.Body;
        if (body is null) return;
        Walk(body, headline, body.TextContent.Length, Vocabulary.Value.Drop, 0);
    }

    /// <summary>Visits the tree top-down; a removed block's descendants are not visited.</summary>
    private static void Walk(IElement parent, IElement? headline, int bodyLength, Regex drop, int depth)
    {
        if (depth > BlockTextWriter.MaxDepth) return;
        for (var element = parent.FirstElementChild; element is not null;)
        {
            var next = element.NextElementSibling;
            if (ShouldRemove(element, headline, bodyLength, drop)) element.Remove();
            else Walk(element, headline, bodyLength, drop, depth + 1);
            element = next;
        }
    }

    private static bool ShouldRemove(IElement element, IElement? headline, int bodyLength, Regex drop)
    {
        if (Protected.Contains(element.LocalName)) return false;
        if (BlockTextWriter.IsInvisible(element)) return true;
        var furniture = Furniture(element, drop);
        if (furniture == Kind.None) return false;
        if (headline is not null && element.Contains(headline)) return false;
        var length = element.TextContent.Length;
        if (length > bodyLength * 2 / 5) return false;
        // Class names lie more often than elements: a theme may wrap the whole story in
        // "share-float" or "jeg_ad". A named block goes only when it is short or mostly links.
        return furniture != Kind.Named || length < ShortBlock || LinkDensity(element, length) >= 0.35;
    }

    /// <summary>True when the element's class or id names it as a standfirst.</summary>
    public static bool IsLede(IElement element) => Vocabulary.Value.Lede.IsMatch(Names(element));

    /// <summary>True when the element's class or id names it as showing a date.</summary>
    public static bool IsDate(IElement element) => Vocabulary.Value.Date.IsMatch(Names(element));

    /// <summary>True when the element or a container up to <paramref name="scope"/> is named as
    /// something that only looks like a standfirst (a site tagline, a newsletter box).</summary>
    public static bool IsNotLede(IElement element, IElement scope)
    {
        for (var e = element; e is not null && e != scope; e = e.ParentElement)
            if (Vocabulary.Value.NotLede.IsMatch(Names(e))) return true;
        return false;
    }

    private enum Kind { None, Semantic, Named }

    /// <summary>Text length under which a block named as furniture is removed whatever its links.</summary>
    private const int ShortBlock = 400;

    private static Kind Furniture(IElement element, Regex drop)
    {
        if (FurnitureTags.Contains(element.LocalName)) return Kind.Semantic;
        // Captions and credits are short; a long caption is a gallery's or a slideshow's text.
        if (element.LocalName == "figcaption") return element.TextContent.Length < 150 ? Kind.Semantic : Kind.None;
        if (element.GetAttribute("role") is { } role && FurnitureRoles.Contains(role)) return Kind.Semantic;
        if (element.GetAttribute("aria-hidden") == "true") return Kind.Semantic;
        var names = Names(element);
        return names.Length > 0 && drop.IsMatch(names) ? Kind.Named : Kind.None;
    }

    private static double LinkDensity(IElement element, int length)
    {
        var linked = 0;
        foreach (var link in element.QuerySelectorAll("a"))
            linked += link.TextContent.Length;
        return length == 0 ? 0 : (double)linked / length;
    }

    private static string Names(IElement element)
    {
        var cls = element.GetAttribute("class");
        var id = element.Id;
        return cls is null ? id ?? "" : id is null ? cls : cls + " " + id;
    }

    private static (Regex, Regex, Regex, Regex) Load()
    {
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal) { ["drop"] = [], ["lede"] = [], ["not-lede"] = [], ["date"] = [] };
        foreach (var line in LanguageData.ReadLines("common", "html-blocks.tsv"))
        {
            var cols = line.Split('\t');
            if (cols.Length != 2 || !groups.TryGetValue(cols[0], out var list) || cols[1].Length == 0)
                throw new InvalidDataException($"common/html-blocks.tsv: expected 'drop|lede|not-lede|date<TAB>regex', got '{line}'");
            list.Add(cols[1]);
        }
        foreach (var (name, list) in groups)
            if (list.Count == 0) throw new InvalidDataException($"common/html-blocks.tsv: group '{name}' is empty");
        return (Build(groups["drop"]), Build(groups["lede"]), Build(groups["not-lede"]), Build(groups["date"]));
    }

    private static Regex Build(List<string> patterns) =>
        new(string.Join('|', patterns.Select(p => $"(?:{p})")), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, PatternLimit.Timeout);
}
