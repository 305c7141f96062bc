using Dossier.Core.Model;
using Dossier.Core.Recognize.Quantities;

namespace Dossier.Core.Series;

/// <summary>The values a figure allows, from its qualifier and range: "200 morts" is 200 give or take
/// <see cref="Tolerance"/>, "quelque 200" a little more ("approx"), "plus de 200" anything above,
/// "150 à 200 morts" anything from 150 to 200. Two figures disagree only when their bounds do not
/// meet.</summary>
public readonly record struct FigureBounds(double Low, double High)
{
    /// <summary>Exact figures of one thing on one day further apart than this (relative) disagree.</summary>
    public const double Tolerance = 0.05;
    /// <summary>"Quelque", "environ": a round figure, taken as ±15 %.</summary>
    public const double Approximation = 0.15;

    public bool Meets(FigureBounds other) => Low <= other.High && other.Low <= High;

    public static FigureBounds Of(string text, QuantityLexicon lexicon, Quantity quantity)
    {
        var value = quantity.Value;
        var low = RangeStart(text, lexicon, quantity.Span.Start) is { } start && start < value ? start : value;
        return quantity.Qualifier switch
        {
            "approx" => new(low * (1 - Approximation), value * (1 + Approximation)),
            "more_than" or "at_least" => new(low, double.PositiveInfinity),
            "less_than" or "at_most" => new(0, value),
            _ => new(low * (1 - Tolerance), value * (1 + Tolerance)),
        };
    }

    /// <summary>The low end of a range written before the figure ("150 à 200", "entre 150 et 200").</summary>
    private static double? RangeStart(string text, QuantityLexicon lexicon, int figureStart)
    {
        var before = text.AsSpan(0, figureStart).TrimEnd();
        var space = before.LastIndexOfAny(' ', '\u00A0');
        if (space < 0 || !lexicon.RangeWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(before[(space + 1)..])) return null;
        var number = before[..space].TrimEnd();
        var start = number.Length;
        while (start > 0 && (char.IsDigit(number[start - 1]) || number[start - 1] is '.' or ',' or '\u00A0' or '\u202F')) start--;
        return start < number.Length && QuantityRecognizer.TryParse(number[start..].Trim(), out var value) ? value : null;
    }
}
