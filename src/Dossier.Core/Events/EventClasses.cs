using System.Collections.Frozen;
using Dossier.Core.Recognize.Events;
using Dossier.Languages;

namespace Dossier.Core.Events;

/// <summary>Classes that may name one happening, as any language's events.tsv declares them
/// (classes are the same English names in every language).</summary>
public static class EventClasses
{
    private static readonly Lazy<FrozenDictionary<string, string[]>> Partners = new(() =>
    {
        var lexicons = LanguageData.Available.Select(EventLexicon.For).OfType<EventLexicon>().ToList();
        var classes = lexicons.SelectMany(l => l.Classes).Distinct(StringComparer.Ordinal).ToList();
        return classes.ToFrozenDictionary(c => c,
            c => classes.Where(o => lexicons.Any(l => l.Compatible(c, o))).ToArray(), StringComparer.Ordinal);
    });

    public static IReadOnlyList<string> CompatibleWith(string cls) => Partners.Value.TryGetValue(cls, out var partners) ? partners : [cls];

    public static bool Compatible(string a, string b) => a == b || CompatibleWith(a).Contains(b);
}
