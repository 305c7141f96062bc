using System.Globalization;
using Dossier.Core.Model;

namespace Dossier.Core.Recognize.Time;

/// <summary>Finds the stretches of a sentence that may hold a time expression, so that the
/// readers look at a few words around each cue, not the whole text. A cue is a word of the
/// language's time vocabulary (months, weekdays, "hier", "semaine"…), a year (1900–2099), a clock
/// time ("18:56", "9 h", "09h10") or a numeric date ("19/04", "27.03.15"). Plain numbers ("4 100
/// soldats") and names with digits ("Covid-19") are not cues.</summary>
public static class CandidateWindows
{
    /// <summary>Tokens kept on each side of a cue: enough for "entre le 3 et le 5 mai", "il y a deux ans";
    /// longer dates ("le mercredi 1er mai 2002") are read by <see cref="CommonForms"/> or join the windows of their cues.</summary>
    public const int Context = 3;

    /// <summary>Appends the windows of one sentence (in order, disjoint) to <paramref name="windows"/>.</summary>
    public static void Find(string text, ReadOnlySpan<Token> tokens, TimeLexicon lexicon, List<TextSpan> windows)
    {
        int open = -1, close = -1;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!IsCue(text, tokens, i, lexicon)) continue;
            var from = Math.Max(0, i - Context);
            var to = Math.Min(tokens.Length - 1, i + Context);
            if (open >= 0 && from <= close + 1)
            {
                close = to;
                continue;
            }
            if (open >= 0) windows.Add(TextSpan.FromBounds(tokens[open].Start, tokens[close].End));
            open = from;
            close = to;
        }
        if (open >= 0) windows.Add(TextSpan.FromBounds(tokens[open].Start, tokens[close].End));
    }

    /// <summary>A year standing alone ("en 2014", "depuis 2015"): not in a range ("2014-2015",
    /// "2014/15") nor a decade ("les années 1990", which has its own cue).</summary>
    public static bool IsBareYear(string text, ReadOnlySpan<Token> tokens, int i, TimeLexicon lexicon)
    {
        var token = tokens[i];
        if (token.Kind != TokenKind.Number || !IsYear(token.ValueIn(text)) && !IsYearAfterLead(text, tokens, i, lexicon)) return false;
        if (token.Start > 0 && text[token.Start - 1] is '-' or '/' or '–') return false;
        return token.End >= text.Length || text[token.End] is not ('-' or '/' or '–');
    }

    /// <summary>"in 1898", "since 1850": a year outside 1900–2099 after a head word, not a count of things
    /// ("in 1500 cases"): no word follows it in lower case.</summary>
    private static bool IsYearAfterLead(string text, ReadOnlySpan<Token> tokens, int i, TimeLexicon lexicon)
    {
        var value = tokens[i].ValueIn(text);
        if (value.Length != 4 || value[0] is not ('1' or '2') || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _) || i == 0
            || tokens[i - 1].Kind != TokenKind.Word || !lexicon.Leads.Contains(tokens[i - 1].ValueIn(text).ToString(), StringComparer.OrdinalIgnoreCase))
            return false;
        return i + 1 >= tokens.Length || tokens[i + 1].Kind != TokenKind.Word || !char.IsLower(text[tokens[i + 1].Start]);
    }

    public static bool IsCue(string text, ReadOnlySpan<Token> tokens, int i, TimeLexicon lexicon)
    {
        var token = tokens[i];
        switch (token.Kind)
        {
            case TokenKind.Word:
                // "km/h": a unit of measure, not a time.
                if (token.Start > 0 && text[token.Start - 1] == '/') return false;
                var value = lexicon.Stem(token.ValueIn(text));
                if (lexicon.GuardAllows(value, i > 0 ? tokens[i - 1].ValueIn(text) : []) is { } allowed) return allowed;
                if (lexicon.IsLowercaseMonth(value)) return false;
                // "sept", "mar": a month or weekday name that is mostly another word counts only beside a number.
                if (lexicon.IsAmbiguousName(value))
                    return i > 0 && tokens[i - 1].Kind == TokenKind.Number || i + 1 < tokens.Length && tokens[i + 1].Kind == TokenKind.Number;
                if (lexicon.IsTrigger(value) || lexicon.IsTrigger(value.TrimEnd('.')) || lexicon.PluralWeekday(value) is not null
                    || lexicon.HolidayAt(text, token.Start, value, out _) is not null) return true;
                return value.IndexOfAnyInRange('0', '9') >= 0 ? HasTimePiece(value, lexicon) : IsHyphenatedTrigger(value, lexicon);
            case TokenKind.Number:
                var number = token.ValueIn(text);
                if (IsYear(number) || IsBareYear(text, tokens, i, lexicon) || NumericDateEnd(text, tokens, i, lexicon, out _) > 0) return true;
                if (IsDottedDate(number)) return true; // "27.03.15"
                return number.Length <= 2 && i + 2 < tokens.Length && tokens[i + 1].Length == 1 && text[tokens[i + 1].Start] is '/' or ':' && tokens[i + 2].Kind == TokenKind.Number
                    && tokens[i + 2].Length == 2 && tokens[i + 1].Start == token.End && tokens[i + 2].Start == tokens[i + 1].End; // "19/04", "18:56"; not "90/100 km"
            default:
                return false;
        }
    }

    /// <summary>Where a date of day, month and year set apart by one separator ends ("2/4/2009", "02-04-2009",
    /// "01/août/2019", "02 04 2009"): the token after its year, or -1; <paramref name="month"/> is the token of its
    /// month, a number or a name. The year is needed: "02 04" alone is no date. Set apart by spaces, day and month
    /// have two digits each and no number stands beside them, so that a phone number ("01 23 45 67 89") or a score is none.
    /// Its day is its cue: a window around its year alone may start after the day.</summary>
    public static int NumericDateEnd(string text, ReadOnlySpan<Token> tokens, int i, TimeLexicon lexicon, out int month)
    {
        month = -1;
        if (i + 2 >= tokens.Length || tokens[i].Kind != TokenKind.Number || tokens[i].Length > 2) return -1;
        var separator = text[tokens[i + 1].Start];
        if (tokens[i + 1].Kind == TokenKind.Punctuation && separator is '/' or '-' or '.')
        {
            if (i + 4 >= tokens.Length || !Glued(tokens, i + 1, i + 4) || text[tokens[i + 3].Start] != separator || tokens[i + 3].Length != 1
                || !IsYear(tokens[i + 4].ValueIn(text)) || Glued(tokens, i + 5, i + 6) && text[tokens[i + 5].Start] is '/' or '-')
                return -1;
            var middle = tokens[i + 2];
            if (middle.Kind == TokenKind.Number ? middle.Length > 2 : middle.Kind != TokenKind.Word || !lexicon.Months.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(middle.ValueIn(text)))
                return -1;
            month = i + 2;
            return i + 5;
        }
        if (tokens[i].Length != 2 || tokens[i + 1].Kind != TokenKind.Number || tokens[i + 1].Length != 2 || tokens[i + 2].Kind != TokenKind.Number
            || !IsYear(tokens[i + 2].ValueIn(text)) || i > 0 && tokens[i - 1].Kind == TokenKind.Number || i + 3 < tokens.Length && tokens[i + 3].Kind == TokenKind.Number)
            return -1;
        month = i + 1;
        return i + 3;
    }

    /// <summary>Whether tokens <paramref name="from"/> to <paramref name="to"/> (all in the sentence) each touch the one before.</summary>
    private static bool Glued(ReadOnlySpan<Token> tokens, int from, int to)
    {
        if (to >= tokens.Length) return false;
        for (var k = from; k <= to; k++)
            if (tokens[k].Start != tokens[k - 1].End) return false;
        return true;
    }

    /// <summary>"mi-mars", "week-end", "après-midi": a trigger on either side of a hyphen.</summary>
    private static bool IsHyphenatedTrigger(ReadOnlySpan<char> value, TimeLexicon lexicon)
    {
        var dash = value.IndexOf('-');
        return dash > 0 && (lexicon.IsTrigger(value[(dash + 1)..]) || lexicon.IsTrigger(value[..dash]));
    }

    /// <summary>A word with digits is a cue when a piece of it is a time word or a year ("09h10",
    /// "mi-2014", "19-Nov-12"), not a name with a number ("Covid-19", "G20") or an ordinal ("1er").</summary>
    private static bool HasTimePiece(ReadOnlySpan<char> value, TimeLexicon lexicon)
    {
        var k = 0;
        while (k < value.Length)
        {
            if (value[k] == '-') { k++; continue; }
            var digits = char.IsAsciiDigit(value[k]);
            var start = k;
            while (k < value.Length && value[k] != '-' && char.IsAsciiDigit(value[k]) == digits) k++;
            if (digits ? IsYear(value[start..k]) : lexicon.IsTrigger(value[start..k]) || IsDecade(value, start, k)) return true;
        }
        return false;
    }

    /// <summary>"27.03.15", "1.5.2016": day, month and year parts, not a number with thousands marks ("22.734.900").</summary>
    private static bool IsDottedDate(ReadOnlySpan<char> number)
    {
        var first = number.IndexOf('.');
        var last = number.LastIndexOf('.');
        return first is 1 or 2 && last - first is 2 or 3 && number.Length - last - 1 is 2 or 4;
    }

    /// <summary>"1990s", "'80s": a plural "s" right after a year or two digits ending in 0.</summary>
    private static bool IsDecade(ReadOnlySpan<char> value, int start, int end) =>
        end == value.Length && end - start == 1 && value[start] is 's' && start is 2 or 4 && value[start - 1] == '0';

    private static bool IsYear(ReadOnlySpan<char> value) =>
        value.Length == 4 && (value.StartsWith("19") || value.StartsWith("20")) && char.IsAsciiDigit(value[2]) && char.IsAsciiDigit(value[3]);
}
