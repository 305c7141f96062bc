namespace Dossier.Core.Model;

/// <summary>A named-entity mention found by the tagger: PER, ORG, LOC or MISC.</summary>
public readonly record struct EntityMention(TextSpan Span, string Type);

/// <summary>A date or time expression normalised to TIMEX3.</summary>
/// <param name="Type">DATE, TIME, DURATION or SET.</param>
/// <param name="Value">TIMEX3 value ("2016-04-18", "XXXX-12", "P2W"); null when the text does not tell.</param>
/// <param name="Mod">TIMEX3 mod ("START", "MID", "END", "APPROX"), if any.</param>
public sealed record TimeExpression(TextSpan Span, string Type, string? Value, string? Mod = null);

/// <summary>What a figure says of what it counts: how many there are, how many were added, or how
/// many moved.</summary>
public enum QuantityRole : byte { Level, Increment, Movement }

/// <summary>A figure with its unit and qualifier: "quelque 4 100 hommes" is 4100 soldiers, approx.</summary>
/// <param name="Unit">ISO 4217 code for money, km/m for lengths, otherwise an English noun ("soldiers").</param>
/// <param name="Qualifier">exact, approx, more_than, less_than, at_least or at_most.</param>
public sealed record Quantity(TextSpan Span, double Value, string Unit, string Qualifier, QuantityRole Role)
{
    /// <summary>The high end of a range ("220 à 250 morts"), whose low end is <see cref="Value"/>; null for one figure.</summary>
    public double? ValueMax { get; init; }
}
