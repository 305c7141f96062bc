namespace Dossier.Core.Model;

/// <summary>A named-entity mention found by the tagger: PER, ORG, LOC or MISC.</summary>
public readonly record struct EntityMention(TextSpan Span, string Type);

/// <summary>A date or time expression normalised to TIMEX3.</summary>
/// <param name="Type">DATE, TIME, DURATION or SET.</param>
/// <param name="Value">TIMEX3 value ("2016-04-18", "XXXX-12", "P2W"); null when the text does not tell.</param>
/// <param name="Mod">TIMEX3 mod ("START", "MID", "END", "APPROX"), if any.</param>
public sealed record TimeExpression(TextSpan Span, string Type, string? Value, string? Mod = null);
