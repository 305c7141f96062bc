namespace Dossier.Core.Recognize.Time;

/// <summary>A holiday's day in any year: fixed (month and day: Christmas) or so many days from Easter
/// (Pentecost is 49 after), which moves from year to year; neither for a name that holds a holiday's
/// word but is no date ("le Père Noël", "l'île de Pâques").</summary>
public readonly record struct Holiday(int Month, int Day, int? DaysFromEaster)
{
    public bool IsDate => Month > 0 || DaysFromEaster is not null;

    /// <summary>The holiday's day in <paramref name="year"/>, or null when that year has none (a 29 February).</summary>
    public DateOnly? In(int year) =>
        DaysFromEaster is { } days ? Easter(year).AddDays(days)
        : Month > 0 && Day <= DateTime.DaysInMonth(year, Month) ? new DateOnly(year, Month, Day)
        : null;

    /// <summary>Easter Sunday of a Gregorian year, by the computus (the anonymous Gregorian algorithm).</summary>
    public static DateOnly Easter(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>A holiday row's value: "12-25" (fixed), "easter+49" or "easter-2" (from Easter), "-" (no date); null when malformed.</summary>
    public static Holiday? Parse(string value)
    {
        const string easter = "easter";
        if (value == "-") return new Holiday(0, 0, null);
        if (value.StartsWith(easter, StringComparison.Ordinal))
            return value.Length == easter.Length ? new Holiday(0, 0, 0)
                : int.TryParse(value.AsSpan(easter.Length), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var days) ? new Holiday(0, 0, days) : null;
        return value.Length == 5 && value[2] == '-'
            && int.TryParse(value.AsSpan(0, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12
            && int.TryParse(value.AsSpan(3, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var day) && day >= 1 && day <= DateTime.DaysInMonth(2000, month)
            ? new Holiday(month, day, null) : null;
    }
}
