using System.Collections.Frozen;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Languages;

namespace Dossier.Core.Describe;

/// <summary>Names the language of a text from the function words of each known language
/// (&lt;lang&gt;/stopwords.txt) among its first words. Function words are frequent, so a short text
/// has enough of them. A word listed by several languages ("de", "la") counts for each a share
/// inversely proportional to how many list it. The text is "und" (unknown) rather than guessed
/// when too few of its words are the best language's function words (another language, a table
/// of figures) or when a second language scores nearly as well.</summary>
public sealed class LanguageIdentifier : IDocumentStage
{
    /// <summary>The ISO 639 code for an undetermined language, as a new document starts with.</summary>
    public const string Unknown = "und";
    private const int MaxWords = 2000;
    /// <summary>In news prose a third to a half of the words are function words of the language;
    /// text in a language without data reaches about a tenth by chance.</summary>
    private const double MinCoverage = 0.15;
    /// <summary>How far ahead of the second language the best must be.</summary>
    private const double MinLead = 1.3;

    private readonly string[] _codes;
    /// <summary>Each function word → the languages listing it.</summary>
    private readonly FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _words;

    public LanguageIdentifier() : this(LanguageProfile.Every) { }

    public LanguageIdentifier(IEnumerable<LanguageProfile> languages)
    {
        var list = languages.Where(l => l.Stopwords.Count > 0).ToArray();
        _codes = list.Select(l => l.Code).ToArray();
        _words = list.SelectMany((l, index) => l.Stopwords.Select(word => (word, index)))
            .GroupBy(p => p.word, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.index).Distinct().ToArray(), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Name => "language";
    public IReadOnlyList<string> Requires { get; } = [Layers.Text];
    public IReadOnlyList<string> Provides { get; } = [Layers.Language];

    public void Annotate(AnalysedDocument document, CancellationToken cancellationToken) =>
        document.Language = Identify(document.Text);

    public string Identify(ReadOnlySpan<char> text)
    {
        Span<double> scores = stackalloc double[_codes.Length];
        Span<int> hits = stackalloc int[_codes.Length];
        var words = 0;
        var i = 0;
        while (i < text.Length && words < MaxWords)
        {
            while (i < text.Length && !char.IsLetter(text[i])) i++;
            var start = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            if (i == start) break;
            words++;
            if (!_words.TryGetValue(text[start..i], out var listedBy)) continue;
            foreach (var language in listedBy)
            {
                scores[language] += 1.0 / listedBy.Length;
                hits[language]++;
            }
        }
        int best = -1, second = -1;
        for (var l = 0; l < _codes.Length; l++)
        {
            if (best < 0 || scores[l] > scores[best]) (second, best) = (best, l);
            else if (second < 0 || scores[l] > scores[second]) second = l;
        }
        if (best < 0 || hits[best] == 0 || hits[best] < MinCoverage * words) return Unknown;
        if (second >= 0 && scores[best] < MinLead * scores[second]) return Unknown;
        return _codes[best];
    }
}
