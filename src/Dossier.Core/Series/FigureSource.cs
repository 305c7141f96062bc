using System.Buffers;
using Dossier.Core.Model;
using Dossier.Core.Recognize.Quantities;

namespace Dossier.Core.Series;

/// <summary>Who a figure is attributed to: the words after an attribution phrase of its language
/// ("selon", "according to") in the figure's stretch of its sentence, which ends at the figures next to
/// it. The phrase after the figure comes first ("30.000 personnes selon la police et 150.000 personnes,
/// selon la France Insoumise" gives "la police", then "la France Insoumise"), else the one before it
/// ("Selon la police, 2.000 personnes"). The source ends at a clause mark or an attribution-end word.</summary>
public static class FigureSource
{
    private static readonly SearchValues<char> ClauseMarks = SearchValues.Create(",;:()[]«»\"");

    /// <summary>The figure's source as written, or null when its sentence attributes it to no one.</summary>
    public static string? Of(AnalysedDocument document, QuantityLexicon lexicon, Quantity quantity)
    {
        if (lexicon.Attributions.Count == 0) return null;
        var sentence = document.SentenceAt(quantity.Span.Start).Span;
        var (previous, next) = (sentence.Start, Math.Max(sentence.End, quantity.Span.End));
        foreach (var other in document.Quantities)
        {
            if (other.Span.End <= quantity.Span.Start && other.Span.End > previous) previous = other.Span.End;
            else if (other.Span.Start >= quantity.Span.End && other.Span.Start < next) next = other.Span.Start;
        }
        var text = document.Text;
        var after = Find(text, lexicon, quantity.Span.End, next, last: false);
        if (after >= 0) return SourceAt(text, lexicon, after, next);
        var before = Find(text, lexicon, previous, quantity.Span.Start, last: true);
        return before >= 0 ? SourceAt(text, lexicon, before, quantity.Span.Start) : null;
    }

    /// <summary>Where the source begins after the first (or last) attribution phrase standing as whole
    /// words between from and to; -1 when there is none.</summary>
    private static int Find(string text, QuantityLexicon lexicon, int from, int to, bool last)
    {
        var found = -1;
        foreach (var phrase in lexicon.Attributions)
        {
            for (var at = text.IndexOf(phrase, from, to - from, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = at + 1 < to ? text.IndexOf(phrase, at + 1, to - at - 1, StringComparison.OrdinalIgnoreCase) : -1)
            {
                var end = at + phrase.Length;
                if ((at > 0 && char.IsLetter(text[at - 1])) || (end < text.Length && char.IsLetter(text[end]))) continue;
                if (found < 0 || (last ? end > found : end < found)) found = end;
            }
        }
        return found;
    }

    private static string? SourceAt(string text, QuantityLexicon lexicon, int start, int end)
    {
        var stretch = text.AsSpan(start, end - start);
        var mark = stretch.IndexOfAny(ClauseMarks);
        if (mark >= 0) stretch = stretch[..mark];
        var words = new List<string>();
        foreach (var word in stretch.ToString().Split([' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (lexicon.AttributionEnds.Contains(word)) break;
            words.Add(word);
        }
        var source = string.Join(' ', words).TrimEnd('.', '!', '?');
        return source.Length == 0 ? null : source;
    }
}
