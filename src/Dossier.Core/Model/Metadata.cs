namespace Dossier.Core.Model;

/// <summary>A metadata value and where it was found: the line of the text, or the input format
/// itself ("jsonl:title") when <see cref="Line"/> is null.</summary>
public sealed record MetadataField(string Value, int? Line, string Origin);

/// <summary>The publication date as a TIMEX3 value ("2016-04-19T09:10", "XXXX-04-19").</summary>
/// <param name="Text">The text it was read from.</param>
/// <param name="Inferred">True when part of the value (the year, say) was completed from other evidence.</param>
/// <param name="Origin">How the value was found or completed.</param>
public sealed record PublicationDate(string Value, string? Text, int? Line, bool Inferred, string Origin);

/// <summary>What the Describe stage says of an article. Null means the article does not say.</summary>
public sealed record DocumentMetadata
{
    public MetadataField? Title { get; init; }
    public PublicationDate? Published { get; init; }
    public MetadataField? Outlet { get; init; }
    public MetadataField? Author { get; init; }
    public MetadataField? Agency { get; init; }
    public MetadataField? Dateline { get; init; }
    public string? Url { get; init; }
}
