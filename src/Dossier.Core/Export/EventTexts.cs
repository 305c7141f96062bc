using Dossier.Core.Events;
using Dossier.Core.Resolve;

namespace Dossier.Core.Export;

/// <summary>How an event reads in the text exports and the timeline: names of its participants
/// and place, and its sources as "doc:line".</summary>
/// <param name="names">Each entity's name by its id: an id not among them is shown as it is.</param>
public sealed class EventTexts(IReadOnlyDictionary<string, string> names)
{
    public static IReadOnlyDictionary<string, string> Names(IEnumerable<EntityGroup> entities) => entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);

    public IEnumerable<string> Participants(ITimelineEvent ev) => ev.Participants.Select(id => names.GetValueOrDefault(id, id));

    public string? Place(ITimelineEvent ev) => ev.Place is { } id ? names.GetValueOrDefault(id, id) : null;

    public static IEnumerable<string> Sources(ExportedEvent ev) => ev.Evidence.Select(e => $"{e.DocumentId}:{e.Line}");

    /// <summary>The date as printed: the value as a reader says it (<see cref="Readable"/>), "(inferred)" when only
    /// articles' dates tell it, "(estimated)" when only the bounds of an undated article's date do, "undated" when
    /// nothing does.</summary>
    public static string Date(DossierEvent ev) => Date(ev.Date, ev.DateEstimated, ev.DateInferred);

    public static string Date(ExportedEvent ev) => Date(ev.Date, ev.DateEstimated, ev.DateInferred);

    private static string Date(string? value, bool estimated, bool inferred) =>
        value is not { } date ? "undated" : estimated ? $"{Readable(date)} (estimated)" : inferred ? $"{Readable(date)} (inferred)" : Readable(date);

    /// <summary>A value as a reader says it: a decade ("193", TimeML's 1930–1939) as "1930s" and a century ("19") as
    /// "1900s", on either side of a range; a year, month, day or any other value as it is.</summary>
    private static string Readable(string value) =>
        string.Join('/', value.Split('/').Select(part => part.Length is 2 or 3 && part.All(char.IsAsciiDigit) ? $"{part.PadRight(4, '0')}s" : part));
}
