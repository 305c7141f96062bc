using System.Collections.Frozen;
using System.Globalization;
using Dossier.Core.Model;

namespace Dossier.Core.Recognize.Time;

/// <summary>Reads the frequent forms of time expressions straight from the tokens, so that the
/// recogniser (about 1 ms a call) sees only the windows that need it: written dates ("mardi 3
/// janvier 2015", "January 3, 2015"), months ("juin 2014", "le mois de mai"), years, decades,
/// seasons, weekdays ("jeudi soir"), days named from the article's ("hier", "ce soir"), counts of
/// units ("deux ans", "48 heures", "il y a deux ans", "les trois derniers jours"), units of the
/// article's time ("cette semaine", "l'année dernière", "last week", "ce week-end"), sets ("chaque
/// année"), clock times ("à 18 h 30") and fixed holidays. Values are written as the recogniser
/// writes them, relative ones counted from the same reference, so that the checks and anchoring
/// that follow treat both alike. The words of each form are the language's, from its time.tsv. A
/// window is read here only when every cue in it is part of a form; else the whole window goes to
/// the recogniser.</summary>
internal static class CommonForms
{
    /// <summary>Appends the expressions of <paramref name="window"/> to <paramref name="found"/> and
    /// returns true, or returns false (adding nothing) when a cue needs the recogniser.</summary>
    /// <param name="reference">"Now" for values counted from the article's date, as the recogniser is given it.</param>
    public static bool TryRead(string text, ReadOnlySpan<Token> tokens, TextSpan window, TimeLexicon lexicon, DateTime reference, List<Found> found)
    {
        var (first, last) = TokensOf(tokens, window);
        var added = found.Count;
        var reader = new Reader(text, tokens, lexicon, reference);
        for (var i = first; i < last; )
        {
            if (reader.TryReadAt(i, out var next, out var item))
            {
                if (item is not null) found.Add(item);
                i = next;
                continue;
            }
            if (CandidateWindows.IsCue(text, tokens, i, lexicon))
            {
                found.RemoveRange(added, found.Count - added);
                return false;
            }
            i++;
        }
        return true;
    }

    /// <summary>After the recogniser read <paramref name="window"/>: its holidays as <see cref="TryRead"/> reads them, in
    /// place of what the recogniser found inside their names (it knows fewer feasts, and Easter's day of one year only);
    /// a name that is no date ("le Père Noël") drops what it found there. A reading that goes beyond the name ("la veille
    /// de Noël") is kept as it is. A count of hours it read as a clock time ("vérifier mon travail 2 heures") is a length
    /// when no word giving a clock time stands before it ("à 2 heures"), as <see cref="TryRead"/> reads it.</summary>
    public static void ReadAfterRecogniser(string text, ReadOnlySpan<Token> tokens, TextSpan window, TimeLexicon lexicon, DateTime reference, List<Found> found)
    {
        var reader = new Reader(text, tokens, lexicon, reference);
        var (first, last) = TokensOf(tokens, window);
        for (var i = first; i < last; i++)
        {
            if (reader.TryLengthOfHours(i, out var length))
            {
                var index = found.FindIndex(f => f.Span == length.Span && f.Kind == "time");
                if (index >= 0) found[index] = length;
                continue;
            }
            if (!reader.TryHoliday(i, out var next, out var item)) continue;
            var name = TextSpan.FromBounds(tokens[i].Start, tokens[next - 1].End);
            if (found.Exists(f => f.Span.Overlaps(name) && (f.Span.Start < name.Start || f.Span.End > name.End))) continue;
            found.RemoveAll(f => f.Span.Overlaps(name));
            if (item is not null) found.Add(item);
            i = next - 1;
        }
    }

    /// <summary>The tokens a window holds: [First, Last).</summary>
    private static (int First, int Last) TokensOf(ReadOnlySpan<Token> tokens, TextSpan window)
    {
        var first = 0;
        while (first < tokens.Length && tokens[first].Start < window.Start) first++;
        var last = first;
        while (last < tokens.Length && tokens[last].End <= window.End) last++;
        return (first, last);
    }

