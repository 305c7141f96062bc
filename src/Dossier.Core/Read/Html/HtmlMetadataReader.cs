using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Dossier.Core.Model;
using Dossier.Languages;

namespace Dossier.Core.Read.Html;

/// <summary>Collects what a page says of itself — title, publication date, author, canonical URL —
/// from every place pages put it, each value with its origin, in order of trust: the page's
/// structured data (Open Graph, article:*, JSON-LD) before the visible markup (&lt;h1&gt;, &lt;time&gt;,
/// bylines) before the &lt;title&gt; element, which often carries the site name.</summary>
public static class HtmlMetadataReader
{
    private static readonly (string Selector, string Attribute)[] TitleMeta =
    [
        ("meta[property='og:title']", "content"), ("meta[name='twitter:title']", "content"), ("meta[name='title']", "content"),
    ];

    private static readonly (string Selector, string Attribute)[] PublishedMeta =
    [
        ("meta[property='article:published_time']", "content"), ("meta[name='article:published_time']", "content"),
        ("meta[itemprop='datePublished']", "content"), ("[itemprop='datePublished'][datetime]", "datetime"),
        ("meta[property='og:published_time']", "content"), ("meta[name='pubdate']", "content"), ("meta[name='publishdate']", "content"),
        ("meta[name='publish-date']", "content"), ("meta[name='date']", "content"), ("meta[name='dc.date']", "content"),
        ("meta[name='DC.date.issued']", "content"), ("meta[name='dcterms.created']", "content"), ("meta[name='sailthru.date']", "content"),
        ("meta[name='parsely-pub-date']", "content"), ("meta[property='og:updated_time']", "content"),
        ("time[pubdate][datetime]", "datetime"), ("article time[datetime]", "datetime"), ("time[datetime]", "datetime"),
    ];

    private static readonly (string Selector, string Attribute)[] AuthorMeta =
    [
        ("meta[name='author']", "content"), ("meta[property='article:author']", "content"), ("meta[name='dc.creator']", "content"),
        ("meta[name='parsely-author']", "content"), ("meta[name='sailthru.author']", "content"),
    ];

    /// <summary>Visible bylines: the link or element pages mark as the author.</summary>
    private const string BylineSelector = "[rel='author'], [itemprop='author'], .author-name, .byline-name, .author, .byline";

    private static readonly string[] ArticleTypes = ["Article", "NewsArticle", "BlogPosting", "Report", "ReportageNewsArticle", "AnalysisNewsArticle", "WebPage", "LiveBlogPosting", "OpinionNewsArticle"];

    /// <summary>Byline openers of every language ("by", "par", "von"), longest first.</summary>
    private static readonly string[] BylineOpeners = LanguageData.Available
        .SelectMany(code => LanguageData.ReadLines(code, "bylines.txt")).Select(w => w.Trim())
        .OrderByDescending(w => w.Length).ToArray();

    public static List<HintField> Read(IHtmlDocument document)
    {
        var fields = new List<HintField>();
        ReadJsonLd(document, fields);
        Meta(document, TitleMeta, "title", fields);
        if (document.QuerySelector("h1") is { } h1 && BlockTextWriter.TextOf(h1) is { Length: > 0 } heading)
            fields.Add(new HintField("title", heading, "h1"));
        if (document.Title is { Length: > 0 } title)
            fields.Add(new HintField("title", title.Trim(), "title"));
        Meta(document, PublishedMeta, "published", fields);
        Meta(document, AuthorMeta, "author", fields);
        foreach (var element in document.QuerySelectorAll(BylineSelector))
        {
            if (element is IHtmlMetaElement) continue;
            var text = AuthorName(BlockTextWriter.TextOf(element));
            if (text.Length is > 2 and < 80) fields.Add(new HintField("author", text, Describe(element)));
        }
        if (document.QuerySelector("link[rel='canonical']")?.GetAttribute("href") is { Length: > 0 } canonical)
            fields.Add(new HintField("url", canonical, "link[rel=canonical]"));
        if (document.QuerySelector("meta[property='og:url']")?.GetAttribute("content") is { Length: > 0 } ogUrl)
            fields.Add(new HintField("url", ogUrl, "meta[property=og:url]"));
        if (document.QuerySelector("meta[name='description'], meta[property='og:description']")?.GetAttribute("content") is { Length: > 0 } description)
            fields.Add(new HintField("description", description.Trim(), "meta[description]"));
        return fields;
    }

