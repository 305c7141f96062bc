using Dossier.Languages;
using System.Globalization;
using System.Text.RegularExpressions;
using Dossier.Core.Model;

namespace Dossier.Core.Recognize.Time;

/// <summary>Checks and completes what the recogniser found in one sentence, with the language's
/// time.tsv: ranges of two written dates split into two expressions, heads TimeML leaves out
/// trimmed ("depuis"), narrowing words taken in with their mod ("fin décembre" → END), direction
/// words taken in ("juin prochain"), ages, lone ambiguous words ("sept", "jeu") and titles ("les 24
/// Heures du Mans") dropped, a
/// month borrowed by "lundi 20, mardi 21 et mercredi 22 avril", a day joined to the same-year phrase after it
/// ("le 3 mars de cette année-là"), and "N jours après" after a verb
/// like "survient" marked as a point in time.</summary>
internal sealed partial class TimexSpanRules(TimeLexicon lexicon)
{
    public void Refine(string text, TextSpan sentence, List<Found> found)
    {
        SplitRanges(text, found);
        for (var i = found.Count - 1; i >= 0; i--)
        {
            var item = found[i];
            TrimLead(text, item);
            TrimUnguardedEnd(text, item);
            TakeMod(text, sentence, item);
            ReadPartOfDay(text, item);
            TakeWholeNumber(text, sentence, item);
            TakeDirection(text, sentence, item);
            MarkSince(text, sentence, item);
            if (item.Span.Length == 0 || IsAmbiguous(text, item) || IsFirstName(text, sentence, item) || IsCapitalisedName(text, sentence, item) || IsAge(text, sentence, item)
                || IsSeasonAdjective(text, sentence, item) || IsTitleCount(text, sentence, item)) { found.RemoveAt(i); continue; }
            MarkShiftOfHappening(text, sentence, item, found);
            MarkPointInTime(text, sentence, item);
            MarkVague(text, item);
        }
        BorrowMonths(text, found);
        JoinSameYear(text, found);
        SplitClockTimes(text, found);
    }

    /// <summary>"mardi vers 21 h 45", "Vers 0 h 40, jeudi": a day and its clock time are two
    /// expressions, the day alone and the clock time on that day.</summary>
    private void SplitClockTimes(string text, List<Found> found)
    {
        if (lexicon.ClockJoiners.Count == 0) return;
        for (var i = found.Count - 1; i >= 0; i--)
        {
            var item = found[i];
            if (item.Timex is not { } timex || timex.StartsWith('T') || timex.IndexOf('T', StringComparison.Ordinal) is var t && t < 4) continue;
            var s = text.AsSpan(item.Span.Start, item.Span.Length);
            var clock = ClockTime.Find(s);
            if (clock.Length == 0) continue;
            var clockStart = clock.Start;
            // The joiner before the clock goes with it ("vers 21 h 45"); a comma between stays out.
            var before = s[..clockStart];
            var joined = false;
            foreach (var joiner in lexicon.ClockJoiners)
            {
                if (!TextSearch.EndsWithWord(before, joiner, out var at)) continue;
                clockStart = at;
                joined = true;
                break;
            }
            var day = clockStart > 0 ? TextSpan.FromBounds(item.Span.Start, item.Span.Start + clockStart) : TextSpan.FromBounds(item.Span.Start + clock.End, item.Span.End);
            day = Trim(text, day);
            if (day.Length == 0 || (!joined && clockStart > 0)) continue;
            var clockSpan = clockStart > 0 ? TextSpan.FromBounds(item.Span.Start + clockStart, item.Span.Start + clock.End) : TextSpan.FromBounds(item.Span.Start, item.Span.Start + clock.End);
            found[i] = new Found(day, "date", timex[..t], null) { Direction = item.Direction };
            var clockItem = new Found(Trim(text, clockSpan), item.Kind, timex, null) { Direction = item.Direction };
            clockItem.Mod = item.Mod;
            if (clockSpan.Start < day.Start) found.Insert(i, clockItem); else found.Insert(i + 1, clockItem);
        }
    }

