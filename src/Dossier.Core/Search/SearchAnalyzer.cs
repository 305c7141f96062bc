using System.Collections.Concurrent;
using Dossier.Core.Model;
using Dossier.Languages;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace Dossier.Core.Search;

/// <summary>A word of a text as the search index knows it: its analysed term and where it stands.</summary>
public readonly record struct SearchTerm(string Term, TextSpan Span);

/// <summary>Turns text into search terms with a Lucene.Net analysis chain read from the language's
/// <c>search.tsv</c> (tokenizer, elision, lower case, stop words, accent folding, light stemming),
/// so that the index and the queries are analysed alike. Immutable and shared by all threads:
/// Lucene keeps one token stream per thread and analyzer.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "One per language for the whole process, like the language profiles.")]
public sealed class SearchAnalyzer
{
    private const string ChainFile = "search.tsv";
    private static readonly ConcurrentDictionary<string, SearchAnalyzer> ByLanguage = new(StringComparer.Ordinal);

    private readonly ChainAnalyzer _words;
    private readonly ChainAnalyzer _fragments;

    private SearchAnalyzer(string folder, IReadOnlyList<string> lines)
    {
        var components = lines.Select(line => ChainComponent.Parse(folder, line)).ToArray();
        var loader = new LanguageResourceLoader(folder);
        _words = new ChainAnalyzer(components, loader);
        _fragments = new ChainAnalyzer(components.Where(c => c.Kind != ChainComponent.Stem).ToArray(), loader);
    }

    /// <summary>The chain of a language, or the common one when the language has none.</summary>
    public static SearchAnalyzer For(string language) => ByLanguage.GetOrAdd(language, static code =>
    {
        var lines = LanguageData.ReadLines(code, ChainFile);
        return lines.Count > 0 ? new SearchAnalyzer(code, lines) : ByLanguage.GetOrAdd("common", _ => new SearchAnalyzer("common", LanguageData.ReadLines("common", ChainFile)));
    });

    /// <summary>The terms of <paramref name="span"/> of <paramref name="text"/>, spans into <paramref name="text"/>.</summary>
    public void Analyze(string text, TextSpan span, List<SearchTerm> terms) => _words.Analyze(text, span, terms);

    /// <summary>The terms of a word fragment (a prefix query), without stemming.</summary>
    public void AnalyzeFragment(string text, List<SearchTerm> terms) => _fragments.Analyze(text, new TextSpan(0, text.Length), terms);

    /// <summary>One index term per token: only letters and digits are kept ("4.100" -> "4100"), so
    /// that the full-text engine sees each term as one word; a term left empty is dropped.</summary>
    private static string? IndexForm(ReadOnlySpan<char> term)
    {
        Span<char> buffer = term.Length <= 128 ? stackalloc char[term.Length] : new char[term.Length];
        var length = 0;
        foreach (var c in term)
            if (char.IsLetterOrDigit(c)) buffer[length++] = c;
        return length == 0 ? null : new string(buffer[..length]);
    }

    private sealed class ChainAnalyzer(ChainComponent[] components, IResourceLoader loader) : Analyzer
    {
        private readonly TokenizerFactory _tokenizer = components.Single(c => c.Kind == ChainComponent.Tokenizer).CreateTokenizer(loader);
        private readonly TokenFilterFactory[] _filters = components.Where(c => c.Kind != ChainComponent.Tokenizer).Select(c => c.CreateFilter(loader)).ToArray();

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = _tokenizer.Create(reader);
            TokenStream stream = source;
            foreach (var filter in _filters) stream = filter.Create(stream);
            return new TokenStreamComponents(source, stream);
        }

        public void Analyze(string text, TextSpan span, List<SearchTerm> terms)
        {
            using var stream = GetTokenStream("text", new StringReader(text.Substring(span.Start, span.Length)));
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                if (IndexForm(term.Buffer.AsSpan(0, term.Length)) is { } form)
                    terms.Add(new SearchTerm(form, new TextSpan(span.Start + offset.StartOffset, offset.EndOffset - offset.StartOffset)));
            }
            stream.End();
        }
    }

    /// <summary>One line of a search.tsv file.</summary>
    private sealed record ChainComponent(string Kind, string Factory, Dictionary<string, string> Arguments)
    {
        public const string Tokenizer = "tokenizer", Filter = "filter", Stem = "stem";
        private const string LuceneVersion = "4.8";

        public static ChainComponent Parse(string folder, string line)
        {
            var cols = line.Split('\t');
            if (cols.Length is < 2 or > 3 || cols[0] is not (Tokenizer or Filter or Stem))
                throw new InvalidDataException($"{folder}/{ChainFile}: expected 'tokenizer|filter|stem<TAB>factory[<TAB>name=value ...]', got '{line}'");
            var arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["luceneMatchVersion"] = LuceneVersion };
            foreach (var pair in cols.Length == 3 ? cols[2].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [])
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0) throw new InvalidDataException($"{folder}/{ChainFile}: expected name=value, got '{pair}' in '{line}'");
                arguments[pair[..eq]] = pair[(eq + 1)..];
            }
            return new ChainComponent(cols[0], cols[1], arguments);
        }

        // Factories consume their argument map, so each gets its own copy.
        public TokenizerFactory CreateTokenizer(IResourceLoader loader) => Inform(TokenizerFactory.ForName(Factory, new Dictionary<string, string>(Arguments)), loader);

        public TokenFilterFactory CreateFilter(IResourceLoader loader) => Inform(TokenFilterFactory.ForName(Factory, new Dictionary<string, string>(Arguments)), loader);

        private static T Inform<T>(T factory, IResourceLoader loader)
        {
            if (factory is IResourceLoaderAware aware) aware.Inform(loader);
            return factory;
        }
    }

    /// <summary>Lets a Lucene factory read its word lists from the language's data folder.</summary>
    private sealed class LanguageResourceLoader(string folder) : IResourceLoader
    {
        public Stream OpenResource(string resource) =>
            LanguageData.Open(folder, resource) ?? throw new FileNotFoundException($"{folder}/{ChainFile}: no data file {folder}/{resource}");

        public Type FindType(string cname) => Type.GetType(cname, throwOnError: true)!;

        public T NewInstance<T>(string cname) => (T)Activator.CreateInstance(FindType(cname))!;
    }
}
