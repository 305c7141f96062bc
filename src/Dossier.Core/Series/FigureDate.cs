using Dossier.Core.Events;
using Dossier.Core.Model;
using Dossier.Core.Recognize.Events;

namespace Dossier.Core.Series;

/// <summary>The time a figure is given for, the date of its point in a series: the date expression of its
/// sentence nearest to it, else the article's day. A date before the figure counts unless a clause opens
/// between them ("rouvrir le 4 juillet …, la maladie qui a fait plus de 43.000 morts"); a date after it only
/// within its clause, with no other figure between but those joined to it ("une croissance de 1,7% enregistrée
/// en 2018", "plus de 4.430 morts et plus de 269.350 nouveaux cas sur la journée de lundi"). A date a
/// count runs since ("au moins 461.230 morts depuis que la Chine a fait état … fin décembre"), a term of
/// comparison ("9 % par rapport à 2014") and a date whose year is unknown are not the figure's. So an article
/// of March 2019 that recalls 2014's growth does not make it a figure of March 2019, and two articles that
/// give one Saturday's toll are compared as of that Saturday.</summary>
public static class FigureDate
{
    public static string? Of(AnalysedDocument document, Quantity quantity, string? articleDay)
    {
        if (EventLexicon.For(document.Language) is not { } lexicon) return articleDay;
        var sentence = document.SentenceAt(quantity.Span.Start);
        var words = EventRecognizer.SentenceWords(document, sentence);
        var (figureFirst, figureLast) = EventRecognizer.WordsOf(document, sentence, quantity.Span);
        if (figureFirst < 0) return articleDay;
        string? nearest = null;
        var distance = int.MaxValue;
        foreach (var timex in document.Timexes)
        {
            if (timex.Span.Start < sentence.Span.Start) continue;
            if (timex.Span.Start >= sentence.Span.End) break;
            if (timex.Type is not ("DATE" or "TIME") || timex.Value is not { } value || EventDates.Extent(value) is null) continue;
            var (first, last) = EventRecognizer.WordsOf(document, sentence, timex.Span);
            if (first < 0) continue;
            var gap = last < figureFirst && !Any(words, last + 1, figureFirst, lexicon.ClauseOpeners.Contains) ? figureFirst - last
                : first > figureLast && !Any(words, figureLast + 1, first, w => IsClauseMark(w) || lexicon.ClauseOpeners.Contains(w))
                    && !MeasuredThing.FigureBetween(document, MeasuredThing.EndOfCoordinated(document, quantity), timex.Span.Start) ? first - figureLast
                : int.MaxValue;
            if (gap < distance && !RunsSince(lexicon, words, first) && !(first > 0 && lexicon.EndsComparison(words, first - 1)))
                (nearest, distance) = (EventDates.DateOnlyPart(value), gap);
        }
        return nearest ?? articleDay;
    }

    /// <summary>The order of points in time: by the first day a date may mean ("2018-W48" before
    /// "2018-12-01"), then as written; an undated point last.</summary>
    public static string OrderKey(string? date) =>
        date is null ? "~" : EventDates.Extent(date) is { } extent ? $"{extent.First:yyyy-MM-dd} {date}" : date;

    private static bool Any(string[] words, int from, int to, Func<string, bool> test)
    {
        for (var i = from; i < to; i++)
            if (test(words[i])) return true;
        return false;
    }

    private static bool IsClauseMark(string word) => word is "," or ";" or ":" or "(" or ")";

    /// <summary>True when a word of the language's "since" stands in the date's clause before it, or opens it:
    /// the date starts what the count runs over ("depuis le 1er mars", "depuis que … fin décembre").</summary>
    private static bool RunsSince(EventLexicon lexicon, string[] words, int first)
    {
        for (var i = first; i >= 0 && !IsClauseMark(words[i]); i--)
            if (lexicon.Since.Contains(words[i])) return true;
        return false;
    }
}
