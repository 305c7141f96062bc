using System.Globalization;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Core.Recognize.Quantities;

/// <summary>Finds figures that count something: a number token ("4 100", "3.900", "415"), an
/// optional multiplier ("millions"), the unit that follows ("hommes", "de dollars", "nouveaux cas", or later "le
/// nombre de militaires"), the qualifier before it ("quelque", "jusqu'à"), and whether it is a
/// level, an increment ("supplémentaires", "en hausse de") or a movement ("ont retiré"). A number without a unit
/// (a year, a page, a score) is not a quantity.</summary>
public sealed class QuantityRecognizer : IDocumentStage
{
    private const int MovementWindow = 60;
    private const int NegationWindow = 25;

    public string Name => "quantities";
    public IReadOnlyList<string> Requires { get; } = [Layers.Lines, Layers.Language, Layers.Tokens, Layers.Sentences];
    public IReadOnlyList<string> Provides { get; } = [Layers.Quantities];

    public void Annotate(AnalysedDocument document, CancellationToken cancellationToken)
    {
        if (QuantityLexicon.For(document.Language) is not { } lexicon) return;
        var found = new List<Quantity>();
        var text = document.Text;
        foreach (var sentence in document.Sentences)
        {
            if (document.LineAt(sentence.Span.Start).Kind is LineKind.Boilerplate or LineKind.Duplicate) continue;
            var last = sentence.FirstToken + sentence.TokenCount;
            var firstOfSentence = found.Count;
            for (var i = sentence.FirstToken; i < last; i++)
            {
                if (document.Tokens[i].Kind != TokenKind.Number) continue;
                // The high end of a range just read is not a figure of its own.
                if (found.Count > 0 && document.Tokens[i].Start < found[^1].Span.End) continue;
                var previous = found.Count > firstOfSentence ? found[^1] : null;
                if (Read(document, lexicon, sentence, i, last, previous) is { } quantity) found.Add(quantity);
            }
        }
        document.Quantities = found.ToArray();
    }

