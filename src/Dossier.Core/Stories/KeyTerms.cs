using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using Dossier.Core.Model;
using Dossier.Languages;

namespace Dossier.Core.Stories;

/// <summary>What an article is about beside the entities it names: its key terms, the words and
/// two-word phrases it repeats that are rare in news at large ("gilets jaunes", "réforme des
/// retraites" is a subject, not a name). How rare a term is comes from the language's
/// <see cref="FileName"/>, the number of background articles holding each term; a language without
/// that file has no key terms, and its stories stand on entities alone.</summary>
public sealed class KeyTerms
{
    /// <summary>The per-language data file of background document frequencies ("fr/story-terms.tsv").</summary>
    public const string FileName = "story-terms.tsv";
    /// <summary>How many key terms an article gives: a handful describes a subject; more add noise.</summary>
    public const int PerDocument = 10;
    /// <summary>A term an article says once is a passing word, not what it is about.</summary>
    public const int MinimumCount = 2;
    /// <summary>Shorter words are abbreviations and particles more often than subjects.</summary>
    private const int MinimumLength = 3;

    private static readonly ConcurrentDictionary<string, KeyTerms> ByLanguage = new(StringComparer.Ordinal);

    private readonly LanguageProfile? _language;
    private readonly FrozenDictionary<string, int> _backgroundFrequency;
    private readonly int _backgroundDocuments;

    private KeyTerms(LanguageProfile? language, FrozenDictionary<string, int> backgroundFrequency, int backgroundDocuments) =>
        (_language, _backgroundFrequency, _backgroundDocuments) = (language, backgroundFrequency, backgroundDocuments);

    /// <summary>The key terms of a language, read once from its data file.</summary>
    public static KeyTerms For(string language) => ByLanguage.GetOrAdd(language, Load);

    private static KeyTerms Load(string language)
    {
        if (!LanguageData.Available.Contains(language)) return new KeyTerms(null, FrozenDictionary<string, int>.Empty, 0);
        var rows = DataRows.Read(language, FileName);
        var documents = 0;
        foreach (var row in rows.Of("documents"))
            documents = int.TryParse(row.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
                : throw rows.Error(row, "expected 'documents<TAB>count' with a count above 0");
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows.Of("term"))
            frequency[row.Text] = int.TryParse(row.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= documents ? n
                : throw rows.Error(row, $"expected 'term<TAB>words<TAB>documents' with at most {documents} documents");
        rows.RejectUnknownKinds();
        return new KeyTerms(documents > 0 ? LanguageProfile.Get(language) : null, frequency.ToFrozenDictionary(StringComparer.Ordinal), documents);
    }

    /// <summary>A document's key terms: the terms it says at least <see cref="MinimumCount"/> times, the
    /// <see cref="PerDocument"/> whose count times rarity is highest.</summary>
    public IReadOnlyList<string> Of(AnalysedDocument document)
    {
        if (_language is null) return [];
        return Candidates(document, _language).Where(c => c.Value >= MinimumCount)
            .Select(c => (Term: c.Key, Score: c.Value * Rarity(_backgroundDocuments, _backgroundFrequency.GetValueOrDefault(c.Key))))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Term, StringComparer.Ordinal).Take(PerDocument).Select(c => c.Term).ToArray();
    }

    /// <summary>How many articles of a dossier of <paramref name="documents"/> would hold the term if
    /// the dossier were like the background: what a term's weight is computed from, as an entity's is
    /// from the articles that name it.</summary>
    public double ExpectedFrequency(string term, int documents) =>
        _backgroundDocuments == 0 ? 0 : (double)_backgroundFrequency.GetValueOrDefault(term) * documents / _backgroundDocuments;

    /// <summary>Writes the background file of a language from its articles: how many hold each candidate
    /// term (<see cref="Candidates"/>), for the terms at least <paramref name="minimumDocuments"/> hold (a
    /// rarer term reads as absent, which weighs about the same); <paramref name="source"/> says in its
    /// header what the articles are and under which licence.</summary>
    public static int WriteBackground(IEnumerable<AnalysedDocument> articles, string language, int minimumDocuments, string source, TextWriter output)
    {
        var profile = LanguageProfile.Get(language);
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var documents = 0;
        foreach (var article in articles.Where(a => a.Language == language))
        {
            documents++;
            foreach (var term in Candidates(article, profile).Keys) frequency[term] = frequency.GetValueOrDefault(term) + 1;
        }
        output.WriteLine($"# Background document frequencies of key-term candidates ({language}), made by `dossier train terms`:");
        output.WriteLine("# words and two-word phrases outside entity mentions, as KeyTerms reads articles.");
        output.WriteLine($"# Source: {source}");
        output.WriteLine($"# Terms held by fewer than {minimumDocuments} articles are left out. Columns: kind, term, articles holding it.");
        output.WriteLine($"documents\t{documents.ToString(CultureInfo.InvariantCulture)}");
        var kept = frequency.Where(f => f.Value >= minimumDocuments).OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).ToArray();
        foreach (var (term, count) in kept) output.WriteLine($"term\t{term}\t{count.ToString(CultureInfo.InvariantCulture)}");
        return documents;
    }

    /// <summary>Smoothed inverse document frequency.</summary>
    private static double Rarity(int documents, int frequency) => Math.Log((documents + 1.0) / (frequency + 1)) + 1;

    /// <summary>Every term a document could be about, with how often it says it: its words (lower case,
    /// no stopword, no digit, at least <see cref="MinimumLength"/> letters) and its pairs of such words
    /// written next to each other, in title and content lines, outside entity mentions and date
    /// expressions (whose words the entity or the date already stands for: "samedi" says when, not what).</summary>
    public static Dictionary<string, int> Candidates(AnalysedDocument document, LanguageProfile language)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var text = document.Text;
        var mentions = document.Entities.Select(m => m.Span).Concat(document.Timexes.Select(t => t.Span)).OrderBy(s => s.Start).ToArray();
        var mention = 0;
        string? previous = null;
        var previousEnd = -1;
        foreach (var token in document.Tokens)
        {
            while (mention < mentions.Length && mentions[mention].End <= token.Start) mention++;
            var inMention = mention < mentions.Length && mentions[mention].Start < token.End;
            var word = !inMention && token.Kind == TokenKind.Word && token.Length >= MinimumLength
                && document.LineAt(token.Start).Kind is LineKind.Content or LineKind.Title ? Word(token.ValueIn(text), language) : null;
            if (word is null)
            {
                previous = null;
                continue;
            }
            counts[word] = counts.GetValueOrDefault(word) + 1;
            if (previous is not null && IsSpace(text.AsSpan(previousEnd, token.Start - previousEnd)))
            {
                var pair = previous + " " + word;
                counts[pair] = counts.GetValueOrDefault(pair) + 1;
            }
            (previous, previousEnd) = (word, token.End);
        }
        return counts;
    }

    private static string? Word(ReadOnlySpan<char> token, LanguageProfile language)
    {
        foreach (var c in token)
            if (!char.IsLetter(c) && c != '-') return null;
        var word = token.ToString().ToLowerInvariant();
        return language.Stopwords.Contains(word) ? null : word;
    }

    /// <summary>Whether two words are written next to each other: only spaces between them.</summary>
    private static bool IsSpace(ReadOnlySpan<char> gap) => gap.Length > 0 && gap.IndexOfAnyExcept(' ') < 0;
}
