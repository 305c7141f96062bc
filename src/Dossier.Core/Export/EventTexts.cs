using Dossier.Core.Events;
using Dossier.Core.Resolve;

namespace Dossier.Core.Export;

/// <summary>How an event reads in the text exports and the timeline: names of its participants
/// and place, and its sources as "doc:line".</summary>
public sealed class EventTexts(IReadOnlyList<EntityGroup> entities)
{
    private readonly Dictionary<string, string> _names = entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);

    public IEnumerable<string> Participants(DossierEvent ev) => ev.Participants.Select(id => _names.GetValueOrDefault(id, id));

    public string? Place(DossierEvent ev) => ev.Place is { } id ? _names.GetValueOrDefault(id, id) : null;

    public static IEnumerable<string> Sources(DossierEvent ev) => ev.Evidence.Select(e => $"{e.DocumentId}:{e.Line}");

    /// <summary>The date as printed: the value as a reader says it (<see cref="Readable"/>), "(inferred)" when only
    /// articles' dates tell it, "(estimated)" when only the bounds of an undated article's date do, "undated" when
    /// nothing does.</summary>
    public static string Date(DossierEvent ev) =>
        ev.Date is not { } date ? "undated" : ev.DateEstimated ? $"{Readable(date)} (estimated)" : ev.DateInferred ? $"{Readable(date)} (inferred)" : Readable(date);

    /// <summary>A value as a reader says it: a decade ("193", TimeML's 1930–1939) as "1930s" and a century ("19") as
    /// "1900s", on either side of a range; a year, month, day or any other value as it is.</summary>
    private static string Readable(string value) =>
        string.Join('/', value.Split('/').Select(part => part.Length is 2 or 3 && part.All(char.IsAsciiDigit) ? $"{part.PadRight(4, '0')}s" : part));
}