    /// <param name="previous">The figure read before this one in its sentence, if any.</param>
    private static Quantity? Read(AnalysedDocument document, QuantityLexicon lexicon, Sentence sentence, int number, int last, Quantity? previous)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        if (!TryParse(tokens[number].ValueIn(text), out var value)) return null;
        var next = number + 1;
        double? high = null;
        var multiplier = Multiplier(text, lexicon, tokens, ref next, last);
        // "220 à 250 morts", "200-300 troops": a range, its unit after the high end; but "passé de
        // 200 à 300 soldats" is a change from one figure to another.
        var beforeFigure = text.AsSpan(sentence.Span.Start, tokens[number].Start - sentence.Span.Start).TrimEnd();
        var fromBefore = EndsWithAnyWord(beforeFigure, lexicon.ChangeFrom);
        if (!fromBefore && next + 1 < last && lexicon.RangeJoiners.Contains(Word(text, tokens[next])) && tokens[next + 1].Kind == TokenKind.Number
            && TryParse(tokens[next + 1].ValueIn(text), out var highValue))
        {
            next += 2;
            var highMultiplier = Multiplier(text, lexicon, tokens, ref next, last);
            // "2 à 3 millions": the multiplier of the high end also scales the low end.
            if (multiplier == 1) multiplier = highMultiplier;
            high = highValue * highMultiplier;
        }
        value *= multiplier;
        var unitEnd = -1;
        string? unit = null;
        // The unit right after the figure, maybe after "de"/"d'"/"of" ("415 millions de dollars") or "more" ("200 more troops").
        for (var j = next; j < Math.Min(last, next + 2) && unit is null; j++)
        {
            if (j + 1 < last && lexicon.Units.TryGetValue($"{Word(text, tokens[j])} {Word(text, tokens[j + 1])}", out unit)) unitEnd = tokens[j + 1].End;
            else if (lexicon.Units.TryGetValue(Word(text, tokens[j]), out unit)) unitEnd = tokens[j].End;
            else if (!lexicon.Connectors.Contains(Word(text, tokens[j])) && !lexicon.NewWords.Contains(Word(text, tokens[j]))
                && !lexicon.Increments.Contains(Word(text, tokens[j]), StringComparer.OrdinalIgnoreCase)) break;
        }
        // "à 4650 le nombre de militaires": the unit after a counting phrase.
        if (unit is null && next < last)
        {
            var after = text.AsSpan(tokens[number].End, sentence.Span.End - tokens[number].End).TrimStart();
            foreach (var phrase in lexicon.CountOf)
            {
                if (!after.StartsWith(phrase, StringComparison.OrdinalIgnoreCase)) continue;
                var unitStart = sentence.Span.End - after.Length + phrase.Length;
                var k = FirstTokenAt(tokens, number, last, unitStart);
                if (k >= 0 && lexicon.Units.TryGetValue(Word(text, tokens[k]), out unit)) unitEnd = tokens[k].End;
                break;
            }
        }
        // "$415 million": a currency sign before the figure.
        var start = tokens[number].Start;
        if (unit is null && number > sentence.FirstToken && tokens[number - 1].Kind == TokenKind.Symbol
            && lexicon.Units.TryGetValue(Word(text, tokens[number - 1]), out unit))
        {
            start = tokens[number - 1].Start;
            unitEnd = tokens[next - 1].End;
        }
        // "plus de 100.000 personnes à travers la France, dont 8.000 à Paris": a bare figure after a word
        // of ellipsis counts what the figure before it in its sentence counts; "dont 21 mineurs" names a
        // part of its own, not a unit.
        var bare = next >= last || tokens[next].Kind != TokenKind.Word || lexicon.Locatives.Contains(Word(text, tokens[next]));
        if (unit is null && previous is not null && bare && EndsWithAnyWord(beforeFigure, lexicon.Ellipses))
        {
            unit = previous.Unit;
            unitEnd = tokens[next - 1].End;
        }
        if (unit is null) return null;