    /// <summary>The headline: the first stated title, unless it is the page's &lt;h1&gt; plus the
    /// site's name ("Jean-Paul Delevoye… - Gala"), then the &lt;h1&gt;; a title found only in the
    /// &lt;title&gt; element loses a trailing " | Site" or " - Site" part shorter than itself.</summary>
    public static string? Headline(IReadOnlyList<HintField> fields)
    {
        HintField? first = null;
        string? h1 = null;
        foreach (var field in fields)
        {
            if (field.Name != "title") continue;
            first ??= field;
            if (field.Origin == "h1") { h1 = field.Value; break; }
        }
        if (first is null) return null;
        if (h1 is not null && first.Value.Length > h1.Length && first.Value.StartsWith(h1, StringComparison.OrdinalIgnoreCase)) return h1;
        if (first.Origin != "title") return first.Value;
        foreach (var separator in (ReadOnlySpan<string>)[" | ", " - ", " – ", " — "])
        {
            var at = first.Value.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && first.Value.Length - at - separator.Length < at) return first.Value[..at].Trim();
        }
        return first.Value;
    }

    /// <summary>An author value as a name: byline opener ("By", "Par", "Von") removed.</summary>
    public static string AuthorName(string value)
    {
        value = value.Trim();
        foreach (var opener in BylineOpeners)
        {
            if (value.Length > opener.Length && value.StartsWith(opener, StringComparison.OrdinalIgnoreCase)
                && (!char.IsLetter(value[opener.Length]) || char.IsUpper(value[opener.Length])))
                return value[opener.Length..].TrimStart(' ', ':', '\u00A0');
        }
        return value;
    }

    /// <summary>A value that can be a person's or a desk's name: not a link, a date or a site's
    /// slogan ("Noticias de El Salvador - La Prensa Gráfica | Informate con la verdad").</summary>
    public static bool IsPlausibleAuthor(string value) =>
        value.Length is > 2 and <= 60 && !value.Contains("://", StringComparison.Ordinal) && !value.Contains('|', StringComparison.Ordinal)
        && !value.Any(char.IsDigit) && value.Any(char.IsUpper);

    /// <summary>The first value of a name, or null.</summary>
    public static string? First(IReadOnlyList<HintField> fields, string name, Func<string, bool>? accept = null)
    {
        foreach (var field in fields)
            if (field.Name == name && (accept is null || accept(field.Value))) return field.Value;
        return null;
    }

    private static void Meta(IHtmlDocument document, (string Selector, string Attribute)[] sources, string name, List<HintField> fields)
    {
        foreach (var (selector, attribute) in sources)
        {
            foreach (var element in document.QuerySelectorAll(selector))
            {
                if (element.GetAttribute(attribute) is { } value && !string.IsNullOrWhiteSpace(value))
                {
                    // Some CMSs escape entities twice ("&amp;#8216;"): the parser undoes one level.
                    value = value.Contains('&', StringComparison.Ordinal) ? System.Net.WebUtility.HtmlDecode(value) : value;
                    if (name == "author") value = AuthorName(value);
                    fields.Add(new HintField(name, value.Trim(), selector.Replace("'", "", StringComparison.Ordinal)));
                    break;
                }
            }
        }
    }

    private static string Describe(IElement element) =>
        element.LocalName + (element.GetAttribute("rel") is { } rel ? $"[rel={rel}]" : "")
        + (element.GetAttribute("itemprop") is { } prop ? $"[itemprop={prop}]" : "")
        + (element.ClassName is { Length: > 0 } cls ? "." + cls.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0] : "");

    private static void ReadJsonLd(IHtmlDocument document, List<HintField> fields)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            JsonDocument json;
            try
            {
                json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException)
            {
                continue; // broken structured data is common; the page's other metadata still counts
            }
            using (json)
                Visit(json.RootElement, fields, 0);
        }
    }

    private static void Visit(JsonElement element, List<HintField> fields, int depth)
    {
        if (depth > 4) return;
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray()) Visit(item, fields, depth + 1);
            return;
        }
        if (element.ValueKind != JsonValueKind.Object) return;
        if (element.TryGetProperty("@graph", out var graph)) Visit(graph, fields, depth + 1);
        if (!IsArticle(element)) return;
        if (String(element, "headline") is { } headline) fields.Add(new HintField("title", headline, "json-ld headline"));
        if (String(element, "datePublished") is { } published) fields.Add(new HintField("published", published, "json-ld datePublished"));
        if (element.TryGetProperty("author", out var author))
        {
            var names = new List<string>();
            AuthorNames(author, names);
            if (names.Count > 0) fields.Add(new HintField("author", AuthorName(string.Join(", ", names)), "json-ld author"));
        }
        if (String(element, "url") is { } url) fields.Add(new HintField("url", url, "json-ld url"));
    }

    private static bool IsArticle(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type)) return false;
        if (type.ValueKind == JsonValueKind.String) return ArticleTypes.Contains(type.GetString());
        if (type.ValueKind == JsonValueKind.Array)
            foreach (var t in type.EnumerateArray())
                if (t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString())) return true;
        return false;
    }

    private static void AuthorNames(JsonElement author, List<string> names)
    {
        switch (author.ValueKind)
        {
            case JsonValueKind.String when author.GetString() is { Length: > 0 } name && !name.StartsWith("http", StringComparison.OrdinalIgnoreCase):
                names.Add(name.Trim());
                break;
            case JsonValueKind.Object when String(author, "name") is { } name:
                names.Add(name);
                break;
            case JsonValueKind.Array:
                foreach (var item in author.EnumerateArray()) AuthorNames(item, names);
                break;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { } s && !string.IsNullOrWhiteSpace(s)
            ? s.Trim() : null;
}
