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
/// (stopwords.txt), the words that head a government portfolio (portfolios.tsv), and the lower-case
/// words before a name that make it a place in a town with them (place-heads.txt: "place de la"), the
/// words for the people of a place (demonyms.txt: "Français", "Parisiens"), the articles that may
/// come before them (articles.txt) and the words that open a sentence and never a name (name-openers.txt: "Selon", "Si"). A language without these files gets an empty lexicon, which changes nothing.</summary>
public sealed class NameLexicon
{
    private static readonly ConcurrentDictionary<string, NameLexicon> Loaded = new(StringComparer.Ordinal);

    public static NameLexicon Empty { get; } = new([], [], [], [], [], [], [], [], [], []);

    public FrozenSet<string> Titles { get; }
    public FrozenSet<string> OrganisationHeads { get; }
    public FrozenSet<string> Links { get; }
    public FrozenSet<string> FunctionWords { get; }
    public IReadOnlyList<string> AdjectiveEndings { get; }
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _portfolioWords;
    public bool HasPortfolioWords { get; }
    /// <summary>The place heads, each as its words ("place", "de", "la"), longest first.</summary>
    public IReadOnlyList<string[]> PlaceHeads { get; }
    public FrozenSet<string> Demonyms { get; }
    public FrozenSet<string> Articles { get; }
    /// <summary>Words that open a sentence or a quotation and never a name ("Selon", "Si": name-openers.txt).</summary>
    public FrozenSet<string> Openers { get; }

    public NameLexicon(IEnumerable<string> titles, IEnumerable<string> organisationHeads, IEnumerable<string> links, IEnumerable<string> functionWords,
        IEnumerable<string> adjectiveEndings, IEnumerable<string[]> portfolioWords, IEnumerable<string> placeHeads, IEnumerable<string> demonyms,
        IEnumerable<string> articles, IEnumerable<string> openers)
    {
        PlaceHeads = placeHeads.Select(h => h.Trim().Replace('’', '\'').Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(h => h.Length > 0)
            .OrderByDescending(h => h.Length).ToArray();
        var byWord = portfolioWords.ToFrozenDictionary(c => c[0], c => c[1], StringComparer.OrdinalIgnoreCase);
        _portfolioWords = byWord.GetAlternateLookup<ReadOnlySpan<char>>();
        HasPortfolioWords = byWord.Count > 0;
        AdjectiveEndings = adjectiveEndings.Select(e => e.Trim()).Where(e => e.Length > 0).ToArray();
        Titles = Set(titles);
        OrganisationHeads = Set(organisationHeads);
        Links = Set(links);
        FunctionWords = Set(functionWords);
        Demonyms = Set(demonyms);
        Articles = Set(articles);
        Openers = Set(openers);
    }

    public static NameLexicon For(string language) => Loaded.GetOrAdd(language, code => new NameLexicon(
        LanguageData.ReadLines(code, "honorifics.txt").Concat(LanguageData.ReadLines(code, "not-names.txt")), LanguageData.ReadLines(code, "org-heads.txt"),
        LanguageData.ReadLines(code, "name-links.txt"), LanguageData.ReadLines(code, "stopwords.txt"),
        LanguageData.ReadLines(code, "adjective-endings.txt"), LanguageData.ReadColumns(code, "portfolios.tsv", 2),
        LanguageData.ReadLines(code, "place-heads.txt"), LanguageData.ReadLines(code, "demonyms.txt"), LanguageData.ReadLines(code, "articles.txt"),
        LanguageData.ReadLines(code, "name-openers.txt")));

    /// <summary>What the portfolio a word heads makes ("ministre": PER, "ministère": ORG) or, for a
    /// word joining two portfolios ("et"), JOIN (see portfolios.tsv); null for any other word.</summary>
    public string? PortfolioKindOf(ReadOnlySpan<char> word) => _portfolioWords.TryGetValue(word, out var kind) ? kind : null;

    /// <summary>The type the first word of a name gives it: an organisation head makes an organisation
    /// ("Assemblée nationale", "Commission nationale du débat public"), the first word of a place head
    /// a place ("Place Beauvau", "Arc de Triomphe"); null for any other word.</summary>
    public string? HeadTypeOf(string word) =>
        OrganisationHeads.Contains(word) ? "ORG" : PlaceHeads.Any(h => string.Equals(h[0], word, StringComparison.OrdinalIgnoreCase)) ? "LOC" : null;

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
