using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Dossier.Languages;

namespace Dossier.Core.Recognize.Time;

/// <summary>What the temporal stage knows of one language, read once from its "time.tsv" (with
/// months.tsv and weekdays.tsv) and shared by every thread.</summary>
public sealed class TimeLexicon
{
    private static readonly Lazy<FrozenDictionary<string, TimeLexicon>> All = new(() =>
        LanguageData.Available
            .Where(code => LanguageData.ReadLines(code, FileName).Count > 0)
            .ToFrozenDictionary(code => code, code => new TimeLexicon(code), StringComparer.Ordinal));

    public const string FileName = "time.tsv";

    public string Language { get; }
    /// <summary>The Microsoft.Recognizers.Text culture ("fr-fr").</summary>
    public string Culture { get; }
    /// <summary>Words that can belong to a time expression, months and weekdays included (case-insensitive).</summary>
    public FrozenSet<string> Triggers { get; }
    /// <summary>Triggers that count only after one of their words ("été" after "l'", "cet", "en").</summary>
    private readonly FrozenDictionary<string, FrozenSet<string>> _guards;
    public FrozenDictionary<string, int> Months { get; }
    public FrozenDictionary<string, int> Weekdays { get; }
    /// <summary>Words before an expression that give it a TIMEX3 mod, longest first.</summary>
    public IReadOnlyList<(string Words, string Mod)> Mods { get; }
    /// <summary>Words that Recognizers keeps at the head of a span and TimeML leaves out, longest first.</summary>
    public IReadOnlyList<string> Leads { get; }
    /// <summary>Words right after an expression that fix its direction: true for the future.</summary>
    public FrozenDictionary<string, bool> Directions { get; }
    /// <summary>Words after "the" and a unit that place it from the story's last date, not the article's ("l'année suivante"): true for after.</summary>
    public FrozenDictionary<string, bool> StoryDirections { get; }
    /// <summary>Words that are "of" and "the" in one ("du mois prochain"), before a unit and a direction word.</summary>
    public FrozenSet<string> OfTheWords { get; }
    /// <summary>Phrases after a clock time naming the part of the day it falls in, with the hours they add to an hour before noon ("de l'après-midi" → 12), longest first.</summary>
    public IReadOnlyList<(string Phrase, int Hours)> ClockParts { get; }
    public Regex Future { get; }
    public Regex Past { get; }
    /// <summary>Words that move the reference day ("hier" → -1).</summary>
    public FrozenDictionary<string, int> Shifts { get; }
    public IReadOnlyList<string> After { get; }
    public IReadOnlyList<string> Before { get; }
    public IReadOnlyList<string> Follows { get; }
    public IReadOnlyList<string> SameDay { get; }
    /// <summary>Phrases that mean the year of the story just told ("that year"), longest first.</summary>
    public IReadOnlyList<string> SameYear { get; }
    /// <summary>Words opening a phrase whose date is at or before the reference ("depuis", "since"): a count runs since a point already past.</summary>
    public FrozenSet<string> SinceWords { get; }
    /// <summary>Words after "la veille", "le lendemain" that tie the day to another happening ("au lendemain de manifestations").</summary>
    public FrozenSet<string> ShiftOf { get; }
    public FrozenSet<string> Ambiguous { get; }
    /// <summary>Matched against "text before\x01text after" a duration of years: an age.</summary>
    public Regex? Age { get; }
    /// <summary>Quantifiers of a duration without a number ("plusieurs jours" → PXD).</summary>
    public FrozenSet<string> Vague { get; }
    /// <summary>Words right before a weekday that say which one ("last Wednesday"): true for the future.</summary>
    public FrozenDictionary<string, bool> DirectionsBefore { get; }
    /// <summary>Phrases right before a weekday, left outside its span, that say which one ("à partir de lundi" is the coming Monday).</summary>
    public (string Text, bool Future)[] DirectionLeads { get; }
    /// <summary>Words that are time expressions by themselves ("désormais" → PRESENT_REF).</summary>
    public FrozenDictionary<string, string> References { get; }
    /// <summary>Words that say how often ("quotidiennement" → P1D): a set by themselves.</summary>
    public FrozenDictionary<string, string> Frequencies { get; }
    /// <summary>Phrases of several words that are time expressions alone ("the future" → FUTURE_REF), longest first.</summary>
    public IReadOnlyList<(string Phrase, string Value)> ReferencePhrases { get; }
    /// <summary>Plural unit words that alone are a length of time without a number ("for weeks" → PXW) → their unit.</summary>
    public FrozenDictionary<string, char> VagueUnits { get; }
    /// <summary>Words after which a plural unit word stands alone for such a length ("for", "within").</summary>
    public FrozenSet<string> VagueUnitLeads { get; }
    /// <summary>Unit words of durations and relative expressions → their unit: 'Y', 'M', 'W' or 'D'.</summary>
    public IReadOnlyList<(string Word, char Unit)> Units { get; }
    /// <summary>Phrases naming a quarter, longest first, with which one: "latest" (the last one ended
    /// before the article: "the latest quarter"), "story" (the one the story is about: "the quarter"),
    /// "year-earlier" (the story's quarter a year before: "the year-ago quarter").</summary>
    public IReadOnlyList<(string Phrase, string Which)> QuarterPhrases { get; }
    /// <summary>A past-tense verb near a written date without its year ("March", "Jan. 31") puts it in
    /// the past of the article, not at the nearest year.</summary>
    public bool PastTenseDates { get; }
    /// <summary>A year said aloud ("nineteen ninety-six"): groups "c" (its century word), "t" (tens), "u" (units); null when the language has none.</summary>
    public Regex? SpelledYear { get; }
    /// <summary>Number words → their value ("ninety" → 90, "deux" → 2): counts of units, years said aloud.</summary>
    public FrozenDictionary<string, int> Numbers { get; }
    /// <summary>Words joining tens and a smaller number in one count ("vingt et un").</summary>
    public FrozenSet<string> NumberJoiners { get; }
    /// <summary>Words that say a year's first two digits ("nineteen" → 19).</summary>
    public FrozenDictionary<string, int> SpelledCenturies { get; }
    /// <summary>A century named by its ordinal ("the 20th century"), the number in group "n"; null when the language has none.</summary>
    public Regex? OrdinalCentury { get; }
    /// <summary>Words before a season that make it one season ("the summer"), to be given its year; a season without one is any ("in summer").</summary>
    public IReadOnlyList<string> SeasonDeterminers { get; }
    /// <summary>Words after "the year" that make it a length of time ending at a date ("the year ended March 31").</summary>
    public IReadOnlyList<string> PeriodEnds { get; }
    /// <summary>Endings that make a word possessive ("Friday's"): the word without them is the cue.</summary>
    public IReadOnlyList<string> Possessives { get; }

