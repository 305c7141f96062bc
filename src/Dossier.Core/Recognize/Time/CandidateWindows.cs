using Dossier.Core.Model;

namespace Dossier.Core.Recognize.Time;

/// <summary>Finds the stretches of a sentence that may hold a time expression, so that the
/// recogniser (slow: about 40 KB/s) reads a few words around each cue, not the whole text.
/// A cue is a word of the language's time vocabulary (months, weekdays, "hier", "semaine"…), a
/// year (1900–2099), a clock time ("18:56", "9 h", "09h10") or a numeric date ("19/04", "27.03.15").
/// Plain numbers ("4 100 soldats") are not cues.</summary>
/// <summary>A stretch of a sentence to read for time expressions; <paramref name="Simple"/> when
/// its only cues are years or weekday names standing alone, which need no recogniser.</summary>
public readonly record struct CandidateWindow(TextSpan Span, bool Simple);

public static class CandidateWindows
{
    /// <summary>Tokens kept on each side of a cue: enough for "le mercredi 1er mai 2002 à 14 h 30".</summary>
    public const int Context = 5;

    /// <summary>Appends the windows of one sentence (in order, disjoint) to <paramref name="windows"/>.</summary>
    public static void Find(string text, ReadOnlySpan<Token> tokens, TimeLexicon lexicon, List<CandidateWindow> windows)
    {
        var triggers = lexicon.Triggers.GetAlternateLookup<ReadOnlySpan<char>>();
        var guards = lexicon.Guards.GetAlternateLookup<ReadOnlySpan<char>>();
        int open = -1, close = -1;
        var simple = true;
        var weekdays = lexicon.Weekdays.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!IsCue(text, tokens, i, triggers, lexicon)) continue;
            if (guards.TryGetValue(tokens[i].ValueIn(text), out var after) && (i == 0 || !after.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[i - 1].ValueIn(text))))
                continue;
            var isSimple = IsBareYear(text, tokens, i) || IsBareWeekday(text, tokens, i, weekdays, triggers, lexicon);
            var from = Math.Max(0, i - Context);
            var to = Math.Min(tokens.Length - 1, i + Context);
            if (open >= 0 && from <= close + 1)
            {
                close = to;
                simple &= isSimple;
                continue;
            }
            if (open >= 0) windows.Add(new CandidateWindow(TextSpan.FromBounds(tokens[open].Start, tokens[close].End), simple));
            open = from;
            close = to;
            simple = isSimple;
        }
        if (open >= 0) windows.Add(new CandidateWindow(TextSpan.FromBounds(tokens[open].Start, tokens[close].End), simple));
    }

    /// <summary>A weekday name with no day number, article or time word beside it ("a annoncé lundi";
    /// not "lundi 20", "le lundi", "lundi soir").</summary>
    public static bool IsBareWeekday(string text, ReadOnlySpan<Token> tokens, int i,
        System.Collections.Frozen.FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> weekdays,
        System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> triggers, TimeLexicon lexicon)
    {
        if (tokens[i].Kind != TokenKind.Word || !weekdays.ContainsKey(lexicon.Stem(tokens[i].ValueIn(text)))) return false;
        if (i + 1 < tokens.Length && (tokens[i + 1].Kind == TokenKind.Number || triggers.Contains(tokens[i + 1].ValueIn(text)))) return false;
        // An article or demonstrative before it may make it a set ("le mercredi") or this week's day ("ce mardi").
        return i == 0 || (tokens[i - 1].Kind != TokenKind.Word || tokens[i - 1].Length > 3 && !triggers.Contains(tokens[i - 1].ValueIn(text)));
    }

    /// <summary>A year standing alone ("en 2014", "depuis 2015"): not in a range ("2014-2015",
    /// "2014/15") nor a decade ("les années 1990", which has its own cue).</summary>
    public static bool IsBareYear(string text, ReadOnlySpan<Token> tokens, int i)
    {
        var token = tokens[i];
        if (token.Kind != TokenKind.Number || !IsYear(token.ValueIn(text))) return false;
        if (token.Start > 0 && text[token.Start - 1] is '-' or '/' or '–') return false;
        return token.End >= text.Length || text[token.End] is not ('-' or '/' or '–');
    }

    private static bool IsCue(string text, ReadOnlySpan<Token> tokens, int i, System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> triggers, TimeLexicon lexicon)
    {
        var token = tokens[i];
        var value = token.Kind == TokenKind.Word ? lexicon.Stem(token.ValueIn(text)) : token.ValueIn(text);
        switch (token.Kind)
        {
            case TokenKind.Word:
                if (triggers.Contains(value) || triggers.Contains(value.TrimEnd('.'))) return true;
                if (value.IndexOfAnyInRange('0', '9') >= 0) return true; // "09h10", "mi-2014", "19-Nov-12"
                // Hyphenated words: "mi-mars", "week-end", "après-midi".
                var dash = value.IndexOf('-');
                return dash > 0 && (triggers.Contains(value[(dash + 1)..]) || triggers.Contains(value[..dash]));
            case TokenKind.Number:
                if (IsYear(value)) return true;
                if (value.Count('.') == 2) return true; // "27.03.15"
                if (i + 2 < tokens.Length && tokens[i + 1].Length == 1 && text[tokens[i + 1].Start] is '/' or ':' && tokens[i + 2].Kind == TokenKind.Number
                    && tokens[i + 1].Start == token.End && tokens[i + 2].Start == tokens[i + 1].End)
                    return true; // "19/04", "18:56"
                return false;
            default:
                return false;
        }
    }

    private static bool IsYear(ReadOnlySpan<char> value) =>
        value.Length == 4 && (value.StartsWith("19") || value.StartsWith("20")) && char.IsAsciiDigit(value[2]) && char.IsAsciiDigit(value[3]);
}
