using System.Globalization;
using System.Text.RegularExpressions;

namespace Dossier.Server;

/// <summary>Checks query parameters and gathers every problem, answered at once as an RFC 7807
/// validation problem (400) naming each parameter.</summary>
public sealed partial class RequestErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IDictionary<string, string[]> All => _errors;

    public void Add(string parameter, string message) => _errors[parameter] = [message];

    public Paging Paging(string? page, string? size)
    {
        var p = Integer("page", page, 1, 1, int.MaxValue / Server.Paging.MaxSize);
        var s = Integer("size", size, Server.Paging.DefaultSize, 1, Server.Paging.MaxSize);
        return new Paging(p, s);
    }

    public int Integer(string parameter, string? text, int fallback, int min, int max)
    {
        if (text is null) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        Add(parameter, $"must be a whole number from {min} to {max}");
        return fallback;
    }

    /// <summary>A date bound as the export writes dates: 2016, 2016-04, 2016-04-18.</summary>
    public string? Date(string parameter, string? text)
    {
        if (text is null) return null;
        if (DatePattern().IsMatch(text)) return text;
        Add(parameter, "must be a date: YYYY, YYYY-MM or YYYY-MM-DD");
        return null;
    }

    /// <summary>An id of the given prefix ("d12", "e3"), or a problem.</summary>
    public string? Id(string parameter, string? text, string prefix)
    {
        if (text is null) return null;
        if (text.Length > prefix.Length && text.Length <= prefix.Length + 9 && text.StartsWith(prefix, StringComparison.Ordinal) && text[prefix.Length..].All(char.IsAsciiDigit))
            return text;
        Add(parameter, $"must be an id such as {prefix}1");
        return null;
    }

    public string? OneOf(string parameter, string? text, params string[] allowed)
    {
        if (text is null || allowed.Contains(text, StringComparer.Ordinal)) return text;
        Add(parameter, $"must be one of {string.Join(", ", allowed)}");
        return null;
    }

    public string? Text(string parameter, string? text, int maxLength, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) Add(parameter, "is required");
            return null;
        }
        if (text.Length <= maxLength) return text;
        Add(parameter, $"must be at most {maxLength} characters");
        return null;
    }

    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
