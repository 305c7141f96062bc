using Dossier.Core.Model;

namespace Dossier.Core.Clean;

/// <summary>Splits a text on '\n' into line spans; a '\r' before the '\n' stays outside the span.</summary>
public static class LineSplitter
{
    public static List<TextSpan> Split(string text)
    {
        var spans = new List<TextSpan>(text.Length / 60 + 1);
        var start = 0;
        while (true)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var contentEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            spans.Add(TextSpan.FromBounds(start, contentEnd));
            if (newline < 0) break;
            start = newline + 1;
        }
        return spans;
    }

    public static bool IsBlank(ReadOnlySpan<char> line)
    {
        foreach (var c in line)
            if (!char.IsWhiteSpace(c) && c != '\u200B' && c != '\uFEFF') return false;
        return true;
    }
}
