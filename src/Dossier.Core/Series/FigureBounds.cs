using Dossier.Core.Model;

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

    public static FigureBounds Of(Quantity quantity)
    {
        var (low, high) = (quantity.Value, quantity.ValueMax ?? quantity.Value);
        var stated = new FigureBounds(low * (1 - Tolerance), high * (1 + Tolerance));
        return quantity.Qualifier switch
        {
            "approx" => new(low * (1 - Approximation), high * (1 + Approximation)),
            // A range ("150 à 200 morts": at least its low end, at most its high end) is bounded at both.
            "at_least" when quantity.ValueMax is not null => stated,
            "more_than" or "at_least" => new(low, double.PositiveInfinity),
            "less_than" or "at_most" => new(0, high),
            _ => stated,
        };
    }
}
