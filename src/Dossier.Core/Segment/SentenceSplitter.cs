using Dossier.Core.Model;

namespace Dossier.Core.Segment;

/// <summary>Groups the tokens of one line into sentences. A sentence ends at '.', '!', '?' or '…'
/// (with the closing quotes and brackets after it) when what follows opens a new sentence (a
/// capital, a digit, an opening quote, a list's bullet), and where a lost paragraph break glued two words
/// or a word and a figure. Periods
/// of abbreviations belong to their token, so "M. Carter" never ends a sentence.</summary>
public static class SentenceSplitter
{
    /// <summary>A "sentence" of more tokens is a list, a table or text run together without
    /// punctuation: it is cut (after a comma, semicolon or colon near the limit, if any), so that
    /// the work done per sentence downstream stays bounded. News sentences stay far below it.</summary>
    public const int MaxTokens = 250;

    public static void Split(string text, List<Token> tokens, int first, int count, SegmentationRules rules, List<Sentence> sentences)
    {
        var start = first;
        var last = first + count;
        for (var i = first; i < last; i++)
        {
            var end = -1;
            if (IsTerminal(text, tokens[i]) && !IsDayMark(text, tokens, i, last, rules))
            {
                var j = i + 1;
                while (j < last && IsCloser(text, tokens[j])) j++;
                if (j >= last || OpensSentence(text, tokens[j])) end = j;
            }
            else if (i + 1 < last && GluedParagraphs(text, tokens[i], tokens[i + 1]))
            {
                end = i + 1;
            }
            if (end < 0) continue;
            Add(text, tokens, start, end, sentences);
            start = end;
            i = end - 1;
        }
        if (start < last) Add(text, tokens, start, last, sentences);
    }

    private static void Add(string text, List<Token> tokens, int from, int to, List<Sentence> sentences)
    {
        while (to - from > MaxTokens)
        {
            var cut = from + MaxTokens;
            for (var k = cut - 1; k > from + MaxTokens / 2; k--)
            {
                if (tokens[k].Kind == TokenKind.Punctuation && text[tokens[k].Start] is ',' or ';' or ':') { cut = k + 1; break; }
            }
            sentences.Add(new Sentence(TextSpan.FromBounds(tokens[from].Start, tokens[cut - 1].End), from, cut - from));
            from = cut;
        }
        if (to <= from) return;
        sentences.Add(new Sentence(TextSpan.FromBounds(tokens[from].Start, tokens[to - 1].End), from, to - from));
    }

    /// <summary>Two tokens the tokenizer took apart where a lost paragraph break glued them: a word and a
    /// capitalised one ("…contrebandeCet abaissement…", "SARKOZYMarine Le Pen"), or a word in lower case
    /// and a figure ("…partagé8.000 policiers…").</summary>
    private static bool GluedParagraphs(string text, Token before, Token after) =>
        before.End == after.Start && before.Kind == TokenKind.Word && char.IsLetter(text[before.End - 1])
        && (after.Kind == TokenKind.Word && char.IsUpper(text[after.Start]) || after.Kind == TokenKind.Number && before.Length >= 2 && char.IsLower(text[before.End - 1]));

    /// <summary>The period of "3. Mai 2022": glued to a day number and followed by a month name.</summary>
    private static bool IsDayMark(string text, List<Token> tokens, int i, int last, SegmentationRules rules) =>
        i > 0 && i + 1 < last && tokens[i - 1].Kind == TokenKind.Number && tokens[i - 1].Length <= 2 && tokens[i - 1].End == tokens[i].Start
        && rules.DayMarks.Contains(tokens[i].ValueIn(text)) && tokens[i + 1].Kind == TokenKind.Word && rules.Months.Contains(tokens[i + 1].ValueIn(text));

    private static bool IsTerminal(string text, Token token) =>
        token.Kind == TokenKind.Punctuation && (token.Length == 3 || text[token.Start] is '.' or '!' or '?' or '…');

    private static bool IsCloser(string text, Token token) =>
        token.Kind == TokenKind.Punctuation && token.Length == 1 && text[token.Start] is '"' or '»' or '”' or ')' or ']' or '’' or '\''
        || token.Kind == TokenKind.Punctuation && text[token.Start] is '.' or '!' or '?' or '…';

    private static bool OpensSentence(string text, Token token)
    {
        var c = text[token.Start];
        return char.IsUpper(c) || char.IsDigit(c) || c is '«' or '"' or '“' or '(' or '[' or '-' or '–' or '—' or '¿' or '¡' or '•';
    }
}
