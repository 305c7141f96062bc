using System.Collections.Concurrent;
using System.Collections.Frozen;
using Dossier.Languages;

namespace Dossier.Core.Recognize.Entities;

/// <summary>What the document-consistency pass knows of one language's names, from its data files:
/// titles that are never a name on their own ("Premier", "Président": honorifics.txt), common nouns
/// that head an organisation's name when capitalised mid-sentence (org-heads.txt), the lower-case
/// words that link a name's words (name-links.txt), and function words, which end a name
/// (stopwords.txt). A language without these files gets an empty lexicon, which changes nothing.</summary>
public sealed class NameLexicon
{
    private static readonly ConcurrentDictionary<string, NameLexicon> Loaded = new(StringComparer.Ordinal);

    public static NameLexicon Empty { get; } = new([], [], [], []);

    public FrozenSet<string> Titles { get; }
    public FrozenSet<string> OrganisationHeads { get; }
    public FrozenSet<string> Links { get; }
    public FrozenSet<string> FunctionWords { get; }

    public NameLexicon(IEnumerable<string> titles, IEnumerable<string> organisationHeads, IEnumerable<string> links, IEnumerable<string> functionWords)
    {
        Titles = Set(titles);
        OrganisationHeads = Set(organisationHeads);
        Links = Set(links);
        FunctionWords = Set(functionWords);
    }

    public static NameLexicon For(string language) => Loaded.GetOrAdd(language, code => new NameLexicon(
        LanguageData.ReadLines(code, "honorifics.txt"), LanguageData.ReadLines(code, "org-heads.txt"),
        LanguageData.ReadLines(code, "name-links.txt"), LanguageData.ReadLines(code, "stopwords.txt")));

    private static FrozenSet<string> Set(IEnumerable<string> words) =>
        words.Select(w => w.Trim()).Where(w => w.Length > 0).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
