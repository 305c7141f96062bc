using Dossier.Languages;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Dossier.Core.Recognize.Time;

/// <summary>The time of day of a TIMEX as written: "18 h" is T18:00 (the recogniser reads some
/// such hours on a 12-hour clock: "18 h" → T06), "00 h 10" is T00:10; and every time has its
/// minutes, as TIMEX3 writes it ("T18" → "T18:00").</summary>
internal static partial class ClockTime
{
    public static string Apply(string text, string timex)
    {
        var t = timex.IndexOf('T', StringComparison.Ordinal);
        if (t < 0) return timex;
        var written = HourMark().Match(text);
        if (written.Success)
        {
            var hour = int.Parse(written.Groups["h"].ValueSpan, CultureInfo.InvariantCulture);
            var minute = written.Groups["m"].Success ? int.Parse(written.Groups["m"].ValueSpan, CultureInfo.InvariantCulture) : 0;
            return string.Create(CultureInfo.InvariantCulture, $"{timex[..(t + 1)]}{hour:D2}:{minute:D2}");
        }
        var time = timex[(t + 1)..];
        return time.Length == 2 && char.IsAsciiDigit(time[0]) && char.IsAsciiDigit(time[1]) ? timex + ":00" : timex;
    }

    /// <summary>Where a clock time written with "h" is in <paramref name="text"/> (start, end), or (0, 0).</summary>
    public static (int Start, int End, int Length) Find(ReadOnlySpan<char> text)
    {
        // Called on every few tokens of a window: most hold no "h", and the pattern is not run on them.
        if (text.IndexOfAny('h', 'H') < 0) return (0, 0, 0);
        foreach (var m in HourMark().EnumerateMatches(text))
            return (m.Index, m.Index + m.Length, m.Length);
        return (0, 0, 0);
    }

    /// <summary>A 24-hour clock time written with "h": "18 h", "21 h 45", "09h10".</summary>
    [GeneratedRegex(@"(?<![\d:])(?<h>[01]?\d|2[0-3])\s?[hH]\s?(?<m>[0-5]\d)?(?![\p{L}\d])", RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex HourMark();
}