    private readonly ref struct Reader(string text, ReadOnlySpan<Token> tokens, TimeLexicon lexicon, DateTime reference)
    {
        private readonly string _text = text;
        private readonly ReadOnlySpan<Token> _tokens = tokens;

        /// <summary>Reads one form starting at token <paramref name="i"/>: true with the token after it
        /// and the expression (null for a word that <see cref="TimeExpressionRecognizer"/> adds itself).</summary>
        public bool TryReadAt(int i, out int next, out Found? item)
        {
            item = null;
            next = i + 1;
            if (IsWord(i, out var word) && Has(lexicon.References, word)) return true;
            return TryHoliday(i, out next, out item)
                || TryOrdinalUnit(i, out next, out item)
                || TryWrittenDate(i, out next, out item)
                || TryMonth(i, out next, out item)
                || TryYear(i, out next, out item)
                || TryWeekday(i, out next, out item)
                || TryDeictic(i, out next, out item)
                || TryClock(i, out next, out item)
                || TryCountAndFraction(i, out next, out item)
                || TryCount(i, out next, out item)
                || TryUnitOfNow(i, out next, out item)
                || TryVagueCount(i, out next, out item)
                || TrySet(i, out next, out item)
                || TryPartOfToday(i, out next, out item)
                || TrySeason(i, out next, out item)
                || TryWeekend(i, out next, out item)
                || TryPartOfStoryDay(i, out next, out item)
                || TryMonthPhrase(i, out next, out item)
                || TryDecade(i, out next, out item);
        }

        /// <summary>"la première semaine de 2015", "the 3rd week of 2018", "le 4e jour de juillet, 1995": the week
        /// or month of a year counted by an ordinal ("dernière" counts from the end), or the day of a month.</summary>
        private bool TryOrdinalUnit(int i, out int next, out Found? item)
        {
            next = i; item = null;
            if (Ordinal(i) is not { } nth || !IsWord(i + 1, out var unitWord) || UnitOf(unitWord) is not { } unit
                || !IsWord(i + 2, out var of) || !Has(lexicon.UnitOfWords, of))
                return false;
            var at = i + 3;
            string value;
            if (unit is 'W' or 'M' && Year(at) is { } year)
            {
                var count = unit == 'W' ? ISOWeek.GetWeeksInYear(year) : 12;
                var n = nth < 0 ? count + 1 + nth : nth;
                if (n < 1 || n > count) return false;
                value = unit == 'W' ? string.Create(CultureInfo.InvariantCulture, $"{year:D4}-W{n:D2}") : string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{n:D2}");
                next = at + 1;
            }
            else if (unit == 'D' && Month(at) is { } month && nth > 0)
            {
                next = at + 1;
                var yearAt = IsPunctuation(next, ',') && Year(next + 1) is not null ? next + 1 : next;
                var dayYear = YearAfter(yearAt, out var afterYear);
                if (dayYear is not null) next = afterYear;
                if (nth > DateTime.DaysInMonth(dayYear ?? 2000, month)) return false;
                value = string.Create(CultureInfo.InvariantCulture, $"{(dayYear is { } y ? y.ToString("D4", CultureInfo.InvariantCulture) : "XXXX")}-{month:D2}-{nth:D2}");
            }
            else return false;
            item = new Found(Span(i, next), "date", value, null);
            return true;
        }

        /// <summary>"2 heures", "vingt et un heures" with no word giving a clock time before it: a length of hours.</summary>
        public bool TryLengthOfHours(int i, out Found length)
        {
            length = null!;
            if (TryClock(i, out _, out _) || !TryCount(i, out _, out var item) || item is not { Kind: "duration", Timex: { } timex }
                || !timex.StartsWith("PT", StringComparison.Ordinal) || !timex.Contains('H', StringComparison.Ordinal))
                return false;
            length = item;
            return true;
        }

        /// <summary>"[mardi] 3 janvier [2015]", "1er mai", "21 de abril de 2022", "3. Mai 2022", "02/04/2009", "01/août/2019"; in languages that write it, "[Tuesday,] January 3[, 2015]".</summary>
        private bool TryWrittenDate(int i, out int next, out Found? item)
        {
            next = i; item = null;
            var start = i;
            if (Weekday(i) is not null)
            {
                // "próximo miércoles 18 de mayo": the word saying which weekday is part of the date its day number fixes.
                if (IsWord(i - 1, out var before) && Has(lexicon.DirectionsBefore, before)) start = i - 1;
                i++;
                if (IsPunctuation(i, ',')) i++;
            }
            int day, month;
            int? year = null;
            if (CandidateWindows.NumericDateEnd(_text, _tokens, i, lexicon, out var monthToken) is > 0 and var numericEnd)
            {
                day = Number(i);
                month = Month(monthToken) ?? Number(monthToken);
                // As DateTextParser reads them: the second number is the day when the first cannot be one ("12/25/2019").
                if (month > 12) (day, month) = (month, day);
                if (month is < 1 or > 12 || day < 1) return false;
                year = Year(numericEnd - 1);
                i = numericEnd;
            }
            else if (DayBeforeMonth(i, out var monthAt) is { } d && Month(monthAt) is { } m)
            {
                (day, month) = (d, m);
                i = monthAt + 1;
            }
            else if (lexicon.MonthDayOrder && Month(i) is { } m2 && Day(i + 1) is { } d2)
            {
                (day, month) = (d2, m2);
                i += 2;
                if (IsPunctuation(i, ',') && Year(i + 1) is not null) i++;
            }
            else return false;
            if (year is null && YearAfter(i, out var afterYear) is { } written) (year, i) = (written, afterYear);
            if (day > DateTime.DaysInMonth(year ?? 2000, month) || JoinsAnotherDate(start, i) || IsNumber(i)) return false;
            next = i;
            var value = string.Create(CultureInfo.InvariantCulture, $"{(year is { } y ? y.ToString("D4", CultureInfo.InvariantCulture) : "XXXX")}-{month:D2}-{day:D2}");
            item = new Found(Span(start, i), "date", value, null);
            return true;
        }

        /// <summary>"juin 2014", "marzo de 2021", "en avril": the month, of the year written after it.</summary>
        private bool TryMonth(int i, out int next, out Found? item)
        {
            next = i; item = null;
            // A day before it ("5 mai" unread as a date, "the 5th of May") makes a date the recogniser reads.
            if (Month(i) is not { } month || IsNumber(i - 1) || Day(i - 1) is not null || Day(i - 2) is not null
                || IsWord(i, out var word) && Has(lexicon.Ambiguous, word.TrimEnd('.')) || OpensLonger(i))
                return false;
            var end = i + 1;
            var year = YearAfter(end, out var afterYear);
            if (year is not null) end = afterYear;
            if (IsNumber(end) || Count(end) is not null || JoinsAnotherDate(i, end)) return false;
            next = end;
            var value = year is { } y ? string.Create(CultureInfo.InvariantCulture, $"{y:D4}-{month:D2}") : $"XXXX-{month:D2}";
            item = new Found(Span(i, end), "daterange", value, null);
            return true;
        }

        private bool TryYear(int i, out int next, out Found? item)
        {
            next = i + 1; item = null;
            if (!CandidateWindows.IsBareYear(_text, _tokens, i, lexicon)) return false;
            // "l'année 2018": the words naming the year are part of it.
            var start = IsWord(i - 1, out var unitWord) && UnitOf(unitWord) == 'Y' && IsWord(i - 2, out var article) && Has(lexicon.TheWords, article) ? i - 2 : i;
            item = new Found(Span(start, i + 1), "daterange", _text.Substring(_tokens[i].Start, 4), null);
            return true;
        }

        /// <summary>"lundi", "jeudi soir": a weekday with no day number or other time word beside it.</summary>
        private bool TryWeekday(int i, out int next, out Found? item)
        {
            next = i; item = null;
            if (Weekday(i) is not { } day) return false;
            var part = IsWord(i + 1, out var after) && Find(lexicon.PartsOfDay, after, out var p) ? p : null;
            var end = part is null ? i + 1 : i + 2;
            // "le mardi", "ce mardi", "dès mardi" are read as "mardi" is; "chaque mardi", "last Tuesday" are longer.
            if (IsWord(i - 1, out var before) && (lexicon.IsTrigger(before) || Has(lexicon.LongerBefore, before) || Has(lexicon.DirectionsBefore, before))
                || end < _tokens.Length && (_tokens[end].Kind == TokenKind.Number || IsWord(end, out var then) && lexicon.IsTrigger(then)))
                return false;
            next = end;
            var stem = lexicon.Stem(_tokens[i].ValueIn(_text));
            item = new Found(TextSpan.FromBounds(_tokens[i].Start, part is null ? _tokens[i].Start + stem.Length : _tokens[end - 1].End), "date",
                part is null ? $"XXXX-WXX-{day}" : $"XXXX-WXX-{day}T{part}", null);
            return true;
        }

        /// <summary>"hier", "aujourd'hui", standing alone: the day that far from the reference day.</summary>
        private bool TryDeictic(int i, out int next, out Found? item)
        {
            next = i + 1; item = null;
            if (!IsWord(i, out var word) || !Find(lexicon.Deictics, word, out var days) || Touches(i)) return false;
            item = new Found(Span(i, i + 1), "date", DateValue(reference.AddDays(days)), null);
            return true;
        }

        /// <summary>"deux ans", "48 heures", "trois jours plus tard": a duration; "il y a deux ans", "two
        /// years ago", "dans trois jours": the day that far from the reference day (the anchoring keeps
        /// the unit's granularity). Not a duration that is part of a longer one ("deux ans et demi").</summary>
        private bool TryCount(int i, out int next, out Found? item)
        {
            item = null;
            var count = Count(i, out var at);
            next = at + 1;
            if (!IsWord(at, out var unitWord)) return false;
            var unit = UnitOf(unitWord);
            var amount = count?.ToString(CultureInfo.InvariantCulture) ?? (unit is null ? Decimal(i) : null);
            if (amount is null) return false;
            var length = unit is { } u ? $"P{amount}{u}"
                : Find(lexicon.ClockUnits, unitWord, out var clockUnit) ? $"PT{amount}{clockUnit}"
                : null;
            if (length is null || Touches(i, at + 1) || OpensLonger(i) || GluedToNumber(i) || PrecededBy(i, lexicon.NotDurations) >= 0)
                return false;
            // "une heure et demie", "two years and a half": the fraction in the next smaller unit.
            var fractionEnd = FractionAt(at + 1, out var fraction);
            if (fractionEnd >= 0 && count is { } whole
                && WithFraction(whole, unit, Find(lexicon.ClockUnits, unitWord, out var clock) ? clock : null, fraction) is { } withFraction)
            {
                item = new Found(TextSpan.FromBounds(_tokens[i].Start, fractionEnd), "duration", withFraction, null);
                next = TokenFrom(at + 1, fractionEnd);
                return true;
            }
            // "quatorze heures trente de visite": the minutes of a length of hours.
            if (count is { } hours && unit is null && Find(lexicon.ClockUnits, unitWord, out var hourUnit) && hourUnit == 'H' && MinutesAfterHour(at + 1, out var minutesEnd) is > 0 and var minutes)
            {
                item = new Found(Span(i, minutesEnd), "duration", string.Create(CultureInfo.InvariantCulture, $"PT{hours}H{minutes}M"), null);
                next = minutesEnd;
                return true;
            }
            if (IsWord(at + 1, out var after) && (Has(lexicon.Directions, after) || Has(lexicon.Joiners, after)))
                return false;
            var shiftStart = PrecededBy(i, lexicon.ShiftsBefore.Keys, out var sign);
            var shiftEnd = FollowedBy(at + 1, lexicon.ShiftsAfter.Keys, out var signAfter);
            if (shiftStart < 0 && shiftEnd < 0)
            {
                item = new Found(Span(i, at + 1), "duration", length, null);
                return true;
            }
            if (unit is null || count is not { } n || shiftStart >= 0 && shiftEnd >= 0) return false;
            var ahead = shiftStart >= 0 ? lexicon.ShiftsBefore[sign] * n : lexicon.ShiftsAfter[signAfter] * n;
            var day = unit switch { 'Y' => reference.AddYears(ahead), 'M' => reference.AddMonths(ahead), 'W' => reference.AddDays(7 * ahead), _ => reference.AddDays(ahead) };
            var span = TextSpan.FromBounds(shiftStart >= 0 ? shiftStart : _tokens[i].Start, shiftEnd >= 0 ? shiftEnd : _tokens[at].End);
            next = TokenFrom(next, span.End);
            item = new Found(span, "date", DateValue(day), null);
            return true;
        }

        /// <summary>"two and a half years", "one and a half hours": a count, its fraction, then the unit, one
        /// length written as "two years and a half" is.</summary>
        private bool TryCountAndFraction(int i, out int next, out Found? item)
        {
            next = i + 1; item = null;
            // The window may open on the fraction, its cue (the unit) being too far from the count.
            var start = Count(i) is null && FractionAt(i, out _) >= 0 ? i - 1 : i;
            if (Count(start) is not { } whole || Touches(start) || OpensLonger(start) || GluedToNumber(start)) return false;
            var fractionEnd = FractionAt(start + 1, out var fraction);
            if (fractionEnd < 0) return false;
            var at = TokenFrom(start + 1, fractionEnd);
            if (!IsWord(at, out var unitWord)) return false;
            var clock = Find(lexicon.ClockUnits, unitWord, out var c) ? c : (char?)null;
            var unit = UnitOf(unitWord);
            if (unit is null && clock is null
                || WithFraction(whole, unit, clock, fraction) is not { } length)
                return false;
            next = at + 1;
            item = new Found(Span(start, next), "duration", length, null);
            return true;
        }

        /// <summary>"cette semaine", "l'année dernière", "last week": the unit the article is in, or the one before or after it.</summary>
        private bool TryUnitOfNow(int i, out int next, out Found? item)
        {
            next = i; item = null;
            if (!IsWord(i + 1, out var unitWord) || UnitOf(unitWord) is not ({ } unit and not 'D') || !TryShift(i, out var shift, out next, out var fromStory)) return false;
            var value = unit switch
            {
                'Y' => reference.AddYears(shift).ToString("yyyy", CultureInfo.InvariantCulture),
                'M' => reference.AddMonths(shift).ToString("yyyy-MM", CultureInfo.InvariantCulture),
                _ => Week(reference.AddDays(7 * shift)),
            };
            item = new Found(Span(i, next), "daterange", value, null) { StoryShift = fromStory ? shift : null };
            return true;
        }

        /// <summary>The words around the unit at token i + 1 that place it from the article's: "cette"
        /// (0), "last"/"next" before it, or an article before and "dernier"/"prochain" after it (-1, 1);
        /// with "suivant"/"précédent" after it, from the story's (<paramref name="fromStory"/>).</summary>
        private bool TryShift(int i, out int shift, out int end, out bool fromStory)
        {
            (shift, end, fromStory) = (0, i + 2, false);
            if (!IsWord(i, out var head)) return false;
            if (Find(lexicon.DirectionsBefore, head, out var ahead)) shift = ahead ? 1 : -1;
            else if ((Has(lexicon.TheWords, head) || Has(lexicon.OfTheWords, head)) && IsWord(i + 2, out var direction) && Find(lexicon.Directions, direction, out var future))
                (shift, end) = (future ? 1 : -1, i + 3);
            // "l'année suivante": the one after the story's, which the anchoring finds.
            else if (Has(lexicon.TheWords, head) && IsWord(i + 2, out var storyDirection) && Find(lexicon.StoryDirections, storyDirection, out var after))
                (shift, end, fromStory) = (after ? 1 : -1, i + 3, true);
            else if (!Has(lexicon.ThisWords, head)) return false;
            return !Touches(i, end);
        }

        /// <summary>"quelques jours", "plusieurs années": a duration of no stated length; its value
        /// ("PXD") is given by the check of vague durations.</summary>
        private bool TryVagueCount(int i, out int next, out Found? item)
        {
            next = i + 2; item = null;
            // "les trois derniers jours": a count before a direction word is the length (P3D).
            var count = IsWord(i + 1, out var second) && Has(lexicon.Directions, second) ? Count(i) : null;
            var at = count is null ? i : i + 1;
            if (!IsWord(at, out var vague) || !Has(lexicon.VagueCounts, vague) || !IsWord(at + 1, out var unitWord) || UnitOf(unitWord) is not { } unit
                || IsNumber(at + 2) || Touches(i, at + 2) || PrecededBy(i, lexicon.NotDurations) >= 0
                || PrecededBy(i, lexicon.ShiftsBefore.Keys, out _) >= 0 || FollowedBy(at + 2, lexicon.ShiftsAfter.Keys, out _) >= 0
                || IsWord(at + 2, out var after) && (Has(lexicon.Directions, after) || Has(lexicon.Joiners, after)))
                return false;
            next = at + 2;
            item = new Found(Span(i, next), "duration", count is { } n ? string.Create(CultureInfo.InvariantCulture, $"P{n}{unit}") : null, null);
            return true;
        }

        /// <summary>"chaque année", "par jour", "tous les trois mois": a set, every so many units.</summary>
        private bool TrySet(int i, out int next, out Found? item)
        {
            next = i; item = null;
            var at = -1;
            foreach (var phrase in lexicon.SetWords)
                if (StartsWith(i, phrase, out var after)) { at = after; break; }
            if (at < 0) return false;
            // "tous les jeudis": every such weekday.
            if (PluralWeekday(at) is { } day && !Touches(at, at + 1))
            {
                next = at + 1;
                item = new Found(Span(i, next), "set", $"XXXX-WXX-{day}", null);
                return true;
            }
            var n = Count(at) ?? 1;
            if (Count(at) is not null) at++;
            if (!IsWord(at, out var unitWord) || UnitOf(unitWord) is not { } unit || Touches(at, at + 1)) return false;
            next = at + 1;
            item = new Found(Span(i, next), "set", string.Create(CultureInfo.InvariantCulture, $"P{n}{unit}"), null);
            return true;
        }

        /// <summary>"à 18 h 30", "vers 23H40", "à 17 heures": a clock time after a word that gives one
        /// (a count of hours alone may be a duration).</summary>
        private bool TryClock(int i, out int next, out Found? item)
        {
            next = i; item = null;
            var end = i + 1;
            var minutes = 0;
            var clock = i < _tokens.Length ? ClockAt(i) : default;
            if (clock.Length > 0 && clock.Start == 0)
            {
                while (end < _tokens.Length && _tokens[end].End <= _tokens[i].Start + clock.End) end++;
            }
            else if (GivesClockTime(i) && Count(i, out var unitAt) is <= 23 && IsWord(unitAt, out var unit) && Has(lexicon.HourWords, unit))
            {
                end = unitAt + 1;
                minutes = MinutesAfterHour(end, out var minutesEnd);
                if (minutesEnd > 0) end = minutesEnd;
            }
            else return false;
            // "de 8h30 à 12h": a range of clock times, the recogniser's.
            if (Touches(i, end) || IsNumber(end) || IsJoiner(end) && StartsClock(end + 1) || IsJoiner(i - 1) && i >= 2 && (IsNumber(i - 2) || StartsClock(i - 2)))
                return false;
            var hours = ClockPartAt(ref end);
            next = end;
            var span = Span(i, end);
            item = new Found(span, "time", AddHours(ClockTime.Apply(_text.Substring(span.Start, span.Length), CountClock(i, minutes)), hours), null);
            return true;
        }

        /// <summary>"à 17 heures", "à partir de 18 heures", "à environ 17 heures": a phrase giving a clock time before
        /// the count at token <paramref name="count"/>, maybe with a word of approximation between.</summary>
        private bool GivesClockTime(int count)
        {
            if (PrecededBy(count, lexicon.ClockBefore) >= 0) return true;
            if (!IsWord(count - 1, out var before)) return false;
            foreach (var (words, _) in lexicon.Mods)
                if (before.Equals(words, StringComparison.OrdinalIgnoreCase))
                    return PrecededBy(count - 1, lexicon.ClockBefore) >= 0;
            return false;
        }

        /// <summary>"de l'après-midi", "du soir" after a clock time ending before token <paramref name="end"/>:
        /// moves <paramref name="end"/> past it and returns the hours it adds to an hour before noon.</summary>
        private int ClockPartAt(ref int end)
        {
            var partEnd = PhraseAt(end, lexicon.ClockParts, out var hours);
            if (partEnd < 0) return 0;
            end = TokenFrom(end, partEnd);
            return hours;
        }

        /// <summary>"T02:00" and 12 hours → "T14:00"; an hour from noon on is kept ("14 heures de l'après-midi").</summary>
        private static string AddHours(string timex, int hours)
        {
            var t = timex.IndexOf('T', StringComparison.Ordinal);
            if (hours == 0 || t < 0 || timex.Length < t + 3 || !int.TryParse(timex.AsSpan(t + 1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hour) || hour >= 12)
                return timex;
            return string.Create(CultureInfo.InvariantCulture, $"{timex[..(t + 1)]}{hour + hours:D2}{timex[(t + 3)..]}");
        }

        /// <summary>"T17:00" for a count of hours, "T17:30" with its minutes; <see cref="ClockTime.Apply"/> reads written clock times itself.</summary>
        private string CountClock(int i, int minutes) => Count(i, out _) is { } h ? string.Create(CultureInfo.InvariantCulture, $"T{h:D2}:{minutes:D2}") : "T00:00";

        /// <summary>The minutes written after an hour word, from token <paramref name="at"/> on: a count
        /// ("quatorze heures trente", "16 heures 30", "deux heures dix-neuf minutes") or a fraction of the hour
        /// ("sept heures et quart"); <paramref name="end"/> is the token after them, or 0 when none are there.
        /// A count is taken from ten on or in two digits: "une", "deux" after an hour word start other things
        /// ("trois heures une fois par semaine").</summary>
        private int MinutesAfterHour(int at, out int end)
        {
            end = 0;
            var fractionEnd = FractionAt(at, out var fraction);
            if (fractionEnd >= 0)
            {
                end = TokenFrom(at, fractionEnd);
                return (int)(fraction * 60);
            }
            if (Count(at, out var after) is not (< 60 and var minutes) || minutes < 10 && !(IsNumber(at) && _tokens[at].Length == 2))
                return 0;
            if (IsWord(after, out var word) && Find(lexicon.ClockUnits, word, out var unit) && unit == 'M') after++;
            end = after;
            return minutes;
        }

        /// <summary>"ce soir", "hier soir", "demain matin": part of a day named from the article's.</summary>
        private bool TryPartOfToday(int i, out int next, out Found? item)
        {
            next = i + 2; item = null;
            if (!IsWord(i, out var head) || !IsWord(i + 1, out var partWord) || !Find(lexicon.PartsOfDay, partWord, out var part) || Touches(i, i + 2)) return false;
            int days;
            if (Has(lexicon.ThisWords, head)) days = 0;
            else if (!Find(lexicon.Deictics, head, out days)) return false;
            item = new Found(Span(i, i + 2), "timerange", DateValue(reference.AddDays(days)) + "T" + part, null);
            return true;
        }

        /// <summary>"Noël", "le lundi de Pâques", "la Saint-Patrick 2020": a holiday, of the year written after
        /// it or of one the anchoring finds; a name that is no date ("le Père Noël") is passed over whole.</summary>
        public bool TryHoliday(int i, out int next, out Found? item)
        {
            next = i + 1; item = null;
            if (!IsWord(i, out var word) || lexicon.HolidayAt(_text, _tokens[i].Start, word, out var end) is not { } holiday) return false;
            var after = TokenFrom(i, end);
            if (!holiday.IsDate)
            {
                next = after;
                return true;
            }
            if (Year(after) is { } year)
            {
                if (holiday.In(year) is not { } day) return false;
                next = after + 1;
                item = new Found(Span(i, next), "date", DateValue(day.ToDateTime(TimeOnly.MinValue)), null);
                return true;
            }
            // "last Easter", "Noël dernier": the recogniser reads which one.
            if (Touches(i, after) || IsNumber(after) || OpensLonger(i) || IsWord(after, out var direction) && Has(lexicon.Directions, direction)) return false;
            next = after;
            item = new Found(Span(i, after), "date", holiday.DaysFromEaster is null ? $"XXXX-{holiday.Month:D2}-{holiday.Day:D2}" : "XXXX-XX-XX", null)
                { DaysFromEaster = holiday.DaysFromEaster };
            return true;
        }

        /// <summary>"ce week-end", "le week-end dernier", "last weekend": the weekend of the article's week, or the one before or after.</summary>
        private bool TryWeekend(int i, out int next, out Found? item)
        {
            next = i; item = null;
            if (!IsWord(i + 1, out var word) || !Has(lexicon.WeekendWords, word) || !TryShift(i, out var shift, out next, out _)) return false;
            item = new Found(Span(i, next), "daterange", Week(reference.AddDays(7 * shift)) + "-WE", null);
            return true;
        }

        /// <summary>"la nuit", "dans la soirée": part of the day the story is at (the anchoring finds which: the last full day mentioned).</summary>
        private bool TryPartOfStoryDay(int i, out int next, out Found? item)
        {
            next = i; item = null;
            var within = IsWord(i, out var first) && Has(lexicon.WithinWords, first);
            var at = within ? i + 1 : i;
            if (!IsWord(at, out var article) || !Has(lexicon.TheWords, article) || !IsWord(at + 1, out var partWord) || !Find(lexicon.PartsOfDay, partWord, out var part)
                || Touches(i, at + 2) || at + 2 < _tokens.Length && CandidateWindows.IsCue(_text, _tokens, at + 2, lexicon)
                || at + 3 < _tokens.Length && CandidateWindows.IsCue(_text, _tokens, at + 3, lexicon))
                return false;
            next = at + 2;
            item = new Found(Span(i, next), "timerange", "T" + part, null);
            return true;
        }

        /// <summary>"le mois de juin 2015", "the month of May": the month.</summary>
        private bool TryMonthPhrase(int i, out int next, out Found? item)
        {
            next = i; item = null;
            foreach (var phrase in lexicon.MonthPhrases)
            {
                if (!StartsWith(i, phrase, out var at) || !TryMonth(at, out next, out var month) || month is null) continue;
                item = new Found(TextSpan.FromBounds(_tokens[i].Start, month.Span.End), month.Kind, month.Timex, null);
                return true;
            }
            return false;
        }

        /// <summary>"l'été 2019", "en hiver", "cet été": a season, of the year written after it or the article's.</summary>
        private bool TrySeason(int i, out int next, out Found? item)
        {
            next = i + 1; item = null;
            if (!IsWord(i, out var word) || !Find(lexicon.Seasons, word, out var season) || !CandidateWindows.IsCue(_text, _tokens, i, lexicon)
                || IsWord(i + 1, out var after) && Has(lexicon.Directions, after))
                return false;
            var start = i;
            string value;
            if (Year(i + 1) is { } year)
            {
                value = string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{season}");
                next = i + 2;
            }
            else if (IsWord(i - 1, out var before) && Has(lexicon.ThisWords, before))
            {
                value = reference.ToString("yyyy", CultureInfo.InvariantCulture) + "-" + season;
                start = i - 1;
            }
            else if (OpensLonger(i) || IsNumber(i + 1) || IsWord(i - 1, out var of) && Has(lexicon.SeasonAdjectives, of)) return false;
            else value = season;
            if (Touches(start, next)) return false;
            item = new Found(Span(start, next), "daterange", value, null);
            return true;
        }

        /// <summary>"les années 1980": the decade, written as its first three digits ("198").</summary>
        private bool TryDecade(int i, out int next, out Found? item)
        {
            next = i + 2; item = null;
            if (!IsWord(i, out var word) || !Has(lexicon.DecadeWords, word) || Year(i + 1) is not { } year || year % 10 != 0) return false;
            item = new Found(Span(i, i + 2), "daterange", (year / 10).ToString(CultureInfo.InvariantCulture), null);
            return true;
        }

        /// <summary>Whether the words of <paramref name="phrase"/> are the tokens from <paramref name="i"/> on; <paramref name="after"/> is the token after them.</summary>
        private bool StartsWith(int i, string phrase, out int after)
        {
            after = i;
            foreach (var range in phrase.AsSpan().Split(' '))
            {
                if (!IsWord(after, out var word) || !word.Equals(phrase.AsSpan()[range], StringComparison.OrdinalIgnoreCase)) return false;
                after++;
            }
            return true;
        }

        private static string DateValue(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static string Week(DateTime day) =>
            string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day):D4}-W{ISOWeek.GetWeekOfYear(day):D2}");

        /// <summary>Whether a joiner links this date to a number or date beside it ("du 3 au 5 mai",
        /// "le 3 et le 5 mai", "entre mars et juin 2015"): the recogniser reads such ranges.</summary>
        private bool JoinsAnotherDate(int start, int end)
        {
            for (var j = start - 1; j >= Math.Max(0, start - 2); j--)
                if (IsJoiner(j) && (IsDateLike(j - 1) || IsDateLike(j - 2))) return true;
            // After the date, a joiner before a clock time is not a range ("le 3 mai à 14 h 30").
            return IsJoiner(end) && !StartsClock(end + 1) && (IsDateLike(end + 1) || IsDateLike(end + 2));
        }

        private bool StartsClock(int i) => i >= 0 && i < _tokens.Length && ClockAt(i) is { Length: > 0, Start: 0 };

        /// <summary>A clock time written with "h" in the three tokens from <paramref name="i"/> on ("18 h 30", "09h10"), offsets from token i's start.</summary>
        private (int Start, int End, int Length) ClockAt(int i) =>
            ClockTime.Find(_text.AsSpan(_tokens[i].Start, _tokens[Math.Min(i + 2, _tokens.Length - 1)].End - _tokens[i].Start));

        private bool IsDateLike(int i) => IsNumber(i) || Month(i) is not null || Weekday(i) is not null || Day(i) is not null;

        private bool IsJoiner(int i) => i >= 0 && i < _tokens.Length && (IsWord(i, out var word) && Has(lexicon.Joiners, word)
            || _tokens[i].Kind == TokenKind.Punctuation && Has(lexicon.Joiners, _tokens[i].ValueIn(_text)));

        /// <summary>Whether a time word stands right before <paramref name="start"/> or right after
        /// <paramref name="end"/> ("hier soir", "deux ans auparavant"): a longer expression.</summary>
        private bool Touches(int start, int end = -1)
        {
            if (end < 0) end = start + 1;
            return IsWord(start - 1, out var before) && lexicon.IsTrigger(before)
                || IsWord(end, out var after) && (lexicon.IsTrigger(after) || Has(lexicon.References, after));
        }

        /// <summary>Whether the word before token <paramref name="i"/> makes a longer expression of
        /// it ("last May", "each July", "the next two weeks", "tous les trois jours").</summary>
        /// <summary>"P2Y6M", "PT1H30M", "P1DT12H": a whole count and a fraction of a year, day, hour or
        /// minute, the fraction in the next smaller unit; null when it does not come out whole.</summary>
        private static string? WithFraction(int whole, char? dateUnit, char? clockUnit, double fraction)
        {
            var (smaller, format) = (dateUnit, clockUnit) switch
            {
                ('Y', _) => (12, "P{0}Y{1}M"),
                ('D', _) => (24, "P{0}DT{1}H"),
                (null, 'H') => (60, "PT{0}H{1}M"),
                (null, 'M') => (60, "PT{0}M{1}S"),
                _ => (0, ""),
            };
            var part = fraction * smaller;
            if (smaller == 0 || part != Math.Floor(part)) return null;
            return string.Format(CultureInfo.InvariantCulture, format, whole, (int)part);
        }

        private bool OpensLonger(int i) =>
            IsWord(i - 1, out var before) && (Has(lexicon.LongerBefore, before) || Has(lexicon.DirectionsBefore, before) || Has(lexicon.ThisWords, before));

        /// <summary>"2 1/2 years": a number glued to the one before it is part of a number the recogniser reads whole.</summary>
        private bool GluedToNumber(int i) =>
            i > 0 && _tokens[i - 1].Kind is TokenKind.Number or TokenKind.Punctuation && _tokens[i - 1].End == _tokens[i].Start;

        private bool IsNumber(int i) => i >= 0 && i < _tokens.Length && _tokens[i].Kind == TokenKind.Number;

        /// <summary>Where the phrase of <paramref name="phrases"/> that ends right before token <paramref name="i"/> starts, or -1.</summary>
        private int PrecededBy(int i, IEnumerable<string> phrases) => PrecededBy(i, phrases, out _);

        private int PrecededBy(int i, IEnumerable<string> phrases, out string which)
        {
            var before = _text.AsSpan(0, _tokens[i].Start).TrimEnd();
            foreach (var phrase in phrases)
                if (TextSearch.EndsWithPhrase(before, phrase, out var start))
                {
                    which = phrase;
                    return start;
                }
            which = "";
            return -1;
        }

        /// <summary>Where a fraction of the language ("and a half", "et demie") that opens at token <paramref name="i"/>
        /// ends, with its value; -1 when none does.</summary>
        private int FractionAt(int i, out double value) => PhraseAt(i, lexicon.Fractions, out value);

        /// <summary>Where the phrase of <paramref name="phrases"/> that starts at token <paramref name="i"/> ends, with
        /// the value the language gives it ("et demie" 0.5, "de l'après-midi" 12); -1 when none does.</summary>
        private int PhraseAt<T>(int i, IReadOnlyList<(string Phrase, T Value)> phrases, out T value)
        {
            value = default!;
            if (i >= _tokens.Length) return -1;
            var after = _text.AsSpan(_tokens[i].Start);
            foreach (var (phrase, phraseValue) in phrases)
                if (TextSearch.StartsWithPhrase(after, phrase))
                {
                    value = phraseValue;
                    return _tokens[i].Start + phrase.Length;
                }
            return -1;
        }

        /// <summary>The first token from <paramref name="from"/> on that starts at or after the character offset <paramref name="end"/>.</summary>
        private int TokenFrom(int from, int end)
        {
            while (from < _tokens.Length && _tokens[from].Start < end) from++;
            return from;
        }

        /// <summary>Where the phrase of <paramref name="phrases"/> that starts at token <paramref name="i"/> ends, or -1.</summary>
        private int FollowedBy(int i, IEnumerable<string> phrases, out string which)
        {
            which = "";
            if (i >= _tokens.Length) return -1;
            var after = _text.AsSpan(_tokens[i].Start);
            foreach (var phrase in phrases)
                if (TextSearch.StartsWithPhrase(after, phrase))
                {
                    which = phrase;
                    return _tokens[i].Start + phrase.Length;
                }
            return -1;
        }

        private char? UnitOf(ReadOnlySpan<char> word)
        {
            foreach (var (name, unit) in lexicon.Units)
                if (word.Equals(name, StringComparison.OrdinalIgnoreCase)) return unit;
            return null;
        }

        /// <summary>A whole number of units: digits ("15") or a number word ("deux").</summary>
        private int? Count(int i)
        {
            if (i < 0 || i >= _tokens.Length) return null;
            var value = _tokens[i].ValueIn(_text);
            if (_tokens[i].Kind == TokenKind.Number)
                return value.Length <= 4 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
            if (_tokens[i].Kind != TokenKind.Word) return null;
            if (Find(lexicon.Numbers, value, out var count)) return count;
            // "dix-huit" (10 + 8), "vingt-cinq", "forty-five"; "quatre-vingts" (4 × 20).
            var total = 0;
            foreach (var range in value.Split('-'))
            {
                if (!Find(lexicon.Numbers, value[range], out var part)) return null;
                total = total > 0 && total < part ? total * part : total + part;
            }
            return total > 0 && value.Contains('-') ? total : null;
        }

        /// <summary>A count that may take more than one word ("vingt et un", "soixante et onze": tens, the language's
        /// word joining them, and a number below twenty); <paramref name="after"/> is the token after it.</summary>
        private int? Count(int i, out int after)
        {
            after = i + 1;
            if (Count(i) is not { } tens) return null;
            if (tens < 20 || tens % 10 != 0 || !IsWord(i + 1, out var and) || !Has(lexicon.NumberJoiners, and) || Count(i + 2) is not (< 20 and var units) || !IsWord(i + 2, out _))
                return tens;
            after = i + 3;
            return tens + units;
        }

        /// <summary>"30,4", "22.87": a decimal number as TIMEX3 writes it; not "40.564", which may be a thousands group.</summary>
        private string? Decimal(int i)
        {
            if (!IsNumber(i)) return null;
            var value = _tokens[i].ValueIn(_text);
            var mark = value.IndexOfAny('.', ',');
            if (mark <= 0 || value.LastIndexOfAny('.', ',') != mark || value[mark] == '.' && value.Length - mark - 1 == 3) return null;
            return string.Concat(value[..mark], ".", value[(mark + 1)..]);
        }

        /// <summary>An ordinal: a word ("première" 1, "dernière" -1 for the last) or digits with an ordinal ending ("3e", "3rd").</summary>
        private int? Ordinal(int i)
        {
            if (!IsWord(i, out var word)) return null;
            if (Find(lexicon.OrdinalWords, word, out var n)) return n;
            var digits = 0;
            while (digits < word.Length && char.IsAsciiDigit(word[digits])) digits++;
            return digits is > 0 and <= 2 && Has(lexicon.OrdinalEndings, word[digits..])
                && int.TryParse(word[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;
        }

        /// <summary>The value of a number token of digits only ("04" is 4).</summary>
        private int Number(int i) => int.Parse(_tokens[i].ValueIn(_text), NumberStyles.None, CultureInfo.InvariantCulture);

        /// <summary>A day of the month: "3", "03", "1er", "3rd".</summary>
        private int? Day(int i)
        {
            if (i < 0 || i >= _tokens.Length) return null;
            var value = _tokens[i].ValueIn(_text);
            if (_tokens[i].Kind == TokenKind.Word)
            {
                var digits = 0;
                while (digits < value.Length && char.IsAsciiDigit(value[digits])) digits++;
                if (digits == 0 || !Has(lexicon.Ordinals, value[digits..])) return null;
                value = value[..digits];
            }
            else if (_tokens[i].Kind != TokenKind.Number) return null;
            return value.Length <= 2 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31 ? day : null;
        }

        /// <summary>A day of the month at token <paramref name="i"/> followed by what the language writes
        /// before the month: an ordinal ending standing as its own token ("3. Mai"), a link word
        /// ("21 de abril"). <paramref name="month"/> is the token where the month would stand.</summary>
        private int? DayBeforeMonth(int i, out int month)
        {
            month = i + 1;
            if (Day(i) is not { } day) return null;
            if (month < _tokens.Length && _tokens[month].Kind == TokenKind.Punctuation && _tokens[month].Start == _tokens[i].End
                && Has(lexicon.Ordinals, _tokens[month].ValueIn(_text)))
                month++;
            if (IsDateLink(month)) month++;
            return day;
        }

        /// <summary>A year at token <paramref name="i"/>, or after a link word there ("de 2021");
        /// <paramref name="next"/> is the token after the year.</summary>
        private int? YearAfter(int i, out int next)
        {
            var at = IsDateLink(i) ? i + 1 : i;
            next = at + 1;
            return Year(at);
        }

        private bool IsDateLink(int i) => IsWord(i, out var word) && Has(lexicon.DateLinks, word);

        private int? Month(int i) =>
            IsWord(i, out var word) && !lexicon.IsLowercaseMonth(word) && lexicon.Months.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var month) ? month : null;

        /// <summary>A weekday name in the plural ("jeudis", "Mondays") or the singular.</summary>
        private int? PluralWeekday(int i) => Weekday(i) ?? (IsWord(i, out var word) ? lexicon.PluralWeekday(word) : null);

        private int? Weekday(int i) =>
            IsWord(i, out var word) && lexicon.Weekdays.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(lexicon.Stem(word), out var day) ? day : null;

        /// <summary>A year of four digits standing as its own token (1900–2099).</summary>
        private int? Year(int i)
        {
            if (i < 0 || i >= _tokens.Length || _tokens[i].Kind != TokenKind.Number) return null;
            var value = _tokens[i].ValueIn(_text);
            return value.Length == 4 && value[0] is '1' or '2' && value[1] is '9' or '0' && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                && year is >= 1900 and <= 2099 ? year : null;
        }

        private bool IsWord(int i, out ReadOnlySpan<char> word)
        {
            word = default;
            if (i < 0 || i >= _tokens.Length || _tokens[i].Kind != TokenKind.Word) return false;
            word = _tokens[i].ValueIn(_text);
            return true;
        }

        private static bool Has(FrozenSet<string> set, ReadOnlySpan<char> word) => set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

        private static bool Has<T>(FrozenDictionary<string, T> map, ReadOnlySpan<char> word) => map.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(word);

        private static bool Find<T>(FrozenDictionary<string, T> map, ReadOnlySpan<char> word, out T value) =>
            map.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out value!);

        private bool IsPunctuation(int i, char mark) => i < _tokens.Length && _tokens[i].Kind == TokenKind.Punctuation && _text[_tokens[i].Start] == mark;

        private TextSpan Span(int from, int to) => TextSpan.FromBounds(_tokens[from].Start, _tokens[to - 1].End);
    }
}
