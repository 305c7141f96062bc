using Dossier.Core.Describe;
using Dossier.Core.Model;

namespace Dossier.Core.Clean;

/// <summary>Reader comment threads under an article, found by their rhythm: every comment carries
/// a stamp, a short line giving the day and the time it was posted, often beside the commenter's
/// name ("Comment by Mirko Lange — 17.07, 2011 @ 13:04", "10. Februar 2019 um 18:05 Uhr",
/// "19. Juni 2019 / 6:16"), and the stamps come back every few lines. The words around them
/// ("says", "Antworten", "Reply") differ by language and by blog theme; the rhythm does not.</summary>
public static class CommentThreads
{
    /// <summary>Stamps that make a thread: two may be an article's own date and its update.</summary>
    private const int MinStamps = 3;

    /// <summary>Most non-blank lines between two stamps of one thread: a comment of a few paragraphs,
    /// its commenter's name and a reply link.</summary>
    private const int MaxLinesBetweenStamps = 12;

    /// <summary>A stamp is short: a name, a date and a time, little more.</summary>
    private const int MaxStampLength = 80;

    /// <summary>The most words of a commenter's name line over a stamp ("Jasmin sagt:", "Martina Berg").</summary>
    private const int MaxNameWords = 4;

    /// <summary>Marks as boilerplate the comment threads that come after
    /// <paramref name="paragraphsBefore"/> paragraphs of text or more (the article comes first):
    /// their stamps and, around each stamp, the comment it heads or closes.</summary>
    public static void Mark(string[] texts, LineKind[] kinds, string[] reasons, DateTextParser dates, int paragraphsBefore)
    {
        var stamps = new List<int>();
        var paragraphs = 0;
        for (var i = 0; i < texts.Length; i++)
        {
            if (kinds[i] == LineKind.Blank) continue;
            if (paragraphs >= paragraphsBefore && IsStamp(texts, kinds, i, dates)) stamps.Add(i);
            else if (HeadlineFinder.IsParagraph(texts, kinds, i)) paragraphs++;
        }
        foreach (var (start, end) in MarkerRuns.Find(kinds, stamps, MinStamps, MaxLinesBetweenStamps, (_, _) => true))
        {
            var reason = $"comment thread (lines {start + 1}-{end + 1})";
            for (var i = start; i <= end; i++)
            {
                if (kinds[i] == LineKind.Blank) continue;
                kinds[i] = LineKind.Boilerplate;
                reasons[i] = reason;
            }
        }
    }

    /// <summary>A short line holding a date with its time of day and the commenter's name, before
    /// the date or on the line above ("Comment by Mirko Lange — 17.07, 2011 @ 13:04"; "Jasmin sagt:"
    /// over "10. Februar 2019 um 18:05 Uhr"). Other articles' teasers, a headline over its date and
    /// time, are no comments; a live blog's entries, opening with their time ("12h11 : …"), are the article.</summary>
    private static bool IsStamp(string[] texts, LineKind[] kinds, int i, DateTextParser dates)
    {
        var line = texts[i];
        if (line.Length > MaxStampLength || dates.LeadingClock(line) is not null) return false;
        if (dates.FindAll(line).FirstOrDefault(d => d.Hour is not null) is not { } date) return false;
        if (LineClassifier.CountWords(line[..date.Start]) >= 2) return true;
        var above = i - 1;
        while (above >= 0 && kinds[above] == LineKind.Blank) above--;
        return above >= 0 && LineClassifier.CountWords(texts[above]) <= MaxNameWords;
    }
}
