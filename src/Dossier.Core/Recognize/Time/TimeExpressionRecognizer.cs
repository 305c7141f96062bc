using System.Globalization;
using Dossier.Core.Describe;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Core.Recognize.Time;

/// <summary>Date and time expressions of content and title lines, normalised to TIMEX3 against the
/// article's date. Microsoft.Recognizers.Text recognises them, sentence by sentence and only around
/// time cues (see <see cref="CandidateWindows"/>); its output is checked (explicit dates are re-read,
/// ranges of two dates split, ages and lone ambiguous words dropped) and the project's anchoring
/// rules (<see cref="TimexAnchoring"/>) give the values. Nothing is invented: without an article
/// date, relative values stay underspecified.</summary>
public sealed class TimeExpressionRecognizer : IDocumentStage
{
    /// <summary>Longest piece of text given to the recogniser at once: its patterns can run far
    /// ("entre … et …") and its cost grows with the text.</summary>
    public const int MaxWindow = 300;

    /// <summary>The recogniser costs milliseconds per window, against microseconds for the common
    /// forms: a document gives it at most this many characters, plus a fiftieth of its length. An
    /// article never comes near; text packed with time words (a list of thousands of dates) keeps
    /// what the common forms read of the rest, and its time stays linear.</summary>
    public const int RecogniserBudget = 10_000;

    /// <summary>"Now" for the recogniser when the article has no full date; what it resolves
    /// against it is masked afterwards.</summary>
    private static readonly DateTime Placeholder = new(2000, 6, 15, 0, 0, 0, DateTimeKind.Unspecified);

    private readonly DateTextParser _dates;

    public TimeExpressionRecognizer() : this(DateTextParser.Default) { }

    public TimeExpressionRecognizer(DateTextParser dates) => _dates = dates;

    public string Name => "time";
    public IReadOnlyList<string> Requires { get; } = [Layers.Text, Layers.Language, Layers.Lines, Layers.Metadata, Layers.Tokens, Layers.Sentences];
    public IReadOnlyList<string> Provides { get; } = [Layers.Timexes];

    public void Annotate(AnalysedDocument document, CancellationToken cancellationToken)
    {
        var lexicon = TimeLexicon.For(document.Language);
        document.Timexes = lexicon is null ? [] : Recognize(document, lexicon, ArticleDate.Parse(document.Metadata.Published?.Value), cancellationToken);
    }

