using Dossier.Core.Describe;
using Dossier.Core.Model;

namespace Dossier.Core.Recognize.Time;

/// <summary>The entries of a live blog: lines that open with a time stamp ("12h11 : …"), each of
/// the day the blog is at (the last date line above it, else the article's day). A time or a
/// weekday inside an entry is of the entry's day, not of the day the previous entry went on to.</summary>
public static class LiveBlogEntries
{
    /// <summary>Fewer stamped lines than this are an article's own times ("18h05 : le vote"), not a blog.</summary>
    private const int MinEntries = 3;

    /// <summary>A date line: a date with a weekday's worth of letters beside it at most ("Mardi 12 juillet 2016").</summary>
    private const int MaxLettersBesideDayDate = 12;

    /// <summary>The day of each entry, by the 0-based index of the line that opens it.</summary>
    public static Dictionary<int, DateOnly> Find(AnalysedDocument document, DateTextParser dates, ArticleDate article)
    {
        var entries = new Dictionary<int, DateOnly>();
        var lines = document.Lines;
        var stamped = 0;
        foreach (var line in lines)
            if (line.Kind == LineKind.Content && dates.LeadingClockLength(document.LineText(line)) > 0) stamped++;
        if (stamped < MinEntries) return entries;
        var day = article.Date;
        for (var i = 0; i < lines.Count; i++)
        {
            var text = document.LineText(lines[i]);
            if (lines[i].Kind == LineKind.Content && dates.LeadingClockLength(text) > 0)
            {
                if (day is { } d) entries[i] = d;
                continue;
            }
            if (lines[i].Kind is LineKind.Content or LineKind.Blank) continue;
            if (dates.FindFirst(text) is { } date && date.LettersBeside(text) <= MaxLettersBesideDayDate && (date.Year ?? article.Year) is { } year
                && date.Day <= DateTime.DaysInMonth(year, date.Month))
                day = new DateOnly(year, date.Month, date.Day);
        }
        return entries;
    }
}
