using Dossier.Languages;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Dossier.Core.Recognize.Time;

/// <summary>Which way an expression points from the article's date.</summary>
public enum TimeDirection { Unknown, Past, Future }

/// <summary>The project's anchoring rules: turns what the recogniser found (often a year-less
/// "XXXX-WXX-1" or "XXXX-12") into a TIMEX3 value against the article's date, and keeps the value
/// underspecified when that date does not support it. One instance per document: it remembers the
/// story's current day (the last full day mentioned), which "plus tôt dans la journée",
/// "21 h 45" or "deux jours après" refer to.</summary>
public sealed partial class TimexAnchoring
{
    private readonly TimeLexicon _lexicon;
    private readonly ArticleDate _article;

    public TimexAnchoring(TimeLexicon lexicon, ArticleDate article)
    {
        _lexicon = lexicon;
        _article = article;
        StoryDay = article.Date;
        _referenceDay = article.Date;
    }

    /// <summary>The day the story is at: the last full day mentioned, at first the article's own.</summary>
    public DateOnly? StoryDay { get; private set; }

    /// <summary>The day weekdays, shifts ("hier") and relative values count from: the article's, or
    /// inside a live blog's entry the entry's (<see cref="StartEntry"/>), null when unknown.</summary>
    private DateOnly? _referenceDay;

    /// <summary>A live blog's entry begins: its times and weekdays are of <paramref name="day"/>;
    /// null when the blog does not tell the entry's day, which then anchors none of them.</summary>
    public void StartEntry(DateOnly? day)
    {
        _referenceDay = day;
        StoryDay = day;
    }

    /// <summary>The last quarter mentioned ("the third quarter" → 1989, 3), if any.</summary>
    public (int Year, int Quarter)? StoryQuarter { get; private set; }

    /// <summary>The TIMEX3 value of a recognised expression, or null when it is not one after all.</summary>
    /// <param name="text">The expression's text.</param>
    /// <param name="timex">The recogniser's TIMEX (or an explicit date's) for it.</param>
    /// <param name="direction">Past or future, from the words around it.</param>
    /// <param name="explicitDirection">True when a word of the expression itself says it ("juin prochain").</param>
    /// <param name="daysFromEaster">For a movable feast ("Pâques", "la Pentecôte"), its days from Easter.</param>
    public string? Anchor(string text, string timex, TimeDirection direction, bool explicitDirection = false, int? daysFromEaster = null)
    {
        // A written date ("le 30 août") takes its nearest year unless a word fixes the direction or the verb is
        // in the future: a past-tense verb nearby often belongs to another clause. Weekdays follow the tense.
        var dateDirection = explicitDirection || direction == TimeDirection.Future ? direction : TimeDirection.Unknown;
        string? value;
        var yearless = timex.StartsWith("XXXX-", StringComparison.Ordinal);
        if (HoldsAny(text, _lexicon.SameYear) && (StoryYear is not null || yearless))
            // "le 3 mars de cette année-là" is 3 March of the story's year, and of no year the text tells when none came before.
            value = StoryYear is { } year ? year.ToString("D4", CultureInfo.InvariantCulture) + (yearless ? timex[4..] : "") : timex;
        else if (timex.StartsWith('T'))
            value = DayOf(SameDayOrStory(text, timex.Any(char.IsAsciiDigit) ? TimeDirection.Unknown : direction)) + timex;
        else if (timex.StartsWith("XXXX", StringComparison.Ordinal))
            value = daysFromEaster is { } days
                ? AnchorDay(timex, y => Holiday.Easter(y).AddDays(days), "", direction, dateDirection)
                : AnchorYearless(text, timex, direction, dateDirection, explicitDirection);
        else if (timex.Length >= 4 && char.IsAsciiDigit(timex[0]) && IsRelative(text, timex))
            value = AnchorRelative(text, timex, direction, explicitDirection);
        else
            value = timex;
        // A day that does not exist ("30 février 2019") is kept as written but anchors nothing.
        if (value is not null && value.Length >= 10 && FullDay().Match(value) is { Success: true } day && !value.Contains("XX", StringComparison.Ordinal)
            && DateOnly.TryParseExact(day.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var storyDay))
            StoryDay = storyDay;
        if (value is not null && YearFirst().Match(value) is { Success: true } written)
            StoryYear = int.Parse(written.ValueSpan, CultureInfo.InvariantCulture);
        return value;
    }

