using System.Text;
using AngleSharp.Dom;

namespace Dossier.Core.Read.Html;

/// <summary>One line of text extracted from a page: a paragraph, heading, list item or table cell,
/// with the source line of the element it came from (0 when unknown).</summary>
public readonly record struct TextBlock(string Text, int SourceLine, string Tag);

/// <summary>Writes the visible text of a DOM subtree as blocks, one per paragraph, heading, list
/// item or cell; inline markup is joined, white space collapsed, &lt;br&gt; ends a block.</summary>
public static class BlockTextWriter
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre", "section", "article",
        "header", "footer", "main", "table", "thead", "tbody", "tr", "td", "th", "dl", "dt", "dd", "figure",
        "figcaption", "address", "hr", "br", "form", "nav", "aside", "details", "summary", "center", "caption",
    };

    /// <summary>Elements whose text is never shown as prose.</summary>
    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "math", "button", "select", "option", "textarea",
        "input", "iframe", "object", "embed", "canvas", "video", "audio", "head", "title", "meta", "link",
    };

    /// <summary>Nesting beyond which a page is not followed deeper: broken markup can nest
    /// thousands of unclosed elements, and recursion must not exhaust the stack.</summary>
    public const int MaxDepth = 512;

    public static List<TextBlock> Write(INode root)
    {
        var state = new State();
        Walk(root, state, 0);
        state.Flush();
        return state.Blocks;
    }

    /// <summary>The collapsed text of one element, as a single line.</summary>
    public static string TextOf(INode node)
    {
        var state = new State { SingleLine = true };
        Walk(node, state, 0);
        state.Flush();
        return state.Blocks.Count == 0 ? "" : state.Blocks[0].Text;
    }

    public static bool IsBlock(IElement element) => BlockTags.Contains(element.LocalName);

    public static bool IsInvisible(IElement element) =>
        Invisible.Contains(element.LocalName) || element.HasAttribute("hidden")
        || (element.GetAttribute("style") is { } style && style.Replace(" ", "", StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase));

    private static void Walk(INode node, State state, int depth)
    {
        if (depth > MaxDepth) return;
        switch (node)
        {
            case IText text:
                state.Append(text.Data, text.ParentElement);
                return;
            case IElement element:
                if (IsInvisible(element)) return;
                var block = !state.SingleLine && IsBlock(element);
                if (block) state.Flush();
                if (element.LocalName == "pre" && !state.SingleLine)
                {
                    foreach (var line in element.TextContent.Split('\n'))
                    {
                        state.Append(line, element);
                        state.Flush();
                    }
                    return;
                }
                for (var child = element.FirstChild; child is not null; child = child.NextSibling)
                    Walk(child, state, depth + 1);
                if (block) state.Flush();
                return;
            default:
                for (var child = node.FirstChild; child is not null; child = child.NextSibling)
                    Walk(child, state, depth + 1);
                return;
        }
    }

    private sealed class State
    {
        private readonly StringBuilder _line = new();
        private bool _space;
        private IElement? _start;
        public bool SingleLine { get; init; }
        public List<TextBlock> Blocks { get; } = [];

        public void Append(string text, IElement? parent)
        {
            foreach (var c in text)
            {
                if (c is '\u00AD' or '\u200B' or '\u2060' or '\uFEFF') continue; // soft hyphen, zero-width marks: invisible
                if (char.IsWhiteSpace(c))
                {
                    _space = _line.Length > 0;
                    continue;
                }
                if (_space) _line.Append(' ');
                _space = false;
                if (_line.Length == 0) _start = parent;
                _line.Append(c);
            }
        }

        public void Flush()
        {
            if (_line.Length > 0)
            {
                var block = Enclosing(_start);
                Blocks.Add(new TextBlock(_line.ToString(), block?.SourceReference?.Position.Line ?? 0, block?.LocalName ?? ""));
            }
            _line.Clear();
            _space = false;
            _start = null;
        }

        private static IElement? Enclosing(IElement? element)
        {
            for (var e = element; e is not null; e = e.ParentElement)
                if (IsBlock(e)) return e;
            return element;
        }
    }
}
