using System.Collections.Frozen;
using Dossier.Core.Recognize.Entities;
using Dossier.Languages;

namespace Dossier.Core.Segment;

/// <summary>The language data the tokenizer and sentence splitter use: abbreviations that keep
/// their period, elided words split at the apostrophe, function words, and the period of a day before its month. For a text of unknown language, the
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
        DayMarks = list.SelectMany(l => l.Ordinals).Where(o => o.All(char.IsPunctuation)).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        Months = list.SelectMany(l => l.Months.Keys).ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        FunctionWords = list.SelectMany(l => l.Stopwords).ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        // The union of languages has no one tagger: a word common in one language is a name in another.
        _lexicon = list.Length == 1 ? new Lazy<WordLexicon?>(() => NerModels.For(list[0].Code)?.Lexicon) : new Lazy<WordLexicon?>((WordLexicon?)null);
    }

    private readonly Lazy<WordLexicon?> _lexicon;

    /// <summary>Abbreviations with their final period ("M.", "juil.").</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Abbreviations { get; }

    /// <summary>Elided words without apostrophe ("l", "qu").</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Elisions { get; }

    /// <summary>Ordinal endings of a day that are punctuation ("." in the German "3. Mai"): after a
    /// day and before a month, not the end of a sentence.</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DayMarks { get; }

    /// <summary>Frequent function words ("cette", "un"), in any case: a capitalised one glued to a
    /// name starts a new paragraph.</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FunctionWords { get; }

    /// <summary>Whether the language's text writes a word in lower case almost everywhere inside a sentence
    /// (its tagger's lexicon, learnt from unlabelled news): a common word ("plutôt", "parmi"), not a
    /// part of a name. False for a language without a tagger.</summary>
    public bool IsCommonWord(ReadOnlySpan<char> word)
    {
        if (_lexicon.Value is not { } lexicon) return false;
        lexicon.Lookup(WordForm.NormalHash(word), out _, out _, out var capitalBin);
        return capitalBin is not WordLexicon.UnknownBin and <= CommonWordBin;
    }

    /// <summary>The highest capitalisation bin of a common word: capitalised in under 30% of its uses
    /// inside sentences ("château", "église" are in names often, and still common words).</summary>
    private const byte CommonWordBin = 2;

    /// <summary>Month names and abbreviations.</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Months { get; }

    public static SegmentationRules For(string language) =>
        ByLanguage.Value.TryGetValue(language, out var rules) ? rules : Union.Value;
}
