using System.Collections.Concurrent;
using System.Collections.Frozen;
using Dossier.Languages;

namespace Dossier.Core.Recognize.Entities;

/// <summary>What the document-consistency pass knows of one language's names, from its data files:
/// titles and capitalised common nouns that are never a name on their own ("Premier", "Président":
/// honorifics.txt; "État": not-names.txt), common nouns
/// that head an organisation's name when capitalised mid-sentence (org-heads.txt), the lower-case
/// words that link a name's words (name-links.txt), endings of adjectives that may follow a noun
/// inside such a name (adjective-endings.txt), function words, which end a name
/// (stopwords.txt), and the words that head a government portfolio (portfolios.tsv). A language without these files gets an empty lexicon, which changes nothing.</summary>
public sealed class NameLexicon
{
    private static readonly ConcurrentDictionary<string, NameLexicon> Loaded = new(StringComparer.Ordinal);

    public static NameLexicon Empty { get; } = new([], [], [], [], [], []);

    public FrozenSet<string> Titles { get; }
    public FrozenSet<string> OrganisationHeads { get; }
    public FrozenSet<string> Links { get; }
    public FrozenSet<string> FunctionWords { get; }
    public IReadOnlyList<string> AdjectiveEndings { get; }
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _portfolioWords;
    public bool HasPortfolioWords { get; }

    public NameLexicon(IEnumerable<string> titles, IEnumerable<string> organisationHeads, IEnumerable<string> links, IEnumerable<string> functionWords,
        IEnumerable<string> adjectiveEndings, IEnumerable<string[]> portfolioWords)
    {
        var byWord = portfolioWords.ToFrozenDictionary(c => c[0], c => c[1], StringComparer.OrdinalIgnoreCase);
        _portfolioWords = byWord.GetAlternateLookup<ReadOnlySpan<char>>();
        HasPortfolioWords = byWord.Count > 0;
        AdjectiveEndings = adjectiveEndings.Select(e => e.Trim()).Where(e => e.Length > 0).ToArray();
        Titles = Set(titles);
        OrganisationHeads = Set(organisationHeads);
        Links = Set(links);
        FunctionWords = Set(functionWords);
    }

    public static NameLexicon For(string language) => Loaded.GetOrAdd(language, code => new NameLexicon(
        LanguageData.ReadLines(code, "honorifics.txt").Concat(LanguageData.ReadLines(code, "not-names.txt")), LanguageData.ReadLines(code, "org-heads.txt"),
        LanguageData.ReadLines(code, "name-links.txt"), LanguageData.ReadLines(code, "stopwords.txt"),
        LanguageData.ReadLines(code, "adjective-endings.txt"), LanguageData.ReadColumns(code, "portfolios.tsv", 2)));

    /// <summary>What the portfolio a word heads makes ("ministre": PER, "ministère": ORG) or, for a
    /// word joining two portfolios ("et"), JOIN (see portfolios.tsv); null for any other word.</summary>
    public string? PortfolioKindOf(ReadOnlySpan<char> word) => _portfolioWords.TryGetValue(word, out var kind) ? kind : null;

    /// <summary>Whether a lower-case word has the ending of an adjective (adjective-endings.txt).</summary>
    public bool LooksAdjectival(string word)
    {
        foreach (var ending in AdjectiveEndings)
            if (word.Length > ending.Length + 1 && word.EndsWith(ending, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static FrozenSet<string> Set(IEnumerable<string> words) =>
        words.Select(w => w.Trim()).Where(w => w.Length > 0).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
