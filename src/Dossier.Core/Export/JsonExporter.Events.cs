using System.Text.Json;
using Dossier.Core.Events;

namespace Dossier.Core.Export;

public static partial class JsonExporter
{
    /// <summary>The contract's fields, then what else the merger knows (class, status, whether
    /// the date is only the articles', how many documents and outlets report it, its salience).</summary>
    private static void WriteEvents(Utf8JsonWriter json, IReadOnlyList<DossierEvent> events)
    {
        json.WriteStartArray("events");
        foreach (var ev in events)
        {
            json.WriteStartObject();
            json.WriteString("id", ev.Id);
            json.WriteString("date", ev.Date);
            json.WriteString("summary", ev.Summary);
            WriteStrings(json, "participants", ev.Participants);
            json.WriteString("place", ev.Place);
            json.WriteStartArray("evidence");
            foreach (var (doc, line) in ev.Evidence)
            {
                json.WriteStartObject();
                json.WriteString("doc", doc);
                json.WriteNumber("line", line);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("mentions");
            foreach (var report in ev.Reports)
                foreach (var trigger in report.Mention.Triggers)
                    WriteSpan(json, report.DocumentId, report.Source, trigger, static (_, _) => { });
            json.WriteEndArray();
            json.WriteString("class", ev.Class);
            json.WriteString("status", ev.Status.ToString().ToLowerInvariant());
            json.WriteBoolean("date_inferred", ev.DateInferred);
            json.WriteNumber("documents", ev.Documents);
            json.WriteNumber("outlets", ev.Outlets);
            json.WriteNumber("salience", ev.Salience);
            json.WriteEndObject();
            FlushWhenFull(json);
        }
        json.WriteEndArray();
    }
}
