using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dossier.Languages;

namespace Dossier.Core.Describe;

/// <summary>A calendar date (and maybe a time of day) written in a short text such as a dateline
/// or an "updated" line. Any part the text leaves out is null.</summary>
public sealed record DateInText(int Start, int Length, int? Year, int Month, int Day, int? Hour, int? Minute)
{
    /// <summary>The separator of an all-numeric date ("19/04" → '/'), null for other forms.</summary>
    public char? NumericSeparator { get; init; }

    /// <summary>How many letters of <paramref name="text"/>, the text the date was found in, are not part of it.</summary>
    public int LettersBeside(string text) => DateTextParser.LettersOutside(text, Start, Length);

    /// <summary>How many words of <paramref name="text"/> outside the date start with a lower-case
    /// letter: a sentence's verbs and function words, where names, sections and labels are capitalised.</summary>
    public int LowerCaseWordsBeside(string text)
    {
        var words = 0;
        for (var i = 0; i < text.Length; i++)
            if ((i < Start || i >= Start + Length) && char.IsLower(text[i]) && (i == 0 || !char.IsLetter(text[i - 1]))) words++;
        return words;
    }

    /// <summary>TIMEX3 value, with "XXXX" for an unknown year.</summary>
    public string ToTimex(int? year = null)
    {
        var y = year ?? Year;
        var date = $"{(y is null ? "XXXX" : y.Value.ToString("D4", CultureInfo.InvariantCulture))}-{Month:D2}-{Day:D2}";
        return Hour is null ? date : $"{date}T{Hour:D2}:{Minute ?? 0:D2}";
    }
}

/// <summary>A time of day written in a text ("12h11", "18:56"): where it is, its hour and minute.</summary>
public readonly record struct ClockInText(int Start, int Length, int Hour, int Minute)
{
    /// <summary>Minutes since midnight.</summary>
    public int Minutes => Hour * 60 + Minute;

    /// <summary>How many letters of <paramref name="text"/>, the text the time was found in, are not part of it.</summary>
    public int LettersBeside(string text) => DateTextParser.LettersOutside(text, Start, Length);
}

/// <summary>Finds explicit calendar dates in short texts: numeric ("19/04", "24-10-2019",
/// "27.03.15", "2016-07-11", "2022/04/28", and month first when the day cannot come first:
/// "12/30/2019"), with month names of every known language ("11 juil. 2016", "19-Nov-12",
/// "July 11, 2016", "May 06, 2019", "11 de mayo de 2022"), and a time of day next to them ("18:56", "09h10").
/// Relative expressions ("lundi", "hier") are the temporal stage's work, not this parser's.</summary>
public sealed class DateTextParser
{
    private readonly Regex _date;
    private readonly Regex _time;
    /// <summary>Marks of a 12-hour clock ("p.m.") → the hours they add.</summary>
    private readonly Dictionary<string, int> _meridiems;
    private readonly Dictionary<string, int> _months;
    /// <summary>Month names the data writes with a final period ("juil.", "dic."): after any other
    /// ("18 de mayo.") the period ends the sentence and is no part of the date.</summary>
    private readonly HashSet<string> _abbreviated;

    public static DateTextParser Default { get; } = new(LanguageProfile.Every);