    /// <summary>A word without its possessive ending ("Friday's" → "Friday").</summary>
    public ReadOnlySpan<char> Stem(ReadOnlySpan<char> word)
    {
        foreach (var ending in Possessives)
            if (word.Length > ending.Length && word.EndsWith(ending, StringComparison.OrdinalIgnoreCase)) return word[..^ending.Length];
        return word;
    }
    public FrozenSet<string> Joiners { get; }
    /// <summary>Words between a day and its clock time when TimeML annotates them apart ("vers", "à").</summary>
    public IReadOnlyList<string> ClockJoiners { get; }
    public FrozenSet<string> Openers { get; }
    /// <summary>Words naming a day from the article's ("hier" → -1), read without the recogniser when they stand alone.</summary>
    public FrozenDictionary<string, int> Deictics { get; }
    /// <summary>Parts of the day with their TIMEX3 code ("soir" → EV, "afternoon" → AF).</summary>
    public FrozenDictionary<string, string> PartsOfDay { get; }
    /// <summary>Words before a unit naming the article's own ("cette semaine").</summary>
    public FrozenSet<string> ThisWords { get; }
    /// <summary>Articles before a unit and a direction word ("la semaine dernière").</summary>
    public FrozenSet<string> TheWords { get; }
    /// <summary>Words before a count of units that make it something other than a duration ("il y a deux ans"), longest first.</summary>
    public IReadOnlyList<string> NotDurations { get; }
    /// <summary>Words before a month, weekday or count that make a longer expression of it ("each July", "the next two weeks").</summary>
    public FrozenSet<string> LongerBefore { get; }
    /// <summary>Words counting an unstated number of units ("quelques jours").</summary>
    public FrozenSet<string> VagueCounts { get; }
    /// <summary>Phrases before a unit that make a set ("chaque année", "tous les"), longest first.</summary>
    public IReadOnlyList<string> SetWords { get; }
    /// <summary>Phrases before a number that make it a clock time ("à 17 heures", "à partir de 18 heures"), longest first.</summary>
    public IReadOnlyList<string> ClockBefore { get; }
    /// <summary>Fractions after a duration's unit ("et demie" 0.5), longest first.</summary>
    public IReadOnlyList<(string Text, double Value)> Fractions { get; }
    /// <summary>Words for hours after a number ("17 heures").</summary>
    public FrozenSet<string> HourWords { get; }
    /// <summary>Words for hours, minutes and seconds after a count, with their TIMEX3 letter ("heures" → 'H').</summary>
    public FrozenDictionary<string, char> ClockUnits { get; }
    /// <summary>Phrases before a count of units that make it a day that far from now, with the direction ("il y a" → -1, "dans" → 1).</summary>
    public FrozenDictionary<string, int> ShiftsBefore { get; }
    /// <summary>Phrases after a count of units that make it a day that far from now ("ago" → -1, "plus tard" → 1).</summary>
    public FrozenDictionary<string, int> ShiftsAfter { get; }
    /// <summary>Season words and their TIMEX3 code ("été" → "SU").</summary>
    public FrozenDictionary<string, string> Seasons { get; }
    /// <summary>Words before a season that make it an adjective ("vacances d'été", "Jeux d'hiver").</summary>
    public FrozenSet<string> SeasonAdjectives { get; }
    /// <summary>Words before a year naming its decade ("les années 1980").</summary>
    public FrozenSet<string> DecadeWords { get; }
    /// <summary>Words for the weekend ("week-end").</summary>
    public FrozenSet<string> WeekendWords { get; }
    /// <summary>Words before "la nuit", "la soirée" that put it within the story's day ("dans").</summary>
    public FrozenSet<string> WithinWords { get; }
    /// <summary>Phrases before a month that name it ("mois de", "month of").</summary>
    public IReadOnlyList<string> MonthPhrases { get; }
    /// <summary>Holiday names by their first word, each word's names longest first ("lundi de pâques" before "lundi …").</summary>
    private readonly FrozenDictionary<string, (string Name, Holiday Day)[]> _holidays;

