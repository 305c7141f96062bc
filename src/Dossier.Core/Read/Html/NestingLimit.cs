using System.Text;

namespace Dossier.Core.Read.Html;

/// <summary>Caps how deep a page's markup nests, before it is parsed. An HTML parser checks the
/// open elements at every tag, so n nested elements cost it n² steps (100,000 unclosed &lt;div&gt;s
/// take minutes), and the tree it builds is walked recursively by the main-text extraction. Tags
/// that would open an element deeper than <see cref="MaxDepth"/> are left out, with their end
/// tags; their text stays where it was, so nothing of the page's text is lost. Depth is counted on
/// elements that need an end tag: those that a parser closes by itself (&lt;p&gt;, &lt;li&gt;,
/// &lt;td&gt;…) and void ones (&lt;br&gt;) do not nest without them; in SVG and MathML, "/&gt;"
/// closes an element as it opens.</summary>
public static class NestingLimit
{
    public const int MaxDepth = 256;

    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen",
    };

    private static readonly HashSet<string> ClosedByParser = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rtc", "rp", "thead", "tbody", "tfoot",
        "colgroup", "caption", "html", "head", "body",
    };

    /// <summary>Elements whose content is text up to their end tag, not markup.</summary>
    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    };

    /// <summary>The page with the tags deeper than the limit left out (the same string when none
    /// is); <paramref name="deepest"/> is how deep it nests. A tag left out is replaced by the line
    /// breaks it held, so that source lines still point to the same text.</summary>
    public static string Apply(string html, out int deepest)
    {
        deepest = 0;
        // The open elements, as a parser keeps them; those past MaxDepth are the ones left out.
        var open = new List<string>();
        var foreign = 0; // inside <svg> or <math>, where "/>" closes an element
        StringBuilder? kept = null;
        var copied = 0;
        var at = 0;
        while ((at = html.IndexOf('<', at)) >= 0)
        {
            var (end, name, closing) = Tag(html, at);
            if (name is null || Void.Contains(name) || ClosedByParser.Contains(name))
            {
                at = end;
                continue;
            }
            var leaveOut = open.Count > MaxDepth;
            if (closing)
            {
                // An end tag closes the nearest open element of its name, and those opened after it;
                // one that closes nothing is ignored. Past the limit only the last few are looked at.
                var stop = open.Count > MaxDepth ? open.Count - 8 : 0;
                for (var i = open.Count - 1; i >= Math.Max(stop, 0); i--)
                {
                    if (!string.Equals(open[i], name, StringComparison.OrdinalIgnoreCase)) continue;
                    open.RemoveRange(i, open.Count - i);
                    break;
                }
                if (foreign > 0 && name is "svg" or "math") foreign--;
            }
            else if (foreign == 0 || html[end - 2] != '/')
            {
                open.Add(name);
                deepest = Math.Max(deepest, open.Count);
                leaveOut = open.Count > MaxDepth;
                if (name is "svg" or "math") foreign++;
            }
            if (leaveOut)
            {
                kept ??= new StringBuilder(html.Length);
                kept.Append(html, copied, at - copied);
                foreach (var c in html.AsSpan(at, end - at)) if (c == '\n') kept.Append('\n');
                copied = end;
            }
            at = !closing && RawText.Contains(name) ? EndOfRawText(html, end, name) : end;
        }
        if (kept is null) return html;
        return kept.Append(html, copied, html.Length - copied).ToString();
    }

    /// <summary>What is said of a page that nests <paramref name="depth"/> levels deep, over the limit.</summary>
    public static string Warning(int depth) =>
        $"markup nested {depth} levels deep, over the limit of {MaxDepth}: the deeper tags are ignored, their text is read";

    /// <summary>The tag at <paramref name="at"/> (a '&lt;'): where it ends, its element's name
    /// (null for a comment, a declaration or a '&lt;' that opens no tag) and whether it is an end tag.</summary>
    private static (int End, string? Name, bool Closing) Tag(string html, int at)
    {
        if (string.CompareOrdinal(html, at, "<!--", 0, 4) == 0)
        {
            var close = html.IndexOf("-->", at + 4, StringComparison.Ordinal);
            return (close < 0 ? html.Length : close + 3, null, false);
        }
        var closing = at + 1 < html.Length && html[at + 1] == '/';
        var start = at + (closing ? 2 : 1);
        if (start >= html.Length || !char.IsAsciiLetter(html[start]))
        {
            if (start < html.Length && html[start] is '!' or '?')
            {
                var close = html.IndexOf('>', start);
                return (close < 0 ? html.Length : close + 1, null, false);
            }
            return (at + 1, null, false);
        }
        var nameEnd = start;
        while (nameEnd < html.Length && !char.IsWhiteSpace(html[nameEnd]) && html[nameEnd] is not ('>' or '/')) nameEnd++;
        // Attributes, to the '>' outside quotes.
        var i = nameEnd;
        char quote = '\0';
        for (; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'' && i > 0 && html[i - 1] == '=' || c is '"' or '\'' && i > 1 && html[i - 1] == ' ' && html[i - 2] == '=') quote = c;
            else if (c == '>') break;
        }
        return (Math.Min(i + 1, html.Length), html[start..nameEnd], closing);
    }

    private static int EndOfRawText(string html, int from, string name)
    {
        var close = html.IndexOf("</" + name, from, StringComparison.OrdinalIgnoreCase);
        return close < 0 ? html.Length : close;
    }
}
