using Dossier.Core.Describe;
using Dossier.Core.Model;

namespace Dossier.Core.Recognize.Time;

/// <summary>The entries of a live blog and the day each is of. An entry opens with its stamp: a
/// sentence of the text beginning with a time ("12h11 : …"), or a short line giving a time, with its
/// date or not ("16/11/2015 12:11", "Mis à jour le 16 novembre à 12h11", "Updated 12:11 GMT",
/// "21:22Frances Watkins"), over the entry's text. A day heading ("Lundi 16 novembre") gives its day
/// to the stamps under it until the next one. A time or a weekday inside an entry is of the entry's
/// day, not of the article's nor of the day the previous entry went on to.</summary>
public static class LiveBlogEntries
{
    /// <summary>Fewer stamps than this are an article's own times ("18h05 : le vote"), not a blog.</summary>
    private const int MinEntries = 3;

    /// <summary>A stamp or day heading line: a date or a time with a label's worth of letters beside it
    /// at most ("Mis à jour le 16 novembre à 12h11", "Mardi 12 juillet 2016", "Frances Watkins").</summary>
    private const int MaxLettersBesideStamp = 20;

    /// <summary>A longer line is text, not a stamp: the date parser is not run on it.</summary>
    private const int MaxStampLength = 80;

    /// <summary>The day of each entry, by the index of the sentence that opens it; null when the blog
    /// does not tell it (a bare time under no day heading, in a blog of more than one day). Empty for
    /// an article that is no live blog.</summary>
    public static Dictionary<int, DateOnly?> Find(AnalysedDocument document, DateTextParser dates, ArticleDate article)
    {
        var stamps = new List<(int Sentence, DateOnly? Day, int Minutes)>();
        var sentences = document.Sentences;
        var namesDays = false;
        DateOnly? day = null;
        for (var s = 0; s < sentences.Length; s++)
        {
            var line = document.LineAt(sentences[s].Span.Start);
            if (line.Kind is not (LineKind.Content or LineKind.Metadata)) continue;
            var opensLine = s == 0 || sentences[s - 1].Span.Start < line.Span.Start;
            if (opensLine && StampLine(document.LineText(line), dates) is { } stamp)
            {
                if (stamp.Date is { } date)
                {
                    day = DayOf(date, article);
                    namesDays = true;
                }
                if (stamp.Clock is { } clock && OverText(document, line)) stamps.Add((s, day, clock.Minutes));
                continue;
            }
            // The rest of the line, not the sentence alone: "07:15 p. m." is one time, not "07:15 p." and "m.".
            var start = sentences[s].Span.Start;
            if (line.Kind == LineKind.Content && char.IsAsciiDigit(document.Text[start])
                && dates.LeadingClock(document.Text.Substring(start, line.Span.End - start)) is { } opening)
                stamps.Add((s, day, opening.Minutes));
        }
        var entries = new Dictionary<int, DateOnly?>();
        // A blog's dated stamps run one way; teasers of other articles between paragraphs, each over
        // its own date, do not (elnuevoherald.com: 2 February 2022, 10 February 2021, 15 April 2022).
        var dated = stamps.Where(t => t.Day is not null).ToList();
        // An "updated" stamp over the blog is its latest, whichever way the entries under it run.
        if (dated.Count > 1 && dated.Skip(1).All(t => Compare(dated[0], t) >= 0)) dated.RemoveAt(0);
        if (stamps.Count < MinEntries || namesDays && !IsOrdered(dated, latestFirst: true) && !IsOrdered(dated, latestFirst: false)) return entries;
        // A blog of one day names none: its bare times are of the article's day, when they run one way
        // (from the latest first, or from the earliest); past midnight they would turn back.
        var oneDay = !namesDays && (IsOrdered(stamps, latestFirst: true) || IsOrdered(stamps, latestFirst: false));
        foreach (var (sentence, stampDay, _) in stamps)
            entries[sentence] = namesDays ? stampDay : oneDay ? article.Date : null;
        return entries;
    }

    /// <summary>The date and time of a stamp or day heading line, else null: a line that is no
    /// sentence (no final stop), holding a date or a time with few letters beside it.</summary>
    private static (DateInText? Date, ClockInText? Clock)? StampLine(string text, DateTextParser dates)
    {
        text = text.Trim();
        if (text.Length is 0 or > MaxStampLength) return null;
        if (dates.FindFirst(text) is { } date)
            return date.LettersBeside(text) <= MaxLettersBesideStamp && !EndsSentence(text, date.Start + date.Length)
                ? (date, date.Hour is { } hour ? new ClockInText(date.Start, date.Length, hour, date.Minute ?? 0) : null) : null;
        return dates.FindClock(text) is { } clock && clock.LettersBeside(text) <= MaxLettersBesideStamp && !EndsSentence(text, clock.Start + clock.Length) ? (null, clock) : null;
    }

    /// <summary>Whether a final stop after the date or time ends a sentence; the stop of "12:00 A. M." is the time's.</summary>
    private static bool EndsSentence(string text, int end) => end < text.Length && ".!?…".Contains(text[^1], StringComparison.Ordinal);

    /// <summary>Whether the entry's text follows a stamp line: the next line that is not blank is the
    /// article's (its text, or the entry's title, which may read as a sub-heading), not page furniture.</summary>
    private static bool OverText(AnalysedDocument document, Line line)
    {
        var lines = document.Lines;
        for (var i = line.Number; i < lines.Count; i++)
            if (lines[i].Kind != LineKind.Blank) return lines[i].Kind is LineKind.Content or LineKind.Metadata;
        return false;
    }

    /// <summary>A heading's or stamp's day: its year as written, else the latest such day not after the
    /// article's (blogs run back from their last update), else the article's year; null when unknown.</summary>
    private static DateOnly? DayOf(DateInText date, ArticleDate article)
    {
        if (date.Year is { } written) return Valid(written, date);
        if (article.Date is { } published)
        {
            for (var year = published.Year; year >= published.Year - 1; year--)
                if (Valid(year, date) is { } candidate && candidate <= published) return candidate;
            return null;
        }
        return article.Year is { } y ? Valid(y, date) : null;
    }

    private static DateOnly? Valid(int year, DateInText date) =>
        date.Day <= DateTime.DaysInMonth(year, date.Month) ? new DateOnly(year, date.Month, date.Day) : null;

    /// <summary>Whether the stamps run one way, by day (when they have one) then time.</summary>
    private static bool IsOrdered(List<(int Sentence, DateOnly? Day, int Minutes)> stamps, bool latestFirst)
    {
        for (var i = 1; i < stamps.Count; i++)
        {
            var order = Compare(stamps[i], stamps[i - 1]);
            if (latestFirst ? order > 0 : order < 0) return false;
        }
        return true;
    }

    private static int Compare((int Sentence, DateOnly? Day, int Minutes) a, (int Sentence, DateOnly? Day, int Minutes) b) =>
        (a.Day ?? default).CompareTo(b.Day ?? default) is var byDay and not 0 ? byDay : a.Minutes.CompareTo(b.Minutes);
}
