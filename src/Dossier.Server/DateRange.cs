namespace Dossier.Server;

/// <summary>Whether a TIMEX3 value falls within [from, to], bounds given as YYYY, YYYY-MM or
/// YYYY-MM-DD: a value is in when it is not before <c>from</c> and does not start after <c>to</c>.
/// A value with an unknown year ("XXXX-04-19") or no value is outside any bound.</summary>
public static class DateRange
{
    public static bool Contains(string? value, string? from, string? to)
    {
        if (from is null && to is null) return true;
        if (value is null || value.StartsWith('X')) return false;
        if (from is not null && string.CompareOrdinal(value, 0, from, 0, Math.Max(value.Length, from.Length)) < 0 && !from.StartsWith(value, StringComparison.Ordinal))
            return false;
        if (to is not null && string.CompareOrdinal(value, 0, to, 0, to.Length) > 0)
            return false;
        return true;
    }
}