    /// <summary>The expressions of a document's content and title sentences, in text order.</summary>
    public TimeExpression[] Recognize(AnalysedDocument document, TimeLexicon lexicon, ArticleDate article, CancellationToken cancellationToken = default)
    {
        var model = RecognizerModels.For(lexicon.Culture);
        var reference = article.Date?.ToDateTime(TimeOnly.MinValue) ?? Placeholder;
        var anchoring = new TimexAnchoring(lexicon, article);
        var rules = new TimexSpanRules(lexicon);
        var text = document.Text;
        var output = new List<TimeExpression>();
        var windows = new List<TextSpan>();
        var found = new List<Found>();
        var values = new List<string?>();
        var budget = RecogniserBudget + text.Length / 50;
        var entries = LiveBlogEntries.Find(document, _dates, article);
        for (var s = 0; s < document.Sentences.Length; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sentence = document.Sentences[s];
            if (entries.TryGetValue(s, out var entryDay))
            {
                // The recogniser counts "hier" and "ce matin" from the entry's day too.
                anchoring.StartEntry(entryDay);
                reference = entryDay?.ToDateTime(TimeOnly.MinValue) ?? Placeholder;
            }
            var line = document.LineAt(sentence.Span.Start);
            if (line.Kind is not (LineKind.Content or LineKind.Title)) continue;
            windows.Clear();
            var tokens = document.Tokens.AsSpan(sentence.FirstToken, sentence.TokenCount);
            CandidateWindows.Find(text, tokens, lexicon, windows);
            found.Clear();
            AddReferenceWords(text, tokens, lexicon, found);
            if (windows.Count == 0 && found.Count == 0) continue;
            var references = found.ToArray();
            foreach (var window in windows)
            {
                if (CommonForms.TryRead(text, tokens, window, lexicon, reference, found) || budget < window.Length) continue;
                budget -= window.Length;
                for (var start = window.Start; start < window.End; start += MaxWindow)
                    Collect(text, TextSpan.FromBounds(start, Math.Min(window.End, start + MaxWindow)), model, reference, found);
                CommonForms.ReadAfterRecogniser(text, tokens, window, lexicon, reference, found);
            }
            // One order for the checks that follow, whoever found what.
            found.Sort(static (a, b) => a.Span.Start.CompareTo(b.Span.Start));
            DropCoveredReferences(found, references);
            rules.Refine(text, sentence.Span, found);
            values.Clear();
            foreach (var item in found)
                values.Add(Resolve(text, sentence.Span, item, lexicon, rules, anchoring, reference));
            for (var i = 0; i < found.Count; i++)
            {
                // "la veille du 14 juillet", "dans la soirée de jeudi": counted from the happening's day, resolved after it.
                if (found[i].ShiftedFrom is { } from && values[found.IndexOf(from)] is { } happening && values[i] is { Length: >= 10 } unknown
                    && ShiftedDay(happening, found[i].ShiftDays) is { } day)
                    values[i] = day + unknown[10..];
                if (values[i] is not { } value) continue;
                output.Add(new TimeExpression(found[i].Span, TypeOf(found[i].Kind, value), value, found[i].Mod));
            }
        }
        return output.ToArray();
    }

    /// <summary>Recogniser results for one window, checked against the explicit dates the window holds.</summary>
    private void Collect(string text, TextSpan window, Microsoft.Recognizers.Text.DateTime.DateTimeModel model, DateTime reference, List<Found> found)
    {
        var piece = text.Substring(window.Start, window.Length);
        var explicitDates = new List<DateInText>();
        foreach (var date in _dates.FindAll(piece))
            // "3-1" is a score, "1.5" a number and "3/4" a fraction: a numeric date without its year
            // needs a slash and two digits somewhere ("19/04").
            if (date.Year is not null || date.NumericSeparator is null || date.NumericSeparator == '/' && date.Length >= 4) explicitDates.Add(date);
        var used = new bool[explicitDates.Count];
        foreach (var r in RecognizerModels.Recognize(model, piece, reference))
        {
            var inside = 0;
            var last = -1;
            for (var i = 0; i < explicitDates.Count; i++)
                if (explicitDates[i].Start >= r.Start && explicitDates[i].Start + explicitDates[i].Length <= r.End || Overlaps(explicitDates[i], r))
                { inside++; last = i; used[i] = true; }
            if (inside >= 2 && r.Timex is { } t && t.StartsWith('('))
                continue; // two written dates merged into one range: the dates stand alone (added below)
            var timex = r.Timex;
            var start = r.Start;
            var end = r.End;
            if (inside == 1)
            {
                var d = explicitDates[last];
                // The written date is read exactly; the recogniser misreads abbreviations ("juil.") and two-digit years.
                if (d.Year is not null || timex is null || !IsWellFormed(timex)) timex = WithClockTime(d, timex);
                start = Math.Min(start, d.Start);
                end = Math.Max(end, d.Start + d.Length);
            }
            found.Add(new Found(TextSpan.FromBounds(window.Start + start, window.Start + end), r.Kind, timex, r.Mod));
        }
        for (var i = 0; i < explicitDates.Count; i++)
        {
            var d = explicitDates[i];
            var span = new TextSpan(window.Start + d.Start, d.Length);
            if (used[i] && found.Exists(f => f.Span.Overlaps(span))) continue;
            found.Add(new Found(span, d.Hour is null ? "date" : "datetime", d.ToTimex(), null));
        }
    }

