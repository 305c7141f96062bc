using Dossier.Languages;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Dossier.Core.Model;

namespace Dossier.Core.Recognize.Time.Evaluation;

/// <summary>A gold TIMEX3 of a TimeML file: its span in the plain text of &lt;TEXT&gt;, type, value, mod.</summary>
public sealed record GoldTimex(TextSpan Span, string Type, string Value, string? Mod);

/// <summary>A TimeML (.tml) document: the plain text of its &lt;TEXT&gt; element with the tags taken
/// out, the TIMEX3 elements found in it, and the document creation time (DCT).</summary>
public sealed partial record TimeMlDocument(string Path, string Text, string? CreationTime, IReadOnlyList<GoldTimex> Timexes)
{
    /// <summary>Reads a .tml file; a file without a TEXT element or with unbalanced TIMEX3 tags is an error naming it.</summary>
    public static TimeMlDocument Read(string path)
    {
        var xml = File.ReadAllText(path);
        var open = xml.IndexOf("<TEXT>", StringComparison.Ordinal);
        var close = xml.IndexOf("</TEXT>", StringComparison.Ordinal);
        if (open < 0 || close < open)
            throw new InvalidDataException($"{path}: no <TEXT> element");
        string? dct = null;
        var dctStart = xml.IndexOf("<DCT>", StringComparison.Ordinal);
        if (dctStart >= 0 && ValueAttribute().Match(xml, dctStart) is { Success: true } dctValue)
            dct = dctValue.Groups[1].Value;

        var text = new StringBuilder(close - open);
        var timexes = new List<GoldTimex>();
        (int Start, string Type, string Value, string? Mod)? current = null;
        var i = open + "<TEXT>".Length;
        while (i < close)
        {
            var lt = xml.IndexOf('<', i, close - i);
            var chunkEnd = lt < 0 ? close : lt;
            text.Append(WebUtility.HtmlDecode(xml[i..chunkEnd]));
            if (lt < 0) break;
            var gt = xml.IndexOf('>', lt);
            if (gt < 0) throw new InvalidDataException($"{path}: unclosed tag at character {lt}");
            var tag = xml[(lt + 1)..gt];
            if (tag.StartsWith("TIMEX3", StringComparison.Ordinal))
            {
                if (current is not null) throw new InvalidDataException($"{path}: nested TIMEX3 at character {lt}");
                current = (text.Length, Attribute(tag, "type") ?? "DATE", Attribute(tag, "value") ?? "", Attribute(tag, "mod"));
            }
            else if (tag == "/TIMEX3")
            {
                if (current is not { } c) throw new InvalidDataException($"{path}: </TIMEX3> without <TIMEX3> at character {lt}");
                timexes.Add(new GoldTimex(TextSpan.FromBounds(c.Start, text.Length), c.Type, c.Value, c.Mod));
                current = null;
            }
            i = gt + 1;
        }
        return new TimeMlDocument(path, text.ToString(), dct, timexes);
    }

    private static string? Attribute(string tag, string name)
    {
        var m = Regex.Match(tag, $@"\b{name}=""([^""]*)""", RegexOptions.CultureInvariant, PatternLimit.Timeout);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"<TIMEX3[^>]*\bvalue=""([^""]*)""", RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex ValueAttribute();
}
