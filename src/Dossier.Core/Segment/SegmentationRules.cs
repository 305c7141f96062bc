using System.Collections.Frozen;
using Dossier.Languages;

namespace Dossier.Core.Segment;

/// <summary>The language data the tokenizer and sentence splitter use: abbreviations that keep
/// their period and elided words split at the apostrophe. For a text of unknown language, the
/// union of every language's data.</summary>
public sealed class SegmentationRules
{
    private static readonly Lazy<SegmentationRules> Union = new(() => new SegmentationRules(LanguageProfile.Every));
    private static readonly Lazy<FrozenDictionary<string, SegmentationRules>> ByLanguage = new(() =>
        LanguageProfile.Every.ToFrozenDictionary(p => p.Code, p => new SegmentationRules([p]), StringComparer.Ordinal));

    public SegmentationRules(IEnumerable<LanguageProfile> languages)
    {
        var list = languages.ToArray();
        Abbreviations = list.SelectMany(l => l.Abbreviations).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        Elisions = list.SelectMany(l => l.Elisions).ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Abbreviations with their final period ("M.", "juil.").</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Abbreviations { get; }

    /// <summary>Elided words without apostrophe ("l", "qu").</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Elisions { get; }

    public static SegmentationRules For(string language) =>
        ByLanguage.Value.TryGetValue(language, out var rules) ? rules : Union.Value;
}