        // "220 à 250 morts" is no exact figure: at least its low end, at most value_max.
        var qualifier = high is null ? "exact" : "at_least";
        var before = text.AsSpan(sentence.Span.Start, start - sentence.Span.Start).TrimEnd();
        foreach (var (phrase, meaning) in lexicon.Qualifiers)
        {
            if (!EndsWithWord(before, phrase)) continue;
            qualifier = meaning;
            start = sentence.Span.Start + before.Length - phrase.Length;
            break;
        }
        var role = IsIncrement(text, lexicon, tokens[number].End, unitEnd) || IsChange(text.AsSpan(sentence.Span.Start, start - sentence.Span.Start), lexicon)
            ? QuantityRole.Increment
            : IsMovement(text, lexicon, sentence, start, unitEnd) ? QuantityRole.Movement
            : QuantityRole.Level;
        return new Quantity(TextSpan.FromBounds(start, unitEnd), value, unit, qualifier, role) { ValueMax = high };
    }

    /// <summary>The multiplier after a figure ("millions"), 1 when none; moves past it.</summary>
    private static double Multiplier(string text, QuantityLexicon lexicon, Token[] tokens, ref int next, int last)
    {
        if (next >= last || !lexicon.Multipliers.TryGetValue(Word(text, tokens[next]), out var multiplier)) return 1;
        next++;
        return multiplier;
    }

    /// <summary>"4 100", "3.900", "4650" and "2,5": a separator before exactly three digits groups
    /// thousands (French writes "3.900", English "3,900"); otherwise it is the decimal mark.</summary>
    public static bool TryParse(ReadOnlySpan<char> number, out double value)
    {
        Span<char> digits = stackalloc char[number.Length];
        var length = 0;
        for (var i = 0; i < number.Length; i++)
        {
            var c = number[i];
            if (char.IsDigit(c)) digits[length++] = c;
            else if (c is '.' or ',')
            {
                var groupDigits = 0;
                while (i + 1 + groupDigits < number.Length && char.IsDigit(number[i + 1 + groupDigits])) groupDigits++;
                if (groupDigits != 3) digits[length++] = '.';
            }
        }
        return double.TryParse(digits[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsIncrement(string text, QuantityLexicon lexicon, int from, int unitEnd)
    {
        // Between the figure and the unit ("200 more troops") or right after it ("200 hommes supplémentaires").
        var window = text.AsSpan(from, Math.Min(text.Length, unitEnd + 20) - from);
        foreach (var word in lexicon.Increments)
            if (ContainsWord(window, word)) return true;
        return false;
    }

    /// <summary>"vont augmenter de 1,54 %", "en hausse de 3 %", "rose by 5%": a word of change and its
    /// link right before the figure (past its qualifier) make it how much something changed, not a level.</summary>
    private static bool IsChange(ReadOnlySpan<char> before, QuantityLexicon lexicon)
    {
        before = before.TrimEnd();
        var linkStart = before.LastIndexOf(' ') + 1;
        if (linkStart == 0 || !lexicon.ChangeLinks.GetAlternateLookup<ReadOnlySpan<char>>().Contains(before[linkStart..])) return false;
        var rest = before[..linkStart].TrimEnd();
        var word = rest[(rest.LastIndexOfAny(' ', '\'', '’') + 1)..];
        foreach (var stem in lexicon.Changes)
            if (word.StartsWith(stem, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool IsMovement(string text, QuantityLexicon lexicon, Sentence sentence, int start, int end)
    {
        var from = Math.Max(sentence.Span.Start, start - MovementWindow);
        var to = Math.Min(sentence.Span.End, end + MovementWindow);
        var window = text.AsSpan(from, to - from);
        foreach (var stem in lexicon.Movements)
        {
            for (var at = window.IndexOf(stem, StringComparison.OrdinalIgnoreCase); at >= 0; at = NextIndex(window, stem, at))
            {
                if (at > 0 && char.IsLetter(window[at - 1])) continue;
                var negationFrom = Math.Max(0, at - NegationWindow);
                if (!HasNegation(window[negationFrom..at], lexicon)) return true;
            }
        }
        return false;
    }

    private static int NextIndex(ReadOnlySpan<char> text, string value, int after)
    {
        var rest = text[(after + 1)..].IndexOf(value, StringComparison.OrdinalIgnoreCase);
        return rest < 0 ? -1 : after + 1 + rest;
    }

    private static bool HasNegation(ReadOnlySpan<char> text, QuantityLexicon lexicon)
    {
        foreach (var range in text.SplitAny(" '’,"))
            if (lexicon.Negations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text[range])) return true;
        return false;
    }

    private static bool EndsWithAnyWord(ReadOnlySpan<char> text, IReadOnlyList<string> phrases)
    {
        foreach (var phrase in phrases)
            if (EndsWithWord(text, phrase)) return true;
        return false;
    }

    private static bool EndsWithWord(ReadOnlySpan<char> text, string phrase)
    {
        if (!text.EndsWith(phrase, StringComparison.OrdinalIgnoreCase)) return false;
        var at = text.Length - phrase.Length;
        return at == 0 || !char.IsLetter(text[at - 1]);
    }

    private static bool ContainsWord(ReadOnlySpan<char> text, string word)
    {
        var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetter(text[at - 1])) && (end == text.Length || !char.IsLetter(text[end]))) return true;
            var next = text[(at + 1)..].IndexOf(word, StringComparison.OrdinalIgnoreCase);
            at = next < 0 ? -1 : at + 1 + next;
        }
        return false;
    }

    private static int FirstTokenAt(Token[] tokens, int from, int last, int offset)
    {
        for (var k = from; k < last; k++)
            if (tokens[k].Start >= offset) return k;
        return -1;
    }

    private static string Word(string text, Token token) => text.Substring(token.Start, token.Length).ToLowerInvariant();
}
