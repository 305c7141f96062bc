using System.Globalization;

namespace Dossier.Core.Events;

/// <summary>Comparisons of TIMEX3 date values as evidence for one happening: "2016-04" agrees
/// with "2016-04-18", "XXXX-01-03" with "2020-01-03"; a week ("XXXX-WXX-1") agrees only with the
/// same week expression, since its day is not known.</summary>
public static class EventDates
{
    /// <summary>Digits the value states: "2016-04-18" 8, "2016-04" 6, "XXXX-01-03" 4.</summary>
    public static int Precision(string value) => value.TakeWhile(c => c != 'T').Count(char.IsAsciiDigit);

    /// <summary>The day a value names, when it names one with its year.</summary>
    /// <remarks>Read digit by digit as "yyyy-MM-dd" reads it, not by the culture's parser: a reader of the dossier's events
    /// asks it several times of each event.</remarks>
    public static DateOnly? Day(string value) =>
        value.Length >= 10 && value[4] == '-' && value[7] == '-' && Digits(value.AsSpan(0, 4)) is var year and >= 1
        && Digits(value.AsSpan(5, 2)) is var month and >= 1 and <= 12 && Digits(value.AsSpan(8, 2)) is var day and >= 1
        && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    /// <summary>The number ASCII digits write, or -1 when another character is among them.</summary>
    private static int Digits(ReadOnlySpan<char> digits)
    {
        var number = 0;
        foreach (var digit in digits)
        {
            if (!char.IsAsciiDigit(digit)) return -1;
            number = number * 10 + (digit - '0');
        }
        return number;
    }

    /// <summary>The month key of a value for blocking ("2016-04", "XXXX-01"), or null for weeks and years alone.</summary>
    public static string? Month(string value) =>
        value.Length >= 7 && value[4] == '-' && char.IsAsciiDigit(value[5]) && char.IsAsciiDigit(value[6]) ? value[..7] : null;

    /// <summary>True when two values may name the same time: equal, one refining the other, an
    /// unknown year standing for any (when <paramref name="unknownMatchesAny"/>: within one article,
    /// where every value has the same anchor, it does not), or two days at most
    /// <paramref name="toleranceDays"/> apart.</summary>
    public static bool Agree(string a, string b, int toleranceDays, bool unknownMatchesAny = true)
    {
        a = DateOnlyPart(a);
        b = DateOnlyPart(b);
        if (a == b) return true;
        if (a.Contains('W') || b.Contains('W')) return false;
        var length = Math.Min(a.Length, b.Length);
        var samePrefix = true;
        for (var i = 0; i < length && samePrefix; i++)
            samePrefix = a[i] == b[i] || unknownMatchesAny && (a[i] == 'X' || b[i] == 'X');
        if (samePrefix) return true;
        if (toleranceDays > 0 && Day(a) is { } dayA && Day(b) is { } dayB)
            return Math.Abs(dayA.DayNumber - dayB.DayNumber) <= toleranceDays;
        return false;
    }

    /// <summary>True when an article dated <paramref name="article"/> may be the one that first
    /// reported a happening dated <paramref name="happened"/>: the same day or up to <paramref name="days"/> later.</summary>
    public static bool ReportedSoonAfter(string happened, string article, int days)
    {
        if (Day(DateOnlyPart(happened)) is not { } day || Day(article) is not { } published) return Agree(happened, article, 0);
        var gap = published.DayNumber - day.DayNumber;
        return gap >= -1 && gap <= days;
    }

    /// <summary>A value without its time of day ("2016-04-18T10:00" → "2016-04-18").</summary>
    public static string DateOnlyPart(string value)
    {
        var t = value.IndexOf('T', StringComparison.Ordinal);
        return t > 0 ? value[..t] : value;
    }

    /// <summary>The open end of an interval ("2019-01-12/..": on that day or after), as ISO 8601-2 writes it.</summary>
    public const string OpenEnd = "..";

    /// <summary>The first and last day a value (or an interval "a/b", one end of which may be open)
    /// may mean, as "yyyy-MM-dd" strings that sort as dates; null when its year is unknown.</summary>
    public static (string First, string Last)? Bounds(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var (from, to) = slash > 0 ? (value[..slash], value[(slash + 1)..]) : (value, value);
        var first = from == OpenEnd && to != OpenEnd ? "0000-01-01" : Edge(DateOnlyPart(from), "-01-01");
        var last = to == OpenEnd && from != OpenEnd ? "9999-12-31" : Edge(DateOnlyPart(to), "-12-31");
        return first is null || last is null ? null : (first, last);
    }

    /// <summary>The first and last day a value with its year may mean: a day, month, year or interval as
    /// <see cref="Bounds"/> gives them, a week from its Monday ("2018-W47": 2018-11-19 to 2018-11-25), a
    /// quarter or half ("2019-Q2", "2019-H1"), a season from its solstice or equinox ("2019-SU" from 2019-06-21);
    /// null when the year is unknown.</summary>
    public static (DateOnly First, DateOnly Last)? Extent(string value)
    {
        var date = DateOnlyPart(value);
        if (date.Length >= 7 && date[4] == '-' && char.IsAsciiLetter(date[5]) && !date.Contains('/', StringComparison.Ordinal)
            && int.TryParse(date.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1)
        {
            DateOnly Month(int month) => new(year, month, 1);
            return date[5..] switch
            {
                ['W', var a, var b, ..] when char.IsAsciiDigit(a) && char.IsAsciiDigit(b) && (a - '0') * 10 + (b - '0') is var week
                    && week >= 1 && week <= ISOWeek.GetWeeksInYear(year)
                    && DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday)) is var monday => (monday, monday.AddDays(6)),
                ['Q', var q] when q is >= '1' and <= '4' => (Month(3 * (q - '1') + 1), Month(3 * (q - '1') + 1).AddMonths(3).AddDays(-1)),
                ['H', var h] when h is '1' or '2' => (Month(6 * (h - '1') + 1), Month(6 * (h - '1') + 1).AddMonths(6).AddDays(-1)),
                "SP" => (new(year, 3, 20), new(year, 6, 20)),
                "SU" => (new(year, 6, 21), new(year, 9, 21)),
                "FA" or "AU" => (new(year, 9, 22), new(year, 12, 20)),
                "WI" => (new(year, 12, 21), new(year + 1, 3, 19)),
                _ => null,
            };
        }
        return Bounds(value) is { } bounds && Day(bounds.First) is { } first && Day(bounds.Last) is { } last ? (first, last) : null;
    }

    /// <summary>The first (or, with "-12-31", last) day a value with its year may mean, or null.</summary>
    private static string? Edge(string value, string fill) =>
        value.Length < 4 || !value[..4].All(char.IsAsciiDigit) || value.Contains('W') ? null : Pad(value, fill);

    private static string Pad(string value, string fill) =>
        value.Length >= 10 ? value[..10] : value + fill[(value.Length - 4)..];
}
