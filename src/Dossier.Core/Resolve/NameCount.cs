namespace Dossier.Core.Resolve;

/// <summary>One way an entity's mentions write its name, and how many do: the text as written, its
/// words once honorifics and initials are left out, the tagger's type and the known type: the gazetteer's,
/// else the one a head noun written before the mention gives ("le laboratoire Sanofi"); null when neither is. An entity's name and type are chosen from these counts alone
/// (<see cref="Choose"/>), so a stored entity that gains or loses mentions is named as a resolution
/// of the whole dossier would name it, without reading its other mentions again.</summary>
public sealed record NameCount(string Surface, int Words, string Tagged, string? Known, int Count)
{
    /// <summary>The counts of the same way of writing added up, in a fixed order.</summary>
    public static IReadOnlyList<NameCount> Tally(IEnumerable<NameCount> counts) =>
        counts.GroupBy(c => (c.Surface, c.Words, c.Tagged, c.Known))
            .Select(g => new NameCount(g.Key.Surface, g.Key.Words, g.Key.Tagged, g.Key.Known, g.Sum(c => c.Count)))
            .OrderBy(c => c.Surface, StringComparer.Ordinal).ThenBy(c => c.Words).ThenBy(c => c.Tagged, StringComparer.Ordinal)
            .ThenBy(c => c.Known, StringComparer.Ordinal).ToArray();

    /// <summary>The name: the most frequent spelling among the full names, those of two words or more
    /// (a full name says more than a surname or an acronym alone), ties to the longer, then to the
    /// first in ordinal order. Not the longest: a word the tagger glued to a name once ("Closer Marlène
    /// Schiappa" beside eight "Marlène Schiappa") would name the entity. The type: the known one
    /// when a mention has one (the most frequent such type), else the type the full names
    /// are tagged with most often: a full name is typed more reliably.</summary>
    public static (string Name, string Type) Choose(IReadOnlyList<NameCount> counts)
    {
        var full = counts.Where(c => c.Words >= 2).ToArray() is { Length: > 0 } several ? several : counts.ToArray();
        var known = counts.Where(c => c.Known is not null).ToArray();
        return (MostFrequent(full, c => c.Surface), known.Length > 0 ? MostFrequent(known, c => c.Known!) : MostFrequent(full, c => c.Tagged));
    }

    private static string MostFrequent(IEnumerable<NameCount> counts, Func<NameCount, string> value) =>
        counts.GroupBy(value, StringComparer.Ordinal).OrderByDescending(g => g.Sum(c => c.Count)).ThenByDescending(g => g.Max(c => c.Words))
            .ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
}
