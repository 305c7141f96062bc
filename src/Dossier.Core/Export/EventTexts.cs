using Dossier.Core.Events;
using Dossier.Core.Resolve;

namespace Dossier.Core.Export;

/// <summary>How an event reads in the text exports and the timeline: names of its participants
/// and place, and its sources as "doc:line".</summary>
/// <param name="names">Each entity's name by its id: an id not among them is shown as it is.</param>
public sealed class EventTexts(IReadOnlyDictionary<string, string> names)
{
    public EventTexts(IReadOnlyList<EntityGroup> entities) : this(Names(entities)) { }

    public static IReadOnlyDictionary<string, string> Names(IEnumerable<EntityGroup> entities) => entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);

    public IEnumerable<string> Participants(DossierEvent ev) => Participants(ev.Participants);

    public IEnumerable<string> Participants(ExportedEvent ev) => Participants(ev.Participants);

    private IEnumerable<string> Participants(IReadOnlyList<string> ids) => ids.Select(id => names.GetValueOrDefault(id, id));

    public string? Place(DossierEvent ev) => Place(ev.Place);

    public string? Place(ExportedEvent ev) => Place(ev.Place);

    private string? Place(string? id) => id is not null ? names.GetValueOrDefault(id, id) : null;

    public static IEnumerable<string> Sources(DossierEvent ev) => Sources(ev.Evidence);

    public static IEnumerable<string> Sources(ExportedEvent ev) => Sources(ev.Evidence);

    private static IEnumerable<string> Sources(IReadOnlyList<EventEvidence> evidence) => evidence.Select(e => $"{e.DocumentId}:{e.Line}");

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