    /// <summary>The holiday whose name starts at <paramref name="start"/> of <paramref name="text"/>, its
    /// first word being <paramref name="word"/> ("Noël", "lundi de Pâques", "Saint-Valentin"); <paramref name="end"/> is where the name ends.</summary>
    public Holiday? HolidayAt(string text, int start, ReadOnlySpan<char> word, out int end)
    {
        end = start;
        if (!_holidays.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var names)) return null;
        var rest = text.AsSpan(start);
        foreach (var (name, day) in names)
            if (TextSearch.StartsWithPhrase(rest, name))
            {
                end = start + name.Length;
                return day;
            }
        return null;
    }
    /// <summary>Ordinal words and what they count ("première" → 1, "dernière" → -1, the last).</summary>
    public FrozenDictionary<string, int> OrdinalWords { get; }
    /// <summary>Endings of an ordinal written in digits ("3e", "3rd"), those of a day number among them.</summary>
    public FrozenSet<string> OrdinalEndings { get; }
    /// <summary>Words between an ordinal unit and the year or month it counts in ("la 3e semaine de 2018").</summary>
    public FrozenSet<string> UnitOfWords { get; }
    /// <summary>Endings of a day number ("1er", "3rd").</summary>
    public FrozenSet<string> Ordinals { get; }
    /// <summary>Words between a day, its month and its year ("de").</summary>
    public FrozenSet<string> DateLinks { get; }
    /// <summary>A word and a day number ("lundi 20", "jueves 4"), groups "w" and "d".</summary>
    public Regex WeekdayAndDay { get; }
    /// <summary>Whether the language writes the month before the day ("January 3").</summary>
    public bool MonthDayOrder { get; }

    /// <summary>Whether <paramref name="word"/> is a month or weekday name that is mostly another word ("sept", "mar", "may").</summary>
    public bool IsAmbiguousName(ReadOnlySpan<char> word) =>
        Ambiguous.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) && IsMonthOrWeekday(word);

    /// <summary>Whether <paramref name="word"/> names a month or a weekday.</summary>
    public bool IsMonthOrWeekday(ReadOnlySpan<char> word) =>
        Months.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(word) || Weekdays.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(word);

    /// <summary>Whether the language writes month names with a capital, so that a lower-case one is
    /// another word ("protesters will march", "they may").</summary>
    public bool CapitalizedMonths { get; }

    /// <summary>Whether the language writes month names in lower case, so that a capitalised one inside a
    /// sentence is a name ("sur Mars", "Magali Janvier").</summary>
    public bool LowerCaseMonths { get; }

    /// <summary>Words after which a capitalised month is still a month, a writer's capital ("En Avril", "fin Mars").</summary>
    public FrozenSet<string> CapitalMonthLeads { get; }

    /// <summary>A month name written in lower case in a language that capitalizes them: not a month.</summary>
    public bool IsLowercaseMonth(ReadOnlySpan<char> word) =>
        CapitalizedMonths && word.Length > 0 && char.IsLower(word[0]) && Months.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(word);

    /// <summary>The ISO day of a weekday name in the plural ("jeudis", "Mondays"), or null.</summary>
    public int? PluralWeekday(ReadOnlySpan<char> word) =>
        word.Length > 1 && word[^1] is 's' or 'S' && Weekdays.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word[..^1], out var day) ? day : null;

    /// <summary>Whether <paramref name="word"/> is a time word (case-insensitive).</summary>
    public bool IsTrigger(ReadOnlySpan<char> word) => _triggers.Contains(word);

    /// <summary>For a word that is a time word only after certain words ("été" after "l'", "cet"), whether
    /// <paramref name="previous"/> is one of them; null for any other word.</summary>
    public bool? GuardAllows(ReadOnlySpan<char> word, ReadOnlySpan<char> previous) =>
        _guards.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var after) ? after.GetAlternateLookup<ReadOnlySpan<char>>().Contains(previous) : null;

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _triggers;

    private TimeLexicon(string language)
    {
        Language = language;
        var rows = DataRows.Read(language, FileName);
        IEnumerable<string> Texts(string kind) => rows.Of(kind).Select(r => r.Text);
        string Single(string kind) => rows.Of(kind).SingleOrDefault()?.Text
            ?? throw new InvalidDataException($"{rows.Origin}: one '{kind}' line is required");
        FrozenDictionary<string, int> IntMap(string kind) => rows.Of(kind).ToFrozenDictionary(
            r => r.Text,
            r => int.TryParse(r.Value, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
                : throw rows.Error(r, $"{kind} '{r.Text}' needs a number"),
            StringComparer.OrdinalIgnoreCase);
        // A unit written as one of the letters of TIMEX3 durations ("Y" in P2Y, "H" in PT3H).
        char Letter(DataRow r, string letters) => r.Value.Length == 1 && letters.Contains(r.Value[0], StringComparison.Ordinal) ? r.Value[0]
            : throw rows.Error(r, $"{r.Kind} '{r.Text}' needs one of {string.Join(", ", letters.ToCharArray())}");
        Regex Pattern(string text) => new(text, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, PatternLimit.Timeout);

        var profile = LanguageProfile.Get(language);
        Culture = Single("culture");
        Months = profile.Months;
        Weekdays = profile.Weekdays;
        Triggers = Texts("trigger").Concat(Months.Keys).Concat(Weekdays.Keys).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Mods = rows.Of("mod").Select(r => (r.Text, r.Value)).OrderByDescending(m => m.Text.Length).ToArray();
        Leads = Texts("lead").OrderByDescending(t => t.Length).ToArray();
        Directions = rows.Of("direction")
            .ToFrozenDictionary(r => r.Text, r => r.Value == "future", StringComparer.OrdinalIgnoreCase);
        StoryDirections = rows.Of("story-direction")
            .ToFrozenDictionary(r => r.Text, r => r.Value == "after", StringComparer.OrdinalIgnoreCase);
        DirectionsBefore = rows.Of("direction-before")
            .ToFrozenDictionary(r => r.Text, r => r.Value == "future", StringComparer.OrdinalIgnoreCase);
        DirectionLeads = rows.Of("direction-lead").Select(r => (r.Text, r.Value == "future")).ToArray();
        Future = Pattern(Single("future"));
        Past = Pattern(Single("past"));
        Shifts = IntMap("shift");
        After = Texts("after").ToArray();
        Before = Texts("before").ToArray();
        Follows = Texts("follows").ToArray();
        SameDay = Texts("same-day").OrderByDescending(t => t.Length).ToArray();
        SameYear = Texts("same-year").OrderByDescending(t => t.Length).ToArray();
        SinceWords = Texts("since").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        ShiftOf = Texts("shift-of").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Ambiguous = Texts("ambiguous").ToFrozenSet(StringComparer.Ordinal);
        Age = rows.Of("age").Any() ? Pattern(Single("age")) : null;
        Vague = Texts("vague").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        References = rows.Of("reference").Where(r => !r.Text.Contains(' ', StringComparison.Ordinal)).ToFrozenDictionary(r => r.Text, r => r.Value, StringComparer.OrdinalIgnoreCase);
        Frequencies = rows.Of("frequency").ToFrozenDictionary(r => r.Text, r => r.Value, StringComparer.OrdinalIgnoreCase);
        // A same-year phrase is an expression by itself too, of the story's year, found where the recogniser does not
        // find it ("cette année-là"); XXXX stands until the anchoring gives the year, and stays when none came before.
        ReferencePhrases = rows.Of("reference").Where(r => r.Text.Contains(' ', StringComparison.Ordinal)).Select(r => (r.Text, r.Value))
            .Concat(SameYear.Select(phrase => (phrase, "XXXX"))).OrderByDescending(r => r.Item1.Length).ToArray();
        _guards = rows.Of("guard").GroupBy(r => r.Text, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.Select(r => r.Value).ToFrozenSet(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        Units = rows.Of("unit").Select(r => (r.Text, Letter(r, "YMWD"))).ToArray();
        VagueUnits = rows.Of("vague-unit").ToFrozenDictionary(r => r.Text, r => Letter(r, "YMWD"), StringComparer.OrdinalIgnoreCase);
        VagueUnitLeads = Texts("vague-unit-after").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        ClockJoiners = Texts("clock").ToArray();
        QuarterPhrases = rows.Of("quarter").Select(r => (r.Text, r.Value)).OrderByDescending(q => q.Text.Length).ToArray();
        Joiners = Texts("joiner").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Openers = Texts("opener").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        PeriodEnds = Texts("period-end").ToArray();
        SeasonDeterminers = Texts("season-determiner").ToArray();
        Numbers = IntMap("number");
        NumberJoiners = Texts("number-and").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        SpelledCenturies = IntMap("spelled-century");
        if (SpelledCenturies.Count > 0 && Numbers.Count > 0)
        {
            var numbers = string.Join('|', Numbers.Keys.Select(Regex.Escape));
            SpelledYear = Pattern($@"\b(?<c>{string.Join('|', SpelledCenturies.Keys.Select(Regex.Escape))})\s+(?<t>{numbers})(?:[\s-](?<u>{numbers}))?\b");
        }
        OrdinalCentury = rows.Of("ordinal-century").Any() ? Pattern(Single("ordinal-century")) : null;
        Possessives = Texts("possessive").ToArray();
        PastTenseDates = rows.Of("tense-dates").Any(r => r.Text == "past");
        MonthDayOrder = rows.Of("date-order").Any(r => r.Text == "month-day");
        CapitalizedMonths = rows.Of("month-case").Any(r => r.Text == "capitalized");
        LowerCaseMonths = rows.Of("month-case").Any(r => r.Text == "lower-case");
        CapitalMonthLeads = Texts("capital-month-lead").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Deictics = IntMap("deictic");
        PartsOfDay = rows.Of("part-of-day").ToFrozenDictionary(r => r.Text, r => r.Value, StringComparer.OrdinalIgnoreCase);
        ThisWords = Texts("this").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        TheWords = Texts("the").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        OfTheWords = Texts("of-the").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        NotDurations = Texts("not-duration").OrderByDescending(t => t.Length).ToArray();
        LongerBefore = Texts("longer-before").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Fractions = rows.Of("fraction").OrderByDescending(r => r.Text.Length)
            .Select(r => (r.Text, double.Parse(r.Value, System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        VagueCounts = Texts("vague-count").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        SetWords = Texts("set").OrderByDescending(t => t.Length).ToArray();
        ClockParts = rows.Of("clock-part").Select(r => (r.Text, int.Parse(r.Value, System.Globalization.CultureInfo.InvariantCulture))).OrderByDescending(c => c.Text.Length).ToArray();
        ClockBefore = Texts("clock-before").OrderByDescending(p => p.Length).ToArray();
        HourWords = profile.HourWords;
        ClockUnits = rows.Of("clock-unit").ToFrozenDictionary(r => r.Text, r => Letter(r, "HMS"), StringComparer.OrdinalIgnoreCase);
        ShiftsBefore = IntMap("shift-before");
        ShiftsAfter = IntMap("shift-after");
        Seasons = rows.Of("season").ToFrozenDictionary(r => r.Text, r => r.Value, StringComparer.OrdinalIgnoreCase);
        SeasonAdjectives = Texts("season-adjective").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        DecadeWords = Texts("decade").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        WeekendWords = Texts("weekend").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        WithinWords = Texts("within").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        MonthPhrases = Texts("month-phrase").ToArray();
        _holidays = rows.Of("holiday")
            .Select(r => (r.Text, Day: Holiday.Parse(r.Value) ?? throw rows.Error(r, $"holiday '{r.Text}' needs MM-DD, easter±N or -")))
            .GroupBy(h => h.Text.Split(' ')[0], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(h => h.Text.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        Ordinals = profile.Ordinals;
        OrdinalWords = IntMap("ordinal");
        OrdinalEndings = Ordinals.Concat(Texts("ordinal-ending")).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        UnitOfWords = Texts("unit-of").ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        DateLinks = profile.DateLinks;
        var ordinal = Ordinals.Count == 0 ? "" : $"(?:{string.Join('|', Ordinals.OrderByDescending(o => o.Length).Select(Regex.Escape))})?";
        WeekdayAndDay = new Regex($@"(?<w>\p{{L}}+)\s+(?<d>[12]?\d|3[01]){ordinal}", RegexOptions.CultureInvariant | RegexOptions.Compiled, PatternLimit.Timeout);
        _triggers = Triggers.GetAlternateLookup<ReadOnlySpan<char>>();
        rows.RejectUnknownKinds();
    }

    /// <summary>The lexicon of a language, or null when the language has no time data.</summary>
    public static TimeLexicon? For(string language) => All.Value.GetValueOrDefault(language);
}
