using System.Text;
using Dossier.Core.Model;

namespace Dossier.Core.Search;

/// <summary>A search as typed: words that must all occur in a document, "quoted phrases" whose
/// words must follow each other, and prefixes (<c>hélico*</c>). Parsed once, then analysed per
/// language with that language's chain, exactly as the index was.</summary>
public sealed class SearchQuery
{
    private readonly IReadOnlyList<(string Text, bool Phrase, bool Prefix)> _clauses;

    private SearchQuery(IReadOnlyList<(string, bool, bool)> clauses) => _clauses = clauses;

    public string Text { get; private init; } = "";

    /// <summary>The clauses as typed, for an engine that analyses the query itself: each a word, a "phrase" or a prefix*.</summary>
    public IReadOnlyList<(string Text, bool Phrase, bool Prefix)> Clauses => _clauses;

    public static SearchQuery Parse(string text)
    {
        var clauses = new List<(string, bool, bool)>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            if (text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                var end = close < 0 ? text.Length : close;
                clauses.Add((text[(i + 1)..end], true, false));
                i = end + 1;
                continue;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"') i++;
            var word = text[start..i];
            var prefix = word.Length > 1 && word[^1] == '*';
            clauses.Add((prefix ? word[..^1] : word, false, prefix));
        }
        return new SearchQuery(clauses) { Text = text };
    }

    /// <summary>The query in the terms of one language's chain. A word that analyses to several
    /// terms ("Jean-François") is a phrase; one that analyses to none (a stop word) is dropped.</summary>
    public AnalysedQuery Analyse(SearchAnalyzer analyzer)
    {
        var clauses = new List<AnalysedClause>();
        var terms = new List<SearchTerm>();
        foreach (var (text, _, prefix) in _clauses)
        {
            terms.Clear();
            if (prefix) analyzer.AnalyzeFragment(text, terms);
            else analyzer.Analyze(text, new TextSpan(0, text.Length), terms);
            if (terms.Count > 0) clauses.Add(new AnalysedClause(terms.Select(t => t.Term).ToArray(), prefix));
        }
        return new AnalysedQuery(clauses);
    }
}

/// <summary>Terms that must follow each other; with <see cref="Prefix"/>, the last is a prefix.</summary>
public sealed record AnalysedClause(string[] Terms, bool Prefix)
{
    /// <summary>Whether the clause matches the terms from word <paramref name="position"/> of
    /// <paramref name="words"/> (ranges of <paramref name="terms"/>).</summary>
    public bool MatchesAt(string terms, ReadOnlySpan<Range> words, int position)
    {
        if (position + Terms.Length > words.Length) return false;
        for (var k = 0; k < Terms.Length; k++)
        {
            var term = terms.AsSpan()[words[position + k]];
            var last = k == Terms.Length - 1;
            if (last && Prefix ? !term.StartsWith(Terms[k], StringComparison.Ordinal) : !term.SequenceEqual(Terms[k]))
                return false;
        }
        return true;
    }
}

/// <summary>A query in the terms of one language.</summary>
public sealed record AnalysedQuery(IReadOnlyList<AnalysedClause> Clauses)
{
    public bool IsEmpty => Clauses.Count == 0;

    /// <summary>The query in SQLite FTS5 syntax: every clause required, each a quoted phrase (terms
    /// hold only letters and digits, so quoting is enough), a prefix marked with '*'.</summary>
    public string ToFts5()
    {
        var fts = new StringBuilder();
        foreach (var clause in Clauses)
        {
            if (fts.Length > 0) fts.Append(" AND ");
            fts.Append('"').AppendJoin(' ', clause.Terms).Append('"');
            if (clause.Prefix) fts.Append(" *");
        }
        return fts.ToString();
    }

    /// <summary>The spans of the terms that match a clause, in text order.</summary>
    public IReadOnlyList<TextSpan> Matches(IReadOnlyList<SearchTerm> terms) =>
        Matches(string.Join(' ', terms.Select(t => t.Term)), terms.Select(t => t.Span).ToArray());

    /// <summary>The spans of the terms that match a clause, in text order, from terms as an index keeps
    /// them: one string, the terms separated by a space, and each term's span. The terms are compared
    /// where they stand in that string, not cut out of it (a page of 20 documents' terms made some
    /// 5,000 strings).</summary>
    public IReadOnlyList<TextSpan> Matches(string terms, IReadOnlyList<TextSpan> spans)
    {
        var words = new Range[spans.Count];
        var count = terms.AsSpan().Split(words, ' ', StringSplitOptions.RemoveEmptyEntries);
        var matches = new List<TextSpan>();
        for (var i = 0; i < count; i++)
        {
            foreach (var clause in Clauses)
            {
                if (!clause.MatchesAt(terms, words.AsSpan(0, count), i)) continue;
                var last = spans[i + clause.Terms.Length - 1];
                matches.Add(new TextSpan(spans[i].Start, last.End - spans[i].Start));
                break;
            }
        }
        return matches;
    }
}