    /// <summary>Past or future: a direction word beside the expression, a direction lead before a
    /// weekday, else the tense of the nearest verb form in the sentence; past when nothing tells (news
    /// reports what happened).</summary>
    public TimeDirection DirectionOf(string text, TextSpan sentence, Found item)
    {
        if (item.Direction != TimeDirection.Unknown) return item.Direction;
        // "à partir de lundi": told as the tense is, not as "lundi prochain", so that it may be the article's own day.
        if (item.Timex?.StartsWith("XXXX-WXX-", StringComparison.Ordinal) == true)
            foreach (var (lead, coming) in lexicon.DirectionLeads)
                if (TextSearch.EndsWithWord(text.AsSpan(sentence.Start, item.Span.Start - sentence.Start), lead, out _))
                    return coming ? TimeDirection.Future : TimeDirection.Past;
        if (sentence != _tenseSentence)
        {
            // Found once per sentence, not once per expression: a sentence of n expressions would cost n passes.
            var s = text.Substring(sentence.Start, sentence.Length);
            _future = Matches(lexicon.Future, s);
            // A past form inside a future one is part of it: "sont appelés" in "sont appelés à"; a word both
            // read ("scheduled", "devrait") is the future's, which names it where the past has only its ending.
            _past = Matches(lexicon.Past, s).Where(past => !_future.Any(future => future.Start <= past.Start && past.End <= future.End)).ToArray();
            _tenseSentence = sentence;
        }
        var at = item.Span.Start - sentence.Start;
        var end = item.Span.End - sentence.Start;
        return Nearest(_future, at, end) < Nearest(_past, at, end) ? TimeDirection.Future : TimeDirection.Past;
    }

    private TextSpan _tenseSentence = new(-1, 0);
    private TextSpan[] _future = [], _past = [];

    private static TextSpan[] Matches(Regex pattern, string sentence)
    {
        var matches = new List<TextSpan>();
        for (var m = pattern.Match(sentence); m.Success; m = m.NextMatch()) matches.Add(new TextSpan(m.Index, m.Length));
        return matches.ToArray();
    }

