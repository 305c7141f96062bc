using Dossier.Core.Model;

namespace Dossier.Core.Search;

/// <summary>A sentence that matched: its line (1-based), its offsets in that line (UTF-16, end
/// exclusive, as in the export), its text, and the matched words as spans into that text.</summary>
public sealed record SentenceHit(int Line, int Start, int End, string Text, IReadOnlyList<TextSpan> Marks);

/// <summary>A document that matched (its id, title and path), with its rank score (lower is better, as
/// bm25 in SQLite) and the sentences that hold the matches.</summary>
public sealed record DocumentHit(long DocumentId, string? Title, string Path, double Score, IReadOnlyList<SentenceHit> Sentences);

/// <summary>One page of results, and how many documents matched in all.</summary>
public sealed record SearchResults(string Query, int Total, int Offset, IReadOnlyList<DocumentHit> Documents);

/// <summary>What of a document is searchable, and where a query matched it.</summary>
public static class SearchHits
{
    /// <summary>The lines of a document that are searched: its title and content lines (metadata,
    /// page furniture and repeated lines are not what a reader searches for).</summary>
    public static IEnumerable<Line> Searchable(AnalysedDocument document) =>
        document.Lines.Where(line => line.Kind is LineKind.Content or LineKind.Title);

    /// <summary>The search terms of a document's searchable lines.</summary>
    public static List<SearchTerm> Terms(AnalysedDocument document)
    {
        var analyzer = SearchAnalyzer.For(document.Language);
        var terms = new List<SearchTerm>();
        foreach (var line in Searchable(document))
            analyzer.Analyze(document.Text, line.Span, terms);
        return terms;
    }

    /// <summary>The sentences of a text where a query matched, in text order: <paramref name="matches"/>
    /// (spans into <paramref name="text"/>, in order, as <see cref="AnalysedQuery.Matches"/> gives them)
    /// grouped by the sentence holding them, each kept inside its line.</summary>
    public static IReadOnlyList<SentenceHit> Find(string text, IReadOnlyList<Line> lines, Sentence[] sentences, IReadOnlyList<TextSpan> matches)
    {
        var hits = new List<SentenceHit>();
        TextSpan? current = null;
        var marks = new List<TextSpan>();
        foreach (var match in matches)
        {
            var around = Around(lines, sentences, match.Start);
            if (current != around)
            {
                Flush();
                current = around;
            }
            marks.Add(new TextSpan(match.Start - around.Start, Math.Min(match.End, around.End) - match.Start));
        }
        Flush();
        return hits;

        void Flush()
        {
            if (current is not { } span || marks.Count == 0) return;
            var line = Line.At(lines, span.Start);
            hits.Add(new SentenceHit(line.Number, span.Start - line.Span.Start, span.End - line.Span.Start,
                text.Substring(span.Start, span.Length), marks.ToArray()));
            marks.Clear();
        }
    }

    /// <summary>The sentence holding an offset, kept inside its line; the line itself when no sentence does.</summary>
    private static TextSpan Around(IReadOnlyList<Line> lines, Sentence[] sentences, int offset)
    {
        var line = Line.At(lines, offset).Span;
        int lo = 0, hi = sentences.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >> 1;
            if (sentences[mid].Span.Start <= offset) lo = mid; else hi = mid - 1;
        }
        if (sentences.Length == 0 || !sentences[lo].Span.Contains(offset)) return line;
        var sentence = sentences[lo].Span;
        var start = Math.Max(sentence.Start, line.Start);
        return new TextSpan(start, Math.Min(sentence.End, line.End) - start);
    }
}