    public DateTextParser(IEnumerable<LanguageProfile> languages)
    {
        var list = languages.ToArray();
        _months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var language in list)
            foreach (var (name, month) in language.Months)
                _months.TryAdd(name.TrimEnd('.'), month);
        _abbreviated = new HashSet<string>(list.SelectMany(l => l.Months.Keys).Where(k => k.EndsWith('.')).Select(k => k.TrimEnd('.')), StringComparer.OrdinalIgnoreCase);
        var names = string.Join("|", _months.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape));
        var ordinals = Alternation(list.SelectMany(l => l.Ordinals));
        // A day's period ("3. Mai") stands only before the month; after it ("March 31.") it ends the sentence.
        var ordinalsAfterMonth = Alternation(list.SelectMany(l => l.Ordinals).Where(o => !o.All(char.IsPunctuation)));
        var hours = Alternation(list.SelectMany(l => l.HourWords));
        // "21 de abril de 2022": a link word may stand before the month and before the year.
        var links = Alternation(list.SelectMany(l => l.DateLinks));
        var link = links.Length > 0 ? $@"(?:(?:{links})\s+)?" : "";
        _meridiems = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var language in list)
            foreach (var (mark, hours12) in language.Meridiems)
                _meridiems.TryAdd(mark, hours12);
        var meridiems = Alternation(_meridiems.Keys);
        var meridiem = meridiems.Length > 0 ? $@"(?:\s?(?<meridiem>(?i:{meridiems}))(?!\p{{L}}))?" : "";
        _time = new Regex($@"(?<![\d:])(?<h>[01]?\d|2[0-3])\s?(?::{(hours.Length > 0 ? "|(?i:" + hours + ")" : "")})\s?(?<m>[0-5]\d)(?!\d){meridiem}", RegexOptions.CultureInvariant, PatternLimit.Timeout);
        var ordinal = ordinals.Length > 0 ? $"(?:{ordinals})?" : "";
        // A year may touch the next date when the page's markup glued two blocks ("20 janvier 202020 janvier 2020"),
        // or the next block's first word ("08 May 2022Actualizado el 08 de Mayo 2022"): a date may end in a year
        // that a date (its day's period too: "25. Januar 202225. Januar 2022") or a capitalised word follows,
        // and start right after a year.
        // A day, its month's name and its year may be set apart by slashes ("29 / Dezember / 2022"), and
        // a numeric day and month from their year by a comma ("17.07, 2011 @ 13:04").
        // A numeric date with its year may also touch the words around it, which no number of another
        // kind does with a year's four digits: "Tanja Karrasch3.11.2023", "2.03.2018von Dennis Ziesecke".
        const string yearEnd = @"(?:(?![\p{L}\d])|(?<=(?:19|20)\d{2})(?=(?:0?[1-9]|[12]\d|3[01])\.?(?:[/.-]\d|\s+\p{L})|(?-i:\p{Lu}\p{Ll}))|(?<=\d[./](?:19|20)\d{2})(?=(?-i:\p{Ll})))";
        const string numericAfterWord = @"(?<=(?-i:\p{Ll}))(?=(?:0?[1-9]|[12]\d|3[01])(?<glued>[./])(?:0?[1-9]|1[0-2])\k<glued>(?:19|20)\d{2}(?!\d))";
        var pattern = new StringBuilder()
            .Append(@"(?:(?<![\p{L}\d])|(?<=(?<!\d)(?:19|20)\d{2})|").Append(numericAfterWord).Append(@")(?:")
            .Append(@"(?<iy>(?:19|20)\d{2})(?<iseparator>[-/])(?<im>0?[1-9]|1[0-2])\k<iseparator>(?<id>0?[1-9]|[12]\d|3[01])(?!\d)")
            // The second number may be the day (month first, as in the United States), read when the first cannot be one.
            .Append(@"|(?<nd>0?[1-9]|[12]\d|3[01])(?<separator>[/.-])(?<nm>0?[1-9]|[12]\d|3[01])(?:\k<separator>(?<ny>(?:19|20)?\d{2})|,\s(?<ny>(?:19|20)\d{2}))?(?![\d/])")
            .Append(@"|(?<dd>[1-9]|[12]\d|3[01]|0[1-9])").Append(ordinal).Append(@"(?:\s+|-|\s*/\s*)").Append(link).Append(@"(?<dm>").Append(names).Append(@")\.?(?:(?:\s+|-|,\s*|\s*/\s*)").Append(link).Append(@"(?<dy>(?:19|20)\d{2}|\d{2}(?=\W|$)))?")
            .Append(@"|(?<mm>").Append(names).Append(@")\.?\s+(?<md>0?[1-9]|[12]\d|3[01])").Append(ordinalsAfterMonth.Length > 0 ? $"(?:{ordinalsAfterMonth})?" : "").Append(@"(?:,?\s+(?<my>(?:19|20)\d{2}))?")
            .Append(')').Append(yearEnd)
            .ToString();
        // Interpreted, not compiled: it only reads short lines, and the compiled form of this
        // alternation of every month name is a method so large that JIT-compiling it on first use
        // could take longer than the match timeout on a loaded machine.
        _date = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternLimit.Timeout);
    }

    /// <summary>The first valid date in <paramref name="text"/>, with the nearest time of day on its right or left.</summary>
    public DateInText? FindFirst(string text)
    {
        foreach (var date in FindAll(text)) return date;
        return null;
    }

    /// <summary>Every valid date in <paramref name="text"/>, in order, each with the nearest time of day beside it.</summary>
    public IEnumerable<DateInText> FindAll(string text)
    {
        for (var match = _date.Match(text); match.Success; match = match.NextMatch())
        {
            if (!TryRead(match, out var year, out var month, out var day)) continue;
            int? hour = null, minute = null;
            var start = match.Index;
            var end = match.Index + match.Length - (EndsWithSentencePeriod(match) ? 1 : 0);
            var time = NearestTime(text, match);
            if (time is not null)
            {
                hour = HourOf(time);
                minute = int.Parse(time.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
                start = Math.Min(start, time.Index);
                end = Math.Max(end, time.Index + time.Length);
            }
            yield return new DateInText(start, end - start, year, month, day, hour, minute) { NumericSeparator = NumericSeparatorOf(match) };
        }
    }

    /// <summary>A stamp's longest line, and the most lower-case words it has beside its date.</summary>
    private const int MaxStampLength = 160;
    private const int MaxStampLowerCaseWords = 3;

    /// <summary>The date of a post's stamp: a short line giving a full date among a few capitalised
    /// words, no sentence ("11.09.2011, 16:20 von jovelstefan", "Malte Welding | 29.07.2006 um 14:26",
    /// "Veröffentlicht: 05.01.2020 | Autor: gnaddrig | …"), else null. A sentence reporting a day
    /// ("An earthquake struck Aceh in Indonesia on 7 December 2016.") has more lower-case words and
    /// its final stop.</summary>
    public DateInText? StampIn(string line)
    {
        line = line.Trim();
        if (line.Length is 0 or > MaxStampLength || ".!?…".Contains(line[^1], StringComparison.Ordinal)) return null;
        return FindFirst(line) is { Year: not null } date && date.LowerCaseWordsBeside(line) <= MaxStampLowerCaseWords ? date : null;
    }

    /// <summary>The time of day that opens <paramref name="line"/> as a stamp ("12h11 : …", "18:56 - …",
    /// or the time alone), else null: how a live blog marks its entries.</summary>
    public ClockInText? LeadingClock(string line)
    {
        var start = 0;
        while (start < line.Length && char.IsWhiteSpace(line[start])) start++;
        if (start == line.Length || !char.IsAsciiDigit(line[start])) return null;
        var time = _time.Match(line, start);
        if (!time.Success || time.Index != start) return null;
        var next = time.Index + time.Length;
        while (next < line.Length && char.IsWhiteSpace(line[next])) next++;
        return next == line.Length || ":-–—|".Contains(line[next], StringComparison.Ordinal) ? Clock(time) : null;
    }

    /// <summary>The first time of day in <paramref name="text"/> ("Updated 12:11 GMT"), else null.</summary>
    public ClockInText? FindClock(string text) => _time.Match(text) is { Success: true } time ? Clock(time) : null;

    private ClockInText Clock(Match time) =>
        new(time.Index, time.Length, HourOf(time), int.Parse(time.Groups["m"].ValueSpan, CultureInfo.InvariantCulture));

    /// <summary>The hour of a time on a 24-hour clock: "12:11 p.m." is 12, "7:15 p.m." 19, "12:00 a.m." 0.</summary>
    private int HourOf(Match time)
    {
        var hour = int.Parse(time.Groups["h"].ValueSpan, CultureInfo.InvariantCulture);
        return time.Groups["meridiem"].Success && hour <= 12 ? hour % 12 + _meridiems[time.Groups["meridiem"].Value] : hour;
    }

    /// <summary>How many letters of <paramref name="text"/> are outside the piece at <paramref name="start"/>.</summary>
    internal static int LettersOutside(string text, int start, int length)
    {
        var letters = 0;
        for (var i = 0; i < text.Length; i++)
            if ((i < start || i >= start + length) && char.IsLetter(text[i])) letters++;
        return letters;
    }

    private bool EndsWithSentencePeriod(Match match)
    {
        var month = match.Groups["dm"];
        return match.Value.EndsWith('.') && month.Success && month.Index + month.Length == match.Index + match.Length - 1 && !_abbreviated.Contains(month.Value);
    }

    /// <summary>'/', '.' or '-' for an all-numeric day-month date ("19/04"), else null.</summary>
    private static char? NumericSeparatorOf(Match match) => match.Groups["separator"].Success ? match.Groups["separator"].Value[0] : null;

    private Match? NearestTime(string text, Match date)
    {
        Match? best = null;
        var bestDistance = int.MaxValue;
        for (var time = _time.Match(text); time.Success; time = time.NextMatch())
        {
            if (time.Index < date.Index + date.Length && date.Index < time.Index + time.Length) continue;
            var distance = time.Index >= date.Index ? time.Index - (date.Index + date.Length) : date.Index - (time.Index + time.Length);
            if (distance < bestDistance && distance <= 20) { best = time; bestDistance = distance; }
        }
        return best;
    }

    private bool TryRead(Match m, out int? year, out int month, out int day)
    {
        year = null;
        if (m.Groups["iy"].Success)
        {
            year = Int(m.Groups["iy"]); month = Int(m.Groups["im"]); day = Int(m.Groups["id"]);
        }
        else if (m.Groups["nd"].Success)
        {
            day = Int(m.Groups["nd"]); month = Int(m.Groups["nm"]);
            if (month > 12) (day, month) = (month, day);
            if (month > 12) return false;
            year = m.Groups["ny"].Success ? Year(m.Groups["ny"]) : null;
            // "3.900" and "1.5" are numbers, not dates: a dotted pair needs its year.
            if (m.Groups["separator"].Value == "." && year is null) { month = 0; return false; }
        }
        else if (m.Groups["dd"].Success)
        {
            day = Int(m.Groups["dd"]); month = _months[m.Groups["dm"].Value];
            year = m.Groups["dy"].Success ? Year(m.Groups["dy"]) : null;
        }
        else
        {
            month = _months[m.Groups["mm"].Value]; day = Int(m.Groups["md"]);
            year = m.Groups["my"].Success ? Year(m.Groups["my"]) : null;
        }
        return day <= DateTime.DaysInMonth(year ?? 2000, month);
    }

    /// <summary>Words as a regex alternation, longest first ("heures|heure|h").</summary>
    private static string Alternation(IEnumerable<string> words) =>
        string.Join('|', words.Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(w => w.Length).Select(Regex.Escape));

    private static int Int(Group group) => int.Parse(group.ValueSpan, CultureInfo.InvariantCulture);

    /// <summary>Two-digit years are read in a 1950–2049 window, as news archives use them.</summary>
    private static int Year(Group group)
    {
        var value = Int(group);
        return group.Length == 2 ? (value < 50 ? 2000 + value : 1900 + value) : value;
    }
}