    /// <summary>The distance from [start, end) to the nearest of the matches (in order, disjoint).</summary>
    private static int Nearest(TextSpan[] matches, int start, int end)
    {
        // The first match at or after the end, and the one before it, are the only candidates.
        int low = 0, high = matches.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (matches[middle].Start >= end) high = middle; else low = middle + 1;
        }
        var best = low < matches.Length ? matches[low].Start - end : int.MaxValue;
        if (low > 0)
        {
            var before = matches[low - 1];
            best = Math.Min(best, before.End <= start ? start - before.End : 0);
        }
        return best;
    }

    /// <summary>"19-Nov-12 et 27.03.15", "mardi 21 et mercredi 22 avril": two dates the recogniser
    /// made one range of are two expressions, each with its end of the range.</summary>
    private void SplitRanges(string text, List<Found> found)
    {
        for (var i = found.Count - 1; i >= 0; i--)
        {
            var item = found[i];
            if (item.Timex is not { } timex || !timex.StartsWith('(')) continue;
            var parts = timex.Trim('(', ')').Split(',');
            if (parts.Length != 3) continue;
            var span = text.AsSpan(item.Span.Start, item.Span.Length);
            var (joinAt, joinLength) = FindJoiner(span);
            if (joinAt < 0) continue;
            var left = TextSpan.FromBounds(item.Span.Start, item.Span.Start + joinAt);
            var right = TextSpan.FromBounds(item.Span.Start + joinAt + joinLength, item.Span.End);
            left = TrimOpener(text, Trim(text, left));
            right = Trim(text, right);
            var first = parts[0];
            // "entre le 3 et le 5 mai": the first end has the second's month.
            if (first.StartsWith("XXXX-XX-", StringComparison.Ordinal) && parts[1].Length >= 7)
                first = string.Concat(parts[1].AsSpan(0, 7), first.AsSpan(7));
            found[i] = new Found(left, "date", EndTimex(text, left, first), null);
            found.Insert(i + 1, new Found(right, "date", EndTimex(text, right, parts[1]), null));
        }
    }

    /// <summary>An end of a range as its own words say it: a lone month or weekday is year-less
    /// ("Friday to December" gives ends like "1998--01--01" and "1998-12-01").</summary>
    private string EndTimex(string text, TextSpan end, string timex)
    {
        var words = text.AsSpan(end.Start, end.Length).Trim().TrimEnd('.');
        if (lexicon.Weekdays.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(words, out var weekday)) return $"XXXX-WXX-{weekday}";
        if (lexicon.Months.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(words, out var month)) return $"XXXX-{month:D2}";
        return timex;
    }

    private (int At, int Length) FindJoiner(ReadOnlySpan<char> span)
    {
        foreach (var joiner in lexicon.Joiners)
        {
            var at = joiner == "-" ? span.IndexOf(" - ") + 1 : TextSearch.IndexOfWord(span, joiner);
            if (at > 0) return (at, joiner.Length);
        }
        return (-1, 0);
    }

    private TextSpan TrimOpener(string text, TextSpan span)
    {
        var s = text.AsSpan(span.Start, span.Length);
        foreach (var opener in lexicon.Openers)
            if (s.StartsWith(opener, StringComparison.OrdinalIgnoreCase) && s.Length > opener.Length && s[opener.Length] == ' ')
                return Trim(text, TextSpan.FromBounds(span.Start + opener.Length, span.End));
        return span;
    }

    private static TextSpan Trim(string text, TextSpan span)
    {
        int start = span.Start, end = span.End;
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] == ',')) start++;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == ',')) end--;
        return TextSpan.FromBounds(start, end);
    }

    /// <summary>"Le 1er janvier 2012 a été": a word that is a time word only after certain words ("été"
    /// after "l'", "cet") is, after another word, no part of the span (here the participle); the words
    /// between it and the rest of the expression ("a") go with it.</summary>
    private void TrimUnguardedEnd(string text, Found item)
    {
        var s = text.AsSpan(item.Span.Start, item.Span.Length);
        var end = s.LastIndexOf(' ');
        if (end < 0) return;
        var previous = s[..end].LastIndexOf(' ') + 1;
        if (lexicon.GuardAllows(s[(end + 1)..], s[previous..end]) is not false) return;
        // Back to the last word that is a time word or holds a digit; none left, no expression.
        var months = lexicon.Months.GetAlternateLookup<ReadOnlySpan<char>>();
        while (end > 0 && !lexicon.IsTrigger(s[previous..end]) && !months.ContainsKey(s[previous..end]) && s[previous..end].IndexOfAnyInRange('0', '9') < 0)
        {
            end = Math.Max(previous - 1, 0);
            previous = s[..end].LastIndexOf(' ') + 1;
        }
        item.Span = Trim(text, new TextSpan(item.Span.Start, end));
    }

    private void TrimLead(string text, Found item)
    {
        var s = text.AsSpan(item.Span.Start, item.Span.Length);
        foreach (var lead in lexicon.Leads)
        {
            if (s.Length > lead.Length + 1 && s.StartsWith(lead, StringComparison.OrdinalIgnoreCase) && (s[lead.Length] == ' ' || lead.EndsWith('\'')))
            {
                item.Span = Trim(text, TextSpan.FromBounds(item.Span.Start + lead.Length, item.Span.End));
                return;
            }
        }
    }

    /// <summary>A lone word that is seldom a date ("sept", "jeu", "heure"), or a bare ordinal ("4e",
    /// "1er") read as a day of an unknown month.</summary>
    private bool IsAmbiguous(string text, Found item)
    {
        var s = text.AsSpan(item.Span.Start, item.Span.Length).Trim().TrimEnd('.');
        if (lexicon.Ambiguous.GetAlternateLookup<ReadOnlySpan<char>>().Contains(s) || lexicon.IsLowercaseMonth(s)) return true;
        // "3/4", "7/8" are fractions: a numeric date has two digits somewhere ("19/04").
        if (s.Length == 3 && char.IsAsciiDigit(s[0]) && s[1] == '/' && char.IsAsciiDigit(s[2])) return true;
        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits])) digits++;
        return digits > 0 && s.Length - digits <= 3 && item.Timex is { } t && t.StartsWith("XXXX-XX-", StringComparison.Ordinal);
    }

    /// <summary>"Jan Kavan", "April Ryan": a month name right before a capitalised word that is no time
    /// word is a first name, unless a head word ("in May Congress passed") or a word making a longer
    /// expression of it ("the January report", "each July") puts it in a phrase of time.</summary>
    private bool IsFirstName(string text, TextSpan sentence, Found item)
    {
        var s = text.AsSpan(item.Span.Start, item.Span.Length);
        if (s.Length == 0 || !char.IsUpper(s[0]) || !lexicon.Months.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(s)) return false;
        var after = text.AsSpan(item.Span.End, sentence.End - item.Span.End);
        if (after.Length < 3 || after[0] != ' ' || !char.IsUpper(after[1]) || !char.IsLower(after[2])) return false;
        var length = 1;
        while (length < after.Length - 1 && char.IsLetter(after[1 + length])) length++;
        var next = after.Slice(1, length);
        if (lexicon.IsMonthOrWeekday(next) || lexicon.IsTrigger(next))
            return false;
        var before = text.AsSpan(sentence.Start, item.Span.Start - sentence.Start).TrimEnd(' ');
        foreach (var lead in lexicon.Leads)
            if (TextSearch.EndsWithPhrase(before, lead, out _)) return false;
        foreach (var word in lexicon.LongerBefore)
            if (TextSearch.EndsWithPhrase(before, word, out _)) return false;
        return true;
    }

    /// <summary>"sur Mars", "la distance Terre-Mars", "Magali Janvier": in a language writing months in lower
    /// case, a capitalised month name inside a sentence, with no day nor year, is a name; a head word of time before
    /// it ("En Avril") shows a writer's capital, and a sentence's first word takes one anyway.</summary>
    private bool IsCapitalisedName(string text, TextSpan sentence, Found item)
    {
        if (!lexicon.LowerCaseMonths) return false;
        var s = text.AsSpan(item.Span.Start, item.Span.Length).TrimEnd(' ');
        var start = s.Length;
        while (start > 0 && char.IsLetter(s[start - 1])) start--;
        var month = s[start..];
        if (month.Length == 0 || !char.IsUpper(month[0]) || !lexicon.Months.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(month)) return false;
        // Mod words ("vers Mars") may lead the span: only the month names a date in it.
        var before = text.AsSpan(sentence.Start, item.Span.Start + start - sentence.Start).TrimEnd(' ');
        if (before.Length == 0 || !(char.IsLetter(before[^1]) || before[^1] is ',' or '-')) return false;
        var words = before.TrimEnd('-');
        // A day before it ("le 1er Mai", "le 14-Juillet") makes a date of it, capital or not.
        var previous = words.Length;
        while (previous > 0 && !char.IsWhiteSpace(words[previous - 1])) previous--;
        if (words[previous..].ContainsAny(Digits)) return false;
        foreach (var lead in lexicon.CapitalMonthLeads)
            if (TextSearch.EndsWithPhrase(words, lead, out _)) return false;
        return true;
    }

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    /// <summary>"depuis fin décembre", "since its start in March": what a count runs since is past, whatever
    /// the verb's tense; the since word may stand a few words before the expression in its phrase.</summary>
    private void MarkSince(string text, TextSpan sentence, Found item)
    {
        // A weekday is read in the past already, and "depuis ce mercredi" written on a Wednesday is that day, not a week before.
        if (item.Direction != TimeDirection.Unknown || lexicon.SinceWords.Count == 0 || item.Timex?.StartsWith("XXXX-WXX-", StringComparison.Ordinal) != false) return;
        var before = text.AsSpan(sentence.Start, item.Span.Start - sentence.Start);
        var words = lexicon.SinceWords.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var word = 0; word <= SinceReach; word++)
        {
            before = before.TrimEnd(' ');
            var start = before.Length;
            while (start > 0 && (char.IsLetter(before[start - 1]) || before[start - 1] is '\'' or '’')) start--;
            // Punctuation, a figure or the sentence's start ends the phrase.
            if (start == before.Length) return;
            if (words.Contains(before[start..])) { item.Direction = TimeDirection.Past; return; }
            before = before[..start];
        }
    }

    /// <summary>Words a since word may stand before the expression ("depuis son apparition fin décembre").</summary>
    internal const int SinceReach = 3;

    /// <summary>"au lendemain de manifestations", "la veille du 14 juillet", "dans la soirée de jeudi": a day from
    /// another happening (or a part of its day) is unknown rather than a day from the article's, unless the happening
    /// is the next expression, right after ("du 14 juillet", "de jeudi"), from whose value the day is then counted.</summary>
    private void MarkShiftOfHappening(string text, TextSpan sentence, Found item, List<Found> found)
    {
        // A length or a range ("(2020-01-06,2020-01-11,P1D)") is no day of a happening.
        if (lexicon.ShiftOf.Count == 0 || item.Timex is null || item.Timex.StartsWith('P') || item.Timex.StartsWith('(')) return;
        var s = text.AsSpan(item.Span.Start, item.Span.Length);
        int? days = null;
        foreach (var (word, shift) in lexicon.Shifts)
            if (TextSearch.ContainsWord(s, word)) { days = shift; break; }
        foreach (var phrase in lexicon.SameDay)
            if (days is null && TextSearch.ContainsWord(s, phrase)) days = 0;
        if (days is null) return;
        var after = text.AsSpan(item.Span.End, sentence.End - item.Span.End).TrimStart(' ');
        var length = 0;
        while (length < after.Length && (char.IsLetter(after[length]) || after[length] is '\'' or '’')) length++;
        if (length == 0 || !lexicon.ShiftOf.GetAlternateLookup<ReadOnlySpan<char>>().Contains(after[..length])) return;
        var next = sentence.End - after.Length + length;
        item.Timex = "XXXX-XX-XX" + TimeOf(item.Timex);
        item.ShiftedFrom = found.Find(f => f != item && f.Span.Start >= next && text.AsSpan(next, f.Span.Start - next).Trim(' ').IsEmpty);
        item.ShiftDays = days.Value;
    }

    /// <summary>The time of day a TIMEX holds ("T21:00", "TMO"), or nothing.</summary>
    private static string TimeOf(string timex) => timex.IndexOf('T', StringComparison.Ordinal) is var t and >= 0 ? timex[t..] : "";

    /// <summary>"les Jeux d'hiver", "vacances d'été": a season named as a kind of thing, not a time.</summary>
    private bool IsSeasonAdjective(string text, TextSpan sentence, Found item)
    {
        var word = text.AsSpan(item.Span.Start, item.Span.Length);
        if (!lexicon.Seasons.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(word)) return false;
        var before = text.AsSpan(sentence.Start, item.Span.Start - sentence.Start).TrimEnd(' ');
        foreach (var adjective in lexicon.SeasonAdjectives)
            if (TextSearch.EndsWithPhrase(before, adjective, out _)) return true;
        return false;
    }

    /// <summary>"aux 24 Heures du Mans", "selon 20 Minutes", "le Journal de 20 Heures": a count whose unit word
    /// is written with a capital after a word in lower case is the title of a race, a paper or a programme, not a
    /// length or a clock time. A month or weekday name is left alone: written with a capital by mistake ("voter le
    /// 15 Mars") it still is a date.</summary>
    private bool IsTitleCount(string text, TextSpan sentence, Found item)
    {
        var s = text.AsSpan(item.Span.Start, item.Span.Length);
        if (s.Length == 0 || !char.IsDigit(s[0])) return false;
        var capitalised = false;
        for (var i = 1; i < s.Length - 1 && !capitalised; i++)
        {
            if (!char.IsUpper(s[i]) || char.IsLetter(s[i - 1]) || !char.IsLower(s[i + 1])) continue;
            var end = i;
            while (end < s.Length && char.IsLetter(s[end])) end++;
            capitalised = !lexicon.IsMonthOrWeekday(s[i..end]);
        }
        if (!capitalised) return false;
        var before = text.AsSpan(sentence.Start, item.Span.Start - sentence.Start).TrimEnd(' ');
        var wordStart = before.Length;
        while (wordStart > 0 && char.IsLetter(before[wordStart - 1])) wordStart--;
        return wordStart < before.Length && char.IsLower(before[wordStart]);
    }

    /// <summary>Characters on each side of an expression that the pattern rules (ages, a whole number
    /// before a half) are given: they read a few words around it, and a bounded stretch keeps their
    /// cost per expression from growing with the sentence.</summary>
    private const int Reach = 100;

    private bool IsAge(string text, TextSpan sentence, Found item)
    {
        if (item.Timex is not { } timex || !timex.StartsWith('P') || !timex.EndsWith('Y')) return false;
        var from = Math.Max(sentence.Start, item.Span.Start - Reach);
        var to = Math.Min(sentence.End, item.Span.End + Reach);
        var around = string.Concat(text.AsSpan(from, item.Span.Start - from), "\x01", text.AsSpan(item.Span.End, to - item.Span.End));
        return lexicon.Age?.IsMatch(around) ?? false;
    }

    private void TakeMod(string text, TextSpan sentence, Found item)
    {
        // "worried about the future": a reference to past, present or future has no measure to narrow.
        if (item.Timex?.EndsWith("_REF", StringComparison.Ordinal) == true) return;
        var before = text.AsSpan(sentence.Start, item.Span.Start - sentence.Start);
        foreach (var (words, mod) in lexicon.Mods)
        {
            if (!TextSearch.EndsWithWord(before, words, out var at)) continue;
            item.Span = TextSpan.FromBounds(sentence.Start + at, item.Span.End);
            item.Mod ??= mod;
            return;
        }
    }

    /// <summary>"2 1/2 years": the recogniser reads only the half (P0.5Y); the whole number before it
    /// counts too, and TIMEX3 writes the half in the next smaller unit (P2Y6M, PT5H30M).</summary>
    private static void TakeWholeNumber(string text, TextSpan sentence, Found item)
    {
        if (item.Timex is not { } timex || !timex.Contains("0.5", StringComparison.Ordinal) || HalfDuration().Match(timex) is not { Success: true } half) return;
        var from = Math.Max(sentence.Start, item.Span.Start - Reach);
        var whole = WholeNumberBefore().Match(text.Substring(from, item.Span.Start - from));
        if (!whole.Success) return;
        var n = whole.Groups["n"].Value;
        var time = half.Groups["t"].Value;
        item.Span = TextSpan.FromBounds(from + whole.Index, item.Span.End);
        item.Timex = (time, half.Groups["unit"].Value) switch
        {
            ("", "Y") => $"P{n}Y6M",
            ("", "D") => $"P{n}DT12H",
            ("T", "H") => $"PT{n}H30M",
            ("T", "M") => $"PT{n}M30S",
            var (t, unit) => $"P{t}{n}.5{unit}",
        };
    }

    [GeneratedRegex(@"^P(?<t>T?)0\.5(?<unit>[YMWDHS])$", RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex HalfDuration();

    [GeneratedRegex(@"(?<![\d.,/])(?<n>\d{1,3})\s+$", RegexOptions.CultureInvariant, PatternLimit.Milliseconds)]
    private static partial Regex WholeNumberBefore();

    /// <summary>"mid afternoon", "mid-afternoon yesterday": the recogniser gives a clock time
    /// (T14:00) where TimeML has the part of the day (TAF) and the mod (MID).</summary>
    private void ReadPartOfDay(string text, Found item)
    {
        if (item.Timex is not { } timex || timex.IndexOf('T', StringComparison.Ordinal) is var t && (t < 0 || t + 1 >= timex.Length || !char.IsAsciiDigit(timex[t + 1]))) return;
        var s = text.AsSpan(item.Span.Start, item.Span.Length);
        if (s.IndexOfAnyInRange('0', '9') >= 0) return;
        foreach (var (word, code) in lexicon.PartsOfDay)
        {
            var at = TextSearch.IndexOfWord(s, word);
            if (at <= 0) continue;
            foreach (var (words, mod) in lexicon.Mods)
            {
                if (!TextSearch.EndsWithWord(s[..at], words, out _)) continue;
                item.Timex = timex[..(t + 1)] + code;
                item.Mod ??= mod;
                return;
            }
        }
    }

    private void TakeDirection(string text, TextSpan sentence, Found item)
    {
        // "last Wednesday", "next Monday": a word before a weekday says which one.
        if (item.Timex?.StartsWith("XXXX-WXX-", StringComparison.Ordinal) == true)
        {
            var before = text.AsSpan(sentence.Start, item.Span.Start - sentence.Start).TrimEnd(' ');
            var start = before.Length;
            while (start > 0 && char.IsLetter(before[start - 1])) start--;
            if (start < before.Length && (start == 0 || !char.IsLetterOrDigit(before[start - 1]))
                && lexicon.DirectionsBefore.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(before[start..], out var ahead))
            {
                item.Span = TextSpan.FromBounds(sentence.Start + start, item.Span.End);
                item.Direction = ahead ? TimeDirection.Future : TimeDirection.Past;
                return;
            }
        }
        var after = text.AsSpan(item.Span.End, sentence.End - item.Span.End);
        var trimmed = after.TrimStart(' ');
        var length = 0;
        while (length < trimmed.Length && char.IsLetter(trimmed[length])) length++;
        if (length == 0 || !lexicon.Directions.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(trimmed[..length], out var future)) return;
        item.Span = TextSpan.FromBounds(item.Span.Start, item.Span.End + (after.Length - trimmed.Length) + length);
        item.Direction = future ? TimeDirection.Future : TimeDirection.Past;
    }

    private void MarkPointInTime(string text, TextSpan sentence, Found item)
    {
        if (item.Kind != "duration" || item.Timex is null) return;
        var after = text.AsSpan(item.Span.End, sentence.End - item.Span.End);
        var trimmed = after.TrimStart(' ');
        bool? pointAfter = null;
        var length = 0;
        foreach (var word in lexicon.After)
            if (TextSearch.StartsWithPhrase(trimmed, word)) { pointAfter = true; length = word.Length; break; }
        if (pointAfter is null)
            foreach (var word in lexicon.Before)
                if (TextSearch.StartsWithPhrase(trimmed, word)) { pointAfter = false; length = word.Length; break; }
        if (pointAfter is null) return;
        var before = text.AsSpan(sentence.Start, item.Span.Start - sentence.Start);
        var follows = false;
        foreach (var verb in lexicon.Follows)
            if (TextSearch.ContainsWord(before, verb)) { follows = true; break; }
        if (!follows) return;
        item.PointAfter = pointAfter;
        item.Kind = "date";
        item.Span = TextSpan.FromBounds(item.Span.Start, item.Span.End + (after.Length - trimmed.Length) + length);
    }

    /// <summary>"plusieurs jours", "ces derniers jours": a duration without a number is PXD (PXW, PXM, PXY).</summary>
    private void MarkVague(string text, Found item)
    {
        if (item.Timex is { } t && (!t.StartsWith('P') && !t.StartsWith('(') || t.EndsWith("_REF", StringComparison.Ordinal))) return;
        if (item.Timex is null && item.Kind != "duration") return;
        var s = text.AsSpan(item.Span.Start, item.Span.Length);
        if (s.IndexOfAnyInRange('0', '9') >= 0 || HasNumberWord(s) || !HasVagueWord(s)) return;
        // "ces derniers jours" comes as a range ending now, "plusieurs années" with no value at all:
        // the unit is the last letter of the length, else the unit word of the text.
        var length = item.Timex is { } timex && timex.LastIndexOf('P') is var p and >= 0 ? timex[p..].TrimEnd(')') : null;
        char? unit = length is { Length: >= 3 } && !length.Contains('X', StringComparison.Ordinal) ? length[^1] : null;
        if (unit is null)
            foreach (var (word, u) in lexicon.Units)
                if (TextSearch.ContainsWord(s, word)) { unit = u; break; }
        if (unit is null) return;
        item.Kind = "duration";
        item.Timex = length?.StartsWith("PT", StringComparison.Ordinal) == true ? $"PTX{unit}" : $"PX{unit}";
    }

    /// <summary>"trois derniers jours" counts its units: P3D, not PXD.</summary>
    private bool HasNumberWord(ReadOnlySpan<char> s)
    {
        var numbers = lexicon.Numbers.GetAlternateLookup<ReadOnlySpan<char>>();
        return AnyWord(s, word => numbers.ContainsKey(word));
    }

    private bool HasVagueWord(ReadOnlySpan<char> s)
    {
        var vague = lexicon.Vague.GetAlternateLookup<ReadOnlySpan<char>>();
        return AnyWord(s, word => vague.Contains(word));
    }

    private delegate bool WordTest(ReadOnlySpan<char> word);

    private static bool AnyWord(ReadOnlySpan<char> s, WordTest test)
    {
        foreach (var range in s.Split(' '))
            if (test(s[range])) return true;
        return false;
    }

    /// <summary>"lundi 20, mardi 21 et mercredi 22 avril": a weekday with a day number and no month
    /// takes the month (and year) of the next expression of the sentence that has one.</summary>
    private void BorrowMonths(string text, List<Found> found)
    {
        for (var i = 0; i < found.Count; i++)
        {
            var m = lexicon.WeekdayAndDay.Match(text, found[i].Span.Start, found[i].Span.Length);
            if (!m.Success || m.Length != found[i].Span.Length || !lexicon.Weekdays.ContainsKey(m.Groups["w"].Value)) continue;
            if (found[i].Timex is { } own && !own.StartsWith("XXXX-WXX", StringComparison.Ordinal)) continue;
            for (var j = i + 1; j < found.Count; j++)
            {
                if (found[j].Timex is not { } next || next.Length < 7 || next[4] != '-' || !char.IsAsciiDigit(next[5])) continue;
                var day = int.Parse(m.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
                found[i].Timex = $"{next[..7]}-{day:D2}";
                found[i].Kind = "date";
                break;
            }
        }
    }

    /// <summary>"le 3 mars de cette année-là", "March 3 of that year": a date without its year and the
    /// same-year phrase right after it (at most one word between) are one expression, whose year is the story's.</summary>
    private void JoinSameYear(string text, List<Found> found)
    {
        for (var i = found.Count - 2; i >= 0; i--)
        {
            var (date, year) = (found[i], found[i + 1]);
            if (date.Timex is not { } timex || !timex.StartsWith("XXXX-", StringComparison.Ordinal)) continue;
            var phrase = text.Substring(year.Span.Start, year.Span.Length);
            if (!lexicon.SameYear.Contains(phrase, StringComparer.OrdinalIgnoreCase)) continue;
            if (year.Span.Start < date.Span.End) continue;
            if (!IsOneWordAtMost(text.AsSpan(date.Span.End, year.Span.Start - date.Span.End).Trim(' '))) continue;
            date.Span = TextSpan.FromBounds(date.Span.Start, year.Span.End);
            found.RemoveAt(i + 1);
        }

        static bool IsOneWordAtMost(ReadOnlySpan<char> between)
        {
            foreach (var c in between)
                if (!char.IsLetter(c)) return false;
            return true;
        }
    }
}