    /// <summary>Words the recogniser does not know that are time expressions alone ("désormais" →
    /// PRESENT_REF, "quotidiennement" → the set P1D, "for weeks" → PXW), years said aloud, and phrases naming the story's quarter ("the latest quarter").</summary>
    private static void AddReferenceWords(string text, ReadOnlySpan<Token> tokens, TimeLexicon lexicon, List<Found> found)
    {
        if (tokens.Length == 0) return;
        var sentence = TextSpan.FromBounds(tokens[0].Start, tokens[^1].End);
        // Phrases first: "these days", "recent years" are one expression, not their last word.
        foreach (var (phrase, value) in lexicon.ReferencePhrases)
        {
            var at = TextSearch.IndexOfWord(text.AsSpan(sentence.Start, sentence.Length), phrase);
            if (at < 0) continue;
            var span = new TextSpan(sentence.Start + at, phrase.Length);
            if (found.Exists(f => f.Span.Overlaps(span)) || IsContinued(text, span.End, sentence.End, lexicon)) continue;
            found.Add(new Found(span, "date", value, null));
        }
        var references = lexicon.References.GetAlternateLookup<ReadOnlySpan<char>>();
        var frequencies = lexicon.Frequencies.GetAlternateLookup<ReadOnlySpan<char>>();
        var vagueUnits = lexicon.VagueUnits.GetAlternateLookup<ReadOnlySpan<char>>();
        var vagueUnitLeads = lexicon.VagueUnitLeads.GetAlternateLookup<ReadOnlySpan<char>>();
        var vague = lexicon.Vague.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Kind != TokenKind.Word) continue;
            var span = new TextSpan(token.Start, token.Length);
            string value;
            var kind = "date";
            if (references.TryGetValue(token.ValueIn(text), out var reference))
                value = reference;
            else if (frequencies.TryGetValue(token.ValueIn(text), out var often))
                (value, kind) = (often, "set");
            // "within weeks", "for years": the unit alone is a length without a number; not "years-old".
            else if (vagueUnits.TryGetValue(token.ValueIn(text), out var unit) && i > 0 && vagueUnitLeads.Contains(tokens[i - 1].ValueIn(text))
                     && (token.End == text.Length || text[token.End] != '-'))
            {
                value = $"PX{unit}";
                // "recent weeks": a vague word before the unit is part of the expression.
                if (vague.Contains(tokens[i - 1].ValueIn(text))) span = TextSpan.FromBounds(tokens[i - 1].Start, token.End);
            }
            else
                continue;
            if (found.Exists(f => f.Span.Overlaps(span))) continue;
            found.Add(new Found(span, kind, value, null));
        }
        AddSpelledYears(text, sentence, lexicon, found);
        foreach (var (phrase, which) in lexicon.QuarterPhrases)
        {
            var at = TextSearch.IndexOfWord(text.AsSpan(sentence.Start, sentence.Length), phrase);
            if (at < 0) continue;
            var span = new TextSpan(sentence.Start + at, phrase.Length);
            if (found.Exists(f => f.Span.Overlaps(span))) continue;
            found.Add(new Found(span, "date", which switch { "latest" => LatestQuarter, "year-earlier" => YearEarlierQuarter, _ => StoryQuarter }, null));
        }
    }

    /// <summary>Years said aloud ("nineteen ninety-six" → 1996), which the recogniser does not read.</summary>
    private static void AddSpelledYears(string text, TextSpan sentence, TimeLexicon lexicon, List<Found> found)
    {
        if (lexicon.SpelledYear is null) return;
        for (var m = lexicon.SpelledYear.Match(text, sentence.Start, sentence.Length); m.Success; m = m.NextMatch())
        {
            var tens = lexicon.Numbers[m.Groups["t"].Value];
            var end = m.Index + m.Length;
            if (m.Groups["u"].Success)
            {
                // "ninety-six" is 96; in "nineteen ninety people" the second number is no part of the year.
                var units = lexicon.Numbers[m.Groups["u"].Value];
                if (tens >= 20 && tens % 10 == 0 && units < 10) tens += units;
                else end = m.Groups["t"].Index + m.Groups["t"].Length;
            }
            if (tens < 10) continue;
            var span = TextSpan.FromBounds(m.Index, end);
            if (found.Exists(f => f.Span.Overlaps(span))) continue;
            var year = lexicon.SpelledCenturies[m.Groups["c"].Value] * 100 + tens;
            found.Add(new Found(span, "date", year.ToString("D4", CultureInfo.InvariantCulture), null));
        }
    }

    /// <summary>Whether the words after a reference phrase go on with it ("the past century", "the past
    /// three summers", "the past 12 months"): a number, a time word or a vague quantity.</summary>
    private static bool IsContinued(string text, int end, int sentenceEnd, TimeLexicon lexicon)
    {
        var rest = text.AsSpan(end, sentenceEnd - end).TrimStart(' ');
        if (rest.Length == 0) return false;
        if (char.IsAsciiDigit(rest[0])) return true;
        var length = 0;
        while (length < rest.Length && char.IsLetter(rest[length])) length++;
        var word = rest[..length];
        return lexicon.Triggers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) || lexicon.Vague.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    /// <summary>A reference word or quarter phrase the recogniser also found is one expression, not
    /// two: the longer reading wins ("recently" the recogniser's, "the year-ago quarter" the phrase's).</summary>
    private static void DropCoveredReferences(List<Found> found, Found[] references)
    {
        foreach (var word in references)
        {
            if (!found.Contains(word)) continue;
            if (found.Exists(f => Array.IndexOf(references, f) < 0 && f.Span.Overlaps(word.Span) && f.Span.Length >= word.Span.Length))
                found.Remove(word);
            else
                found.RemoveAll(f => Array.IndexOf(references, f) < 0 && f.Span.Overlaps(word.Span));
        }
    }

    /// <summary>Stand for "the quarter the story is about" and "the last quarter ended" until the anchoring resolves them.</summary>
    private const string StoryQuarter = "STORY_QUARTER", LatestQuarter = "LATEST_QUARTER", YearEarlierQuarter = "YEAR_EARLIER_QUARTER";

    /// <summary>The written date's TIMEX, with the time of day the recogniser read beside it ("6 mai 2020 à 18h" → 2020-05-06T18).</summary>
    private static string WithClockTime(DateInText date, string? recognised)
    {
        var written = date.ToTimex();
        if (date.Hour is not null || written.Length != 10 || recognised is null || recognised.StartsWith('(') || !IsWellFormed(recognised)) return written;
        var time = recognised.IndexOf('T', StringComparison.Ordinal);
        return time > 0 ? written + recognised[time..] : written;
    }

    private static bool Overlaps(DateInText d, RecognizedTime r) => d.Start < r.End && r.Start < d.Start + d.Length;

    /// <summary>A TIMEX the recogniser produced that reads as a value ("XXXX-00-00T18:56" does not).</summary>
    private static bool IsWellFormed(string timex) => !timex.Contains("-00", StringComparison.Ordinal);

    private static string? Resolve(string text, TextSpan sentence, Found item, TimeLexicon lexicon, TimexSpanRules rules, TimexAnchoring anchoring, DateTime reference)
    {
        var spanText = text.Substring(item.Span.Start, item.Span.Length);
        var timex = item.Timex;
        if (string.IsNullOrEmpty(timex))
        {
            // "à la mi-mars": the recogniser finds the month but gives no value.
            var word = spanText.Trim().TrimEnd('.');
            return lexicon.Months.TryGetValue(word, out var month) ? anchoring.Anchor(spanText, $"XXXX-{month:D2}", rules.DirectionOf(text, sentence, item)) : null;
        }
        // A month or day of 00 ("XXXX-00-00" for a full stop of a German sentence) names no date.
        if (!IsWellFormed(timex)) return null;
        if (item.Kind == "set") return timex;
        // "the year ended March 31", "the fiscal year ending June 30": a length of time, not the year.
        if (!timex.StartsWith('P') && EndsPeriod(text, item.Span, lexicon) && !spanText.Any(char.IsAsciiDigit) && anchoring.UnitIn(spanText) is { } unit and not 'D')
            return "P1" + unit;
        // "fiscal 1989", "the current fiscal year": TIMEX3 writes a fiscal year as the year.
        if (timex.StartsWith("FY", StringComparison.Ordinal)) return anchoring.FiscalYear(timex[2..]);
        if (timex is StoryQuarter or LatestQuarter) return anchoring.QuarterValue(timex == LatestQuarter);
        if (timex is YearEarlierQuarter) return anchoring.QuarterValue(false, yearsBack: 1);
        if (timex.EndsWith("_REF", StringComparison.Ordinal)) return timex;
        // "the 20th century" is a date, the century written by its first two digits (19), not a length of 100 years.
        if (lexicon.OrdinalCentury?.Match(spanText) is { Success: true } century && int.TryParse(century.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            return (n - 1).ToString("D2", CultureInfo.InvariantCulture);
        if (ClockLengthShifted(spanText, timex, reference, lexicon) is { } clockLength) return clockLength;
        if (timex.StartsWith('P'))
            return item.PointAfter is { } after ? anchoring.PointFromDuration(timex, after) ?? timex : timex;
        if (timex.StartsWith('(')) return anchoring.AnchorQuarter(anchoring.AnchorDecade(RangeValue(timex)));
        if (timex is "SP" or "SU" or "FA" or "WI")
            return NamesOneSeason(text, sentence, item.Span, lexicon) ? anchoring.AnchorSeason(timex, rules.DirectionOf(text, sentence, item)) : "XXXX-" + timex;
        if (item.StoryShift is { } steps) timex = anchoring.FromStory(spanText, steps) ?? timex;
        return anchoring.Anchor(spanText, ClockTime.Apply(spanText, timex), rules.DirectionOf(text, sentence, item), item.Direction != TimeDirection.Unknown, item.DaysFromEaster);
    }

    /// <summary>The day so many <paramref name="days"/> from a full day's value ("2020-07-14" → "2020-07-13"), or null.</summary>
    private static string? ShiftedDay(string value, int days) =>
        value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    /// <summary>"an hour later", "30 minutes earlier": hours counted from the story's events, whose time of
    /// day the article does not give, are the length (PT1H), not a clock time counted from midnight of
    /// the reference day, which the recogniser writes.</summary>
    private static string? ClockLengthShifted(string spanText, string timex, DateTime reference, TimeLexicon lexicon)
    {
        var words = spanText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3 || !lexicon.ClockUnits.ContainsKey(words[^2])
            || !lexicon.After.Contains(words[^1], StringComparer.OrdinalIgnoreCase) && !lexicon.Before.Contains(words[^1], StringComparer.OrdinalIgnoreCase)
            || timex.Length < 16 || timex[10] != 'T'
            || !DateTime.TryParse(timex, CultureInfo.InvariantCulture, DateTimeStyles.None, out var point))
            return null;
        var length = (point - reference).Duration();
        if (length == TimeSpan.Zero) return null;
        var hours = (int)length.TotalHours;
        return string.Create(CultureInfo.InvariantCulture,
            $"PT{(hours > 0 ? $"{hours}H" : "")}{(length.Minutes > 0 ? $"{length.Minutes}M" : "")}{(length.Seconds > 0 ? $"{length.Seconds}S" : "")}");
    }

    /// <summary>"the summer", "this spring" name one season; "in summer", "en été" any.</summary>
    private static bool NamesOneSeason(string text, TextSpan sentence, TextSpan span, TimeLexicon lexicon)
    {
        var before = text.AsSpan(sentence.Start, span.Start - sentence.Start);
        var spanText = text.AsSpan(span.Start, span.Length);
        foreach (var word in lexicon.SeasonDeterminers)
            if (TextSearch.EndsWithWord(before, word, out _) || spanText.StartsWith(word, StringComparison.OrdinalIgnoreCase) && spanText.Length > word.Length && spanText[word.Length] == ' ')
                return true;
        return false;
    }

    /// <summary>Whether a word saying that a period ends at a date follows the expression ("the year ended").</summary>
    private static bool EndsPeriod(string text, TextSpan span, TimeLexicon lexicon)
    {
        var rest = text.AsSpan(span.End).TrimStart();
        foreach (var word in lexicon.PeriodEnds)
            if (TextSearch.StartsWithPhrase(rest, word)) return true;
        return false;
    }

    /// <summary>A range the text writes as one expression: a decade ("the 1990s" → 199), a quarter
    /// ("the third quarter" → 1998-Q3), else its length ("the past three months" → P3M).</summary>
    private static string RangeValue(string timex)
    {
        var parts = timex.Trim('(', ')').Split(',');
        if (parts.Length != 3) return timex;
        if (parts[0].Length == 10 && parts[1].Length == 10 && parts[2] == "P10Y" && parts[0].EndsWith("0-01-01", StringComparison.Ordinal))
            return parts[0][..3];
        if (parts[2] == "P3M" && parts[0].Length == 10 && parts[0].EndsWith("-01", StringComparison.Ordinal)
            && int.TryParse(parts[0].AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month % 3 == 1)
            return $"{parts[0][..4]}-Q{(month + 2) / 3}";
        return parts[2];
    }

    private static string TypeOf(string kind, string value) =>
        kind == "set" ? "SET"
        : value.EndsWith("_REF", StringComparison.Ordinal) ? "DATE"
        : value.StartsWith('P') ? "DURATION"
        : value.Contains('T', StringComparison.Ordinal) && !value.EndsWith("_REF", StringComparison.Ordinal) ? "TIME"
        : "DATE";
}

/// <summary>One expression of a sentence while it is being checked: span, recogniser kind
/// ("date", "duration", "set"…), TIMEX, mod; <see cref="PointAfter"/> says that a duration is
/// a point in time ("deux jours après") — true after the story's day, false before.</summary>
internal sealed class Found(TextSpan span, string kind, string? timex, string? mod)
{
    public TextSpan Span { get; set; } = span;
    public string Kind { get; set; } = kind;
    public string? Timex { get; set; } = timex;
    public string? Mod { get; set; } = TimexMods.FromRecognizer(mod);
    public bool? PointAfter { get; set; }
    public TimeDirection Direction { get; set; }
    /// <summary>Units from the story's last date rather than the article's ("l'année suivante" → 1), when a word says so.</summary>
    public int? StoryShift { get; init; }
    /// <summary>"la veille du 14 juillet": the expression whose day this one counts <see cref="ShiftDays"/> from.</summary>
    public Found? ShiftedFrom { get; set; }
    public int ShiftDays { get; set; }
    /// <summary>A movable feast's days from Easter ("Pentecôte" → 49), whose year the anchoring finds.</summary>
    public int? DaysFromEaster { get; init; }
}

internal static class TimexMods
{
    /// <summary>The recogniser's mods that TIMEX3 has; "since", "before", "after" are signals, not mods.</summary>
    public static string? FromRecognizer(string? mod) => mod switch
    {
        "approx" => "APPROX",
        "start" => "START",
        "end" => "END",
        "mid" => "MID",
        "less" => "LESS_THAN",
        "more" => "MORE_THAN",
        _ => null,
    };
}
