using Dossier.Languages;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Dossier.Core.Read.Feeds;

/// <summary>Feed dates: RFC 822 in RSS ("Tue, 19 Apr 2016 09:10:00 +0200", zone names such as GMT
/// or EST allowed), ISO 8601 in Atom. Both become ISO 8601 with the zone as written
/// ("2016-04-19T09:10:00+02:00"); a date without a zone stays without one.</summary>
public static partial class FeedDate
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["may"] = 5, ["jun"] = 6,
        ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    };

    /// <summary>RFC 822 zone names (section 5.1) and their offsets in hours.</summary>
    private static readonly Dictionary<string, int> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0, ["EST"] = -5, ["EDT"] = -4, ["CST"] = -6, ["CDT"] = -5,
        ["MST"] = -7, ["MDT"] = -6, ["PST"] = -8, ["PDT"] = -7,
    };

    /// <summary>The date as ISO 8601, or null when it is not a valid date.</summary>
    public static string? ToIso(string text)
    {
        text = text.Trim();
        if (IsoDate().IsMatch(text))
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _)
                   || DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _)
                ? text : null;
        var m = Rfc822().Match(text);
        if (!m.Success || !Months.TryGetValue(m.Groups["mon"].Value[..3], out var month)) return null;
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year < 100) year += year < 50 ? 2000 : 1900;
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["min"].Value, CultureInfo.InvariantCulture);
        var second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 60) return null;
        var local = $"{year:0000}-{month:00}-{day:00}T{hour:00}:{minute:00}:{Math.Min(second, 59):00}";
        var zone = m.Groups["zone"].Value;
        if (zone.Length == 0) return local;
        if (zone[0] is '+' or '-') return $"{local}{zone[..3]}:{zone[3..]}";
        return Zones.TryGetValue(zone, out var hours) ? local + (hours == 0 ? "Z" : $"{(hours < 0 ? '-' : '+')}{Math.Abs(hours):00}:00") : null;
    }

    /// <summary>True when the text has the shape of an RFC 822 date, valid or not.</summary>
    public static bool IsRfc822Shaped(string text) => Rfc822().IsMatch(text.Trim());

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?:[A-Za-z]{3,9},?\s*)?(?<d>\d{1,2})\s+(?<mon>[A-Za-z]{3,9})\s+(?<y>\d{2,4})\s+(?<h>\d{1,2}):(?<min>\d{2})(?::(?<s>\d{2}))?\s*(?<zone>[+-]\d{4}|[A-Za-z]{1,3})?$", RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex Rfc822();
}
