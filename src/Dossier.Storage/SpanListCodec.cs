using System.Globalization;
using Dossier.Core.Model;

namespace Dossier.Storage;

/// <summary>A list of spans as stored text, "start:length start:length": an event's triggers and
/// participants in the rows of event mentions that schema 50 (PostgreSQL 20) packs (<see cref="EventMentionCodec"/>).</summary>
public static class SpanListCodec
{
    /// <summary>The spans of a stored list, read in place: a split into strings and pairs of strings was most of what
    /// reading the events of a dossier allocated after their reports.</summary>
    public static TextSpan[] Parse(string text)
    {
        var list = text.AsSpan();
        var count = 0;
        foreach (var range in list.Split(' '))
            if (!list[range].IsEmpty) count++;
        if (count == 0) return [];
        var spans = new TextSpan[count];
        count = 0;
        foreach (var range in list.Split(' '))
        {
            var pair = list[range];
            if (pair.IsEmpty) continue;
            var colon = pair.IndexOf(':');
            var length = pair[(colon + 1)..];
            if (length.IndexOf(':') is var end and >= 0) length = length[..end];
            spans[count++] = new TextSpan(int.Parse(pair[..colon], CultureInfo.InvariantCulture), int.Parse(length, CultureInfo.InvariantCulture));
        }
        return spans;
    }
}