    /// <summary>"l'année suivante", "la semaine précédente": the unit that many <paramref name="steps"/> from
    /// the story's last date, or null when no expression gave one before.</summary>
    public string? FromStory(string text, int steps) => UnitIn(text) switch
    {
        'Y' when StoryYear is { } year => (year + steps).ToString("D4", CultureInfo.InvariantCulture),
        'M' when StoryDay is { } day => day.AddMonths(steps).ToString("yyyy-MM", CultureInfo.InvariantCulture),
        'W' when StoryDay is { } day => day.AddDays(7 * steps).ToDateTime(TimeOnly.MinValue) is var week
            ? string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(week):D4}-W{ISOWeek.GetWeekOfYear(week):D2}") : null,
        _ => null,
    };

    /// <summary>The year of the last expression that gave one ("in 1988", "June 1998", "last year"), if any.</summary>
    private int? StoryYear { get; set; }

    /// <summary>"deux jours après [la reprise]" in a sentence whose subject "survient" then: the
    /// point that many days (weeks, months, years) before the story's day, or after it for "avant".</summary>
    public string? PointFromDuration(string duration, bool after)
    {
        var m = SimpleDuration().Match(duration);
        if (!m.Success || StoryDay is not { } day) return null;
        var n = int.Parse(m.Groups["n"].ValueSpan, CultureInfo.InvariantCulture) * (after ? -1 : 1);
        return m.Groups["unit"].Value switch
        {
            "D" => Day(day.AddDays(n)),
            "W" => Day(day.AddDays(7 * n)),
            "M" => day.AddMonths(n).ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => day.AddYears(n).ToString("yyyy", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The recogniser resolved this against "now": the year it gives is not written in the
    /// text ("hier" → 2016-07-10, "la semaine dernière" → 2016-W27).</summary>
    private static bool IsRelative(string text, string timex)
    {
        var year = timex.AsSpan(0, 4);
        if (text.AsSpan().Contains(year, StringComparison.Ordinal)) return false;
        // A two-digit year: "octobre 98", "19-Nov-12", "27.03.15".
        var shortYear = year[2..];
        for (var at = text.AsSpan().IndexOf(shortYear); at >= 0; )
        {
            var end = at + 2;
            if ((at == 0 || !char.IsAsciiDigit(text[at - 1])) && (end == text.Length || !char.IsAsciiDigit(text[end]))) return false;
            var next = text.AsSpan(at + 1).IndexOf(shortYear);
            at = next < 0 ? -1 : at + 1 + next;
        }
        return true;
    }

    private string AnchorRelative(string text, string timex, TimeDirection direction, bool explicitDirection)
    {
        if (_referenceDay is not { } today) return Underspecified(timex, UnitIn(text));
        // "the weekend" told on a weekday, not in the future tense: the one just past.
        if (timex.Length == 11 && timex.EndsWith("-WE", StringComparison.Ordinal) && timex[5] == 'W' && direction != TimeDirection.Future
            && today.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && UnitIn(text) is null or 'W')
        {
            var saturday = today.AddDays(-(((int)today.DayOfWeek + 1) % 7));
            var at = saturday.ToDateTime(TimeOnly.MinValue);
            return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(at):D4}-W{ISOWeek.GetWeekOfYear(at):D2}-WE");
        }
        // "a year earlier", "a year ago" in a story told by quarters ("the third quarter"): the same
        // quarter of that year, as financial news means it.
        if (StoryQuarter is { } quarter && UnitIn(text) == 'Y' && int.TryParse(timex.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year < today.Year
            && timex.Length == 10)
            return string.Create(CultureInfo.InvariantCulture, $"{quarter.Year + year - today.Year:D4}-Q{quarter.Quarter}");
        // "last April", "next June": the most recent such month before the article (this year's
        // when it is past), the next one after it, not always the year before or after; a word
        // around it ("depuis janvier") may fix the direction the recogniser's year does not.
        if (timex.Length == 7 && timex[4] == '-' && char.IsAsciiDigit(timex[5]) && UnitIn(text) is null && NamesMonth(text)
            && int.TryParse(timex.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var monthYear) && monthYear != today.Year)
        {
            var toward = explicitDirection ? direction : monthYear < today.Year ? TimeDirection.Past : TimeDirection.Future;
            return AnchorYearless(text, "XXXX" + timex[4..], toward, toward, true) ?? timex;
        }
        var day = FullDay().Match(timex);
        if (!day.Success || !DateOnly.TryParseExact(day.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return timex;
        // "hier soir", "hier matin": the recogniser keeps the reference day; the text moves it.
        var shift = ShiftIn(text);
        if (shift != 0 && date == today) date = today.AddDays(shift);
        if (shift == 0 && HoldsAny(text, _lexicon.SameDay) && StoryDayFor(direction) is { } story) date = story;
        if (timex.Length == 10 && UnitIn(text) is { } unit and not 'D')
            return unit switch
            {
                'Y' => date.ToString("yyyy", CultureInfo.InvariantCulture),
                'M' => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                _ => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)):D2}"),
            };
        return Day(date) + timex[10..];
    }

    private bool NamesMonth(string text)
    {
        foreach (var month in _lexicon.Months.Keys)
            if (TextSearch.ContainsWord(text, month)) return true;
        return false;
    }

    /// <summary>A fiscal year's value as a year: the written one, else ("the fiscal year") the article's.</summary>
    public string FiscalYear(string year) =>
        year == "XXXX" && _article.Year is { } y ? y.ToString("D4", CultureInfo.InvariantCulture) : year;

    /// <summary>"two years ago", "a year earlier", "this year": the unit the text counts in.</summary>
    public char? UnitIn(string text)
    {
        foreach (var (word, unit) in _lexicon.Units)
            if (TextSearch.ContainsWord(text, word)) return unit;
        return null;
    }

    /// <summary>"the summer" (SU): the latest such season begun by the article's date, or in the future
    /// tense the one under way or next to come; unknown year without a date.</summary>
    public string AnchorSeason(string season, TimeDirection direction)
    {
        if (_article.Year is not { } year || _article.Month is not { } month) return "XXXX-" + season;
        var start = season switch { "SP" => 3, "SU" => 6, "FA" => 9, _ => 12 };
        var anchored = direction == TimeDirection.Future
            ? month >= start + 3 ? year + 1 : year // a season lasts three months
            : month >= start ? year : year - 1;
        return string.Create(CultureInfo.InvariantCulture, $"{anchored:D4}-{season}");
    }

    /// <summary>"the nineties", "the '80s" (XX9, XX8): the latest such decade begun by the article's
    /// year; any other value as it is.</summary>
    public string AnchorDecade(string timex)
    {
        if (timex.Length != 3 || !timex.StartsWith("XX", StringComparison.Ordinal) || !char.IsAsciiDigit(timex[2]) || _article.Year is not { } year) return timex;
        var century = year / 100;
        if (century * 100 + (timex[2] - '0') * 10 > year) century--;
        return string.Create(CultureInfo.InvariantCulture, $"{century:D2}{timex[2]}");
    }

    /// <summary>"the third quarter" (XXXX-Q3): the year that puts it at or before the article's quarter.</summary>
    public string AnchorQuarter(string value)
    {
        if (_article.Year is not { } year || value.Length != 7 || !value.StartsWith("XXXX-Q", StringComparison.Ordinal)) return value;
        var quarter = value[6] - '0';
        var reference = year * 4 + ((_article.Month ?? 1) - 1) / 3;
        // News reports quarters once they have begun: the latest such quarter not after the article's.
        var best = year * 4 + quarter - 1 <= reference ? year : year - 1;
        var anchored = string.Create(CultureInfo.InvariantCulture, $"{best:D4}-Q{quarter}");
        NoteQuarter(anchored);
        return anchored;
    }

    /// <summary>"the quarter": the story's quarter, else (and for "the latest quarter") the last one
    /// ended before the article; unknown without a date.</summary>
    /// <param name="latest">True for the last quarter ended, even when the story has one.</param>
    /// <param name="yearsBack">"the year-ago quarter": that quarter so many years before.</param>
    public string? QuarterValue(bool latest, int yearsBack = 0)
    {
        if (!latest && StoryQuarter is { } q) return string.Create(CultureInfo.InvariantCulture, $"{q.Year - yearsBack:D4}-Q{q.Quarter}");
        if (_article.Year is not { } year || _article.Month is not { } month) return "XXXX-QX";
        var previous = year * 4 + (month - 1) / 3 - 1 - 4 * yearsBack;
        return string.Create(CultureInfo.InvariantCulture, $"{previous / 4:D4}-Q{previous % 4 + 1}");
    }

    private void NoteQuarter(string? value)
    {
        if (value is { Length: 7 } && value[4] == '-' && value[5] == 'Q' && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            StoryQuarter = (year, value[6] - '0');
    }

    /// <summary>A relative value with no article date to count from: only its granularity is known,
    /// the unit the text counts in when it names one ("il y a deux ans" → XXXX).</summary>
    private static string Underspecified(string timex, char? unit)
    {
        if (WeekValue().IsMatch(timex)) return "XXXX-WXX" + WeekValue().Match(timex).Groups["rest"].Value;
        if (timex.Length == 10 && unit is 'Y' or 'M' or 'W') return unit switch { 'Y' => "XXXX", 'M' => "XXXX-XX", _ => "XXXX-WXX" };
        var t = timex.IndexOf('T', StringComparison.Ordinal);
        var date = t < 0 ? timex : timex[..t];
        var time = t < 0 ? "" : timex[t..];
        var masked = date.Length switch { 4 => "XXXX", 7 => "XXXX-XX", 10 => "XXXX-XX-XX", _ => "XXXX" };
        return masked + time;
    }

    private string? AnchorYearless(string text, string timex, TimeDirection direction, TimeDirection dateDirection, bool explicitDirection)
    {
        Match m;
        if ((m = MonthDay().Match(timex)).Success)
        {
            var month = Int(m.Groups["m"]);
            var day = Int(m.Groups["d"]);
            if (!IsMonth(month) || day < 1) return timex;
            return AnchorDay(timex, y => day <= DateTime.DaysInMonth(y, month) ? new DateOnly(y, month, day) : null, m.Groups["rest"].Value, direction, dateDirection);
        }
        // "Thanksgiving Day" (XXXX-11-WXX-4-4): the fourth Thursday of November.
        if ((m = NthWeekday().Match(timex)).Success)
        {
            var month = Int(m.Groups["m"]);
            var weekday = (DayOfWeek)(Int(m.Groups["w"]) % 7);
            var nth = Int(m.Groups["n"]);
            if (!IsMonth(month)) return timex;
            return AnchorDay(timex, y =>
            {
                var first = new DateOnly(y, month, 1);
                var date = first.AddDays(((int)weekday - (int)first.DayOfWeek + 7) % 7 + 7 * (nth - 1));
                return date.Month == month ? date : null;
            }, "", direction, dateDirection);
        }
        if ((m = MonthOnly().Match(timex)).Success)
        {
            if (_article.Year is not { } year) return timex;
            var month = Int(m.Groups["m"]);
            if (!IsMonth(month)) return timex;
            var reference = year * 12 + (_article.Month ?? month) - 1;
            int? best = null;
            for (var y = year - 1; y <= year + 1; y++)
            {
                var candidate = y * 12 + month - 1;
                if (Better(candidate, best, reference, MonthDirection(direction, dateDirection), TenseOnly(direction, dateDirection) ? 3 : 0)) best = candidate;
            }
            return $"{best!.Value / 12:D4}-{best.Value % 12 + 1:D2}";
        }
        if ((m = Weekday().Match(timex)).Success)
        {
            if (_referenceDay is not { } today) return timex;
            var weekday = Int(m.Groups["w"]) % 7; // ISO 7 (Sunday) is DayOfWeek 0
            if (NumberedWeekday(text, weekday, today) is { } numbered) return Day(numbered) + m.Groups["rest"].Value;
            var back = ((int)today.DayOfWeek - weekday + 7) % 7;
            var ahead = (weekday - (int)today.DayOfWeek + 7) % 7;
            // "mercredi dernier" written on a Wednesday is a week ago; plain "mercredi" is that day, whatever the tense.
            if (explicitDirection && back == 0) back = 7;
            if (explicitDirection && ahead == 0) ahead = 7;
            var date = direction == TimeDirection.Future ? today.AddDays(ahead) : today.AddDays(-back);
            return Day(date) + m.Groups["rest"].Value;
        }
        if ((m = DayOnly().Match(timex)).Success)
        {
            if (_referenceDay is not { } today) return timex;
            var day = Int(m.Groups["d"]);
            var month = new DateOnly(today.Year, today.Month, 1);
            if (direction == TimeDirection.Future ? day < today.Day : day > today.Day) month = month.AddMonths(direction == TimeDirection.Future ? 1 : -1);
            if (day > DateTime.DaysInMonth(month.Year, month.Month)) return timex;
            return Day(new DateOnly(month.Year, month.Month, day)) + m.Groups["rest"].Value;
        }
        return timex;
    }

    /// <summary>Figures read as a month ("00", "13") are left as they were written, not a date.</summary>
    private static bool IsMonth(int month) => month is >= 1 and <= 12;

    /// <summary>A day without its year (<paramref name="dayIn"/> gives it in a year, if it has one) in the
    /// year the direction and the article's date give; <paramref name="timex"/> without a date.</summary>
    private string AnchorDay(string timex, Func<int, DateOnly?> dayIn, string rest, TimeDirection direction, TimeDirection dateDirection)
    {
        if (_article.Year is not { } year) return timex;
        var reference = _referenceDay ?? _article.Date ?? new DateOnly(year, _article.Month ?? 7, 1);
        DateOnly? best = null;
        for (var y = year - 1; y <= year + 1; y++)
            if (dayIn(y) is { } candidate && Better(candidate.DayNumber, best?.DayNumber, reference.DayNumber, MonthDirection(direction, dateDirection), TenseOnly(direction, dateDirection) ? 100 : 7))
                best = candidate;
        return best is { } b ? Day(b) + rest : timex;
    }

    /// <summary>The direction a date without its year follows: the one its words give, else the past
    /// of a past-tense verb where the language's news reads dates so (<see cref="TimeLexicon.PastTenseDates"/>).</summary>
    /// The tense alone is read loosely: a date up to three months ahead still counts ("said ... Nov. 13" in late October).
    private TimeDirection MonthDirection(TimeDirection tense, TimeDirection dateDirection) =>
        TenseOnly(tense, dateDirection) ? TimeDirection.Past : dateDirection;

    private bool TenseOnly(TimeDirection tense, TimeDirection dateDirection) =>
        dateDirection == TimeDirection.Unknown && tense == TimeDirection.Past && _lexicon.PastTenseDates;

    /// <summary>Whether <paramref name="candidate"/> beats <paramref name="best"/>: in the past or the
    /// future of the reference when the direction says so (with some slack, as tense is read
    /// loosely), else the nearest to it.</summary>
    private static bool Better(int candidate, int? best, int reference, TimeDirection direction, int slack)
    {
        var fits = direction switch
        {
            TimeDirection.Past => candidate <= reference + slack,
            TimeDirection.Future => candidate >= reference - slack,
            _ => true,
        };
        if (!fits) return false;
        if (best is not { } b) return true;
        var bestFits = direction switch
        {
            TimeDirection.Past => b <= reference + slack,
            TimeDirection.Future => b >= reference - slack,
            _ => true,
        };
        return !bestFits || Math.Abs(candidate - reference) < Math.Abs(b - reference);
    }

    private DateOnly? SameDayOrStory(string text, TimeDirection direction) =>
        ShiftIn(text) is var shift && shift != 0 && _referenceDay is { } today ? today.AddDays(shift) : StoryDayFor(direction);

    /// <summary>The story's day for "dans la matinée", "plus tôt dans la journée": in the past tense not a day
    /// still ahead of the reference ("la réunion est prévue jeudi … 200 personnes ont manifesté dans la matinée"
    /// on Wednesday is Wednesday morning), which then is the reference day. A clock time keeps the story's day
    /// whatever the tense ("dimanche 29 août un rallye : départ à 9 h"): the caller passes no direction for it.</summary>
    private DateOnly? StoryDayFor(TimeDirection direction) =>
        direction == TimeDirection.Past && StoryDay > _referenceDay ? _referenceDay : StoryDay;

    private int ShiftIn(string text)
    {
        foreach (var (word, days) in _lexicon.Shifts)
            if (TextSearch.ContainsWord(text, word)) return days;
        return 0;
    }

    /// <summary>Whether the text holds one of the phrases, as words (the same-day or same-year phrases of the lexicon).</summary>
    private static bool HoldsAny(string text, IReadOnlyList<string> phrases)
    {
        foreach (var phrase in phrases)
            if (TextSearch.ContainsWord(text, phrase)) return true;
        return false;
    }

    private static string DayOf(DateOnly? day) => day is { } d ? Day(d) : "XXXX-XX-XX";

    /// <summary>"lundi 21" without its month: the Monday that is a 21st nearest the reference day, a month
    /// either way; null when the text has no day number, or no such day is that near.</summary>
    private DateOnly? NumberedWeekday(string text, int weekday, DateOnly today)
    {
        var written = text.Trim();
        var m = _lexicon.WeekdayAndDay.Match(written);
        if (!m.Success || m.Index != 0 || m.Length < written.Length && char.IsLetterOrDigit(written[m.Length])
            || !_lexicon.Weekdays.ContainsKey(m.Groups["w"].Value)) return null;
        var day = Int(m.Groups["d"]);
        var first = new DateOnly(today.Year, today.Month, 1);
        DateOnly? best = null;
        for (var months = -1; months <= 1; months++)
        {
            var month = first.AddMonths(months);
            if (day < 1 || day > DateTime.DaysInMonth(month.Year, month.Month)) continue;
            var date = new DateOnly(month.Year, month.Month, day);
            if ((int)date.DayOfWeek == weekday && (best is null || Math.Abs(date.DayNumber - today.DayNumber) < Math.Abs(best.Value.DayNumber - today.DayNumber)))
                best = date;
        }
        return best;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int Int(Group group) => int.Parse(group.ValueSpan, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex FullDay();

    /// <summary>The year a value begins with ("1998", "1998-06", "1998-W33"), not a decade ("199") nor a century.</summary>
    [GeneratedRegex(@"^\d{4}(?!\d)", RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"^\d{4}-W\d{2}(?<rest>.*)$", RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex WeekValue();

    [GeneratedRegex(@"^XXXX-(?<m>\d{2})-(?<d>\d{2})(?<rest>T.*)?$", RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"^XXXX-(?<m>\d{2})-WXX-(?<w>[1-7])-(?<n>[1-5])$", RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex NthWeekday();

    [GeneratedRegex(@"^XXXX-(?<m>\d{2})$", RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex MonthOnly();

    [GeneratedRegex(@"^XXXX-WXX-(?<w>[1-7])(?<rest>T.*)?$", RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"^XXXX-XX-(?<d>\d{2})(?<rest>T.*)?$", RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex DayOnly();

    [GeneratedRegex(@"^P(?<n>\d+)(?<unit>[DWMY])$", RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex SimpleDuration();
}
