using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dossier.Core.Events;

namespace Dossier.Core.Export;

/// <summary>The events as a TimelineJS 3 timeline (timeline.knightlab.com/docs/json-format.html):
/// an object whose required "events" list holds slides, each with its required "start_date" (a
/// "year", then "month" and "day" as far as the date goes), an "end_date" for a range, a "text"
/// (headline: the summary; text: participants, place, sources), the event's class as "group" and
/// its id as "unique_id". An event whose year is unknown, or whose estimated date has no first day,
/// cannot be placed on the axis: it is left out, and the title slide says how many were.</summary>
public static class TimelineJsExporter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Stream output, IReadOnlyList<ExportedDocument> documents, CorpusResults corpus) => Write(output, new HeldExport(documents, corpus));

    public static void Write(Stream output, IExportSource dossier)
    {
        var events = dossier.Events();
        var texts = new EventTexts(dossier.EntityNames());
        var placed = events.Where(e => e.Date is { } d && EventDates.Bounds(d) is not null && !d.StartsWith(EventDates.OpenEnd, StringComparison.Ordinal)).ToList();
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteStartObject("title");
        json.WriteStartObject("text");
        json.WriteString("headline", "Dossier");
        json.WriteString("text", $"{placed.Count} events from {dossier.DocumentCount} documents; {events.Count - placed.Count} events of unknown year or start are not shown.");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("events");
        foreach (var ev in placed)
        {
            var slash = ev.Date!.IndexOf('/', StringComparison.Ordinal);
            json.WriteStartObject();
            json.WriteString("unique_id", ev.Id);
            WriteDate(json, "start_date", slash > 0 ? ev.Date[..slash] : ev.Date);
            if (slash > 0 && ev.Date[(slash + 1)..] != EventDates.OpenEnd) WriteDate(json, "end_date", ev.Date[(slash + 1)..]);
            json.WriteStartObject("text");
            json.WriteString("headline", ev.Summary);
            json.WriteString("text", string.Join("<br>", Details(texts, ev).Select(WebUtility.HtmlEncode)));
            json.WriteEndObject();
            json.WriteString("group", ev.Class);
            if (ev.DateEstimated) json.WriteString("display_date", $"{ev.Date} (estimated from an undated report)");
            else if (ev.DateInferred) json.WriteString("display_date", $"{ev.Date} (date of the reports)");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static IEnumerable<string> Details(EventTexts texts, ExportedEvent ev)
    {
        if (texts.Participants(ev).Any()) yield return "Participants: " + string.Join(", ", texts.Participants(ev));
        if (texts.Place(ev) is { } place) yield return "Place: " + place;
        yield return "Sources: " + string.Join(", ", EventTexts.Sources(ev));
    }

    /// <summary>"2016-04-18" → year 2016, month 4, day 18; "2016-04" → year and month; a time is left out.</summary>
    private static void WriteDate(Utf8JsonWriter json, string name, string value)
    {
        json.WriteStartObject(name);
        var parts = value.Split('T')[0].Split('-');
        string[] fields = ["year", "month", "day"];
        for (var i = 0; i < Math.Min(parts.Length, fields.Length); i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var number)) break;
            json.WriteNumber(fields[i], number);
        }
        json.WriteEndObject();
    }
}
