using Dossier.Core.Model;
using Dossier.Core.Pipeline;
using Dossier.Languages;

namespace Dossier.Core.Describe;

/// <summary>Names the language of a text by counting the function words of each known language
/// among its first words. Function words are frequent and short-text-robust, which is what a news
/// article needs; "und" when no known language has a hit.</summary>
public sealed class LanguageIdentifier : IDocumentStage
{
    private const int MaxWords = 2000;
    private readonly (string Code, System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Words)[] _languages;

    public LanguageIdentifier() : this(LanguageProfile.Every) { }

    public LanguageIdentifier(IEnumerable<LanguageProfile> languages) =>
        _languages = languages.Select(l => (l.Code, l.Stopwords.GetAlternateLookup<ReadOnlySpan<char>>())).ToArray();

    public string Name => "language";
    public IReadOnlyList<string> Requires { get; } = [Layers.Text];
    public IReadOnlyList<string> Provides { get; } = [Layers.Language];

    public void Annotate(AnalysedDocument document, CancellationToken cancellationToken) =>
        document.Language = Identify(document.Text);

    public string Identify(ReadOnlySpan<char> text)
    {
        Span<int> hits = stackalloc int[_languages.Length];
        var words = 0;
        var i = 0;
        while (i < text.Length && words < MaxWords)
        {
            while (i < text.Length && !char.IsLetter(text[i])) i++;
            var start = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            if (i == start) break;
            words++;
            var word = text[start..i];
            for (var l = 0; l < _languages.Length; l++)
                if (_languages[l].Words.Contains(word)) hits[l]++;
        }
        var best = -1;
        for (var l = 0; l < _languages.Length; l++)
            if (hits[l] > 0 && (best < 0 || hits[l] > hits[best])) best = l;
        return best < 0 ? "und" : _languages[best].Code;
    }
}
