using System.Globalization;
using System.Text;
using Dossier.Core.Model;

namespace Dossier.Storage;

/// <summary>A list of spans as stored text, "start:length start:length": an event's triggers and
/// participants are read and written whole with their event.</summary>
public static class SpanListCodec
{
    public static string Format(IEnumerable<TextSpan> spans)
    {
        var text = new StringBuilder();
        foreach (var span in spans)
            text.Append(CultureInfo.InvariantCulture, $"{(text.Length > 0 ? " " : "")}{span.Start}:{span.Length}");
        return text.ToString();
    }

    public static TextSpan[] Parse(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split(':'))
        .Select(parts => new TextSpan(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture)))
        .ToArray();
}
