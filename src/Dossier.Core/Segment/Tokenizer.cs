using Dossier.Core.Model;

namespace Dossier.Core.Segment;

/// <summary>Splits a range of text into tokens without copying it: words (with inner hyphens and
/// apostrophes: "al-Obeidi", "aujourd'hui"), elided articles split off ("l'" + "EI"), numbers with
/// thousands groups and decimals ("4 100", "3.900", "2,5"), abbreviations and initials with their
/// period ("M.", "juil.", "J."), and one token per punctuation mark. Words glued by a lost
/// paragraph break ("contrebandeCet") are split at the case change.</summary>
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
            // Decimal or thousands mark between digits: "3.900", "2,5".
            if (i + 1 < end && (text[i] == '.' || text[i] == ',') && char.IsDigit(text[i + 1])) { i++; groupStart = i; continue; }
            // Thousands group after a space: "4 100", "1 000 000" (regular, no-break or narrow no-break space).
            if (i < end && i - groupStart <= 3 && IsGroupSpace(text[i]) && ExactlyThreeDigits(text, i + 1, end)) { i++; groupStart = i; continue; }
            break;
        }
        if (i < end && char.IsLetter(text[i]))
            return ReadWord(text, start, end, rules, tokens); // "09h10", "4x4", "2e"
        tokens.Add(new Token(start, i - start, TokenKind.Number));
        return i;
    }

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
        var glue = GluedSentenceBreak(text, start, i);
        if (glue > 0)
        {
            tokens.Add(new Token(start, glue - start, TokenKind.Word));
            tokens.Add(new Token(glue, i - glue, TokenKind.Word));
            return i;
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

    /// <summary>Where a word made of a lower-case word and a capitalised one starts its second half
    /// ("contrebandeCet" → 10), or 0. Needs three lower-case letters before and two after the
    /// capital, so "iPhone", "McDonald" and "YouTube" stay whole.</summary>
    private static int GluedSentenceBreak(string text, int start, int end)
    {
        for (var k = start + 3; k + 2 < end; k++)
        {
            if (!char.IsUpper(text[k]) || !char.IsLower(text[k + 1]) || !char.IsLower(text[k + 2])) continue;
            var allLower = true;
            for (var p = start; p < k && allLower; p++) allLower = char.IsLower(text[p]);
            if (allLower) return k;
            return 0;
        }
        return 0;
    }
}
