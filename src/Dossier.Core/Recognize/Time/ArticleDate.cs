using System.Globalization;

namespace Dossier.Core.Recognize.Time;

/// <summary>What an article's date tells, part by part: "2016-04-19T09:10" tells everything,
/// "XXXX-04-19" a day without its year, null nothing. Expressions are anchored only on the parts it tells.</summary>
public readonly record struct ArticleDate(int? Year, int? Month, int? Day)
{
    public static ArticleDate Unknown => default;

    /// <summary>The whole day, when year, month and day are all known.</summary>
    public DateOnly? Date => Year is { } y && Month is { } m && Day is { } d ? new DateOnly(y, m, d) : null;

    /// <summary>Reads the date part of a TIMEX3 value ("2016-04-19T09:10", "XXXX-04-19", "2019-10"); anything else is unknown.</summary>
    public static ArticleDate Parse(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length < 4) return Unknown;
        var year = Number(value.AsSpan(0, 4));
        int? month = value.Length >= 7 && value[4] == '-' ? Number(value.AsSpan(5, 2)) : null;
        int? day = month is not null && value.Length >= 10 && value[7] == '-' ? Number(value.AsSpan(8, 2)) : null;
        if (month is not (>= 1 and <= 12)) return new ArticleDate(year, null, null);
        if (day is { } d && d > DateTime.DaysInMonth(year ?? 2000, month.Value)) day = null;
        return new ArticleDate(year, month, day);
    }

    private static int? Number(ReadOnlySpan<char> digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
