using Dossier.Core.Model;

namespace Dossier.Core.Segment;

/// <summary>Splits a range of text into tokens without copying it: words (with inner hyphens and
/// apostrophes: "al-Obeidi", "aujourd'hui"), elided articles split off ("l'" + "EI"), numbers with
/// thousands groups and decimals ("4 100", "3.900", "2,5"), abbreviations and initials with their
/// period ("M.", "juil.", "J."), and one token per punctuation mark. Words glued by a lost
/// paragraph break ("contrebandeCet", "HulotCette") are split at the case change, and a figure glued
/// to the word before it ("partagé8.000", "plus83") at the first digit.</summary>
public static class Tokenizer
{
    public static void Tokenize(string text, TextSpan range, SegmentationRules rules, List<Token> tokens)
    {
        var i = range.Start;
        var end = range.End;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c == '\u200B') { i++; continue; }
            if (char.IsDigit(c)) { i = ReadNumberOrWord(text, i, end, rules, tokens); continue; }
            if (char.IsLetter(c)) { i = ReadWord(text, i, end, rules, tokens); continue; }
            if (c == '.' && i + 2 < end && text[i + 1] == '.' && text[i + 2] == '.')
            {
                tokens.Add(new Token(i, 3, TokenKind.Punctuation));
                i += 3;
                continue;
            }
            var kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
            var length = char.IsHighSurrogate(c) && i + 1 < end ? 2 : 1;
            tokens.Add(new Token(i, length, kind));
            i += length;
        }
    }

    private static int ReadNumberOrWord(string text, int start, int end, SegmentationRules rules, List<Token> tokens)
    {
        var i = start;
        var groupStart = start;
        while (true)
        {
            while (i < end && char.IsDigit(text[i])) i++;
            if (IsDigitMark(text, i, end)) { i++; groupStart = i; continue; }
            // Thousands group after a space: "4 100", "1 000 000" (regular, no-break or narrow no-break space).
            if (i < end && i - groupStart <= 3 && IsGroupSpace(text[i]) && ExactlyThreeDigits(text, i + 1, end)) { i++; groupStart = i; continue; }
            break;
        }
        if (i < end && char.IsLetter(text[i]))
            return ReadWord(text, start, end, rules, tokens); // "09h10", "4x4", "2e"
        tokens.Add(new Token(start, i - start, TokenKind.Number));
        return i;
    }

    /// <summary>Digits with a decimal or thousands mark before another digit ("8.000", "2,5"): glued
    /// to the word before them by a lost break ("partagé8.000 policiers"), they are a figure of
    /// their own, not the end of the word and a sentence.</summary>
    private static bool StartsGroupedNumber(string text, int i, int end)
    {
        while (i < end && char.IsDigit(text[i])) i++;
        return IsDigitMark(text, i, end);
    }

    /// <summary>Two digits or more ending a word after a common word of the language in lower case
    /// ("ne diminuent plus83 nouveaux patients", "de naissance40% des radicalisés"): a figure opening the next paragraph.
    /// One digit is an exponent or a model ("km2", "mp3"), a name glued to its figure is one ("COVID19",
    /// "A320"), and a word going on after the digits is a handle or a code.</summary>
    private static bool StartsGluedFigure(string text, int start, int i, int end, SegmentationRules rules)
    {
        var j = i;
        while (j < end && char.IsDigit(text[j])) j++;
        var word = text.AsSpan(start, i - start);
        return j - i >= 2 && (j == end || !char.IsLetter(text[j])) && word.Length >= 2 && IsLowerCase(word) && rules.IsCommonWord(word);
    }

    /// <summary>A decimal or thousands mark between digits: the period of "3.900", the comma of "2,5".</summary>
    private static bool IsDigitMark(string text, int i, int end) => i + 1 < end && text[i] is '.' or ',' && char.IsDigit(text[i + 1]);

    private static bool IsGroupSpace(char c) => c is ' ' or '\u00A0' or '\u202F' or '\u2009';

    private static bool ExactlyThreeDigits(string text, int i, int end) =>
        i + 2 < end && char.IsDigit(text[i]) && char.IsDigit(text[i + 1]) && char.IsDigit(text[i + 2])
        && (i + 3 >= end || !char.IsLetterOrDigit(text[i + 3]));

    private static int ReadWord(string text, int start, int end, SegmentationRules rules, List<Token> tokens)
    {
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsDigit(c) && i > start && char.IsLetter(text[i - 1]) && (StartsGroupedNumber(text, i, end) || StartsGluedFigure(text, start, i, end, rules))) break;
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark) { i++; continue; }
            if ((c == '-' || c == '\u2011') && i + 1 < end && char.IsLetterOrDigit(text[i + 1])) { i++; continue; }
            if (c is '\'' or '’' && i + 1 < end && char.IsLetter(text[i + 1]))
            {
                // An elided article ends its own token: "l'" + "Irak", "qu'" + "il".
                if (rules.Elisions.Contains(text.AsSpan(start, i - start)))
                {
                    tokens.Add(new Token(start, i + 1 - start, TokenKind.Word));
                    return i + 1;
                }
                i++;
                continue;
            }
            break;
        }
        // Dotted acronyms and initials keep their periods: "U.S.", "J.-C.", "M.".
        if (i < end && text[i] == '.')
        {
            var j = i;
            while (j + 2 < end && text[j] == '.' && (char.IsLetter(text[j + 1]) || text[j + 1] == '-') && IsShortPiece(text, j + 1, end, out var next))
                j = next;
            if (j > i && j < end && text[j] == '.') { tokens.Add(new Token(start, j + 1 - start, TokenKind.Word)); return j + 1; }
            var word = text.AsSpan(start, i + 1 - start);
            if (rules.Abbreviations.Contains(word) || (i - start == 1 && char.IsUpper(text[start])))
            {
                tokens.Add(new Token(start, i + 1 - start, TokenKind.Word));
                return i + 1;
            }
        }
        // A hashtag or a handle ("#MarcheDesFiertés", "@PureTele") is written glued on purpose.
        var glue = start > 0 && text[start - 1] is '#' or '@' ? 0 : GluedSentenceBreak(text, start, i, rules);
        if (glue > 0)
        {
            // The second word is read again: it may start with an elided article ("ParisL'enquête").
            tokens.Add(new Token(start, glue - start, TokenKind.Word));
            return glue;
        }
        tokens.Add(new Token(start, i - start, TokenKind.Word));
        return i;
    }

    /// <summary>A piece of a dotted acronym: one or two letters (or "-C") before the next period.</summary>
    private static bool IsShortPiece(string text, int i, int end, out int next)
    {
        var j = i;
        if (j < end && text[j] == '-') j++;
        var letters = 0;
        while (j < end && char.IsLetter(text[j]) && letters < 3) { j++; letters++; }
        next = j;
        return letters is >= 1 and <= 2 && j < end && text[j] == '.';
    }

    /// <summary>Where a word glued from two by a lost paragraph break starts its second word, or 0:
    /// - a lower-case word and a capitalised one ("contrebandeCet" → 10), with three lower-case
    ///   letters before and two after the capital, so "iPhone" stays whole;
    /// - a capitalised word of three letters or more (or the last part of a hyphenated name:
    ///   "Île-de-FranceDes"), or a word in capitals, and a capitalised one ("HulotCette", "SARKOZYMarine",
    ///   "BFMTVUn", "ParisL'enquête", "MontpellierÀ") when the second is a function word of the language
    ///   (or starts with an elided one) or starts a name and is written alone elsewhere in the text
    ///   ("BFMTVEmmanuel Macron" where "Emmanuel" is), or when the first ends a name (<see cref="EndsAName"/>:
    ///   "PhilippePlutôt", "MadridMadrid"). Names written in one word with a capital inside ("YouTube",
    ///   "WhatsApp", "McDonald", "StopCovid") are none of these.</summary>
    private static int GluedSentenceBreak(string text, int start, int end, SegmentationRules rules)
    {
        for (var k = start + 1; k < end; k++)
        {
            if (!char.IsUpper(text[k]) || !char.IsLetter(text[k - 1]) || k + 1 < end && !char.IsLower(text[k + 1]) && !IsApostrophe(text[k + 1])) continue;
            var first = text.AsSpan(start, k - start);
            var second = text.AsSpan(k, end - k);
            if (IsLowerCase(first))
                return first.Length >= 3 && second.Length >= 3 && char.IsLower(second[1]) && char.IsLower(second[2]) ? k : 0;
            // The last part of a hyphenated name is the word the break follows ("Auvergne-Rhône-AlpesViaduc").
            var head = first[(first.LastIndexOfAny('-', '\u2011') + 1)..];
            var capitalised = head.Length >= 3 && char.IsUpper(head[0]) && IsLowerCase(head[1..]);
            // One capital at the end is a word only after a word in lower case ("MontpellierÀ"; not "USA").
            if (second.Length == 1 && !capitalised) continue;
            if (!capitalised && !IsUpperCase(first)) return 0;
            return IsFunctionWord(second, rules)
                || second.Length >= 3 && char.IsLower(second[1]) && StartsAName(text, end, first) && StandsAlone(text, second)
                || capitalised && EndsAName(text, head, second, rules) ? k : 0;
        }
        return 0;
    }

    /// <summary>Whether the second word of a glued pair may start a new paragraph's name: a capitalised
    /// word follows it ("BFMTVEmmanuel Macron"), or the first word is a heading in capitals
    /// ("MAINTENUESManuel Valls l'assure"). Not so for names written in one word whose second half is
    /// also a word of its own ("StopCovid", "HuffPost", "NBCUniversal").</summary>
    private static bool StartsAName(string text, int end, ReadOnlySpan<char> first) =>
        end + 1 < text.Length && text[end] == ' ' && char.IsUpper(text[end + 1]) || first.Length >= 4 && IsUpperCase(first);

    /// <summary>Whether a capitalised word ends a name or a heading and the capitalised word glued to it
    /// opens the next paragraph: the first is written alone elsewhere in the text and the second is a
    /// common word of the language ("Édouard PhilippePlutôt que", "Didier RaoultInterrogé par"), or
    /// the name is written twice ("MadridMadrid"). Names in one word have halves that are not written
    /// alone ("YouTube", "BlaBlaCar", "PowerPoint") or that are names ("LaFerrari", "McDonald").</summary>
    private static bool EndsAName(string text, ReadOnlySpan<char> head, ReadOnlySpan<char> second, SegmentationRules rules)
    {
        if (head.SequenceEqual(second)) return true;
        var word = second.IndexOfAny('-', '\'', '’') is var cut and > 0 ? second[..cut] : second;
        return word.Length >= 2 && rules.IsCommonWord(word) && StandsAlone(text, head);
    }

    private static bool IsApostrophe(char c) => c is '\'' or '’';

    private static bool IsFunctionWord(ReadOnlySpan<char> word, SegmentationRules rules)
    {
        var apostrophe = word.IndexOfAny('\'', '’');
        return rules.FunctionWords.Contains(word) || apostrophe > 0 && rules.Elisions.Contains(word[..apostrophe]);
    }

    /// <summary>Whether a word is written in the text as a word of its own (not inside another).</summary>
    private static bool StandsAlone(string text, ReadOnlySpan<char> word)
    {
        var span = text.AsSpan();
        for (var from = 0; from < span.Length;)
        {
            var at = span[from..].IndexOf(word, StringComparison.Ordinal);
            if (at < 0) return false;
            at += from;
            var after = at + word.Length;
            if ((at == 0 || !char.IsLetter(span[at - 1])) && (after == span.Length || !char.IsLetter(span[after]))) return true;
            from = at + 1;
        }
        return false;
    }

    private static bool IsLowerCase(ReadOnlySpan<char> word)
    {
        foreach (var c in word) if (!char.IsLower(c)) return false;
        return true;
    }

    /// <summary>Two capitals or more and no lower-case letter ("BFMTV", "EX-MINISTRE").</summary>
    private static bool IsUpperCase(ReadOnlySpan<char> word)
    {
        var capitals = 0;
        foreach (var c in word)
        {
            if (char.IsLower(c)) return false;
            if (char.IsUpper(c)) capitals++;
        }
        return capitals >= 2;
    }
}
